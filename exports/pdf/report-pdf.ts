import PDFDocument from 'pdfkit'
import type { PrintedValue } from '#forms/answer-text.ts'
import { formatDate, formatDateTime, formatFileSize } from '#forms/locale-format.ts'
import { formText } from '#forms/text.ts'
import type { TableColumn } from '#forms/types.ts'
import { documentLabels, fillIn, type DocumentLabels } from '../labels.ts'
import {
	reportOutline,
	type AttachmentInfo,
	type OutlineItem,
	type ReportDocument,
} from '../report-document.ts'
import { finishPdf } from './typesetting/pdf-buffer.ts'
import { createTypesetter, type TextAlign, type Typesetter } from './typesetting/typesetter.ts'

const MARGIN = { top: 64, bottom: 60, left: 56, right: 56 }
const COLOR = {
	text: '#1b1b1b',
	heading: '#1a3d6d',
	muted: '#5a5a5a',
	marker: '#8a4b00',
	rule: '#9aa5b1',
	headerFill: '#e8edf3',
}
export const SIZE = { title: 20, party: 16, part: 14, section: 12, label: 10, body: 10, small: 8 }

/**
 * A report as PDF: a cover (country, form and version, cycle, period, status, submission number,
 * time and fingerprint; a watermark on drafts), then parts, sections and questions in order with
 * their answers (hidden questions left out), tables as ruled tables whose header repeats on every
 * page, the list of attachments, and page numbers. All text goes through the typesetter, so any of
 * the six UN languages prints, Arabic right to left.
 */
export async function renderReportPdf(doc: ReportDocument): Promise<Buffer> {
	const labels = documentLabels(doc.lang)
	const text = formText(doc.definition, doc.lang)
	const title = text.title()
	const pdf = new PDFDocument({
		size: 'A4',
		margins: MARGIN,
		autoFirstPage: false,
		bufferPages: true,
		lang: doc.lang,
		info: {
			Title: `${title} — ${doc.meta.partyName}`,
			Subject: doc.meta.cycleTitle,
			Creator: 'Chemicals and waste national reporting',
		},
	})
	const typesetter = createTypesetter(pdf, { lang: doc.lang })
	const printer = new ReportPrinter(pdf, typesetter, labels, doc.meta.isDraft)
	pdf.on('pageAdded', () => printer.onPageAdded())

	pdf.addPage()
	printer.cover(doc, title)
	const outline = reportOutline(doc)
	pdf.addPage()
	for (const part of outline) {
		printer.heading(part.title, SIZE.part, 10)
		for (const section of part.sections) {
			printer.heading(section.title, SIZE.section, 6)
			for (const item of section.items) printer.item(item)
		}
	}
	printer.attachmentList(doc.attachments, (questionId) => text.label(questionId))
	printer.pageFurniture(`${doc.meta.partyName} · ${title} · v${doc.meta.formVersion}`)
	return finishPdf(pdf)
}

/**
 * Prints a document through the typesetter: headings, paragraphs, ruled tables whose header
 * repeats on every page, running headers and page numbers. The report PDF uses all of it; other
 * documents (the commonality analysis, `exports/pdf/commonality-pdf.ts`) use it too.
 */
export class ReportPrinter {
	readonly width: number

	constructor(
		readonly pdf: PDFKit.PDFDocument,
		readonly ts: Typesetter,
		readonly labels: DocumentLabels,
		readonly draft: boolean,
	) {
		this.width = 595.28 - MARGIN.left - MARGIN.right
	}

	get bottom() {
		return this.pdf.page.height - MARGIN.bottom
	}

	get rtl() {
		return this.ts.direction === 'rtl'
	}

	/**
	 * Content takes its direction from its first letter (an English fallback label or a Latin
	 * answer reads left to right inside an Arabic report, with its punctuation where it belongs)
	 * and is aligned by the document direction.
	 */
	content(align: 'start' | 'end' = 'start'): { direction: 'auto'; align: TextAlign } {
		const right = (align === 'start') === this.rtl
		return { direction: 'auto', align: right ? 'right' : 'left' }
	}

	onPageAdded() {
		if (this.draft) this.watermark()
		this.pdf.y = MARGIN.top
	}

	/** A box indented from the start edge (the right edge in Arabic). */
	box(indent = 0) {
		return { x: this.rtl ? MARGIN.left : MARGIN.left + indent, width: this.width - indent }
	}

	ensureRoom(height: number) {
		if (this.pdf.y + height > this.bottom && this.pdf.y > MARGIN.top + 1) this.pdf.addPage()
	}

	watermark() {
		const { pdf } = this
		const size = 96
		const word = this.labels.draftWatermark
		const width = this.ts.measureWidth(word, { fontSize: size, bold: true })
		const centre = { x: pdf.page.width / 2, y: pdf.page.height / 2 }
		pdf.save()
		pdf.rotate(-45, { origin: [centre.x, centre.y] })
		pdf.fillColor('#c8102e').fillOpacity(0.12)
		this.ts.textLine(word, {
			x: centre.x - width / 2,
			y: centre.y - size * 0.7,
			fontSize: size,
			bold: true,
			direction: 'auto',
		})
		pdf.restore()
		pdf.fillOpacity(1)
	}

	cover(doc: ReportDocument, title: string) {
		const { meta, lang } = doc
		const { labels, ts } = this
		ts.paragraph(title, {
			...this.box(),
			...this.content(),
			y: MARGIN.top + 40,
			fontSize: SIZE.title,
			bold: true,
			color: COLOR.heading,
		})
		this.pdf.y += 18
		ts.paragraph(meta.partyName, {
			...this.box(),
			...this.content(),
			fontSize: SIZE.party + 4,
			bold: true,
			color: COLOR.text,
		})
		this.pdf.y += 4
		ts.paragraph(meta.cycleTitle, {
			...this.box(),
			...this.content(),
			fontSize: SIZE.section,
			color: COLOR.muted,
		})
		this.pdf.y += 28
		const rows: ([string, string] | [string, string, number])[] = [
			[labels.country, `${meta.partyName} (${meta.partyCode})`],
			[labels.form, `${title} (${meta.formId})`],
			[labels.version, String(meta.formVersion)],
		]
		// Small enough for the 64 hexadecimal digits to stay on one line.
		if (meta.formSha256) rows.push([labels.formFingerprint, meta.formSha256, SIZE.small])
		rows.push(
			[
				labels.period,
				`${formatDate(meta.periodStart, lang)} – ${formatDate(meta.periodEnd, lang)}`,
			],
			[labels.status, labels.states[meta.status]],
		)
		if (meta.submissionNumber !== null)
			rows.push([labels.submission, String(meta.submissionNumber)])
		if (meta.submittedAt) rows.push([labels.submittedAt, formatDateTime(meta.submittedAt, lang)])
		if (meta.sha256) rows.push([labels.fingerprint, meta.sha256, SIZE.small])
		rows.push([labels.generatedAt, formatDateTime(meta.generatedAt, lang)])
		this.keyValueTable(rows, 150, SIZE.body)
	}

	heading(title: string, fontSize: number, spaceBefore: number) {
		const height = this.ts.measureHeight(title, { width: this.width, fontSize, bold: true })
		// Keep a heading with at least two lines of what follows.
		this.ensureRoom(spaceBefore + height + 2 * this.ts.measureLineHeight({ fontSize: SIZE.body }))
		if (this.pdf.y > MARGIN.top + 1) this.pdf.y += spaceBefore
		this.ts.paragraph(title, {
			...this.box(),
			...this.content(),
			fontSize,
			bold: true,
			color: COLOR.heading,
		})
		this.pdf.y += 4
	}

	item(item: OutlineItem) {
		const labelBox = { ...this.box(), fontSize: SIZE.label, bold: true }
		const labelHeight = this.ts.measureHeight(item.label, labelBox)
		this.ensureRoom(labelHeight + 2 * this.ts.measureLineHeight({ fontSize: SIZE.body }))
		this.ts.paragraph(item.label, { ...labelBox, ...this.content(), color: COLOR.text })
		this.pdf.y += 2
		switch (item.kind) {
			case 'scalar': {
				const value =
					item.unit && (item.value.kind === 'number' || item.value.kind === 'zero')
						? { ...item.value, text: `${item.value.text} ${item.unit}` }
						: item.value
				this.value(value)
				break
			}
			case 'contact':
				if (item.marker) this.value(item.marker)
				else if (item.fields.length === 0) this.value({ text: '', kind: 'empty' })
				else
					this.keyValueTable(
						item.fields.map((field) => [field.label, field.value.text]),
						130,
						SIZE.body - 1,
						12,
					)
				break
			case 'table':
				if (item.marker) this.value(item.marker)
				else if (item.rows.length === 0)
					this.value({ text: this.labels.noRows, kind: 'text' }, COLOR.muted)
				else this.table(item.columns, item.rows)
				break
			case 'attachment':
				if (item.marker) this.value(item.marker)
				else if (item.files.length === 0)
					this.value({ text: this.labels.noAttachments, kind: 'text' }, COLOR.muted)
				else
					for (const file of item.files)
						this.value({ text: fileLine(file, this.ts.lang), kind: 'text' })
				break
		}
		this.pdf.y += 8
	}

	value(value: PrintedValue, color?: string) {
		const { text, color: valueColor } = this.valueStyle(value)
		this.ts.paragraph(text, {
			...this.box(12),
			...this.content(),
			fontSize: SIZE.body,
			color: color ?? valueColor,
		})
	}

	valueStyle(value: PrintedValue): { text: string; color: string } {
		if (value.kind === 'empty') return { text: this.labels.notAnswered, color: COLOR.muted }
		if (value.kind === 'marker') return { text: `[${value.text}]`, color: COLOR.marker }
		return { text: value.text, color: COLOR.text }
	}

	/** Two columns, label and value, without page headers (cover, contact blocks). */
	keyValueTable(
		rows: ([string, string] | [string, string, number])[],
		labelWidth: number,
		fontSize: number,
		indent = 0,
	) {
		const { x, width } = this.box(indent)
		const padding = 3
		const valueWidth = width - labelWidth
		for (const [label, value, valueSize] of rows) {
			const labelCell = { width: labelWidth - 2 * padding, fontSize, bold: true }
			const valueCell = { width: valueWidth - 2 * padding, fontSize: valueSize ?? fontSize }
			const height =
				Math.max(this.ts.measureHeight(label, labelCell), this.ts.measureHeight(value, valueCell)) +
				2 * padding
			this.ensureRoom(height)
			const top = this.pdf.y
			const labelX = this.rtl ? x + valueWidth : x
			const valueX = this.rtl ? x : x + labelWidth
			this.ts.paragraph(label, {
				...labelCell,
				...this.content(),
				x: labelX + padding,
				y: top + padding,
				pageBreaks: false,
				color: COLOR.muted,
			})
			this.ts.paragraph(value, {
				...valueCell,
				...this.content(),
				x: valueX + padding,
				y: top + padding,
				pageBreaks: false,
				color: COLOR.text,
			})
			this.pdf
				.moveTo(x, top + height)
				.lineTo(x + width, top + height)
				.lineWidth(0.3)
				.stroke(COLOR.rule)
			this.pdf.y = top + height
		}
	}

	table(columns: { id: string; label: string; column: TableColumn }[], rows: PrintedValue[][]) {
		const fontSize = columns.length > 6 ? 7 : 8
		const padding = 3
		const widths = columnWidths(
			columns.map((c) => c.column),
			this.width,
		)
		const cellWidth = (index: number) => widths[index]! - 2 * padding
		const lefts: number[] = []
		let offset = 0
		for (const width of widths) {
			lefts.push(this.rtl ? MARGIN.left + this.width - offset - width : MARGIN.left + offset)
			offset += width
		}
		const headerHeight =
			Math.max(
				...columns.map((column, index) =>
					this.ts.measureHeight(column.label, { width: cellWidth(index), fontSize, bold: true }),
				),
			) +
			2 * padding
		const drawHeader = () => {
			const top = this.pdf.y
			this.pdf.rect(MARGIN.left, top, this.width, headerHeight).fill(COLOR.headerFill)
			columns.forEach((column, index) => {
				this.ts.paragraph(column.label, {
					...this.content(),
					x: lefts[index]! + padding,
					y: top + padding,
					width: cellWidth(index),
					fontSize,
					bold: true,
					pageBreaks: false,
					color: COLOR.text,
				})
			})
			this.rule(top + headerHeight, 0.6)
			this.pdf.y = top + headerHeight
		}
		const bodyHeight = this.bottom - MARGIN.top - headerHeight
		this.ensureRoom(headerHeight + 3 * fontSize)
		drawHeader()
		for (const row of rows) {
			const cells = row.map((value) => this.valueStyle(value))
			const texts = cells.map((cell, index) => (row[index]!.kind === 'empty' ? '' : cell.text))
			const height =
				Math.max(
					fontSize,
					...texts.map((cellText, index) =>
						this.ts.measureHeight(cellText, { width: cellWidth(index), fontSize }),
					),
				) +
				2 * padding
			if (height > bodyHeight) {
				this.stackedRow(columns, row)
				drawHeader()
				continue
			}
			if (this.pdf.y + height > this.bottom) {
				this.pdf.addPage()
				drawHeader()
			}
			const top = this.pdf.y
			texts.forEach((cellText, index) => {
				if (!cellText) return
				const numeric = row[index]!.kind === 'number' || row[index]!.kind === 'zero'
				this.ts.paragraph(cellText, {
					...this.content(numeric ? 'end' : 'start'),
					x: lefts[index]! + padding,
					y: top + padding,
					width: cellWidth(index),
					fontSize,
					pageBreaks: false,
					color: cells[index]!.color,
				})
			})
			this.rule(top + height, 0.3)
			this.pdf.y = top + height
		}
		this.pdf.y += 4
	}

	/** A row too tall for one page, printed as label/value paragraphs that may break across pages. */
	stackedRow(columns: { label: string }[], row: PrintedValue[]) {
		columns.forEach((column, index) => {
			const value = row[index]!
			if (value.kind === 'empty') return
			this.ts.paragraph(column.label, {
				...this.box(12),
				...this.content(),
				fontSize: SIZE.small,
				bold: true,
			})
			const style = this.valueStyle(value)
			this.ts.paragraph(style.text, {
				...this.box(12),
				...this.content(),
				fontSize: SIZE.small,
				color: style.color,
			})
		})
		this.rule(this.pdf.y + 2, 0.6)
		this.pdf.y += 4
	}

	rule(y: number, lineWidth: number) {
		this.pdf
			.moveTo(MARGIN.left, y)
			.lineTo(MARGIN.left + this.width, y)
			.lineWidth(lineWidth)
			.stroke(COLOR.rule)
	}

	attachmentList(files: AttachmentInfo[], questionLabel: (questionId: string) => string) {
		this.heading(this.labels.attachments, SIZE.part, 14)
		if (files.length === 0) {
			this.value({ text: this.labels.noAttachments, kind: 'text' }, COLOR.muted)
			return
		}
		this.keyValueTable(
			files.map((file) => [questionLabel(file.questionId), fileLine(file, this.ts.lang)]),
			200,
			SIZE.body - 1,
		)
	}

	/** Running header and "page n of m" on every page, drawn once all pages exist. */
	pageFurniture(header: string) {
		const range = this.pdf.bufferedPageRange()
		const pages = range.count
		for (let index = 0; index < pages; index++) {
			this.pdf.switchToPage(range.start + index)
			const footerY = this.pdf.page.height - MARGIN.bottom + 18
			if (index > 0) {
				this.ts.textLine(header, {
					...this.content(),
					x: MARGIN.left,
					y: MARGIN.top - 30,
					width: this.width,
					fontSize: SIZE.small,
					color: COLOR.muted,
				})
				this.pdf
					.moveTo(MARGIN.left, MARGIN.top - 14)
					.lineTo(MARGIN.left + this.width, MARGIN.top - 14)
					.lineWidth(0.3)
					.stroke(COLOR.rule)
			}
			this.ts.textLine(fillIn(this.labels.pageOf, { page: index + 1, pages }), {
				x: MARGIN.left,
				y: footerY,
				width: this.width,
				align: 'center',
				fontSize: SIZE.small,
				color: COLOR.muted,
			})
		}
	}
}

/** Column widths from the kind of content: long texts get more room than numbers and flags. */
function columnWidths(columns: TableColumn[], total: number): number[] {
	const weights = columns.map((column) => {
		switch (column.type) {
			case 'long_text':
				return 3
			case 'text':
			case 'multiple_choice':
			case 'chemical':
			case 'country':
			case 'single_choice':
			case 'email':
			case 'url':
				return 2
			case 'yes_no':
			case 'yes_no_status':
			case 'date':
				return 1.3
			case 'year':
			case 'checkbox':
				return 0.9
			default:
				return 1.2
		}
	})
	const sum = weights.reduce((a, b) => a + b, 0)
	return weights.map((weight) => (weight / sum) * total)
}

function fileLine(file: AttachmentInfo, lang: ReportDocument['lang']): string {
	if (file.sizeBytes === null) return file.name
	return `${file.name} (${formatFileSize(file.sizeBytes, lang)})`
}
