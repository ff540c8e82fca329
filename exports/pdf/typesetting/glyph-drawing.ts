import type { Glyph, GlyphPosition } from 'fontkit'
import { drawPlacedGlyphs, type FontFace } from '../fonts.ts'
import type { ShapedRun } from './shaping.ts'

/** Per document and face: for each embedded variant, the text each glyph id stands for. */
const glyphTextByVariant = new WeakMap<PDFKit.PDFDocument, Map<FontFace, Map<number, string>[]>>()

interface Piece {
	face: FontFace
	variant: number
	/** Left end of the piece, in points. */
	x: number
	glyphs: Glyph[]
	/** In font units, relative to the pen, which starts at `x`. */
	positions: GlyphPosition[]
}

/**
 * Draws shaped runs side by side, left to right from x, on one baseline.
 *
 * Neighbouring glyphs of one face are drawn together, whatever run they belong to. Each glyph goes
 * to the first embedded variant of its face whose text layer agrees with it (the current one when
 * possible), so copied or extracted text names the right letters. Marks without text of their own
 * (the dots fontkit splits off Arabic letters) are drawn after the line, so text extractors see
 * every word in one piece.
 */
export function drawRunsOnBaseline(
	doc: PDFKit.PDFDocument,
	runs: readonly ShapedRun[],
	x: number,
	baselineY: number,
	fontSize: number,
): void {
	const marks = new Map<string, Piece>()
	let piece: Piece | null = null
	let pen = x
	for (const run of runs) {
		const unitsToPoints = fontSize / run.face.unitsPerEm
		const variants = glyphVariants(doc, run.face)
		for (let index = 0; index < run.glyphs.length; index++) {
			const glyph = run.glyphs[index]!
			const position = run.positions[index]!
			if (glyph.codePoints.length === 0 && position.xAdvance === 0) {
				const variant = variantFor(variants, glyph)
				const key = `${run.face.key}/${variant}`
				let markPiece = marks.get(key)
				if (!markPiece) {
					markPiece = { face: run.face, variant, x, glyphs: [], positions: [] }
					marks.set(key, markPiece)
				}
				markPiece.glyphs.push(glyph)
				markPiece.positions.push({
					xAdvance: 0,
					yAdvance: 0,
					xOffset: (pen - x) / unitsToPoints + position.xOffset,
					yOffset: position.yOffset,
				})
				continue
			}
			const current = piece?.face === run.face ? piece.variant : undefined
			const variant = variantFor(variants, glyph, current)
			if (!piece || piece.face !== run.face || piece.variant !== variant) {
				if (piece) drawPiece(doc, piece, baselineY, fontSize)
				piece = { face: run.face, variant, x: pen, glyphs: [], positions: [] }
			}
			piece.glyphs.push(glyph)
			piece.positions.push(position)
			pen += position.xAdvance * unitsToPoints
		}
	}
	if (piece) drawPiece(doc, piece, baselineY, fontSize)
	for (const markPiece of marks.values()) drawPiece(doc, markPiece, baselineY, fontSize)
}

function drawPiece(doc: PDFKit.PDFDocument, piece: Piece, baselineY: number, fontSize: number) {
	drawPlacedGlyphs(doc, piece.face, piece.variant, piece, piece.x, baselineY, fontSize)
}

function glyphVariants(doc: PDFKit.PDFDocument, face: FontFace): Map<number, string>[] {
	let byFace = glyphTextByVariant.get(doc)
	if (!byFace) {
		byFace = new Map()
		glyphTextByVariant.set(doc, byFace)
	}
	let variants = byFace.get(face)
	if (!variants) {
		variants = []
		byFace.set(face, variants)
	}
	return variants
}

/** The variant that gives the glyph this text; the current one if it can, to keep pieces long. */
function variantFor(variants: Map<number, string>[], glyph: Glyph, current?: number): number {
	const text = String.fromCodePoint(...glyph.codePoints)
	const candidates = current === undefined ? [] : [current]
	for (let variant = 0; variant <= variants.length; variant++) candidates.push(variant)
	for (const variant of candidates) {
		const glyphTexts = variants[variant] ?? new Map<number, string>()
		variants[variant] = glyphTexts
		const existing = glyphTexts.get(glyph.id)
		if (existing === undefined) glyphTexts.set(glyph.id, text)
		if (existing === undefined || existing === text) return variant
	}
	throw new Error('unreachable: a new variant always accepts the glyph')
}
