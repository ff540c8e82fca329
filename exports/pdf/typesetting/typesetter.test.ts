import { statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { describe, expect, it } from 'vitest'
import { finishPdf } from './pdf-buffer.ts'
import {
	PDF_ARTEFACTS_DIR,
	comparable,
	embeddedFonts,
	extractText,
	extractWords,
	logicalWord,
	pageCount,
	renderPng,
	savePdf,
	type WordBox,
} from './pdf-inspection.ts'
import { SAMPLE_LANGUAGES, SAMPLE_TEXT, renderSampleMultilingualPdf } from './sample.ts'
import type { Language } from '#forms/vocabulary.ts'
import { createTypesetter, type Typesetter } from './typesetter.ts'

const MARGIN = 56

async function typeset(
	name: string,
	lang: Language,
	draw: (typesetter: Typesetter, doc: PDFKit.PDFDocument) => void,
): Promise<{ file: string; bytes: Buffer }> {
	const doc = new PDFDocument({ size: 'A4', margin: MARGIN })
	draw(createTypesetter(doc, { lang }), doc)
	const bytes = await finishPdf(doc)
	return { file: savePdf(name, bytes), bytes }
}

/**
 * Letters and digits only: the extractor orders right-to-left text with its own simple rules, which
 * can move brackets and punctuation next to a right-to-left run in a line of the other direction.
 */
function lettersOf(text: string): string {
	return comparable(text).replace(/[\p{P}\p{S}]/gu, '')
}

/** The word whose logical text (brackets removed) is `text`. */
function findWord(words: WordBox[], text: string): WordBox {
	const found = words.find((word) => logicalWord(word).replace(/[()]/g, '') === text)
	if (!found) throw new Error(`no word "${text}" in ${words.map(logicalWord).join(' ')}`)
	return found
}

const ARABIC_SENTENCE = 'ثبت في تونس أن بيت المبيدات ينتج 125 طنا كل عام منذ عام 2023'
const ARABIC_WITH_BRACKETS = 'تستخدم المادة (الكيميائية) في الزراعة'
const ARABIC_MIXED =
	'يفيد الطرف بأنه تم إنتاج 125 كغ من مادة دي دي تي (DDT) في عام 2023 ورقم CAS هو 1763-23-1'

describe('typesetter', () => {
	it.each(['en', 'fr', 'es', 'ru', 'zh'] as const)(
		'prints %s so that the text comes back out of the PDF',
		async (lang) => {
			const { heading, body } = SAMPLE_TEXT[lang]
			const { file } = await typeset(`language-${lang}`, lang, (typesetter) => {
				typesetter.paragraph(heading, { width: 483, fontSize: 16, bold: true })
				typesetter.paragraph(body, { width: 300, fontSize: 11 })
			})
			expect(comparable(await extractText(file))).toBe(comparable(heading + body))
		},
	)

	it('prints Arabic so that it comes back in logical order, with the right letters', async () => {
		const { file } = await typeset('arabic-logical-order', 'ar', (typesetter) => {
			typesetter.paragraph(ARABIC_SENTENCE, { width: 483, fontSize: 12 })
			typesetter.paragraph(ARABIC_WITH_BRACKETS, { width: 483, fontSize: 12 })
			typesetter.paragraph(SAMPLE_TEXT.ar.heading, { width: 483, fontSize: 16, bold: true })
		})
		const lines = (await extractText(file)).split('\n').filter((line) => line.trim())
		expect(lines.map(comparable)).toEqual(
			[ARABIC_SENTENCE, ARABIC_WITH_BRACKETS, SAMPLE_TEXT.ar.heading].map(comparable),
		)
	})

	it('places Arabic words right to left and keeps numbers and Latin left to right', async () => {
		let lineCount = 0
		const { file } = await typeset('arabic-word-positions', 'ar', (typesetter) => {
			lineCount = typesetter.paragraph(ARABIC_MIXED, {
				x: MARGIN,
				width: 483,
				fontSize: 11,
			}).lineCount
		})
		expect(lineCount).toBe(1)
		const words = await extractWords(file)
		const inLogicalOrder = ['يفيد', 'إنتاج', '125', 'كغ', 'DDT', 'عام', '2023', 'CAS', '1763-23-1']
		const positions = inLogicalOrder.map((text) => findWord(words, text).xMin)
		for (let index = 1; index < positions.length; index++) {
			expect(positions[index]).toBeLessThan(positions[index - 1]!)
		}
		expect(words.map((word) => word.text)).toEqual(
			expect.arrayContaining(['125', '2023', '1763-23-1']),
		)
		// Right-aligned: the first word ends at the right edge of the box.
		expect(findWord(words, 'يفيد').xMax).toBeCloseTo(MARGIN + 483, 0)
	})

	it('mixes scripts in one paragraph', async () => {
		const text =
			'Parties: China (中国), Egypt (مصر), Russian Federation (Российская Федерация), Côte d’Ivoire, 125 kg.'
		const { file } = await typeset('mixed-scripts', 'en', (typesetter) => {
			typesetter.paragraph(text, { width: 483, fontSize: 11 })
		})
		expect(lettersOf(await extractText(file))).toBe(lettersOf(text))
		const fonts = (await embeddedFonts(file)).map((font) => font.replace(/^[A-Z]{6}\+/, ''))
		expect(fonts).toEqual(
			expect.arrayContaining(['NotoSans-Regular', 'NotoSansArabic-Regular', 'NotoSansSC-Regular']),
		)
	})

	it('only embeds the fonts the text needs, as subsets', async () => {
		const { file } = await typeset('latin-only', 'fr', (typesetter) => {
			typesetter.paragraph(SAMPLE_TEXT.fr.body, { width: 483, fontSize: 11 })
		})
		const fonts = await embeddedFonts(file)
		expect(fonts).toHaveLength(1)
		expect(fonts[0]).toMatch(/^[A-Z]{6}\+NotoSans-Regular$/)
	})

	it.each(['en', 'ru', 'zh', 'ar'] as const)(
		'wraps %s within the width of the box',
		async (lang) => {
			const text = `${SAMPLE_TEXT[lang].body} ${SAMPLE_TEXT[lang].body}`
			const box = { x: 150, width: 200, fontSize: 10 }
			let lineCount = 0
			const { file } = await typeset(`wrap-${lang}`, lang, (typesetter) => {
				lineCount = typesetter.paragraph(text, box).lineCount
			})
			const words = await extractWords(file)
			expect(lineCount).toBeGreaterThan(4)
			const lines = (await extractText(file)).split('\n').filter((line) => line.trim())
			expect(lines).toHaveLength(lineCount)
			for (const word of words) {
				expect(word.xMin).toBeGreaterThanOrEqual(box.x - 0.5)
				expect(word.xMax).toBeLessThanOrEqual(box.x + box.width + 0.5)
			}
			expect(lettersOf(lines.join(''))).toBe(lettersOf(text))
		},
	)

	it.each(['en', 'ar'] as const)(
		'continues %s paragraphs on new pages below the headers the caller draws',
		async (lang) => {
			const text = Array.from({ length: 60 }, () => SAMPLE_TEXT[lang].body).join(' ')
			const headerBottom = MARGIN + 30
			let result = { y: 0, lineCount: 0, pagesAdded: 0 }
			const { file } = await typeset(`pages-${lang}`, lang, (typesetter, doc) => {
				let page = 1
				const header = () => {
					typesetter.textLine(`Header ${page}`, { x: MARGIN, y: MARGIN, width: 483, fontSize: 9 })
					doc.y = headerBottom
				}
				doc.on('pageAdded', () => {
					page++
					header()
				})
				header()
				result = typesetter.paragraph(text, { width: 483, fontSize: 11 })
			})
			expect(result.pagesAdded).toBeGreaterThanOrEqual(2)
			const pages = await pageCount(file)
			expect(pages).toBe(result.pagesAdded + 1)
			const bottom = 841.89 - MARGIN
			const words = await extractWords(file)
			for (let page = 1; page <= pages; page++) {
				const onPage = words.filter((word) => word.page === page)
				const header = onPage.filter((word) => word.yMax < headerBottom - 10)
				const body = onPage.filter((word) => !header.includes(word))
				expect(header.map((word) => word.text)).toEqual(['Header', String(page)])
				// Word boxes follow the font's ascent and descent, which reach a little beyond the line.
				const overshoot = 0.4 * 11
				const bodyTop = Math.min(...body.map((word) => word.yMin))
				expect(bodyTop).toBeGreaterThan(Math.max(...header.map((word) => word.yMax)))
				expect(bodyTop).toBeGreaterThanOrEqual(headerBottom - overshoot)
				expect(Math.max(...body.map((word) => word.yMax))).toBeLessThanOrEqual(bottom + overshoot)
			}
			const bodyText = (await extractText(file))
				.split('\n')
				.filter((line) => !line.includes('Header'))
				.join('\n')
			expect(lettersOf(bodyText)).toBe(lettersOf(text))
		},
	)

	it('aligns lines in the box by the paragraph direction', async () => {
		const box = { x: 100, width: 400, fontSize: 12 }
		const { file } = await typeset('alignment', 'en', (typesetter, doc) => {
			typesetter.paragraph('Start', { ...box, y: 100 })
			typesetter.paragraph('End', { ...box, y: 130, align: 'end' })
			typesetter.paragraph('Centre', { ...box, y: 160, align: 'center' })
			typesetter.paragraph('يمين', { ...box, y: 190, direction: 'rtl' })
			const arabic = createTypesetter(doc, { lang: 'ar' })
			arabic.paragraph('يسار', { ...box, y: 220, align: 'end' })
			arabic.paragraph('Latin', { ...box, y: 250, align: 'left' })
		})
		const words = await extractWords(file)
		expect(findWord(words, 'Start').xMin).toBeCloseTo(100, 0)
		expect(findWord(words, 'End').xMax).toBeCloseTo(500, 0)
		const centre = findWord(words, 'Centre')
		expect((centre.xMin + centre.xMax) / 2).toBeCloseTo(300, 0)
		expect(findWord(words, 'يمين').xMax).toBeCloseTo(500, 0)
		expect(findWord(words, 'يسار').xMin).toBeCloseTo(100, 0)
		expect(findWord(words, 'Latin').xMin).toBeCloseTo(100, 0)
	})

	it('measures exactly the height and width it draws', async () => {
		const cases: [Language, string, number][] = [
			['en', SAMPLE_TEXT.en.body, 180],
			['fr', `${SAMPLE_TEXT.fr.heading}\n${SAMPLE_TEXT.fr.body}`, 250],
			['zh', SAMPLE_TEXT.zh.body, 120],
			['ar', SAMPLE_TEXT.ar.body, 150],
		]
		await typeset('measurement', 'en', (_, doc) => {
			for (const [lang, text, width] of cases) {
				const typesetter = createTypesetter(doc, { lang })
				const box = { width, fontSize: 10, lineGap: 2 }
				const height = typesetter.measureHeight(text, box)
				const lines = typesetter.wrap(text, box)
				const result = typesetter.paragraph(text, { ...box, y: 100, pageBreaks: false })
				expect(result.y - 100).toBeCloseTo(height, 6)
				expect(result.lineCount).toBe(lines.length)
				expect(height).toBeCloseTo(
					lines.length * typesetter.measureLineHeight(box) + (lines.length - 1) * 2,
					6,
				)
				const y = doc.y
				const drawnWidth = typesetter.textLine(lines[0]!, { x: MARGIN, y: 700, fontSize: 10 })
				expect(drawnWidth).toBeCloseTo(typesetter.measureWidth(lines[0]!, { fontSize: 10 }), 6)
				expect(doc.y).toBe(y)
			}
		})
	})

	it('keeps a PDF in five scripts small and renders a page per language for inspection', async () => {
		const started = performance.now()
		const bytes = await renderSampleMultilingualPdf()
		const firstMs = performance.now() - started
		const warmRuns = 5
		const warmStarted = performance.now()
		for (let run = 0; run < warmRuns; run++) await renderSampleMultilingualPdf()
		const warmMs = (performance.now() - warmStarted) / warmRuns

		const file = savePdf('sample-six-languages', bytes)
		expect(bytes.length).toBeLessThan(400_000)
		expect(await pageCount(file)).toBe(SAMPLE_LANGUAGES.length)
		for (const [index, lang] of SAMPLE_LANGUAGES.entries()) {
			const page = lettersOf(await extractText(file, { page: index + 1 }))
			expect(page).toContain(lettersOf(SAMPLE_TEXT[lang].heading))
			expect(page).toContain(lettersOf(SAMPLE_TEXT[lang].body))
			// Page images only where poppler's pdftoppm is installed.
			const png = renderPng(file, `sample-${lang}`, index + 1)
			if (png) expect(statSync(png).size).toBeGreaterThan(5_000)
		}
		renderPng(savePdf('arabic-mixed', (await typesetArabicSpecimen()).bytes), 'arabic-mixed')

		const timings = {
			bytes: bytes.length,
			firstRenderMs: Math.round(firstMs),
			warmRenderMs: Math.round(warmMs * 10) / 10,
		}
		writeFileSync(
			path.join(PDF_ARTEFACTS_DIR, 'timings.json'),
			`${JSON.stringify(timings, null, 2)}\n`,
		)
		console.log('sample PDF in six languages:', timings)
	})
})

function typesetArabicSpecimen() {
	return typeset('arabic-specimen', 'ar', (typesetter) => {
		for (const text of [ARABIC_SENTENCE, ARABIC_WITH_BRACKETS, ARABIC_MIXED]) {
			typesetter.paragraph(text, { width: 483, fontSize: 14, lineGap: 4 })
		}
		typesetter.paragraph(SAMPLE_TEXT.ar.body, { width: 240, fontSize: 11, bold: true })
	})
}
