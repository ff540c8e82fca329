import { mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatDateTime, formatNumber } from '#forms/locale-format.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import type { Answers, Language } from '#forms/types.ts'
import { countryName, sampleDocument } from '../fixtures.ts'
import { documentLabels, fillIn } from '../labels.ts'
import { renderReportPdf } from './report-pdf.ts'
import { comparable, extractText, pageCount, renderPng } from './typesetting/pdf-inspection.ts'

const ARTEFACTS = path.resolve('test-results/exports')

function save(name: string, bytes: Uint8Array): string {
	mkdirSync(ARTEFACTS, { recursive: true })
	const file = path.join(ARTEFACTS, `${name}.pdf`)
	writeFileSync(file, bytes)
	return file
}

/** Free-text answers written in each script, to find in the extracted text. */
const FREE_TEXT: Record<Exclude<Language, 'es'>, { consulted: string; obstacles: string }> = {
	en: {
		consulted: 'Ministry of Health and the customs authority were consulted in May.',
		obstacles: 'Laboratory capacity for new chemicals remains limited.',
	},
	fr: {
		consulted: 'Le ministère de la Santé et les douanes ont été consultés en mai.',
		obstacles: 'La capacité des laboratoires reste limitée pour les nouveaux produits.',
	},
	ru: {
		consulted: 'Были проведены консультации с министерством здравоохранения и таможней.',
		obstacles: 'Возможности лабораторий для новых веществ остаются ограниченными.',
	},
	zh: {
		consulted: '已与卫生部和海关当局进行了协商。',
		obstacles: '新化学品的实验室能力仍然有限。',
	},
	ar: {
		consulted: 'تمت استشارة وزارة الصحة وهيئة الجمارك في شهر مايو.',
		obstacles: 'لا تزال قدرات المختبرات محدودة بالنسبة للمواد الكيميائية الجديدة.',
	},
}

const HIDDEN_VALUE = 98765.4321

function answersIn(lang: Exclude<Language, 'es'>): Answers {
	return {
		...buildCompleteArt15V6Answers(art15V6Context()),
		a_stakeholders_consulted: FREE_TEXT[lang].consulted,
		b_obstacles_implementation: FREE_TEXT[lang].obstacles,
		// Hidden: PCB use ended by 2025, so the remaining quantity is not asked (and not printed).
		c_pcb_remaining_in_use_t: HIDDEN_VALUE,
	}
}

/**
 * Letters and digits only: the extractor orders punctuation next to right-to-left runs by simple
 * rules of its own (in a line of the other direction, a period can move to the other end).
 */
function lettersOf(text: string): string {
	return comparable(text).replace(/[\p{P}\p{S}]/gu, '')
}

async function pagesContaining(file: string, pages: number, text: string): Promise<number[]> {
	const found: number[] = []
	for (let page = 1; page <= pages; page++) {
		if (lettersOf(await extractText(file, { page })).includes(lettersOf(text))) found.push(page)
	}
	return found
}

describe('report PDF', () => {
	it.each(['en', 'fr', 'ru', 'zh', 'ar'] as const)(
		'prints a complete report in %s with the answers extractable, and a page image',
		async (lang) => {
			const doc = sampleDocument({ lang, answers: answersIn(lang) })
			const bytes = await renderReportPdf(doc)
			const file = save(`report-${lang}`, bytes)
			const text = comparable(await extractText(file))
			const labels = documentLabels(lang)
			const pages = await pageCount(file)

			// Free text in the document language, in logical order (Arabic included).
			expect(lettersOf(text)).toContain(lettersOf(FREE_TEXT[lang].consulted))
			expect(lettersOf(text)).toContain(lettersOf(FREE_TEXT[lang].obstacles))
			// Cover: country name in the language, status, submission number, time and fingerprint.
			expect(text).toContain(comparable(countryName('KEN', lang)))
			expect(text).toContain(comparable(labels.states.accepted))
			expect(text).toContain(comparable(doc.meta.sha256!))
			expect(text).toContain(comparable(doc.meta.formSha256!))
			// Dates in the document's language (the time in UTC, labelled so); word by word, as
			// extractors reorder mixed Arabic and Latin runs their own way.
			for (const word of formatDateTime(doc.meta.submittedAt!, lang).split(/[\s,،]+/))
				expect(lettersOf(text)).toContain(lettersOf(word))
			// Figures, distinct from markers; attachments; page numbers.
			expect(text).toContain(comparable(formatNumber(250_000, lang)))
			const lastPage = comparable(await extractText(file, { page: pages }))
			expect(lastPage).toContain(comparable(fillIn(labels.pageOf, { page: pages, pages })))
			expect(text).toContain('nip-update.pdf')
			// Hidden questions are left out.
			expect(text).not.toContain(comparable(formatNumber(HIDDEN_VALUE, lang)))

			const page = (await pagesContaining(file, pages, FREE_TEXT[lang].consulted))[0]!
			// A page image only where poppler's pdftoppm is installed.
			const png = renderPng(file, `report-${lang}-page-${page}`, page)
			if (png) expect(statSync(png).size).toBeGreaterThan(5_000)
			// Subset fonts keep the file small.
			expect(bytes.length).toBeLessThan(400_000)
		},
	)

	it('shows markers, zero and unanswered distinctly', async () => {
		const answers = buildCompleteArt15V6Answers(art15V6Context())
		delete answers.b_format_comments
		const file = save('report-markers', await renderReportPdf(sampleDocument({ answers })))
		const text = await extractText(file)
		expect(comparable(text)).toContain(comparable('[Information not available]'))
		expect(comparable(text)).toContain(comparable('[Confidential]'))
		expect(comparable(text)).toContain(comparable('[Not applicable]'))
		// Statistics of chemicals without trade are zero, printed as 0 (not blank, not a marker).
		expect(text).toMatch(/(^|\s)0(\s|$)/m)
		expect(text).toContain(documentLabels('en').notAnswered)
	})

	it('repeats the header of a long table on every page it spans', async () => {
		// Every chemical with activity: the statistics table (chemical × year) spans several pages.
		const answers = buildCompleteArt15V6Answers(art15V6Context(), { activeChemicals: 'all' })
		const file = save('report-long-table', await renderReportPdf(sampleDocument({ answers })))
		const pages = await pageCount(file)
		const withHeader = await pagesContaining(file, pages, 'Production (kg)')
		expect(withHeader.length).toBeGreaterThanOrEqual(3)
		for (const page of withHeader) {
			const pageText = await extractText(file, { page })
			expect(pageText).toContain('Import (kg)')
			expect(pageText).toContain('Export (kg)')
		}
	})

	it('marks drafts with a watermark on every page and leaves out what only submissions have', async () => {
		const doc = sampleDocument({
			lang: 'fr',
			meta: {
				status: 'draft',
				isDraft: true,
				submissionNumber: null,
				submittedAt: null,
				sha256: null,
			},
		})
		const file = save('report-draft-fr', await renderReportPdf(doc))
		const pages = await pageCount(file)
		for (let page = 1; page <= pages; page++) {
			// The watermark is drawn first, so the page's text (in drawing order) starts with it.
			expect(
				comparable(await extractText(file, { page })).startsWith(
					documentLabels('fr').draftWatermark,
				),
			).toBe(true)
		}
		const text = await extractText(file)
		expect(text).not.toContain(documentLabels('fr').fingerprint)
		expect(text).toContain(documentLabels('fr').states.draft)
		renderPng(file, 'report-draft-fr-cover', 1)
	})

	it('prints the DDT questionnaire with its tables', async () => {
		const file = save(
			'report-ddt',
			await renderReportPdf(
				sampleDocument({ definition: (await import('../fixtures.ts')).DDT_V1 }),
			),
		)
		const text = await extractText(file)
		expect(text).toContain('India')
		expect(comparable(text)).toContain(comparable(formatNumber(250_000, 'en')))
	})
})
