import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID, codeListFor } from '#forms/codelists/index.ts'
import { codeLabel } from '#forms/codelists/labels.ts'
import { askedAnswers } from '#forms/engine/index.ts'
import { YES_NO, YES_NO_STATUS } from '#forms/vocabulary.ts'
import { isMarked, isTableAnswer } from '#forms/engine/values.ts'
import { formText } from '#forms/text.ts'
import type {
	Answer,
	Answers,
	AttachmentRef,
	ContactAnswer,
	FormContext,
	FormDefinition,
	Language,
	Question,
	TableAnswer,
	TableColumn,
} from '#forms/types.ts'
import type { PlainCell } from '../plain-cell.ts'
import { questionsOf } from '#forms/question-index.ts'

/** One submitted report as compiled exports see it. */
export interface CompiledReport {
	partyCode: string
	partyName: string
	reportStatus: string
	submissionNumber: number
	submissionState: string
	/** ISO date-time. */
	submittedAt: string
	sha256: string
	formContext: FormContext
	/** The submission's answers (hidden ones are dropped when flattening). */
	answers: Answers
}

/** What an export was asked for, printed in its metadata. */
export interface CompiledMeta {
	formId: string
	formVersion: number
	/** SHA-256 of the frozen form version the columns were laid out from (docs/decisions/011). */
	formSha256: string
	cycleCode: string
	cycleTitle: string
	/** `accepted`: accepted submissions; `submitted`: the latest submission under review or accepted. */
	status: 'accepted' | 'submitted'
	lang: Language
	/** Selected question ids (all when the request named none). */
	questions: string[]
	/** ISO date-time. */
	generatedAt: string
	reportCount: number
	/** The licence the data are published under (open data downloads only). */
	licence?: CompiledLicence
}

/** The licence of published data, as written in their metadata (the secretariat's choice). */
export interface CompiledLicence {
	/** SPDX identifier, e.g. `CC-BY-4.0`. */
	id: string
	url: string
	attribution: string
	/** One sentence saying all of it. */
	statement: string
}

/** A flat cell: markers become `[not_available]`, several choices `a; b`. */
export type FlatCell = PlainCell

export interface CompiledColumn {
	/** Column header in files: the question id, `question.field` for contact fields, or the column id in table sheets. */
	id: string
	questionId: string
	label: string
	type: string
	unit: string | null
	/** Code list or inline option set (`question` or `question.column`) its codes come from. */
	codes: string | null
	/** What its cells hold, in words (the codebook's `values` column). */
	values: string
}

export interface CompiledSheet {
	/** Sheet and file name: `answers` or the table question's id. */
	name: string
	questionId: string | null
	label: string
	/** Fixed columns first (Party, submission; for tables the row id), then the answer columns. */
	columns: CompiledColumn[]
}

export interface CodeSheet {
	/** `list_<code list>` or `options`. */
	name: string
	rows: { list: string; code: string; label: string; labelEn: string }[]
}

export interface CompiledLayout {
	definition: FormDefinition
	lang: Language
	questions: Question[]
	answers: CompiledSheet
	tables: CompiledSheet[]
	codeSheets: CodeSheet[]
}

export const REPORT_COLUMNS = [
	'party_code',
	'party_name',
	'report_status',
	'submission_number',
	'submission_state',
	'submitted_at',
	'sha256',
] as const
export const TABLE_KEY_COLUMNS = ['party_code', 'row_id'] as const

export const SEPARATOR = '; '

const FIXED_COLUMN_VALUES: Record<string, string> = {
	party_code: 'ISO 3166-1 alpha-3 code of the reporting Party',
	party_name: 'text',
	report_status: 'code: submitted, under_review, returned, accepted',
	submission_number: 'whole number, 1 for the first submission of the report',
	submission_state: 'code: current (under review), accepted',
	submitted_at: 'date and time, ISO 8601 in UTC',
	sha256: 'SHA-256 of the submitted answers, hexadecimal',
	row_id: 'row id, stable across submissions of the same report',
}

function fixedColumn(id: string): CompiledColumn {
	return {
		id,
		questionId: '',
		label: id,
		type: 'text',
		unit: null,
		codes: null,
		values: FIXED_COLUMN_VALUES[id] ?? 'text',
	}
}

/**
 * The sheets of a compiled export of a form version: one row per country with every selected
 * scalar question (contact blocks as one column per field), one sheet per selected table question
 * (a row per country and table row), and the code lists the selected questions use.
 */
export function compiledLayout(
	definition: FormDefinition,
	lang: Language,
	questionIds?: readonly string[],
): CompiledLayout {
	const text = formText(definition, lang)
	const selected = questionIds?.length ? new Set(questionIds) : undefined
	const questions = questionsOf(definition).filter(
		(question) => !selected || selected.has(question.id),
	)
	const answerColumns: CompiledColumn[] = REPORT_COLUMNS.map(fixedColumn)
	const tables: CompiledSheet[] = []
	const lists = new Set<string>()
	const inline = new Map<string, string[]>()

	const describe = (
		item: Question | TableColumn,
		key: string,
		id: string,
		questionId: string,
	): CompiledColumn => {
		const codes = codesOf(item, key, lists, inline)
		return {
			id,
			questionId,
			label: text.label(key),
			type: item.type,
			unit: (item.type === 'integer' || item.type === 'decimal') && item.unit ? item.unit : null,
			codes,
			values: valuesOf(item, codes),
		}
	}

	for (const question of questions) {
		if (question.type === 'table') {
			tables.push({
				name: question.id,
				questionId: question.id,
				label: text.label(question.id),
				columns: [
					...TABLE_KEY_COLUMNS.map(fixedColumn),
					...question.columns.map((column) =>
						describe(column, `${question.id}.${column.id}`, column.id, question.id),
					),
				],
			})
		} else if (question.type === 'contact') {
			for (const field of question.fields) {
				answerColumns.push({
					id: `${question.id}.${field.id}`,
					questionId: question.id,
					label: `${text.label(question.id)}: ${text.label(`${question.id}.${field.id}`)}`,
					type: field.type,
					unit: null,
					codes: null,
					values: 'text',
				})
			}
		} else {
			answerColumns.push(describe(question, question.id, question.id, question.id))
		}
	}

	const codeSheets: CodeSheet[] = [...lists].map((listId) => ({
		name: `list_${listId}`.slice(0, 31),
		rows: (codeListFor(listId, definition.codeLists)?.entries ?? []).map((entry) => ({
			list: listId,
			code: entry.code,
			label: codeLabel(listId, entry.code, lang),
			labelEn: entry.labels.en,
		})),
	}))
	if (inline.size > 0) {
		const english = formText(definition, 'en')
		codeSheets.push({
			name: 'options',
			rows: [...inline].flatMap(([key, codes]) =>
				codes.map((code) => ({
					list: key,
					code,
					label: text.option(key, code),
					labelEn: english.option(key, code),
				})),
			),
		})
	}
	return {
		definition,
		lang,
		questions,
		answers: { name: 'answers', questionId: null, label: 'answers', columns: answerColumns },
		tables,
		codeSheets,
	}
}

function codesOf(
	item: Question | TableColumn,
	key: string,
	lists: Set<string>,
	inline: Map<string, string[]>,
): string | null {
	switch (item.type) {
		case 'country':
			lists.add(COUNTRY_LIST_ID)
			return COUNTRY_LIST_ID
		case 'chemical':
			lists.add(CHEMICAL_LIST_ID)
			return CHEMICAL_LIST_ID
		case 'yes_no':
		case 'yes_no_status':
			inline.set(key, item.type === 'yes_no' ? [...YES_NO] : [...YES_NO_STATUS])
			return key
		case 'single_choice':
		case 'multiple_choice':
			if ('codeList' in item) {
				lists.add(item.codeList)
				return item.codeList
			}
			inline.set(key, item.options)
			return key
		default:
			return null
	}
}

/** A value as one flat cell. */
export function flatValue(value: Answer | undefined): FlatCell {
	if (value === undefined || value === null) return null
	if (isMarked(value)) return `[${value.marker}]`
	if (Array.isArray(value)) {
		return value
			.map((item) => (typeof item === 'object' ? (item as AttachmentRef).name : String(item)))
			.join(SEPARATOR)
	}
	if (typeof value === 'object') return JSON.stringify(value)
	return value
}

/**
 * The submission's answers as every compiled format writes them: as asked (hidden questions and
 * rows left out, see `askedAnswers`), and with every checkbox cell of a table row a boolean (an
 * unticked box may be stored as `false` or left out; both are written `false`).
 */
export function visibleAnswers(
	definition: FormDefinition,
	report: Pick<CompiledReport, 'answers' | 'formContext'>,
	questionIds?: readonly string[],
): Answers {
	const asked = askedAnswers(definition, report.answers, report.formContext)
	const selected = questionIds?.length ? new Set(questionIds) : undefined
	const checkboxes = checkboxColumns(definition)
	const out: Answers = {}
	for (const [id, value] of Object.entries(asked)) {
		if (selected && !selected.has(id)) continue
		const columns = checkboxes.get(id)
		out[id] = columns && isTableAnswer(value) ? withUntickedAsFalse(value, columns) : value
	}
	return out
}

const checkboxColumnsByForm = new WeakMap<FormDefinition, Map<string, string[]>>()

/** Table question id → ids of its checkbox columns (tables without any are left out). */
function checkboxColumns(definition: FormDefinition): Map<string, string[]> {
	let found = checkboxColumnsByForm.get(definition)
	if (!found) {
		found = new Map()
		for (const question of questionsOf(definition)) {
			if (question.type !== 'table') continue
			const ids = question.columns
				.filter((column) => column.type === 'checkbox')
				.map((column) => column.id)
			if (ids.length > 0) found.set(question.id, ids)
		}
		checkboxColumnsByForm.set(definition, found)
	}
	return found
}

function withUntickedAsFalse(table: TableAnswer, columns: string[]): TableAnswer {
	if (table.rows.every((row) => columns.every((id) => row.cells[id] !== undefined))) return table
	return {
		...table,
		rows: table.rows.map((row) => {
			if (columns.every((id) => row.cells[id] !== undefined)) return row
			const cells = { ...row.cells }
			for (const id of columns) cells[id] ??= false
			return { ...row, cells }
		}),
	}
}

/** One report's rows: its line of the answers sheet and its rows of each table sheet. */
export interface FlatReport {
	answers: FlatCell[]
	tables: FlatCell[][][]
}

export function flattenReport(layout: CompiledLayout, report: CompiledReport): FlatReport {
	const answers = visibleAnswers(layout.definition, report)
	const line: FlatCell[] = [
		report.partyCode,
		report.partyName,
		report.reportStatus,
		report.submissionNumber,
		report.submissionState,
		report.submittedAt,
		report.sha256,
	]
	for (const column of layout.answers.columns.slice(REPORT_COLUMNS.length)) {
		const value = answers[column.questionId]
		if (column.id !== column.questionId) {
			// A contact field, or the marker standing for the whole block.
			line.push(
				isMarked(value)
					? flatValue(value)
					: ((value as ContactAnswer | undefined)?.[column.id.split('.')[1]!] ?? null),
			)
		} else {
			line.push(flatValue(value))
		}
	}
	const tables = layout.tables.map((sheet) => {
		const value = answers[sheet.questionId!]
		const answerColumns = sheet.columns.slice(TABLE_KEY_COLUMNS.length)
		if (isMarked(value)) {
			return [[report.partyCode, null, ...answerColumns.map(() => flatValue(value))]]
		}
		if (!isTableAnswer(value)) return []
		return value.rows.map((row) => [
			report.partyCode,
			row.id,
			...answerColumns.map((column) => flatValue(row.cells[column.id])),
		])
	})
	return { answers: line, tables }
}

/**
 * How values are written, the same in every format (XLSX, CSV, JSON): printed in the metadata of
 * each, and per column in the codebook's `values` column.
 */
export const VALUE_CONVENTIONS = {
	empty:
		'an empty cell (in JSON: a missing key) means no answer: not answered, or hidden by the form because an earlier answer made it not apply',
	booleans:
		'checkbox columns are true or false, never empty: an unticked box is false (XLSX: TRUE/FALSE cells; CSV: true/false; JSON: true/false)',
	markers:
		'[not_available] [not_applicable] [confidential] stand for the markers (in JSON: {"marker": "not_available"} and so on)',
	separator: `several choices are separated by "${SEPARATOR}" (in JSON: an array)`,
	formulas:
		'text is never a formula: in CSV, a text cell that begins with =, +, -, @, a tab, a carriage return or an apostrophe is written with an apostrophe in front (so spreadsheet programs show it instead of running it); remove one leading apostrophe to get the text back. Numbers are written as they are. XLSX text cells hold the text as it is, as text',
} as const

/** Metadata rows (key, value) printed in every format. */
export function metadataRows(meta: CompiledMeta): [string, string | number][] {
	return [
		['form_id', meta.formId],
		['form_version', meta.formVersion],
		['form_sha256', meta.formSha256],
		['cycle', meta.cycleCode],
		['cycle_title', meta.cycleTitle],
		['status_filter', meta.status],
		['questions', meta.questions.join(' ')],
		['language', meta.lang],
		['report_count', meta.reportCount],
		['generated_at', meta.generatedAt],
		...(meta.licence
			? ([
					['licence', meta.licence.id],
					['licence_url', meta.licence.url],
					['licence_statement', meta.licence.statement],
				] as [string, string][])
			: []),
		...Object.entries(VALUE_CONVENTIONS),
	]
}

/** What an answer column's cells hold, in words, for the codebook. */
function valuesOf(item: Question | TableColumn, codes: string | null): string {
	const several = `separated by "${SEPARATOR}"`
	switch (item.type) {
		case 'checkbox':
			return 'true or false (an unticked box is false)'
		case 'integer':
			return 'whole number'
		case 'year':
			return 'year, four digits'
		case 'decimal':
			return 'number'
		case 'date':
			return 'date, YYYY-MM-DD'
		case 'multiple_choice':
			return `codes from ${codes}, ${several}`
		case 'country':
		case 'chemical':
			return item.multiple ? `codes from ${codes}, ${several}` : `a code from ${codes}`
		case 'yes_no':
		case 'yes_no_status':
		case 'single_choice':
			return `a code from ${codes}`
		case 'attachment':
			return `file names, ${several}`
		case 'table':
			return 'rows in the sheet of the same name'
		default:
			return 'text'
	}
}

/** Codebook rows: sheet, column id, label, type, unit, code list, values. */
export function codebookRows(layout: CompiledLayout): FlatCell[][] {
	const rows: FlatCell[][] = []
	for (const sheet of [layout.answers, ...layout.tables]) {
		for (const column of sheet.columns) {
			rows.push([
				sheet.name,
				column.id,
				column.label,
				column.type,
				column.unit,
				column.codes,
				column.values,
			])
		}
	}
	return rows
}

export const CODEBOOK_HEADER = ['sheet', 'column', 'label', 'type', 'unit', 'codes', 'values']
export const CODE_SHEET_HEADER = ['list', 'code', 'label', 'label_en']
