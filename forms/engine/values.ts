import type { Answer, MarkedValue, TableAnswer, TableRow } from '../types.ts'
import { MARKERS } from '../types.ts'

export function isMarked(value: unknown): value is MarkedValue {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof (value as { marker?: unknown }).marker === 'string' &&
		(MARKERS as string[]).includes((value as { marker: string }).marker)
	)
}

export function isTableAnswer(value: unknown): value is TableAnswer {
	return (
		typeof value === 'object' && value !== null && Array.isArray((value as { rows?: unknown }).rows)
	)
}

export function isRow(value: unknown): value is TableRow {
	if (typeof value !== 'object' || value === null) return false
	const row = value as { id?: unknown; cells?: unknown }
	return (
		typeof row.id === 'string' &&
		typeof row.cells === 'object' &&
		row.cells !== null &&
		!Array.isArray(row.cells)
	)
}

/** Rows of a table answer that have the right shape (others are reported by the validator). */
export function tableRows(value: unknown): TableRow[] {
	if (!isTableAnswer(value)) return []
	const rows = value.rows as unknown[]
	for (const row of rows) {
		if (!isRow(row)) return rows.filter(isRow)
	}
	return rows as TableRow[]
}

/**
 * "Has a value": not absent, not `''`, not an empty list, not an empty table or contact block.
 * A marker counts as an answer.
 */
export function isAnswered(value: unknown): boolean {
	if (value === undefined || value === null || value === '') return false
	if (Array.isArray(value)) return value.length > 0
	if (typeof value === 'object') {
		if (isMarked(value)) return true
		if (isTableAnswer(value)) return value.rows.length > 0
		for (const field of Object.values(value as Record<string, unknown>)) {
			if (field !== undefined && field !== null && field !== '') return true
		}
		return false
	}
	return true
}

/** Sets are equal regardless of order; scalars by strict equality. */
export function valuesEqual(left: unknown, right: unknown): boolean {
	if (Array.isArray(left) && Array.isArray(right)) {
		if (left.length !== right.length) return false
		return left.every((item) => right.includes(item))
	}
	return left === right
}

/** Numbers compare numerically, strings (ISO dates) lexically; anything else is not ordered. */
export function compareOrdered(left: unknown, right: unknown): number | undefined {
	if (typeof left === 'number' && typeof right === 'number') {
		if (Number.isNaN(left) || Number.isNaN(right)) return undefined
		return left - right
	}
	if (typeof left === 'string' && typeof right === 'string') {
		return left < right ? -1 : left > right ? 1 : 0
	}
	return undefined
}

export type AnswerOrUndefined = Answer | undefined
