import type { Answers, FixedRow, FormContext, TableColumn, TableRow } from '../types.ts'

/** Per-evaluation state shared by compiled conditions, checks and rules. */
export interface Env {
	answers: Answers
	ctx: FormContext
	/** Visibility of parts, sections and questions computed so far (topological order). */
	visible: Map<string, boolean>
	/** Expected fixed rows per table id, keyed by row key (absent for open tables). */
	fixedKeys: Map<string, Map<string, FixedRow>>
	/** Rows of visible tables as conditions and rules see them (memoised per evaluation). */
	rowsCache: Map<string, TableRow[]>
	/** Per-row hidden columns, computed once per evaluation. */
	hiddenCache: WeakMap<TableRow, Set<string> | null>
	/** Fixed rows not asked (rows `visibleIf`), per table, computed once per evaluation. */
	hiddenRowsCache: Map<string, Set<string> | null>
	/** Visible rows by id, per table (for `lookup` operands), computed once per evaluation. */
	rowIndexCache: Map<string, Map<string, TableRow>>
	tables: Map<string, CompiledTableShape>
}

/** The part of a compiled table conditions need (to compute per-row hidden columns). */
export interface CompiledTableShape {
	id: string
	columns: Map<string, TableColumn>
	/** Columns with a per-row `visibleIf`, in dependency order. */
	conditionalColumns: { id: string; visible: CondFn }[]
	/** Fixed tables with a rows `visibleIf`: whether a row is asked. */
	rowVisible?: CondFn
}

export interface RowScope {
	table: CompiledTableShape
	row: TableRow
	hidden: Set<string> | null
}

export type CondFn = (env: Env, scope: RowScope | undefined) => boolean
export type ValueFn = (env: Env, scope: RowScope | undefined) => unknown

/** The answer of a question as conditions see it: hidden questions read as unanswered. */
export function visibleAnswer(env: Env, questionId: string): unknown {
	return env.visible.get(questionId) === true ? env.answers[questionId] : undefined
}

/** Hidden columns of a row (memoised per evaluation). */
export function hiddenColumns(
	env: Env,
	table: CompiledTableShape,
	row: TableRow,
): Set<string> | null {
	if (table.conditionalColumns.length === 0) return null
	const cached = env.hiddenCache.get(row)
	if (cached !== undefined) return cached
	const hidden = new Set<string>()
	const scope: RowScope = { table, row, hidden }
	for (const column of table.conditionalColumns) {
		if (!column.visible(env, scope)) hidden.add(column.id)
	}
	const result = hidden.size > 0 ? hidden : null
	env.hiddenCache.set(row, result)
	return result
}

/**
 * Ids of the fixed rows of a visible table that are not asked (its rows `visibleIf` is false),
 * or `null` when every row is asked. Memoised per evaluation.
 */
export function hiddenRowIds(env: Env, tableId: string): Set<string> | null {
	const cached = env.hiddenRowsCache.get(tableId)
	if (cached !== undefined) return cached
	const table = env.tables.get(tableId)
	const expected = env.fixedKeys.get(tableId)
	if (!table?.rowVisible || !expected) {
		env.hiddenRowsCache.set(tableId, null)
		return null
	}
	const stored = new Map<string, TableRow>()
	const answer = env.answers[tableId] as { rows?: unknown } | undefined
	if (answer && Array.isArray(answer.rows)) {
		for (const row of answer.rows as TableRow[]) {
			if (row && typeof row === 'object' && typeof row.id === 'string') stored.set(row.id, row)
		}
	}
	const hidden = new Set<string>()
	for (const fixed of expected.values()) {
		const row = stored.get(fixed.id) ?? { id: fixed.id, key: fixed.key, cells: fixed.cells }
		const cells = row.cells && typeof row.cells === 'object' ? row.cells : fixed.cells
		const scoped: TableRow = { id: fixed.id, cells: { ...cells, ...fixed.cells } }
		if (!table.rowVisible(env, rowScope(env, table, scoped))) hidden.add(fixed.id)
	}
	const result = hidden.size > 0 ? hidden : null
	env.hiddenRowsCache.set(tableId, result)
	return result
}

export function rowScope(env: Env, table: CompiledTableShape, row: TableRow): RowScope {
	return { table, row, hidden: hiddenColumns(env, table, row) }
}
