import { randomUUID } from 'node:crypto'
import ExcelJS from 'exceljs'
import { rowsFor } from '#forms/engine/index.ts'
import { isMarked } from '#forms/engine/values.ts'
import { formText } from '#forms/text.ts'
import type {
	Answer,
	Answers,
	CellValue,
	ContactAnswer,
	FormContext,
	FormDefinition,
	Marker,
	Question,
	TableQuestion,
	TableRow,
} from '#forms/types.ts'
import { documentLabels } from '../labels.ts'
import { questionsOf } from '#forms/question-index.ts'
import {
	CellCodec,
	cellText,
	columnLetter,
	isFormulaValue,
	type CellItem,
	type CellProblemCode,
} from './cell-codec.ts'
import {
	TEMPLATE_SHEET,
	readLayoutRows,
	type LayoutEntry,
	type TemplateIdentity,
} from './template-identity.ts'
import { EXCEL_IMPORT_MAX_BYTES } from './limits.ts'
import { inspectZip, XLSX_LIMITS, type ZipLimits } from './zip-guard.ts'

export { EXCEL_IMPORT_MAX_BYTES } from './limits.ts'

/** Rows a table of a template may hold (the largest fixed table has a few hundred). */
export const MAX_TABLE_ROWS = 5_000

/** Why a whole file is refused. Codes are i18n keys under `exports:import.fileErrors`. */
export type ImportFileError =
	| 'empty'
	| 'tooLarge'
	| 'notXlsx'
	| 'zipBomb'
	| 'encrypted'
	| 'macros'
	| 'malformed'
	| 'notTemplate'
	| 'templateModified'
	| 'wrongReport'
	| 'wrongForm'

/** A cell that cannot be taken over. Codes are i18n keys under `exports:import.problems`. */
export type ImportProblemCode =
	| CellProblemCode
	| 'formula'
	| 'structureChanged'
	| 'unknownQuestion'
	| 'duplicateRow'
	| 'unknownRow'
	| 'dimensionChanged'
	| 'markerWithRows'
	| 'tooManyRows'

export interface ImportProblem {
	code: ImportProblemCode
	/** Empty when the cell belongs to no question (e.g. a formula outside the answer cells). */
	questionId: string
	/** `Sheet!C7`. */
	cell: string
	params?: Record<string, string>
}

/**
 * What a template says, question by question: an answer, or `null` for an answer emptied in a
 * prefilled template. Questions absent from `answers` are left as they are (blank cells of a blank
 * template, read-only and attachment questions).
 */
export type ParsedTemplate =
	| { ok: false; error: ImportFileError; params?: Record<string, string> }
	| {
			ok: true
			identity: TemplateIdentity
			answers: Record<string, Answer | null>
			problems: ImportProblem[]
	  }

export interface ImportTarget {
	definition: FormDefinition
	formContext: FormContext
	reportId: string
	partyCode: string
	/** Current answers: rows of fixed tables that are already stored count as known rows. */
	currentAnswers?: Answers
}

/**
 * Reads an uploaded template back into answers. The file is refused as a whole when it is too
 * large, not an .xlsx, a zip bomb, encrypted, macro-enabled, not one of our templates, altered,
 * or made for another report or form version. Otherwise every cell is decoded; cells that cannot
 * be (formulas, wrong types, unknown codes, moved rows) become problems, and an import with any
 * problem must not be applied.
 */
export async function readTemplate(
	bytes: Uint8Array,
	target: ImportTarget,
	limits: { maxBytes?: number; zip?: ZipLimits } = {},
): Promise<ParsedTemplate> {
	if (bytes.length === 0) return { ok: false, error: 'empty' }
	if (bytes.length > (limits.maxBytes ?? EXCEL_IMPORT_MAX_BYTES))
		return { ok: false, error: 'tooLarge' }
	const zip = inspectZip(bytes, limits.zip ?? XLSX_LIMITS)
	if (!zip.ok) {
		const error: ImportFileError =
			zip.reason === 'zipBomb' ? 'zipBomb' : zip.reason === 'encrypted' ? 'encrypted' : 'notXlsx'
		return { ok: false, error }
	}
	const names = new Set(zip.entries.map((entry) => entry.name))
	if (names.has('xl/vbaProject.bin')) return { ok: false, error: 'macros' }
	if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
		return { ok: false, error: 'notXlsx' }
	}

	const workbook = new ExcelJS.Workbook()
	try {
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never)
	} catch {
		return { ok: false, error: 'malformed' }
	}
	const meta = workbook.getWorksheet(TEMPLATE_SHEET)
	if (!meta) return { ok: false, error: 'notTemplate' }
	const metaRows: unknown[][] = []
	meta.eachRow((row) => {
		const values = row.values as unknown[]
		metaRows.push(values.slice(1))
	})
	const read = readLayoutRows(metaRows)
	if (!read.ok) return { ok: false, error: read.reason }
	const { identity, entries } = read.layout
	const { definition } = target
	if (identity.formId !== definition.formId || identity.formVersion !== definition.version) {
		return {
			ok: false,
			error: 'wrongForm',
			params: {
				found: `${identity.formId} v${identity.formVersion}`,
				expected: `${definition.formId} v${definition.version}`,
			},
		}
	}
	if (identity.reportId !== target.reportId || identity.partyCode !== target.partyCode) {
		return { ok: false, error: 'wrongReport', params: { found: identity.partyCode } }
	}
	return { ok: true, identity, ...new TemplateReader(workbook, identity, entries, target).read() }
}

class TemplateReader {
	readonly problems: ImportProblem[] = []
	readonly answers: Record<string, Answer | null> = {}
	readonly codec: CellCodec
	readonly questions = new Map<string, Question>()
	/** Cells whose formulas were reported with their question. */
	private readonly reportedFormulas = new Set<string>()

	constructor(
		readonly workbook: ExcelJS.Workbook,
		readonly identity: TemplateIdentity,
		readonly entries: LayoutEntry[],
		readonly target: ImportTarget,
	) {
		this.codec = new CellCodec(
			formText(target.definition, identity.lang),
			target.formContext,
			target.definition.codeLists,
		)
		for (const question of questionsOf(target.definition)) this.questions.set(question.id, question)
	}

	get blank() {
		return this.identity.mode === 'blank'
	}

	read() {
		const contacts = new Map<string, { fields: ContactAnswer; marker?: Marker; touched: boolean }>()
		for (const entry of this.entries) {
			if (entry.kind === 'table') this.readTable(entry)
			else this.readScalar(entry, contacts)
		}
		for (const [questionId, contact] of contacts) {
			if (contact.marker) {
				if (Object.keys(contact.fields).length > 0) {
					this.problem('markerWithRows', questionId, `${questionId}.*`)
				}
				this.answers[questionId] = { marker: contact.marker }
			} else if (Object.keys(contact.fields).length > 0) {
				this.answers[questionId] = contact.fields
			} else if (!this.blank) {
				this.answers[questionId] = null
			}
		}
		this.reportStrayFormulas()
		return { answers: this.answers, problems: this.problems }
	}

	private problem(
		code: ImportProblemCode,
		questionId: string,
		cell: string,
		params?: Record<string, string>,
	) {
		this.problems.push({ code, questionId, cell, ...(params ? { params } : {}) })
	}

	private sheet(name: string, questionId: string): ExcelJS.Worksheet | undefined {
		const sheet = this.workbook.getWorksheet(name)
		if (!sheet) this.problem('structureChanged', questionId, name, { sheet: name })
		return sheet
	}

	/** The cell's value, or a problem when it holds a formula. */
	private cellValue(sheet: ExcelJS.Worksheet, address: string, questionId: string) {
		const cell = sheet.getCell(address)
		if (isFormulaValue(cell.value)) {
			const where = `${sheet.name}!${address}`
			this.reportedFormulas.add(where)
			this.problem('formula', questionId, where)
			return { formula: true as const }
		}
		return { formula: false as const, value: cell.value }
	}

	private decode(
		item: CellItem,
		key: string,
		sheet: ExcelJS.Worksheet,
		address: string,
		questionId: string,
	) {
		const read = this.cellValue(sheet, address, questionId)
		if (read.formula) return undefined
		const result = this.codec.decode(item, key, read.value)
		if (result.kind === 'problem') {
			this.problem(result.code, questionId, `${sheet.name}!${address}`, result.params)
			return undefined
		}
		return result
	}

	private readScalar(
		entry: Extract<LayoutEntry, { kind: 'scalar' }>,
		contacts: Map<string, { fields: ContactAnswer; marker?: Marker; touched: boolean }>,
	) {
		const [questionId, field] = entry.ref.split('.', 2) as [string, string | undefined]
		const question = this.questions.get(questionId)
		const sheet = this.sheet(entry.sheet, questionId)
		if (!sheet) return
		if (!question) {
			this.problem('unknownQuestion', questionId, `${entry.sheet}!C${entry.row}`)
			return
		}
		const refCell = cellText(sheet.getCell(entry.row, 1).value)?.trim()
		if (refCell !== entry.ref) {
			this.problem('structureChanged', questionId, `${entry.sheet}!A${entry.row}`, {
				sheet: entry.sheet,
			})
			return
		}
		const address = `C${entry.row}`
		if (question.type === 'contact') {
			const contact = contacts.get(questionId) ?? { fields: {}, touched: false }
			contacts.set(questionId, contact)
			if (field === '*') {
				const result = this.decode(
					{ id: '*', type: 'text', markers: question.markers } as CellItem,
					questionId,
					sheet,
					address,
					questionId,
				)
				if (result?.kind === 'value' && isMarked(result.value)) contact.marker = result.value.marker
				return
			}
			const definitionField = question.fields.find((candidate) => candidate.id === field)
			if (!definitionField) {
				this.problem('unknownQuestion', questionId, `${entry.sheet}!${address}`)
				return
			}
			const result = this.decode(
				{ id: definitionField.id, type: 'text' },
				entry.ref,
				sheet,
				address,
				questionId,
			)
			if (result?.kind === 'value') contact.fields[definitionField.id] = String(result.value)
			return
		}
		if (question.type === 'table' || question.type === 'attachment' || field !== undefined) {
			this.problem('unknownQuestion', questionId, `${entry.sheet}!${address}`)
			return
		}
		if (question.readOnly) return
		const result = this.decode(question, questionId, sheet, address, questionId)
		if (!result) return
		if (result.kind === 'value') this.answers[questionId] = result.value
		else if (!this.blank) this.answers[questionId] = null
	}

	private readTable(entry: Extract<LayoutEntry, { kind: 'table' }>) {
		const question = this.questions.get(entry.questionId)
		const sheet = this.sheet(entry.sheet, entry.questionId)
		if (!sheet) return
		if (!question || question.type !== 'table') {
			this.problem('unknownQuestion', entry.questionId, `${entry.sheet}!A${entry.headerRow}`)
			return
		}
		const columns = entry.columns.map((id) => question.columns.find((column) => column.id === id))
		if (columns.some((column) => !column)) {
			this.problem('unknownQuestion', question.id, `${entry.sheet}!A${entry.headerRow}`)
			return
		}
		if (!this.headerMatches(sheet, entry, question)) {
			this.problem('structureChanged', question.id, `${entry.sheet}!A${entry.headerRow}`, {
				sheet: entry.sheet,
			})
			return
		}

		let marker: Marker | undefined
		if (entry.markerCell) {
			const result = this.decode(
				{ id: '*', type: 'text', markers: question.markers } as CellItem,
				question.id,
				sheet,
				entry.markerCell,
				question.id,
			)
			if (result?.kind === 'value' && isMarked(result.value)) marker = result.value.marker
		}

		const fixed = question.rows.kind === 'fixed'
		const dimensions =
			question.rows.kind === 'fixed' ? question.rows.dimensions.map((d) => d.column) : []
		const knownRows = fixed ? this.knownFixedRows(question) : new Map<string, TableRow>()
		const rows: TableRow[] = []
		const seen = new Set<string>()
		let hasAnswerCells = false
		// Only rows that hold something (a stray cell far below costs nothing), at most MAX_TABLE_ROWS.
		const rowNumbers: number[] = []
		sheet.eachRow((row, rowNumber) => {
			if (rowNumber > entry.headerRow) rowNumbers.push(rowNumber)
		})
		if (rowNumbers.length > MAX_TABLE_ROWS) {
			this.problem('tooManyRows', question.id, `${entry.sheet}!A${rowNumbers[MAX_TABLE_ROWS]}`, {
				max: String(MAX_TABLE_ROWS),
			})
			return
		}
		for (const rowNumber of rowNumbers) {
			const idRead = this.cellValue(sheet, `A${rowNumber}`, question.id)
			if (idRead.formula) continue
			const idText =
				idRead.value === null || idRead.value === undefined
					? ''
					: String(cellText(idRead.value) ?? idRead.value).trim()
			const cells: Record<string, CellValue> = {}
			let rowOk = true
			columns.forEach((column, index) => {
				const address = `${columnLetter(index + 2)}${rowNumber}`
				const result = this.decode(
					column!,
					`${question.id}.${column!.id}`,
					sheet,
					address,
					question.id,
				)
				if (!result) rowOk = false
				else if (result.kind === 'value') cells[column!.id] = result.value
			})
			const answerCells = Object.keys(cells).filter((id) => !dimensions.includes(id))
			if (!idText && Object.keys(cells).length === 0) continue
			if (!fixed && answerCells.length === 0 && rowOk) continue
			const where = `${entry.sheet}!A${rowNumber}`
			if (answerCells.length > 0) hasAnswerCells = true
			if (fixed) {
				const known = knownRows.get(idText)
				if (!known) {
					this.problem('unknownRow', question.id, where, { row: idText })
					continue
				}
				const changed = dimensions.find((column) => cells[column] !== known.cells[column])
				if (changed !== undefined) {
					this.problem('dimensionChanged', question.id, where, { row: idText })
					continue
				}
			}
			const id = idText || `x-${randomUUID().slice(0, 12)}`
			if (seen.has(id)) {
				this.problem('duplicateRow', question.id, where, { row: id })
				continue
			}
			seen.add(id)
			rows.push(fixed ? { id, key: id, cells } : { id, cells })
		}

		if (marker) {
			if (hasAnswerCells)
				this.problem('markerWithRows', question.id, `${entry.sheet}!${entry.markerCell}`)
			this.answers[question.id] = { marker }
			return
		}
		if (this.blank && !hasAnswerCells) return
		this.answers[question.id] = rows.length > 0 && (hasAnswerCells || fixed) ? { rows } : null
	}

	/** Rows a fixed table may hold: the expected rows, and rows already stored for the report. */
	private knownFixedRows(question: TableQuestion): Map<string, TableRow> {
		const known = new Map<string, TableRow>()
		const stored = this.target.currentAnswers?.[question.id]
		if (stored && typeof stored === 'object' && 'rows' in stored && Array.isArray(stored.rows)) {
			for (const row of stored.rows) known.set(row.id, row)
		}
		for (const row of rowsFor(this.target.definition, question, this.target.formContext)) {
			known.set(row.id, { id: row.id, key: row.key, cells: row.cells })
		}
		return known
	}

	/** The header row still names the columns in template order (nobody moved or renamed them). */
	private headerMatches(
		sheet: ExcelJS.Worksheet,
		entry: Extract<LayoutEntry, { kind: 'table' }>,
		question: TableQuestion,
	): boolean {
		const text = formText(this.target.definition, this.identity.lang)
		const expected = [
			documentLabels(this.identity.lang).rowId,
			...entry.columns.map((id) => text.label(`${question.id}.${id}`)),
		]
		const header = sheet.getRow(entry.headerRow)
		return expected.every((label, index) => {
			const found = cellText(header.getCell(index + 1).value)?.trim() ?? ''
			return found === label.trim() || found.startsWith(`${label.trim()} (`)
		})
	}

	/** Formulas anywhere else in the workbook: refused too, without a question. */
	private reportStrayFormulas() {
		for (const sheet of this.workbook.worksheets) {
			if (sheet.name === TEMPLATE_SHEET) continue
			sheet.eachRow((row) => {
				row.eachCell((cell) => {
					const where = `${sheet.name}!${cell.address}`
					if (isFormulaValue(cell.value) && !this.reportedFormulas.has(where)) {
						this.problem('formula', '', where)
					}
				})
			})
		}
	}
}
