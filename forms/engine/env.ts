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
	tables: Map<string, CompiledTableShape>
}

/** The part of a compiled table conditions need (to compute per-row hidden columns). */
export interface CompiledTableShape {
	id: string
	columns: Map<string, TableColumn>
	/** Columns with a per-row `visibleIf`, in dependency order. */
	conditionalColumns: { id: string; visible: CondFn }[]
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

export function rowScope(env: Env, table: CompiledTableShape, row: TableRow): RowScope {
	return { table, row, hidden: hiddenColumns(env, table, row) }
}
