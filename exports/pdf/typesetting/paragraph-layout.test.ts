import { describe, expect, it } from 'vitest'
import { layoutText, visualOrder, type LaidOutLine, type LayoutStyle } from './paragraph-layout.ts'

const style = (
	lang: LayoutStyle['lang'],
	direction: LayoutStyle['direction'] = 'ltr',
): LayoutStyle => ({
	lang,
	fontSize: 10,
	bold: false,
	direction,
})

/** What each run of a line draws, left to right, with the face that draws it. */
function visualRuns(line: LaidOutLine): { text: string; face: string }[] {
	return line.runs.map(({ run }) => ({
		text: run.glyphs.map((glyph) => String.fromCodePoint(...glyph.codePoints)).join(''),
		face: run.face.key,
	}))
}

describe('visualOrder (UAX #9 rule L2)', () => {
	it('reverses right-to-left sequences and restores embedded left-to-right ones', () => {
		expect(visualOrder([0, 0, 1, 1, 0])).toEqual([0, 1, 3, 2, 4])
		expect(visualOrder([1, 1, 2, 2, 1])).toEqual([4, 2, 3, 1, 0])
		expect(visualOrder([])).toEqual([])
	})
})

describe('layoutText', () => {
	it('lays out an Arabic line right to left with numbers and Latin left to right', () => {
		const [line] = layoutText('الكمية 125 kg (مادة)', style('ar', 'rtl'), Infinity)
		// Visual order, left to right: "(مادة)", "kg", "125", and "الكمية" at the right edge. Glyphs
		// report logical characters, so Arabic reads backwards here and the brackets look swapped.
		const runs = visualRuns(line!)
		expect(runs.map((run) => run.text)).toEqual([')ةدام(', ' ', 'kg', ' ', '125', ' ةيمكلا'])
		expect(runs.map((run) => run.face)).toEqual([
			'NotoSansArabic-Regular',
			'NotoSans-Regular',
			'NotoSans-Regular',
			'NotoSansArabic-Regular',
			'NotoSansArabic-Regular',
			'NotoSansArabic-Regular',
		])
		// The bracket glyphs are mirrored: the left one is drawn with the "(" glyph.
		expect(line!.runs[0]!.run.glyphs[0]!.name).toBe('parenleft')
		expect(line!.direction).toBe('rtl')
		expect(line!.text).toBe('الكمية 125 kg (مادة)')
	})

	it('keeps hyphenated digit groups left to right after an Arabic letter', () => {
		const [line] = layoutText('الرقم 50-29-3', style('ar', 'rtl'), Infinity)
		expect(visualRuns(line!).map((run) => run.text)).toEqual(['50-29-3', ' مقرلا'])
		expect(line!.text).toBe('الرقم 50-29-3')
	})

	it('joins Arabic letters (contextual forms and the lam-alef ligature)', () => {
		const [line] = layoutText('السلام', style('ar', 'rtl'), Infinity)
		const glyphs = line!.runs.flatMap(({ run }) => run.glyphs.map((glyph) => glyph.name))
		expect(glyphs).toEqual([
			'uni0645',
			'uni0627.fina.rlig.2',
			'uni0644.medi.rlig',
			'uni0633.medi',
			'uni0644.init',
			'uni0627',
		])
	})

	it('sets Latin, Cyrillic, Arabic and Chinese in their own faces within one line', () => {
		const [line] = layoutText('Egypt مصر, China 中国, Россия', style('en'), Infinity)
		const faces = visualRuns(line!).map((run) => `${run.face}:${run.text}`)
		expect(faces).toEqual([
			'NotoSans-Regular:Egypt ',
			'NotoSansArabic-Regular:رصم',
			'NotoSansArabic-Regular:, ',
			'NotoSans-Regular:China ',
			'NotoSansSC-Regular:中国, ',
			'NotoSans-Regular:Россия',
		])
	})

	it('wraps within the width, breaking in logical order', () => {
		const text =
			'The Party reports that 125 kg of DDT (CAS 50-29-3) were produced in 2023 for disease vector control.'
		const lines = layoutText(text, style('en'), 150)
		expect(lines.length).toBeGreaterThan(2)
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(150)
		expect(lines.map((line) => line.text).join(' ')).toBe(text)
	})

	it('wraps Arabic and keeps each line in logical order', () => {
		const text =
			'يفيد الطرف بأنه تم إنتاج 125 كغ من مادة دي دي تي في عام 2023 لمكافحة نواقل الأمراض'
		const lines = layoutText(text, style('ar', 'rtl'), 120)
		expect(lines.length).toBeGreaterThan(2)
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(120)
		expect(lines.map((line) => line.text).join(' ')).toBe(text)
	})

	it('breaks Chinese between any two ideographs', () => {
		const text = '缔约方报告，2023年为病媒控制生产了125公斤滴滴涕。'
		const lines = layoutText(text, style('zh'), 60)
		expect(lines.length).toBeGreaterThan(3)
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(60)
		expect(lines.map((line) => line.text).join('')).toBe(text)
		for (const line of lines.slice(1)) expect(line.text).not.toMatch(/^[，。]/)
	})

	it('cuts a word longer than the line', () => {
		const lines = layoutText('Dodecachloropentacyclodecane', style('en'), 40)
		expect(lines.length).toBeGreaterThan(2)
		for (const line of lines) expect(line.width).toBeLessThanOrEqual(40)
		expect(lines.map((line) => line.text).join('')).toBe('Dodecachloropentacyclodecane')
	})

	it('keeps newlines as line ends and empty lines', () => {
		const lines = layoutText('first\n\nthird\r\nfourth', style('fr'), Infinity)
		expect(lines.map((line) => line.text)).toEqual(['first', '', 'third', 'fourth'])
		expect(layoutText('', style('fr'), Infinity)).toEqual([])
	})

	it('draws nothing for bidi controls but obeys them', () => {
		const [line] = layoutText('\u202Eabc\u202C def', style('en'), Infinity)
		expect(visualRuns(line!).map((run) => run.text)).toEqual(['cba', ' def'])
	})
})
