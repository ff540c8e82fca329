import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import * as fontkit from 'fontkit'
import type { Font, Glyph, GlyphPosition, GlyphRun } from 'fontkit'

/** The font families embedded in report PDFs: Noto Sans for Latin, Cyrillic and Greek, Noto Sans Arabic, Noto Sans SC. */
export type FontFamily = 'latin' | 'arabic' | 'cjk'
export type FontWeight = 'regular' | 'bold'

/** Full TrueType files from npm (see docs/decisions/005-pdf-multilingual-typesetting.md). */
const FONT_FILES: Record<FontFamily, Record<FontWeight, string>> = {
	latin: {
		regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
		bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
	},
	arabic: {
		regular: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
		bold: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
	},
	cjk: {
		regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
		bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
	},
}

/**
 * One parsed font file, shared by every document of the process. Glyph objects it hands out carry
 * the code points of the occurrence that produced them (fontkit caches one object per glyph id and
 * would otherwise report the characters of whichever occurrence came first).
 */
export interface FontFace {
	/** Unique name of the face, e.g. `NotoSansArabic-Bold`. */
	readonly key: string
	readonly family: FontFamily
	readonly weight: FontWeight
	readonly font: Font
	readonly unitsPerEm: number
	hasGlyph(codePoint: number): boolean
}

const require = createRequire(import.meta.url)
const loadedFaces = new Map<string, FontFace>()

export function fontFilePath(family: FontFamily, weight: FontWeight): string {
	return require.resolve(FONT_FILES[family][weight])
}

export function isFontFaceLoaded(family: FontFamily, weight: FontWeight): boolean {
	return loadedFaces.has(`${family}/${weight}`)
}

/** Reads and parses the font file on first use (Noto Sans SC is ~10 MB: only load it for CJK text). */
export function getFontFace(family: FontFamily, weight: FontWeight): FontFace {
	const cacheKey = `${family}/${weight}`
	let face = loadedFaces.get(cacheKey)
	if (!face) {
		face = loadFontFace(family, weight)
		loadedFaces.set(cacheKey, face)
	}
	return face
}

function loadFontFace(family: FontFamily, weight: FontWeight): FontFace {
	const font = fontkit.create(readFileSync(fontFilePath(family, weight)))
	giveGlyphsTheirOwnCodePoints(font)
	const coverage = new Map<number, boolean>()
	return {
		key: font.postscriptName,
		family,
		weight,
		font,
		unitsPerEm: font.unitsPerEm,
		hasGlyph(codePoint) {
			let covered = coverage.get(codePoint)
			if (covered === undefined) {
				covered = font.hasGlyphForCodePoint(codePoint)
				coverage.set(codePoint, covered)
			}
			return covered
		},
	}
}

function giveGlyphsTheirOwnCodePoints(font: Font): void {
	const cachedGlyph = font.getGlyph.bind(font)
	font.getGlyph = (id: number, codePoints: number[] = []) => {
		const glyph = cachedGlyph(id, codePoints)
		if (sameCodePoints(glyph.codePoints, codePoints)) return glyph
		return withCodePoints(glyph, codePoints)
	}
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((codePoint, index) => codePoint === b[index])
}

/** The same glyph, reporting other characters (used for the text layer of the PDF). */
export function withCodePoints(glyph: Glyph, codePoints: number[]): Glyph {
	return Object.create(glyph, { codePoints: { value: codePoints } }) as Glyph
}

// --- pdfkit bridge -------------------------------------------------------------------------------
//
// pdfkit accepts a fontkit font object as a font source and asks it to lay out each string it
// draws. The typesetter shapes text itself, so the font object handed to pdfkit is a proxy whose
// layout returns the glyphs the typesetter placed. A document may need several embedded copies
// ("variants") of one face, because pdfkit maps each glyph id to one text string per embedded font
// and one Arabic glyph can stand for several letters.

interface PlacedGlyphs {
	glyphs: Glyph[]
	positions: GlyphPosition[]
}

let glyphsToDraw: PlacedGlyphs | null = null
const pdfkitSources = new Map<string, Font>()
const registeredFonts = new WeakMap<PDFKit.PDFDocument, Set<string>>()

function pdfkitSource(face: FontFace, variant: number): Font {
	const name = variant === 0 ? face.key : `${face.key}-${variant}`
	let source = pdfkitSources.get(name)
	if (!source) {
		source = new Proxy(face.font, {
			get(target, property) {
				if (property === 'postscriptName') return name
				if (property === 'layout') return layoutForPdfkit(target)
				const value: unknown = Reflect.get(target, property, target)
				return typeof value === 'function' ? value.bind(target) : value
			},
		})
		pdfkitSources.set(name, source)
	}
	return source
}

function layoutForPdfkit(font: Font) {
	return (text: string, features?: string[]): GlyphRun => {
		if (!glyphsToDraw) return font.layout(text, features)
		// pdfkit scales the positions in place, so every call gets fresh copies.
		const positions = glyphsToDraw.positions.map((position) => ({ ...position }))
		return {
			glyphs: glyphsToDraw.glyphs,
			positions,
			advanceWidth: positions.reduce((sum, position) => sum + position.xAdvance, 0),
			direction: 'ltr',
		}
	}
}

/** Registers variant `variant` of a face on the document (once) and returns its pdfkit font name. */
export function registerFontFace(doc: PDFKit.PDFDocument, face: FontFace, variant = 0): string {
	const name = variant === 0 ? face.key : `${face.key}-${variant}`
	let registered = registeredFonts.get(doc)
	if (!registered) {
		registered = new Set()
		registeredFonts.set(doc, registered)
	}
	if (!registered.has(name)) {
		// A fontkit font object is a valid pdfkit font source; @types/pdfkit only lists file sources.
		doc.registerFont(name, pdfkitSource(face, variant) as unknown as Buffer)
		registered.add(name)
	}
	return name
}

/**
 * Draws glyphs exactly as placed (positions in font units, in drawing order) with the pen starting
 * at (x, baselineY). `label` is only used by pdfkit for bookkeeping.
 */
export function drawPlacedGlyphs(
	doc: PDFKit.PDFDocument,
	face: FontFace,
	variant: number,
	placed: PlacedGlyphs,
	x: number,
	baselineY: number,
	fontSize: number,
): void {
	if (placed.glyphs.length === 0) return
	doc.font(registerFontFace(doc, face, variant)).fontSize(fontSize)
	glyphsToDraw = placed
	try {
		doc.text('\u25CC', x, baselineY, { lineBreak: false, baseline: 'alphabetic', features: [] })
	} finally {
		glyphsToDraw = null
	}
}
