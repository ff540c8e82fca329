import PDFDocument from 'pdfkit'
import type { PrintedValue } from '#forms/answer-text.ts'
import type { CommonalityAnalysis, FormatDimension } from '#forms/commonality.ts'
import { formatDate, formatPercent } from '#forms/locale-format.ts'
import type { TableColumn } from '#forms/types.ts'
import type { Language } from '#forms/types.ts'
import { documentLabels } from '../labels.ts'
import { drawMatrixHeatMap, drawSharesChart } from './commonality-charts.ts'
import { ReportPrinter, SIZE } from './report-pdf.ts'
import { finishPdf } from './typesetting/pdf-buffer.ts'
import { createTypesetter } from './typesetting/typesetter.ts'

/** The page's words (the `exports:commonality` texts), resolved by the caller in the document language. */
export type CommonalityWords = (key: string, params?: Record<string, unknown>) => string

export interface CommonalityPdfInput {
	analysis: CommonalityAnalysis
	lang: Language
	generatedAt: string
	/** The selected Party's name, when its calendar is printed. */
	partyName?: string
	t: CommonalityWords
}

const text = (value: string): PrintedValue =>
	value ? { text: value, kind: 'text' } : { text: '–', kind: 'text' }
const number = (value: number): PrintedValue => ({ text: String(value), kind: 'number' })
/** Columns sized by their type, as the report's tables are. */
const columns = (labels: string[], types: TableColumn['type'][]) =>
	labels.map((label, index) => ({
		id: String(index),
		label,
		column: { id: String(index), type: types[index] ?? 'text' } as TableColumn,
	}))

function contentTables(printer: ReportPrinter, { analysis, t, lang }: CommonalityPdfInput) {
	const { content } = analysis
	const titleOf = new Map(content.forms.map((form) => [form.formId, form.title]))
	printer.heading(t('contentTitle'), SIZE.part, 14)
	printer.heading(t('sharesCaption'), SIZE.section, 4)
	printer.table(
		columns(
			[t('form'), t('formQuestions'), t('sharedQuestions'), t('share')],
			['long_text', 'integer', 'integer', 'integer'],
		),
		content.shares.map((share) => [
			text(titleOf.get(share.formId) ?? share.formId),
			number(share.questions),
			number(share.shared),
			text(formatPercent(share.share, lang)),
		]),
	)
	drawSharesChart(printer, content, { t, lang })
	printer.value(
		text(
			content.widelyShared.length > 0
				? t('widelyShared', { concepts: content.widelyShared.join(', ') })
				: t('noneWidelyShared'),
		),
	)
	drawMatrixHeatMap(printer, content, { t })
	printer.heading(t('matrixCaption'), SIZE.section, 8)
	printer.table(
		columns(
			[t('concept'), t('reuse'), ...content.forms.map((form) => `${form.title} v${form.version}`)],
			['long_text', 'date', ...content.forms.map(() => 'date' as const)],
		),
		content.rows.map((row) => [
			text(`${row.concept.id}: ${row.concept.description}`),
			text(t(`reuseKinds.${row.concept.reuse}`)),
			...content.forms.map((form) => {
				const items = row.cells[form.formId]
				return text(items ? items.map((item) => item.itemId).join(', ') : '')
			}),
		]),
	)
}

function formatTable(printer: ReportPrinter, { analysis, t }: CommonalityPdfInput) {
	const titleOf = new Map(analysis.content.forms.map((form) => [form.formId, form.title]))
	printer.heading(t('formatTitle'), SIZE.part, 14)
	printer.value(text(t('formatIntro')))
	const dimensions: FormatDimension[] = [
		'questionType',
		'unit',
		'classification',
		'partner',
		'period',
	]
	printer.table(
		columns(
			[t('concept'), t('form'), ...dimensions.map((dimension) => t(`dimensions.${dimension}`))],
			['text', 'text', 'text', 'date', 'text', 'date', 'text'],
		),
		analysis.format.flatMap((row) =>
			row.cells.map((cell) => {
				const values: Record<FormatDimension, string> = {
					questionType: cell.questionTypes.join(', '),
					unit: cell.units.join(', '),
					classification: cell.codeLists.join(', '),
					partner: cell.partners.map((p) => t(`partners.${p}`)).join(', '),
					period: t(`periods.${cell.period.kind}`, { count: cell.period.years }),
				}
				const marked = (dimension: FormatDimension) =>
					row.differences.includes(dimension)
						? `${values[dimension] || '–'} (${t('differs')})`
						: values[dimension]
				return [
					text(row.conceptId),
					text(titleOf.get(cell.formId) ?? cell.formId),
					...dimensions.map((dimension) => text(marked(dimension))),
				]
			}),
		),
	)
}

function timingTables(printer: ReportPrinter, { analysis, t, partyName }: CommonalityPdfInput) {
	const { timing } = analysis
	const years = { from: timing.years.from, to: timing.years.to }
	const party = partyName && timing.party
	const entries = party ? timing.party!.entries : timing.calendar
	const clashes = party ? timing.party! : timing.clashes
	printer.heading(t('timingTitle', years), SIZE.part, 14)
	printer.value(text(t('timingIntro')))
	printer.heading(
		party ? t('partyCalendar', { party: partyName, ...years }) : t('calendarCaption', years),
		SIZE.section,
		4,
	)
	printer.table(
		columns([t('deadline'), t('form'), t('period'), t('source')], ['date', 'text', 'text', 'text']),
		entries.map((entry) => [
			text(entry.deadline),
			text(`${entry.formId} (${entry.convention})`),
			text(`${entry.periodStart} – ${entry.periodEnd}`),
			text(t(`sources.${entry.source}`, { code: entry.code ?? '' })),
		]),
	)
	printer.heading(t('busyYears'), SIZE.section, 8)
	for (const year of clashes.busyYears) {
		const forms = year.entries.map((e) => `${e.formId} (${e.deadline})`).join(', ')
		printer.value(text(t('busyYear', { year: year.year, forms })))
	}
	printer.heading(t('closeDeadlines'), SIZE.section, 8)
	if (clashes.closeDeadlines.length === 0) printer.value(text(t('noCloseDeadlines')))
	for (const pair of clashes.closeDeadlines) {
		const first = `${pair.first.formId} (${pair.first.deadline})`
		const second = `${pair.second.formId} (${pair.second.deadline})`
		printer.value(text(t('closePair', { first, second, count: pair.days })))
	}
}

/**
 * The commonality analysis as a PDF for a meeting document: content (shares as a table and a bar
 * chart, the concept × form matrix as a heat map and as a table with the question ids of each cell), format (differences written out, never colour
 * alone) and timing (calendar, busy years, close deadlines), in any UN language through the
 * typesetter. The question texts are in the XLSX, CSV and JSON exports.
 */
export async function renderCommonalityPdf(input: CommonalityPdfInput): Promise<Buffer> {
	const { t } = input
	const pdf = new PDFDocument({
		size: 'A4',
		margins: { top: 64, bottom: 60, left: 56, right: 56 },
		autoFirstPage: false,
		bufferPages: true,
		lang: input.lang,
		info: { Title: t('title'), Creator: 'Chemicals and waste national reporting' },
	})
	const typesetter = createTypesetter(pdf, { lang: input.lang })
	const printer = new ReportPrinter(pdf, typesetter, documentLabels(input.lang), false)
	pdf.on('pageAdded', () => printer.onPageAdded())
	pdf.addPage()
	printer.heading(t('title'), SIZE.title, 0)
	printer.value(text(t('intro')))
	printer.value(
		text(`${documentLabels(input.lang).generatedAt}: ${formatDate(input.generatedAt, input.lang)}`),
	)
	contentTables(printer, input)
	formatTable(printer, input)
	timingTables(printer, input)
	printer.pageFurniture(t('title'))
	return finishPdf(pdf)
}
