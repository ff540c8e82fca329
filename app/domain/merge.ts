import type { TableAnswer, TableRow } from '#forms/types.ts'
import { sameValue } from './canonical.ts'

/**
 * Three-way merge of one answer when someone else saved it after the editor loaded it.
 * `base` is what the editor started from, `mine` what it wants to save, `theirs` what is stored.
 *
 * - Unchanged by them (`theirs` = `base`) or the same result (`theirs` = `mine`): take `mine`.
 * - Tables: merged row by row and cell by cell (rows added by either side are kept; a row removed
 *   by one side and untouched by the other is removed); a conflict only when both changed the
 *   same cell, or one removed a row the other changed.
 * - Contact blocks: merged field by field.
 * - Anything else changed on both sides: a conflict, never a silent overwrite.
 */
export type MergeResult = { ok: true; value: unknown } | { ok: false }

export function mergeAnswer(base: unknown, mine: unknown, theirs: unknown): MergeResult {
	if (sameValue(theirs, base) || sameValue(theirs, mine)) return { ok: true, value: mine }
	if (sameValue(mine, base)) return { ok: true, value: theirs }
	if (isTable(base) && isTable(mine) && isTable(theirs)) return mergeTables(base, mine, theirs)
	if (isRecord(base) && isRecord(mine) && isRecord(theirs)) return mergeFields(base, mine, theirs)
	return { ok: false }
}

/**
 * A table answer, checked row by row: `base` comes from the editor unchecked by the draft schema,
 * and anything else is merged as a plain value (a conflict when both sides changed it).
 */
function isTable(value: unknown): value is TableAnswer {
	if (!isRecord(value)) return false
	const rows = (value as { rows?: unknown }).rows
	return (
		Array.isArray(rows) &&
		rows.every((row) => isRecord(row) && typeof row.id === 'string' && isRecord(row.cells))
	)
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !('marker' in value)
	)
}

function mergeFields(
	base: Record<string, unknown>,
	mine: Record<string, unknown>,
	theirs: Record<string, unknown>,
): MergeResult {
	// Field ids are keys: read as own properties only, written to an object without prototype.
	const own = (record: Record<string, unknown>, key: string) =>
		Object.hasOwn(record, key) ? record[key] : undefined
	const merged: Record<string, unknown> = Object.assign(Object.create(null), theirs)
	for (const key of new Set([...Object.keys(base), ...Object.keys(mine)])) {
		const [b, m, t] = [own(base, key), own(mine, key), own(theirs, key)]
		if (sameValue(b, m)) continue
		if (!sameValue(t, b) && !sameValue(t, m)) return { ok: false }
		if (m === undefined) delete merged[key]
		else merged[key] = m
	}
	return { ok: true, value: { ...merged } }
}

function mergeTables(base: TableAnswer, mine: TableAnswer, theirs: TableAnswer): MergeResult {
	const baseRows = new Map(base.rows.map((r) => [r.id, r]))
	const mineRows = new Map(mine.rows.map((r) => [r.id, r]))
	const theirRows = new Map(theirs.rows.map((r) => [r.id, r]))
	const result: TableRow[] = []

	for (const row of theirs.rows) {
		const baseRow = baseRows.get(row.id)
		const mineRow = mineRows.get(row.id)
		if (baseRow && !mineRow) {
			// I removed it: fine unless they changed it meanwhile.
			if (!sameValue(row, baseRow)) return { ok: false }
			continue
		}
		if (!baseRow || !mineRow) {
			result.push(row)
			continue
		}
		const cells = mergeFields(baseRow.cells, mineRow.cells, row.cells)
		if (!cells.ok) return { ok: false }
		result.push({ ...row, cells: cells.value as TableRow['cells'] })
	}
	for (const row of mine.rows) {
		if (theirRows.has(row.id)) continue
		const baseRow = baseRows.get(row.id)
		if (!baseRow) {
			result.push(row)
			continue
		}
		// They removed a row I still have: a conflict only if I changed it.
		if (!sameValue(row, baseRow)) return { ok: false }
	}
	return { ok: true, value: { rows: result } }
}
