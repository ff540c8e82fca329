import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { fontFilePath, getFontFace, isFontFaceLoaded } from './fonts.ts'
import { createTypesetter } from './typesetting/typesetter.ts'

describe('fonts', () => {
	it('resolves full TrueType files from the npm packages', () => {
		expect(fontFilePath('latin', 'bold')).toMatch(
			/node_modules\/@expo-google-fonts\/noto-sans\/700Bold\/NotoSans_700Bold\.ttf$/,
		)
		expect(getFontFace('arabic', 'regular')).toBe(getFontFace('arabic', 'regular'))
		expect(getFontFace('latin', 'bold').key).toBe('NotoSans-Bold')
	})

	it('reads Noto Sans SC only once Chinese text is typeset', () => {
		const doc = new PDFDocument({ size: 'A4' })
		const typesetter = createTypesetter(doc, { lang: 'en' })
		typesetter.paragraph('Egypt مصر, Россия, 125 kg', { width: 400, fontSize: 10 })
		expect(isFontFaceLoaded('cjk', 'regular')).toBe(false)
		typesetter.paragraph('China 中国', { width: 400, fontSize: 10 })
		expect(isFontFaceLoaded('cjk', 'regular')).toBe(true)
		expect(isFontFaceLoaded('cjk', 'bold')).toBe(false)
	})

	it('gives every glyph occurrence its own characters, also where letters share a glyph', () => {
		const { font } = getFontFace('arabic', 'regular')
		// Initial beh and initial noon are drawn with one dotless glyph plus a dot.
		const [beh] = font
			.layout('بت')
			.glyphs.filter((glyph) => glyph.codePoints.length > 0)
			.reverse()
		const [noon] = font
			.layout('نت')
			.glyphs.filter((glyph) => glyph.codePoints.length > 0)
			.reverse()
		expect(beh!.id).toBe(noon!.id)
		expect(beh!.codePoints).toEqual([0x628])
		expect(noon!.codePoints).toEqual([0x646])
	})
})
