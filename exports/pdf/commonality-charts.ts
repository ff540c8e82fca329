import type { ContentAnalysis } from '#forms/commonality.ts'
import { formatPercent } from '#forms/locale-format.ts'
import type { Language } from '#forms/types.ts'
import { MATRIX_SHADES, matrixShade } from '../commonality/matrix-shades.ts'
import type { ReportPrinter } from './report-pdf.ts'

type Words = (key: string, params?: Record<string, unknown>) => string

const INK = '#1b1f23'
const GRID = '#c4ccd4'
/** Okabe–Ito blue, as the page's bar chart. */
const BAR = '#0072B2'

/**
 * Left edge of a box placed `offset` points from the start edge of the text column: from the left
 * in left-to-right languages, from the right in Arabic, so pictures read in the document's direction.
 */
function startX(printer: ReportPrinter, offset: number, width: number) {
	const left = printer.box().x
	return printer.rtl ? left + printer.width - offset - width : left + offset
}

/**
 * The share of each form's questions that another convention also asks, as horizontal bars from
 * the start edge: the form's name, its bar against 0–100 %, and the percentage written after it.
 */
export function drawSharesChart(
	printer: ReportPrinter,
	content: ContentAnalysis,
	{ t, lang }: { t: Words; lang: Language },
) {
	const { pdf, ts } = printer
	const fontSize = 8
	const labelWidth = printer.width * 0.38
	const valueWidth = 40
	const gap = 6
	const plotWidth = printer.width - labelWidth - valueWidth - 2 * gap
	const titleOf = new Map(content.forms.map((form) => [form.formId, form.title]))
	const bars = content.shares.map((share) => {
		const label = titleOf.get(share.formId) ?? share.formId
		const labelHeight = ts.measureHeight(label, { width: labelWidth, fontSize })
		return { share, label, height: Math.max(labelHeight, 12) + 4 }
	})
	printer.heading(t('sharesChart'), 12, 8)
	for (const { share, label, height } of bars) {
		printer.ensureRoom(height)
		const top = pdf.y
		ts.paragraph(label, {
			x: startX(printer, 0, labelWidth),
			y: top,
			width: labelWidth,
			fontSize,
			color: INK,
			...printer.content(),
			pageBreaks: false,
		})
		const barLength = Math.max(0, Math.min(1, share.share)) * plotWidth
		const barTop = top + (height - 4) / 2 - 5
		pdf
			.rect(startX(printer, labelWidth + gap, plotWidth), barTop, plotWidth, 10)
			.lineWidth(0.5)
			.stroke(GRID)
		if (barLength > 0)
			pdf.rect(startX(printer, labelWidth + gap, barLength), barTop, barLength, 10).fill(BAR)
		ts.textLine(formatPercent(share.share, lang), {
			x: startX(printer, labelWidth + gap + plotWidth + gap, valueWidth),
			y: barTop,
			width: valueWidth,
			fontSize,
			color: INK,
			align: 'start',
		})
		pdf.y = top + height
	}
	pdf.y += 4
}

/**
 * The concept × form matrix as a heat map, as on the page: concepts in rows, forms in columns, a
 * cell filled where the form asks the concept, darker the more of its questions do, the count
 * written in it. The header of form names repeats on every page the map runs onto; a legend and
 * the caption follow.
 */
export function drawMatrixHeatMap(
	printer: ReportPrinter,
	content: ContentAnalysis,
	{ t }: { t: Words },
) {
	const { pdf, ts } = printer
	const fontSize = 7
	const rowHeight = 12
	const conceptWidth = 128
	const columnWidth = (printer.width - conceptWidth) / Math.max(content.forms.length, 1)
	const titles = content.forms.map((form) => `${form.title} v${form.version}`)
	const headerHeight =
		Math.max(
			...titles.map((title) => ts.measureHeight(title, { width: columnWidth - 4, fontSize })),
			rowHeight,
		) + 4
	const columnX = (index: number) =>
		startX(printer, conceptWidth + index * columnWidth, columnWidth)

	const header = () => {
		const top = pdf.y
		titles.forEach((title, index) => {
			ts.paragraph(title, {
				x: columnX(index) + 2,
				y: top,
				width: columnWidth - 4,
				fontSize,
				color: INK,
				align: 'center',
				direction: 'auto',
				pageBreaks: false,
			})
		})
		pdf.y = top + headerHeight
	}

	printer.heading(t('matrixPicture'), 12, 8)
	printer.ensureRoom(headerHeight + 3 * rowHeight)
	header()
	for (const row of content.rows) {
		if (pdf.y + rowHeight > printer.bottom) {
			pdf.addPage()
			header()
		}
		const top = pdf.y
		ts.textLine(row.concept.id, {
			x: startX(printer, 0, conceptWidth - 6),
			y: top + 1.5,
			width: conceptWidth - 6,
			fontSize,
			color: INK,
			align: 'end',
			direction: 'ltr',
		})
		content.forms.forEach((form, index) => {
			const count = row.cells[form.formId]?.length ?? 0
			const shade = matrixShade(count)
			const x = columnX(index)
			pdf
				.rect(x + 0.5, top + 0.5, columnWidth - 1, rowHeight - 1)
				.lineWidth(0.5)
				.fillAndStroke(shade?.fill ?? '#ffffff', GRID)
			if (shade)
				ts.textLine(String(count), {
					x,
					y: top + 1.5,
					width: columnWidth,
					fontSize,
					color: shade.text,
					align: 'center',
				})
		})
		pdf.y = top + rowHeight
	}
	pdf.y += 6
	matrixLegend(printer, fontSize)
	printer.ensureRoom(
		ts.measureHeight(t('matrixPictureCaption'), { width: printer.width, fontSize }),
	)
	ts.paragraph(t('matrixPictureCaption'), {
		...printer.box(),
		...printer.content(),
		fontSize,
		color: INK,
	})
	pdf.y += 4
}

/** Swatches of the shades with the counts they stand for: "1", "2–3", "4+". */
function matrixLegend(printer: ReportPrinter, fontSize: number) {
	const { pdf, ts } = printer
	printer.ensureRoom(14)
	const top = pdf.y
	let offset = 0
	MATRIX_SHADES.forEach((shade, index) => {
		const next = MATRIX_SHADES[index + 1]
		const label = !next
			? `${shade.from}+`
			: next.from - 1 === shade.from
				? String(shade.from)
				: `${shade.from}–${next.from - 1}`
		pdf
			.rect(startX(printer, offset, 16), top, 16, 10)
			.lineWidth(0.5)
			.fillAndStroke(shade.fill, GRID)
		const width = ts.measureWidth(label, { fontSize }) + 2
		ts.textLine(label, {
			x: startX(printer, offset + 20, width),
			y: top + 1,
			width,
			fontSize,
			color: INK,
			direction: 'ltr',
		})
		offset += 20 + width + 12
	})
	pdf.y = top + 14
}
