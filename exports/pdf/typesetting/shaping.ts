import bidiFactory from 'bidi-js'
import type { Glyph, GlyphPosition } from 'fontkit'
import { withCodePoints, type FontFace } from '../fonts.ts'

export type TextDirection = 'ltr' | 'rtl'

/** A run of text in one face and one direction, shaped by fontkit; glyphs in visual (drawing) order. */
export interface ShapedRun {
	readonly face: FontFace
	readonly glyphs: readonly Glyph[]
	/** In font units. */
	readonly positions: readonly GlyphPosition[]
	/** Total advance in font units. */
	readonly advance: number
}

export const bidi = bidiFactory()

const MAX_CACHED_RUNS_PER_FACE = 20_000
const shapedRuns = new Map<FontFace, Map<string, ShapedRun>>()

/**
 * Shapes `text` (logical order) as one run. Right-to-left runs are mirrored first (fontkit does not
 * mirror brackets) and come back in visual order; their glyphs still report the logical characters.
 */
export function shapeRun(face: FontFace, text: string, direction: TextDirection): ShapedRun {
	let cache = shapedRuns.get(face)
	if (!cache) {
		cache = new Map()
		shapedRuns.set(face, cache)
	}
	const cacheKey = direction + text
	let run = cache.get(cacheKey)
	if (!run) {
		if (cache.size >= MAX_CACHED_RUNS_PER_FACE) cache.clear()
		run = direction === 'rtl' ? shapeRightToLeft(face, text) : shapeLeftToRight(face, text)
		cache.set(cacheKey, run)
	}
	return run
}

export function runWidth(run: ShapedRun, fontSize: number): number {
	return (run.advance * fontSize) / run.face.unitsPerEm
}

function shapeLeftToRight(face: FontFace, text: string): ShapedRun {
	const { glyphs, positions } = face.font.layout(text, [], undefined, undefined, 'ltr')
	return { face, glyphs, positions, advance: totalAdvance(positions) }
}

function shapeRightToLeft(face: FontFace, text: string): ShapedRun {
	let mirrored = ''
	for (const char of text) mirrored += bidi.getMirroredCharacter(char) ?? char
	const run = face.font.layout(mirrored, [], undefined, undefined, 'rtl')
	const glyphs =
		mirrored === text
			? run.glyphs
			: run.glyphs.map((glyph) => {
					const logical = glyph.codePoints.map(unmirror)
					return logical.every((codePoint, index) => codePoint === glyph.codePoints[index])
						? glyph
						: withCodePoints(glyph, logical)
				})
	return { face, glyphs, positions: run.positions, advance: totalAdvance(run.positions) }
}

function unmirror(codePoint: number): number {
	const mirror = bidi.getMirroredCharacter(String.fromCodePoint(codePoint))
	return mirror ? mirror.codePointAt(0)! : codePoint
}

function totalAdvance(positions: readonly GlyphPosition[]): number {
	let advance = 0
	for (const position of positions) advance += position.xAdvance
	return advance
}
