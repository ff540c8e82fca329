import type { CellState, Issue, Marker, ScalarQuestion, TableAnswer, TableRow } from '../types.ts'
import type { CompiledQuestion, CompiledTable } from './compile.ts'
import type { Env } from './env.ts'
import { hiddenRowIds, rowScope } from './env.ts'
import {
	hasValueType,
	isAnswered,
	isAttachmentRef,
	isMarked,
	isStoredRow,
	isStoredTable,
} from './values.ts'

export interface QuestionResult {
	answered: boolean
	/** tableId's cell states for conditional columns (tables only). */
	cells?: Record<string, Record<string, CellState>>
}

type Emit = (issue: Issue) => void

/** A marker on a whole question (contact, attachment, table) must be allowed by the question. */
function checkMarker(compiled: CompiledQuestion, marker: Marker, emit: Emit): boolean {
	if ((compiled.question.markers ?? []).includes(marker)) return true
	emit({
		questionId: compiled.question.id,
		severity: 'error',
		messageKey: 'marker_not_allowed',
		params: { marker },
	})
	return true
}

function validateScalar(
	compiled: CompiledQuestion,
	value: unknown,
	required: boolean,
	env: Env,
	emit: Emit,
): boolean {
	const { question } = compiled
	const id = question.id
	if (!isAnswered(value)) {
		if (required) emit({ questionId: id, severity: 'error', messageKey: 'required' })
		else if (value !== undefined && !hasValueType(question as ScalarQuestion, value))
			emit({ questionId: id, severity: 'error', messageKey: 'invalid_type' })
		return false
	}
	const problem = compiled.check!(value, env.ctx)
	if (problem) {
		emit({
			questionId: id,
			severity: 'error',
			messageKey: problem.messageKey,
			...(problem.params ? { params: problem.params } : {}),
		})
		return true
	}
	if ('prefill' in question && question.prefill && question.readOnly && !isMarked(value)) {
		const ctx = env.ctx
		const expected =
			question.prefill === 'partyCode'
				? ctx.partyCode
				: Number(
						(question.prefill === 'periodStartYear' ? ctx.periodStart : ctx.periodEnd).slice(0, 4),
					)
		if (value !== expected) {
			emit({
				questionId: id,
				severity: 'error',
				messageKey: 'context_mismatch',
				params: { expected },
			})
		}
	}
	return true
}

/**
 * What contacts and attachments start with: an unanswered one is an error only when required
 * (and incomplete), or when it is not even of the question's type (`hasType`: `null`, a contact
 * block with a `null` field); a marker is checked against the markers the question allows.
 * Undefined when the value itself is to be checked.
 */
function checkUnansweredOrMarked(
	compiled: CompiledQuestion,
	value: unknown,
	required: boolean,
	hasType: (value: unknown) => boolean,
	emit: Emit,
): boolean | undefined {
	if (!isAnswered(value)) {
		const id = compiled.question.id
		if (required) emit({ questionId: id, severity: 'error', messageKey: 'required' })
		else if (value !== undefined && !hasType(value))
			emit({ questionId: id, severity: 'error', messageKey: 'invalid_type' })
		return false
	}
	if (isMarked(value)) return checkMarker(compiled, value.marker, emit)
	return undefined
}

function validateContact(
	compiled: CompiledQuestion,
	value: unknown,
	required: boolean,
	emit: Emit,
): boolean {
	const id = compiled.question.id
	const isField = (key: string) => compiled.contactFields!.some(({ field }) => field.id === key)
	const isContact = (candidate: unknown) => {
		if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate))
			return false
		const fields = candidate as Record<string, unknown>
		for (const key in fields)
			if (!isField(key) || (fields[key] !== undefined && typeof fields[key] !== 'string'))
				return false
		return true
	}
	const settled = checkUnansweredOrMarked(compiled, value, required, isContact, emit)
	if (settled !== undefined) return settled
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		emit({ questionId: id, severity: 'error', messageKey: 'invalid_type' })
		return true
	}
	const fields = value as Record<string, unknown>
	let complete = true
	for (const { field, check } of compiled.contactFields!) {
		const fieldValue = fields[field.id]
		if (fieldValue === undefined || fieldValue === null || fieldValue === '') {
			if (field.required) {
				complete = false
				emit({ questionId: id, field: field.id, severity: 'error', messageKey: 'required' })
			} else if (fieldValue === null) {
				emit({ questionId: id, field: field.id, severity: 'error', messageKey: 'invalid_type' })
			}
			continue
		}
		if (typeof fieldValue !== 'string') {
			emit({ questionId: id, field: field.id, severity: 'error', messageKey: 'invalid_type' })
			continue
		}
		const problem = check(fieldValue)
		if (problem) emit({ questionId: id, field: field.id, severity: 'error', messageKey: problem })
	}
	for (const key in fields) {
		if (!isField(key))
			emit({ questionId: id, field: key, severity: 'error', messageKey: 'unknown_field' })
	}
	return complete
}

function validateAttachments(
	compiled: CompiledQuestion,
	value: unknown,
	required: boolean,
	emit: Emit,
): boolean {
	const id = compiled.question.id
	const settled = checkUnansweredOrMarked(compiled, value, required, Array.isArray, emit)
	if (settled !== undefined) return settled
	const valid = Array.isArray(value) && value.every(isAttachmentRef)
	if (!valid) emit({ questionId: id, severity: 'error', messageKey: 'invalid_type' })
	else if (
		compiled.question.type === 'attachment' &&
		!compiled.question.multiple &&
		value.length > 1
	) {
		emit({ questionId: id, severity: 'error', messageKey: 'too_many_rows', params: { max: 1 } })
	}
	return true
}

const EMPTY_CELLS: TableRow['cells'] = Object.freeze({}) as TableRow['cells']

function hasAnswerCells(table: CompiledTable, row: TableRow): boolean {
	return table.answerColumns.some(({ column }) => isAnswered(row.cells[column.id]))
}

function cellTypeError(questionId: string, rowId: string, columnId: string): Issue {
	return { questionId, rowId, columnId, severity: 'error', messageKey: 'invalid_type' }
}

function unknownColumn(questionId: string, rowId: string, columnId: string): Issue {
	return { questionId, rowId, columnId, severity: 'error', messageKey: 'unknown_column' }
}

/**
 * The types of a row the table does not ask (a hidden row, or one no longer expected): its answers
 * are kept, so only a cell of no column, or a value no cell of its column could hold, is an error.
 */
function checkRowTypes(table: CompiledTable, row: TableRow, emit: Emit): void {
	for (const columnId in row.cells) {
		const column = table.columns.get(columnId)
		const value = row.cells[columnId]
		if (!column) emit(unknownColumn(table.id, row.id, columnId))
		else if (value !== undefined && !hasValueType(column, value))
			emit(cellTypeError(table.id, row.id, columnId))
	}
}

/**
 * Validates the cells of one row; returns whether every visible required cell is answered.
 * `cellStates` receives the state of conditional columns.
 */
function validateRow(
	table: CompiledTable,
	row: TableRow,
	env: Env,
	emit: Emit,
	cellStates: Record<string, CellState> | undefined,
): boolean {
	const scope = rowScope(env, table, row)
	const tableId = table.id
	let complete = true
	for (const compiledColumn of table.answerColumns) {
		const { column } = compiledColumn
		const visible = !(scope.hidden?.has(column.id) ?? false)
		const required =
			visible &&
			(typeof compiledColumn.required === 'function'
				? compiledColumn.required(env, scope)
				: compiledColumn.required)
		if (compiledColumn.conditional && cellStates) cellStates[column.id] = { visible, required }
		const value = row.cells[column.id]
		if (!visible) {
			// A hidden cell keeps its answer; only one no cell could hold is an error.
			if (value !== undefined && !hasValueType(column, value))
				emit(cellTypeError(tableId, row.id, column.id))
			continue
		}
		if (!isAnswered(value)) {
			if (required) {
				complete = false
				emit({
					questionId: tableId,
					rowId: row.id,
					columnId: column.id,
					severity: 'error',
					messageKey: 'required',
				})
			} else if (value !== undefined && !hasValueType(column, value)) {
				emit(cellTypeError(tableId, row.id, column.id))
			}
			continue
		}
		const problem = compiledColumn.check(value, env.ctx)
		if (problem) {
			emit({
				questionId: tableId,
				rowId: row.id,
				columnId: column.id,
				severity: 'error',
				messageKey: problem.messageKey,
				...(problem.params ? { params: problem.params } : {}),
			})
		}
	}
	return complete
}

function validateTable(
	compiled: CompiledQuestion,
	value: unknown,
	required: boolean,
	env: Env,
	emit: Emit,
): QuestionResult {
	const table = compiled.table!
	const id = table.id
	const trackCells = table.answerColumns.some((column) => column.conditional)
	const cells: Record<string, Record<string, CellState>> = {}

	const expected = table.fixed ? env.fixedKeys.get(id) : undefined
	const hidden = expected ? hiddenRowIds(env, id) : null
	const nothingToAsk = expected !== undefined && expected.size === (hidden?.size ?? 0)
	if (isMarked(value)) return { answered: checkMarker(compiled, value.marker, emit) }
	// Anything but absent, a marker or `{ rows }` (`null`, `[]`, `{ rows, other }`…) is no table.
	if (value !== undefined && !isStoredTable(value)) {
		emit({ questionId: id, severity: 'error', messageKey: 'invalid_type' })
		return { answered: isAnswered(value) }
	}
	if (!isAnswered(value)) {
		if (nothingToAsk) return { answered: true }
		if (required) emit({ questionId: id, severity: 'error', messageKey: 'required' })
		return { answered: false }
	}

	const seen = new Set<string>()
	let complete = true
	let count = 0
	let completeRows = 0
	for (const raw of (value as TableAnswer).rows as unknown[]) {
		if (!isStoredRow(raw)) {
			emit({ questionId: id, severity: 'error', messageKey: 'invalid_row' })
			complete = false
			continue
		}
		const row = raw
		if (seen.has(row.id)) {
			emit({ questionId: id, rowId: row.id, severity: 'error', messageKey: 'duplicate_row' })
			continue
		}
		seen.add(row.id)
		if (expected) {
			if (!expected.has(row.id) || (row.key !== undefined && row.key !== row.id)) {
				// A row that no longer applies is kept; only one holding answers needs attention.
				if (hasAnswerCells(table, row))
					emit({ questionId: id, rowId: row.id, severity: 'error', messageKey: 'unexpected_row' })
				else checkRowTypes(table, row, emit)
				continue
			}
			if (hidden?.has(row.id)) {
				checkRowTypes(table, row, emit)
				continue
			}
			const dimensions = expected.get(row.id)!.cells
			for (const columnId of table.dimensionColumns) {
				const cell = row.cells[columnId]
				if (cell !== undefined && cell !== dimensions[columnId]) {
					emit({
						questionId: id,
						rowId: row.id,
						columnId,
						severity: 'error',
						messageKey: 'dimension_mismatch',
					})
				}
			}
		}
		count++
		for (const key in row.cells) {
			if (!table.columns.has(key)) emit(unknownColumn(id, row.id, key))
		}
		const states: Record<string, CellState> | undefined = trackCells ? {} : undefined
		if (validateRow(table, row, env, emit, states)) completeRows++
		else complete = false
		if (states) cells[row.id] = states
	}

	if (expected) {
		for (const key of expected.keys()) {
			if (seen.has(key) || hidden?.has(key)) continue
			const states: Record<string, CellState> | undefined = trackCells ? {} : undefined
			const placeholder: TableRow = { id: key, key, cells: EMPTY_CELLS }
			if (!validateRow(table, placeholder, env, emit, states)) complete = false
			if (states) cells[key] = states
		}
	} else if (compiled.question.type === 'table' && compiled.question.rows.kind === 'open') {
		const { minRows, maxRows } = compiled.question.rows
		const min = Math.max(minRows ?? 0, required ? 1 : 0)
		if (count < min) {
			complete = false
			emit({
				questionId: id,
				severity: 'error',
				messageKey: count === 0 ? 'required' : 'too_few_rows',
				params: { min },
			})
		}
		if (maxRows !== undefined && count > maxRows) {
			emit({
				questionId: id,
				severity: 'error',
				messageKey: 'too_many_rows',
				params: { max: maxRows },
			})
		}
	}
	// A fixed table is answered when every asked row is complete; an open table once it has its
	// minimum of complete rows (a row started after that is an error to fix, not lost progress).
	const minimum =
		compiled.question.type === 'table' && compiled.question.rows.kind === 'open'
			? Math.max(compiled.question.rows.minRows ?? 0, 1)
			: 1
	const answered = expected ? complete : completeRows >= minimum
	return { answered, ...(trackCells ? { cells } : {}) }
}

/** Validates the answer of a visible question; hidden questions are never validated. */
export function validateQuestion(
	compiled: CompiledQuestion,
	value: unknown,
	required: boolean,
	env: Env,
	emit: Emit,
): QuestionResult {
	switch (compiled.question.type) {
		case 'table':
			return validateTable(compiled, value, required, env, emit)
		case 'contact':
			return { answered: validateContact(compiled, value, required, emit) }
		case 'attachment':
			return { answered: validateAttachments(compiled, value, required, emit) }
		default:
			return { answered: validateScalar(compiled, value, required, env, emit) }
	}
}
