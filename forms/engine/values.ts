import type {
	Answer,
	AttachmentRef,
	MarkedValue,
	ScalarType,
	TableAnswer,
	TableRow,
} from '../types.ts'
import { MARKERS } from '../types.ts'
import { isIsoDate } from './patterns.ts'

/**
 * Whether an object has no key but those `allowed` accepts. Like zod's strict objects (and so the
 * draft schema), every enumerable key counts, inherited or holding `undefined`.
 */
function hasOnlyKeys(value: object, allowed: (key: string) => boolean): boolean {
	for (const key in value) if (!allowed(key)) return false
	return true
}

const isMarkerKey = (key: string) => key === 'marker'
const isTableKey = (key: string) => key === 'rows'
const isRowKey = (key: string) => key === 'id' || key === 'key' || key === 'cells'

/** A marker stored in place of a value: `{ marker }` with a known marker and nothing else. */
export function isMarked(value: unknown): value is MarkedValue {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		typeof (value as { marker?: unknown }).marker === 'string' &&
		(MARKERS as string[]).includes((value as { marker: string }).marker) &&
		hasOnlyKeys(value, isMarkerKey)
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

/** A table answer exactly as stored: `{ rows: [...] }` and no other key (rows unchecked). */
export function isStoredTable(value: unknown): value is TableAnswer {
	return !Array.isArray(value) && isTableAnswer(value) && hasOnlyKeys(value, isTableKey)
}

/**
 * A row exactly as stored (`TableRow`): a non-empty id, a string key if any, a cells object and no
 * other key. Its cells are not checked.
 */
export function isStoredRow(value: unknown): value is TableRow {
	if (!isRow(value) || Array.isArray(value) || value.id === '') return false
	const key = (value as { key?: unknown }).key
	return (key === undefined || typeof key === 'string') && hasOnlyKeys(value, isRowKey)
}

const isAttachmentKey = (key: string) => key === 'attachmentId' || key === 'name'

/** An attachment reference exactly as stored (`AttachmentRef`): a non-empty id, a name, no other key. */
export function isAttachmentRef(item: unknown): boolean {
	if (typeof item !== 'object' || item === null || Array.isArray(item)) return false
	const { attachmentId, name } = item as { attachmentId?: unknown; name?: unknown }
	return (
		typeof attachmentId === 'string' &&
		attachmentId !== '' &&
		typeof name === 'string' &&
		hasOnlyKeys(item, isAttachmentKey)
	)
}

/** Files as stored in an answer: at least one reference, each as `isAttachmentRef` says. */
export function isAttachmentList(value: unknown): value is AttachmentRef[] {
	return Array.isArray(value) && value.length > 0 && value.every(isAttachmentRef)
}

function isStringList(value: unknown): boolean {
	if (!Array.isArray(value)) return false
	for (const item of value) if (typeof item !== 'string') return false
	return true
}

/**
 * Whether a value has the type of a scalar question or a table cell: a marker, or the item's value
 * type (codes, a safe integer, a finite number, an existing ISO date, a boolean, text). Options,
 * bounds and which markers the item allows are not checked. The draft schema's scalar types
 * (`answer-schemas.ts`); `type-coverage.test.ts` keeps the two in step.
 */
export function hasValueType(
	item: (ScalarType | { type: 'checkbox' }) & { multiple?: boolean },
	value: unknown,
): boolean {
	switch (item.type) {
		case 'multiple_choice':
			return isStringList(value) || isMarked(value)
		case 'country':
		case 'chemical':
			return (item.multiple ? isStringList(value) : typeof value === 'string') || isMarked(value)
		case 'integer':
		case 'year':
			return Number.isSafeInteger(value) || isMarked(value)
		case 'decimal':
			return (typeof value === 'number' && Number.isFinite(value)) || isMarked(value)
		case 'date':
			return (typeof value === 'string' && isIsoDate(value)) || isMarked(value)
		case 'checkbox':
			return typeof value === 'boolean' || isMarked(value)
		default:
			return typeof value === 'string' || isMarked(value)
	}
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
