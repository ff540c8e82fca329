import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID, getCodeList } from '#forms/codelists/index.ts'
import { codeLabel } from '#forms/codelists/labels.ts'
import { YES_NO, YES_NO_STATUS } from '#forms/engine/index.ts'
import { evaluate } from '#forms/engine/evaluate.ts'
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
	TableColumn,
} from '#forms/types.ts'
import { questionsOf } from '../report-document.ts'

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
}

/** A flat cell: markers become `[not_available]`, several choices `a; b`. */
export type FlatCell = string | number | boolean | null

export interface CompiledColumn {
	/** Column header in files: the question id, `question.field` for contact fields, or the column id in table sheets. */
	id: string
	questionId: string
	label: string
	type: string
	unit: string | null
	/** Code list or inline option set (`question` or `question.column`) its codes come from. */
	codes: string | null
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

function fixedColumn(id: string): CompiledColumn {
	return { id, questionId: '', label: id, type: 'text', unit: null, codes: null }
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
	const questions = [...questionsOf(definition)]
		.map(({ question }) => question)
		.filter((question) => !selected || selected.has(question.id))
	const answerColumns: CompiledColumn[] = REPORT_COLUMNS.map(fixedColumn)
	const tables: CompiledSheet[] = []
	const lists = new Set<string>()
	const inline = new Map<string, string[]>()

	const describe = (item: Question | TableColumn, key: string, id: string, questionId: string) => {
		const codes = codesOf(item, key, lists, inline)
		return {
			id,
			questionId,
			label: text.label(key),
			type: item.type,
			unit: (item.type === 'integer' || item.type === 'decimal') && item.unit ? item.unit : null,
			codes,
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
				})
			}
		} else {
			answerColumns.push(describe(question, question.id, question.id, question.id))
		}
	}

	const codeSheets: CodeSheet[] = [...lists].map((listId) => ({
		name: `list_${listId}`.slice(0, 31),
		rows: (getCodeList(listId)?.entries ?? []).map((entry) => ({
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

/** The submission's answers without the hidden ones (the engine ignores hidden answers too). */
export function visibleAnswers(
	definition: FormDefinition,
	report: Pick<CompiledReport, 'answers' | 'formContext'>,
	questionIds?: readonly string[],
): Answers {
	const evaluation = evaluate(definition, report.answers, report.formContext)
	const out: Answers = {}
	const selected = questionIds?.length ? new Set(questionIds) : undefined
	for (const [id, value] of Object.entries(report.answers)) {
		if (selected && !selected.has(id)) continue
		if (evaluation.questions[id]?.visible) out[id] = value
	}
	return out
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

/** Metadata rows (key, value) printed in every format. */
export function metadataRows(meta: CompiledMeta): [string, string | number][] {
	return [
		['form_id', meta.formId],
		['form_version', meta.formVersion],
		['cycle', meta.cycleCode],
		['cycle_title', meta.cycleTitle],
		['status_filter', meta.status],
		['questions', meta.questions.join(' ')],
		['language', meta.lang],
		['report_count', meta.reportCount],
		['generated_at', meta.generatedAt],
		['markers', '[not_available] [not_applicable] [confidential] stand for the markers'],
		['separator', `several choices are separated by "${SEPARATOR}"`],
	]
}

/** Codebook rows: sheet, column id, label, type, unit, code list. */
export function codebookRows(layout: CompiledLayout): FlatCell[][] {
	const rows: FlatCell[][] = []
	for (const sheet of [layout.answers, ...layout.tables]) {
		for (const column of sheet.columns) {
			rows.push([sheet.name, column.id, column.label, column.type, column.unit, column.codes])
		}
	}
	return rows
}

export const CODEBOOK_HEADER = ['sheet', 'column', 'label', 'type', 'unit', 'codes']
export const CODE_SHEET_HEADER = ['list', 'code', 'label', 'label_en']
