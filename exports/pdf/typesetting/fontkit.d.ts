// The part of fontkit 2 (pdfkit's font engine, which ships no types) that the typesetter uses.
declare module 'fontkit' {
	export interface Glyph {
		readonly id: number
		readonly codePoints: number[]
		readonly advanceWidth: number
		readonly isMark: boolean
		readonly name: string
	}

	export interface GlyphPosition {
		xAdvance: number
		yAdvance: number
		xOffset: number
		yOffset: number
	}

	export interface GlyphRun {
		glyphs: Glyph[]
		positions: GlyphPosition[]
		readonly advanceWidth: number
		readonly direction: 'ltr' | 'rtl'
	}

	export interface Font {
		readonly postscriptName: string
		readonly unitsPerEm: number
		readonly ascent: number
		readonly descent: number
		hasGlyphForCodePoint(codePoint: number): boolean
		getGlyph(id: number, codePoints?: number[]): Glyph
		layout(
			text: string,
			features?: string[] | Record<string, boolean>,
			script?: string,
			language?: string,
			direction?: 'ltr' | 'rtl',
		): GlyphRun
	}

	export function create(buffer: Uint8Array, postscriptName?: string): Font
}
