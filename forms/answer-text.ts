/**
 * Answers as text, for every page and document that shows one (history, comparisons, carry-over,
 * import previews, analysis, the editor's conflicts, PDF and Excel): option and marker labels
 * instead of codes, numbers grouped the reader's way (years as typed), lists separated by `; `
 * (labels may hold commas).
 */
import { isMarked, isTableAnswer } from './engine/values.ts'
import { formatNumber } from './locale-format.ts'
import type { FormText } from './text-core.ts'
import type { AttachmentRef, ContactAnswer, Question, TableQuestion } from './types.ts'

/**
 * How a value prints. `marker` (information not available, not applicable, confidential), `zero`
 * and `empty` are kept apart so documents can show them distinctly.
 */
export type PrintedKind = 'text' | 'number' | 'zero' | 'marker' | 'empty'
export interface PrintedValue {
	text: string
	kind: PrintedKind
}

const LIST_SEPARATOR = '; '
const EMPTY: PrintedValue = { text: '', kind: 'empty' }
/**
 * A scalar answer or a table cell as printed, with its kind. `item` is the question or column;
 * `key` its question id, or `tableId.columnId` for a cell, so option labels come from its list.
 */
export function printedValue(
	item: { type: string },
	key: string,
	value: unknown,
	text: FormText,
): PrintedValue {
	if (value === undefined || value === null || value === '') return EMPTY
	if (isMarked(value)) return { text: text.marker(value.marker), kind: 'marker' }
	if (typeof value === 'number') {
		const printed = item.type === 'year' ? String(value) : formatNumber(value, text.lang)
		return { text: printed, kind: value === 0 ? 'zero' : 'number' }
	}
	if (typeof value === 'boolean')
		return { text: text.option('checkbox', String(value)), kind: 'text' }
	if (Array.isArray(value)) {
		if (value.length === 0) return EMPTY
		const labels = value.map((code) => text.option(key, String(code)))
		return { text: labels.join(LIST_SEPARATOR), kind: 'text' }
	}
	if (typeof value !== 'string') return { text: JSON.stringify(value), kind: 'text' }
	// Free text comes back as typed: only choice questions and columns have option labels.
	return { text: text.option(key, value), kind: 'text' }
}

export interface ValueTextOptions {
	/** The text for no value; `—` unless given. */
	empty?: string
	/** `[Confidential]`: a marker set apart from typed text, for one-line lists. */
	bracketMarkers?: boolean
}

function asText(printed: PrintedValue, options: ValueTextOptions): string {
	if (printed.kind === 'empty') return options.empty ?? '—'
	if (printed.kind === 'marker' && options.bracketMarkers) return `[${printed.text}]`
	return printed.text
}

/** A scalar answer or a table cell as text (`item` and `key` as for `printedValue`). */
export function valueText(
	item: { type: string },
	key: string,
	value: unknown,
	text: FormText,
	options: ValueTextOptions = {},
): string {
	return asText(printedValue(item, key, value, text), options)
}

/** A cell of a table question as text, by its column id (a column no longer defined prints as text). */
export function cellText(
	table: Question,
	columnId: string,
	value: unknown,
	text: FormText,
	options: ValueTextOptions = {},
): string {
	const column = table.type === 'table' ? table.columns.find((c) => c.id === columnId) : undefined
	return valueText(column ?? { type: 'text' }, `${table.id}.${columnId}`, value, text, options)
}

export interface AnswerTextOptions extends ValueTextOptions {
	/**
	 * One line (previews, lists, conflicts): a table as its row count, in the caller's words, and
	 * contact fields separated by `; `. Without it, every table row and contact field is a line.
	 */
	oneLine?: { rowCount: (count: number) => string }
}

/** Any answer of a question as text: a scalar, a table, a contact block or attachments. */
export function answerText(
	question: Question,
	value: unknown,
	text: FormText,
	options: AnswerTextOptions = {},
): string {
	if (value === undefined || value === null || isMarked(value))
		return valueText(question, question.id, value, text, options)
	const lineBreak = options.oneLine ? LIST_SEPARATOR : '\n'
	let lines: string[]
	switch (question.type) {
		case 'table':
			if (!isTableAnswer(value)) return asText(EMPTY, options)
			if (options.oneLine) return options.oneLine.rowCount(value.rows.length)
			lines = value.rows.map((row) => rowText(question, row.cells, text))
			break
		case 'contact':
			lines = Object.entries(value as ContactAnswer)
				.filter(([, field]) => field)
				.map(([field, fieldValue]) => `${text.label(`${question.id}.${field}`)}: ${fieldValue}`)
			break
		case 'attachment':
			lines = Array.isArray(value)
				? [(value as AttachmentRef[]).map((file) => file.name).join(LIST_SEPARATOR)]
				: []
			break
		default:
			return valueText(question, question.id, value, text, options)
	}
	const joined = lines.filter((line) => line !== '').join(lineBreak)
	return joined === '' ? asText(EMPTY, options) : joined
}

/** A table row as `Column: value; Column: value`, its empty cells left out. */
function rowText(question: TableQuestion, cells: Record<string, unknown>, text: FormText): string {
	return question.columns
		.map((column) => {
			const key = `${question.id}.${column.id}`
			const printed = printedValue(column, key, cells[column.id], text)
			return printed.kind === 'empty' ? '' : `${text.label(key)}: ${printed.text}`
		})
		.filter((cell) => cell !== '')
		.join(LIST_SEPARATOR)
}
