import ExcelJS from 'exceljs'
import { askedAnswers, evaluate, rowsFor } from '#forms/engine/index.ts'
import { isMarked } from '#forms/engine/values.ts'
import { formText, type FormText } from '#forms/text.ts'
import type {
	Answers,
	AttachmentRef,
	CellValue,
	ContactAnswer,
	Question,
	TableAnswer,
	TableColumn,
	TableQuestion,
	TableRow,
} from '#forms/types.ts'
import { formatDate, formatDateTime } from '#forms/locale-format.ts'
import { documentLabels, fillIn, type DocumentLabels } from '../labels.ts'
import { plainCell } from '../plain-cell.ts'
import type { ReportDocument } from '../report-document.ts'
import { CellCodec, columnLetter, type CellItem } from './cell-codec.ts'
import {
	LISTS_SHEET,
	TEMPLATE_SHEET,
	layoutRows,
	type LayoutEntry,
	type TemplateMode,
} from './template-identity.ts'

export type WorkbookPurpose = { kind: 'export' } | { kind: 'template'; mode: TemplateMode }

/** Rows a template leaves below an open table for new rows (with drop-downs). */
export const EXTRA_TEMPLATE_ROWS = 200
const SCALAR_FIRST_ROW = 4
const TABLE_HEADER_ROW = 5

const STYLE = {
	title: { bold: true, size: 14, color: { argb: 'FF1A3D6D' } },
	header: { bold: true },
	headerFill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EDF3' } },
	inputFill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } },
	readOnlyFill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF0F0F0' } },
	muted: { color: { argb: 'FF5A5A5A' }, italic: true },
} as const

/**
 * A report as an Excel workbook: a metadata sheet, one sheet per section (a question per row:
 * ref, question, answer, notes) and one per table question (an Excel table with its rows), choice
 * cells with drop-downs fed from a list sheet.
 *
 * As a template (`purpose.kind === 'template'`) it also carries every question (hidden ones
 * included, since answers can make them visible), yellow input cells, room for new table rows,
 * and a very hidden `_template` sheet identifying the report and form version and mapping each
 * answer to its cell, with a checksum; `readTemplate` (import.ts) reads it back.
 */
export async function buildReportWorkbook(
	doc: ReportDocument,
	purpose: WorkbookPurpose = { kind: 'export' },
): Promise<Buffer> {
	const { workbook } = createReportWorkbook(doc, purpose)
	return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The workbook, and where each answer was written (also for exports, to read them back in tests). */
export function createReportWorkbook(
	doc: ReportDocument,
	purpose: WorkbookPurpose,
): { workbook: ExcelJS.Workbook; entries: LayoutEntry[] } {
	const writer = new ReportWorkbookWriter(doc, purpose)
	writer.write()
	return { workbook: writer.workbook, entries: writer.entries }
}

class ReportWorkbookWriter {
	readonly workbook = new ExcelJS.Workbook()
	readonly text: FormText
	readonly labels: DocumentLabels
	readonly codec: CellCodec
	readonly template: boolean
	readonly withAnswers: boolean
	/** What the workbook shows: an export shows the answers as asked; a template keeps them all. */
	readonly answers: Answers
	readonly entries: LayoutEntry[] = []
	private readonly usedNames = new Set<string>()
	private readonly lists = new Map<string, { range: string; options: string[] }>()
	private visible: (questionId: string) => boolean

	constructor(
		readonly doc: ReportDocument,
		readonly purpose: WorkbookPurpose,
	) {
		this.text = formText(doc.definition, doc.lang)
		this.labels = documentLabels(doc.lang)
		this.codec = new CellCodec(this.text, doc.formContext, doc.definition.codeLists)
		this.template = purpose.kind === 'template'
		this.withAnswers = purpose.kind === 'export' || purpose.mode === 'prefilled'
		this.workbook.creator = 'Chemicals and waste national reporting'
		this.workbook.created = new Date(doc.meta.generatedAt)
		if (this.template) {
			// A template asks everything its report's variant asks, whatever the answers so far.
			const variant = doc.formContext.formVariant
			const inVariant = (item: { variants?: string[] }) =>
				variant === undefined || !item.variants || item.variants.includes(variant)
			const asked = new Set(
				doc.definition.parts
					.filter(inVariant)
					.flatMap((part) => part.sections.filter(inVariant))
					.flatMap((section) => section.questions.filter(inVariant))
					.map((question) => question.id),
			)
			this.visible = (id) => asked.has(id)
			this.answers = doc.answers
		} else {
			const evaluation = evaluate(doc.definition, doc.answers, doc.formContext)
			this.visible = (id) => evaluation.questions[id]?.visible !== false
			this.answers = askedAnswers(doc.definition, doc.answers, doc.formContext, evaluation)
		}
	}

	write() {
		this.metadataSheet()
		this.usedNames.add(LISTS_SHEET.toLowerCase())
		this.doc.definition.parts.forEach((part, partIndex) => {
			let sectionNumber = 0
			for (const section of part.sections) {
				const questions = section.questions.filter((question) => this.visible(question.id))
				if (questions.length === 0) continue
				sectionNumber++
				this.sectionSheet(`${partIndex + 1}.${sectionNumber}`, section.id, questions)
			}
		})
		const listsSheet = this.workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
		Array.from(this.lists.values()).forEach(({ options }, index) => {
			options.forEach((option, row) => (listsSheet.getCell(row + 1, index + 1).value = option))
		})
		if (this.purpose.kind === 'template') {
			const { meta } = this.doc
			const sheet = this.workbook.addWorksheet(TEMPLATE_SHEET, { state: 'veryHidden' })
			for (const row of layoutRows({
				identity: {
					formId: meta.formId,
					formVersion: meta.formVersion,
					reportId: meta.reportId,
					partyCode: meta.partyCode,
					lang: this.doc.lang,
					mode: this.purpose.mode,
					revision: meta.revision,
					generatedAt: meta.generatedAt,
				},
				entries: this.entries,
			})) {
				sheet.addRow(row)
			}
		}
	}

	private addSheet(prefix: string, title: string): ExcelJS.Worksheet {
		const name = uniqueSheetName(`${prefix} ${title}`, this.usedNames)
		return this.workbook.addWorksheet(name)
	}

	private metadataSheet() {
		const { meta, lang } = this.doc
		const { labels } = this
		const sheet = this.workbook.addWorksheet(
			uniqueSheetName(labels.metadataSheet, this.usedNames),
			{
				views: [{ rightToLeft: this.doc.lang === 'ar' }],
			},
		)
		sheet.columns = [{ width: 36 }, { width: 80 }]
		sheet.addRow([this.text.title()]).font = STYLE.title
		sheet.addRow([])
		const header = sheet.addRow([labels.field, labels.value])
		header.font = STYLE.header
		const rows: [string, string | number][] = [
			[labels.country, `${meta.partyName} (${meta.partyCode})`],
			[labels.form, `${this.text.title()} (${meta.formId})`],
			[labels.version, meta.formVersion],
		]
		if (meta.formSha256) rows.push([labels.formFingerprint, meta.formSha256])
		rows.push(
			[labels.cycle, meta.cycleTitle],
			[
				labels.period,
				`${formatDate(meta.periodStart, lang)} – ${formatDate(meta.periodEnd, lang)}`,
			],
			[labels.status, labels.states[meta.status]],
		)
		if (meta.submissionNumber !== null) rows.push([labels.submission, meta.submissionNumber])
		if (meta.submittedAt) rows.push([labels.submittedAt, formatDateTime(meta.submittedAt, lang)])
		if (meta.sha256) rows.push([labels.fingerprint, meta.sha256])
		rows.push([labels.generatedAt, formatDateTime(meta.generatedAt, lang)])
		rows.push([labels.language, this.doc.lang])
		rows.push([labels.reportId, meta.reportId])
		for (const row of rows) sheet.addRow(row)
		if (this.template) {
			sheet.addRow([])
			const instructions = sheet.addRow([labels.templateInstructions])
			instructions.getCell(1).alignment = { wrapText: true, vertical: 'top' }
			sheet.mergeCells(instructions.number, 1, instructions.number, 2)
			instructions.height = 48
		}
	}

	private sectionSheet(prefix: string, sectionId: string, questions: Question[]) {
		const { labels } = this
		const sheet = this.addSheet(prefix, this.text.section(sectionId))
		sheet.columns = [{ width: 22 }, { width: 60 }, { width: 45 }, { width: 45 }]
		sheet.getCell('A1').value = this.text.section(sectionId)
		sheet.getCell('A1').font = STYLE.title
		if (this.template) {
			sheet.getCell('A2').value = labels.templateInstructions
			sheet.getCell('A2').font = STYLE.muted
		}
		const header = sheet.getRow(3)
		header.values = [labels.ref, labels.question, labels.answer, labels.notes]
		header.font = STYLE.header
		header.eachCell((cell) => (cell.fill = STYLE.headerFill))
		sheet.views = [{ rightToLeft: this.doc.lang === 'ar', state: 'frozen', ySplit: 3 }]
		let row = SCALAR_FIRST_ROW
		let tableNumber = 0
		const answers = this.answers
		for (const question of questions) {
			const label = this.text.label(question.id)
			const answer = this.withAnswers ? answers[question.id] : undefined
			switch (question.type) {
				case 'table': {
					tableNumber++
					const tableSheet = this.tableSheet(`${prefix}.${tableNumber}`, question)
					this.labelRow(sheet, row, question.id, label)
					sheet.getCell(row, 3).value = {
						text: tableSheet.name,
						hyperlink: `#'${tableSheet.name.replace(/'/g, "''")}'!A1`,
					}
					sheet.getCell(row, 3).font = { color: { argb: 'FF1A5FB4' }, underline: true }
					row++
					break
				}
				case 'contact': {
					this.labelRow(sheet, row, question.id, label)
					sheet.getRow(row).font = STYLE.header
					row++
					const contact = isMarked(answer) ? {} : ((answer ?? {}) as ContactAnswer)
					if (question.markers?.length) {
						const item = markerOnlyItem(question.markers)
						this.inputRow(
							sheet,
							row,
							`${question.id}.*`,
							labels.wholeAnswer,
							item,
							question.id,
							isMarked(answer) ? answer : undefined,
						)
						row++
					}
					for (const field of question.fields) {
						if (!this.template && !contact[field.id]) continue
						const fieldItem: CellItem = {
							id: field.id,
							type: field.type === 'long_text' ? 'long_text' : 'text',
						}
						this.inputRow(
							sheet,
							row,
							`${question.id}.${field.id}`,
							this.text.label(`${question.id}.${field.id}`),
							fieldItem,
							`${question.id}.${field.id}`,
							contact[field.id],
						)
						row++
					}
					break
				}
				case 'attachment': {
					this.labelRow(sheet, row, question.id, label)
					const files = Array.isArray(answers[question.id])
						? (answers[question.id] as AttachmentRef[]).map((file) => file.name).join('\n')
						: ''
					sheet.getCell(row, 3).value = files || null
					sheet.getCell(row, 4).value = labels.hintAttachments
					sheet.getCell(row, 4).font = STYLE.muted
					row++
					break
				}
				default: {
					const value = answer as CellValue | undefined
					if (question.readOnly) {
						this.labelRow(sheet, row, question.id, label)
						sheet.getCell(row, 3).value = this.codec.encode(
							question,
							question.id,
							answers[question.id] as CellValue,
						)
						sheet.getCell(row, 3).fill = STYLE.readOnlyFill
						sheet.getCell(row, 4).value = labels.hintReadOnly
						sheet.getCell(row, 4).font = STYLE.muted
						// Recorded so the cell can be found; imports never change read-only answers.
						this.entries.push({ kind: 'scalar', ref: question.id, sheet: sheet.name, row })
					} else {
						this.inputRow(sheet, row, question.id, label, question, question.id, value)
					}
					row++
				}
			}
		}
	}

	private labelRow(sheet: ExcelJS.Worksheet, row: number, ref: string, label: string) {
		sheet.getCell(row, 1).value = ref
		sheet.getCell(row, 1).font = { color: { argb: 'FF5A5A5A' }, size: 9 }
		sheet.getCell(row, 2).value = label
		sheet.getCell(row, 2).alignment = { wrapText: true, vertical: 'top' }
	}

	private inputRow(
		sheet: ExcelJS.Worksheet,
		row: number,
		ref: string,
		label: string,
		item: CellItem,
		key: string,
		value: CellValue | undefined,
	) {
		this.labelRow(sheet, row, ref, label)
		const cell = sheet.getCell(row, 3)
		cell.value = this.codec.encode(item, key, value)
		cell.alignment = { wrapText: true, vertical: 'top' }
		this.styleInput(sheet, cell.address, item, key)
		sheet.getCell(row, 4).value = this.hint(item) || null
		sheet.getCell(row, 4).font = STYLE.muted
		sheet.getCell(row, 4).alignment = { wrapText: true, vertical: 'top' }
		this.entries.push({ kind: 'scalar', ref, sheet: sheet.name, row })
	}

	/** Number format, fill and drop-down of an input cell or column range. */
	private styleInput(sheet: ExcelJS.Worksheet, range: string, item: CellItem, key: string) {
		const textual = !['integer', 'decimal', 'year', 'checkbox'].includes(item.type)
		const [first, last] = range.split(':') as [string, string | undefined]
		const cells = last ? cellsOfColumnRange(sheet, first, last) : [sheet.getCell(first)]
		for (const cell of cells) {
			if (textual) cell.numFmt = '@'
			if (this.template) cell.fill = STYLE.inputFill
		}
		const options = this.codec.dropDown(item, key)
		if (options) {
			validations(sheet).add(range, {
				type: 'list',
				allowBlank: true,
				showErrorMessage: true,
				errorStyle: 'stop',
				formulae: [this.listRange(options)],
			})
		} else if (
			(item.type === 'integer' || item.type === 'decimal' || item.type === 'year') &&
			!item.markers?.length
		) {
			validations(sheet).add(range, {
				type: item.type === 'decimal' ? 'decimal' : 'whole',
				operator: 'between',
				allowBlank: true,
				showErrorMessage: true,
				errorStyle: 'stop',
				formulae: [item.min ?? -1e15, item.max ?? 1e15],
			})
		}
	}

	/** A range of the list sheet holding these labels (one column per distinct list). */
	private listRange(options: string[]): string {
		const signature = options.join('\u0000')
		let list = this.lists.get(signature)
		if (!list) {
			const letter = columnLetter(this.lists.size + 1)
			list = { range: `'${LISTS_SHEET}'!$${letter}$1:$${letter}$${options.length}`, options }
			this.lists.set(signature, list)
		}
		return list.range
	}

	private hint(item: CellItem): string {
		const { labels } = this
		const hints: string[] = []
		if (this.codec.isMultiple(item)) hints.push(labels.hintSeveral)
		else if (this.codec.optionCodes(item)) hints.push(labels.hintChoose)
		if (item.type === 'date') hints.push(labels.hintDate)
		if (item.type === 'decimal') hints.push(labels.hintNumber)
		if (item.type === 'integer' || item.type === 'year') hints.push(labels.hintInteger)
		if ((item.type === 'decimal' || item.type === 'integer') && item.unit) {
			hints.push(fillIn(labels.hintUnit, { unit: this.text.unit(item.unit) }))
		}
		if (item.markers?.length) {
			hints.push(
				fillIn(labels.hintMarkers, {
					markers: item.markers.map((marker) => this.codec.markerLabel(marker)).join(', '),
				}),
			)
		}
		return hints.join(' ')
	}

	private tableSheet(prefix: string, question: TableQuestion): ExcelJS.Worksheet {
		const { labels } = this
		const label = this.text.label(question.id)
		const sheet = this.addSheet(prefix, label)
		const fixed = question.rows.kind === 'fixed'
		const dimensions = new Set(
			question.rows.kind === 'fixed' ? question.rows.dimensions.map((d) => d.column) : [],
		)
		sheet.getCell('A1').value = label
		sheet.getCell('A1').font = STYLE.title
		const help = [
			this.text.help(question.id),
			this.template && !fixed ? labels.hintNewRows : undefined,
		]
			.filter(Boolean)
			.join(' ')
		if (help) {
			sheet.getCell('A2').value = help
			sheet.getCell('A2').font = STYLE.muted
		}
		const answer = this.withAnswers ? this.answers[question.id] : undefined
		const marked = isMarked(answer) ? answer : undefined
		let markerCell = ''
		if (question.markers?.length) {
			sheet.getCell('A3').value = labels.wholeAnswer
			sheet.getCell('A3').font = STYLE.header
			markerCell = 'B3'
			const cell = sheet.getCell(markerCell)
			cell.value = marked ? this.codec.markerLabel(marked.marker) : null
			const item = markerOnlyItem(question.markers)
			this.styleInput(sheet, markerCell, item, question.id)
		}

		const columns = question.columns
		const headerNames = uniqueNames([
			labels.rowId,
			...columns.map((column) => this.text.label(`${question.id}.${column.id}`)),
		])
		const rows = this.tableRows(question, answer && !marked ? (answer as TableAnswer) : undefined)
		const body = rows.map((row) => [
			plainCell(row.id),
			...columns.map((column) =>
				this.codec.encode(column, `${question.id}.${column.id}`, row.cells[column.id]),
			),
		])
		const tableName = `T_${question.id}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 250)
		sheet.addTable({
			name: tableName,
			ref: `A${TABLE_HEADER_ROW}`,
			headerRow: true,
			style: { theme: 'TableStyleLight9', showRowStripes: true },
			columns: headerNames.map((name) => ({ name, filterButton: true })),
			rows: body.length > 0 ? body : [headerNames.map(() => null)],
		})
		sheet.columns.forEach((column, index) => {
			const definition = index === 0 ? undefined : columns[index - 1]
			column.width = index === 0 ? 18 : columnWidth(definition)
		})
		sheet.getRow(TABLE_HEADER_ROW).alignment = { wrapText: true, vertical: 'top' }
		sheet.views = [
			{ rightToLeft: this.doc.lang === 'ar', state: 'frozen', ySplit: TABLE_HEADER_ROW, xSplit: 1 },
		]

		const firstRow = TABLE_HEADER_ROW + 1
		const lastRow =
			firstRow + Math.max(body.length, 1) - 1 + (this.template && !fixed ? EXTRA_TEMPLATE_ROWS : 0)
		columns.forEach((column, index) => {
			const letter = sheet.getColumn(index + 2).letter
			const range = `${letter}${firstRow}:${letter}${lastRow}`
			if (dimensions.has(column.id) || column.readOnly) {
				if (this.template) {
					for (const cell of cellsOfColumnRange(
						sheet,
						`${letter}${firstRow}`,
						`${letter}${firstRow + body.length - 1}`,
					)) {
						cell.fill = STYLE.readOnlyFill
					}
				}
				return
			}
			this.styleInput(sheet, range, column, `${question.id}.${column.id}`)
		})
		this.entries.push({
			kind: 'table',
			questionId: question.id,
			sheet: sheet.name,
			headerRow: TABLE_HEADER_ROW,
			markerCell,
			columns: columns.map((column) => column.id),
		})
		return sheet
	}

	/**
	 * Rows to print: the answer's rows; for a fixed table without any, its expected rows with only
	 * their dimension cells, so a template always offers them.
	 */
	private tableRows(question: TableQuestion, answer: TableAnswer | undefined): TableRow[] {
		if (answer?.rows.length) return answer.rows
		if (question.rows.kind !== 'fixed' || !this.template) return []
		return rowsFor(this.doc.definition, question, this.doc.formContext).map((row) => ({
			id: row.id,
			key: row.key,
			cells: { ...row.cells },
		}))
	}
}

/** A stand-in item for a cell that only takes markers (whole tables, whole contact blocks). */
function markerOnlyItem(markers: TableColumn['markers']): CellItem {
	return { id: '*', type: 'text', markers } as CellItem
}

function columnWidth(column: TableColumn | undefined): number {
	if (!column) return 14
	switch (column.type) {
		case 'long_text':
			return 50
		case 'text':
		case 'multiple_choice':
		case 'chemical':
		case 'country':
		case 'single_choice':
			return 30
		default:
			return 16
	}
}

function cellsOfColumnRange(sheet: ExcelJS.Worksheet, first: string, last: string): ExcelJS.Cell[] {
	const start = sheet.getCell(first)
	const end = sheet.getCell(last)
	const cells: ExcelJS.Cell[] = []
	for (let row = Number(start.row); row <= Number(end.row); row++) {
		cells.push(sheet.getCell(row, Number(start.col)))
	}
	return cells
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique regardless of case. */
export function uniqueSheetName(wanted: string, used: Set<string>): string {
	const clean = wanted
		.replace(/[[\]:*?/\\]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^'+|'+$/g, '')
	let name = Array.from(clean).slice(0, 31).join('').trim() || 'Sheet'
	for (let n = 2; used.has(name.toLowerCase()); n++) {
		const suffix = ` (${n})`
		name =
			Array.from(clean)
				.slice(0, 31 - suffix.length)
				.join('')
				.trim() + suffix
	}
	used.add(name.toLowerCase())
	return name
}

function uniqueNames(names: string[]): string[] {
	const seen = new Map<string, number>()
	return names.map((name) => {
		const count = (seen.get(name.toLowerCase()) ?? 0) + 1
		seen.set(name.toLowerCase(), count)
		return count === 1 ? name : `${name} (${count})`
	})
}

type DataValidations = { add(range: string, validation: ExcelJS.DataValidation): void }

/** exceljs 4.4 has range validations (`worksheet.dataValidations`), its types do not list them. */
function validations(sheet: ExcelJS.Worksheet): DataValidations {
	return (sheet as unknown as { dataValidations: DataValidations }).dataValidations
}
