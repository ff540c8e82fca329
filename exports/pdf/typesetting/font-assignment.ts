import type { Language } from '#forms/vocabulary.ts'
import { getFontFace, type FontFace, type FontFamily, type FontWeight } from '../fonts.ts'
import { isBreakingSpace } from './line-breaking.ts'

/** Fallback order of the font families for a document language. */
export function fontFamilyOrder(lang: Language): readonly FontFamily[] {
	if (lang === 'ar') return ['arabic', 'latin', 'cjk']
	if (lang === 'zh') return ['cjk', 'latin', 'arabic']
	return ['latin', 'arabic', 'cjk']
}

type CharClass = FontFamily | 'opening' | 'common' | 'mark' | 'other' | 'invisible'

const ARABIC_SCRIPT = /\p{Script=Arabic}/u
const CJK_SCRIPTS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u
const LATIN_SCRIPTS = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u
const MARK = /[\p{M}\u200C]|\u200D/u
const OPENING_PUNCTUATION = /[\p{Ps}\p{Pi}]/u
const COMMON = /[\p{Script=Common}\p{Script=Inherited}]/u
// Format characters that draw nothing (bidi controls, zero-width space, soft hyphen...), except the
// joiners, which steer Arabic shaping, and the Arabic signs that span numbers.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u
const VISIBLE_FORMAT = /[\u200C\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2]|\u200D/u

const classes = new Map<number, CharClass>()

function classify(codePoint: number): CharClass {
	let charClass = classes.get(codePoint)
	if (charClass === undefined) {
		charClass = computeClass(String.fromCodePoint(codePoint))
		classes.set(codePoint, charClass)
	}
	return charClass
}

function computeClass(char: string): CharClass {
	if (INVISIBLE.test(char) && !VISIBLE_FORMAT.test(char)) return 'invisible'
	if (MARK.test(char)) return 'mark'
	if (ARABIC_SCRIPT.test(char)) return 'arabic'
	if (CJK_SCRIPTS.test(char)) return 'cjk'
	if (LATIN_SCRIPTS.test(char)) return 'latin'
	if (OPENING_PUNCTUATION.test(char)) return 'opening'
	if (COMMON.test(char)) return 'common'
	return 'other'
}

function isFamily(charClass: CharClass): charClass is FontFamily {
	return charClass === 'latin' || charClass === 'arabic' || charClass === 'cjk'
}

/**
 * Chooses a face for every code point; `null` for characters that draw nothing.
 *
 * Letters go to the family of their script; digits, spaces and punctuation stay with their
 * neighbours (opening brackets and quotes with the text that follows, the others with the text
 * before, unless a space separates them), so runs are not cut needlessly; combining marks stay
 * with their base. Whenever the
 * preferred face lacks the glyph, the document language's fallback order decides. A face is only
 * loaded when it is asked for a glyph, so Noto Sans SC is read only for text that needs it.
 */
export function assignFaces(
	codePoints: readonly number[],
	lang: Language,
	weight: FontWeight,
): (FontFace | null)[] {
	const order = fontFamilyOrder(lang)
	const charClasses = codePoints.map(classify)
	const nextLetterFamily: (FontFamily | null)[] = new Array(codePoints.length).fill(null)
	let following: FontFamily | null = null
	for (let index = codePoints.length - 1; index >= 0; index--) {
		nextLetterFamily[index] = following
		const charClass = charClasses[index]!
		if (isFamily(charClass)) following = charClass
	}

	const faces: (FontFace | null)[] = []
	let previous: FontFamily | null = null
	let previousIsSpace = false
	codePoints.forEach((codePoint, index) => {
		const charClass = charClasses[index]!
		if (charClass === 'invisible') {
			faces.push(null)
			return
		}
		const preferred =
			charClass === 'common' && previousIsSpace
				? []
				: preferredFamilies(charClass, previous, nextLetterFamily[index] ?? null)
		const face = firstFaceWithGlyph(codePoint, [...preferred, ...order], weight)
		if (!face && charClass === 'mark' && (codePoint === 0x200c || codePoint === 0x200d)) {
			faces.push(null)
			return
		}
		const chosen = face ?? getFontFace(order[0]!, weight)
		faces.push(chosen)
		previous = chosen.family
		previousIsSpace = isBreakingSpace(codePoint)
	})
	return faces
}

function preferredFamilies(
	charClass: CharClass,
	previous: FontFamily | null,
	next: FontFamily | null,
): (FontFamily | null)[] {
	if (isFamily(charClass)) return [charClass]
	if (charClass === 'mark') return [previous]
	if (charClass === 'opening') return [next, previous]
	if (charClass === 'common') return previous ? [previous, next] : [next]
	return []
}

function firstFaceWithGlyph(
	codePoint: number,
	families: readonly (FontFamily | null)[],
	weight: FontWeight,
): FontFace | null {
	for (const family of families) {
		if (!family) continue
		const face = getFontFace(family, weight)
		if (face.hasGlyph(codePoint)) return face
	}
	return null
}
