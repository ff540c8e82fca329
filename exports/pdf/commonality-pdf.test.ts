import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { commonalityAnalysis, registeredForms } from '#forms/commonality.ts'
import { formatPercent } from '#forms/locale-format.ts'
import type { Language } from '#forms/types.ts'
import { createTranslator } from '#app/utils/translator.ts'
import { renderCommonalityPdf } from './commonality-pdf.ts'
import {
	comparable,
	extractText,
	extractWords,
	logicalWord,
	savePdf,
} from './typesetting/pdf-inspection.ts'

const { forms, allVersions } = registeredForms()
const analysisIn = (lang: Language) => commonalityAnalysis({ forms, allVersions, cycles: [], lang })

function wordsOf(lang: Language) {
	const exports: Record<string, unknown> = JSON.parse(
		readFileSync(`locales/${lang}/exports.json`, 'utf8'),
	)
	return createTranslator(lang, { exports }).scoped('exports', 'commonality')
}

async function print(lang: Language) {
	const t = wordsOf(lang)
	const bytes = await renderCommonalityPdf({
		analysis: analysisIn(lang),
		lang,
		generatedAt: '2026-12-04T10:00:00Z',
		t,
	})
	savePdf(`commonality-${lang}`, bytes)
	return { bytes, t }
}

describe('the commonality analysis PDF', () => {
	it('draws the shares as bars and the matrix as a heat map, with legend and caption', async () => {
		const { bytes, t } = await print('en')
		const printed = comparable(await extractText(bytes))
		for (const key of ['sharesChart', 'matrixPicture', 'matrixPictureCaption'])
			expect(printed).toContain(comparable(t(key)))
		const words = await extractWords(bytes)
		// Every concept is a row of the heat map, named by its id alone (the table writes "id: name").
		const printedWords = new Set(words.map((word) => word.text))
		for (const row of analysisIn('en').content.rows) expect(printedWords).toContain(row.concept.id)
		// The heat map's cells carry their counts; the legend names the three shades.
		for (const label of ['1', '2–3', '4+']) expect(words.some((w) => w.text === label)).toBe(true)
		// Each form's share is written beside its bar.
		for (const share of analysisIn('en').content.shares) {
			const percent = formatPercent(share.share, 'en')
			expect(words.filter((word) => word.text === percent).length).toBeGreaterThanOrEqual(2)
		}
	})

	it('reads from the right in Arabic: concept names on the right of the map, labels before the bars', async () => {
		const { bytes } = await print('ar')
		const words = await extractWords(bytes)
		const pageWidth = 595.28
		const concept = words.find((word) => word.text === 'TRADE.EXPORT.WASTE')!
		expect(concept.xMin).toBeGreaterThan(pageWidth / 2)
		const english = await print('en')
		const conceptEn = (await extractWords(english.bytes)).find(
			(word) => word.text === 'TRADE.EXPORT.WASTE',
		)!
		expect(conceptEn.xMax).toBeLessThan(pageWidth / 2)
		expect(words.map(logicalWord).join(' ')).toContain('المصفوفة')
	})
})
