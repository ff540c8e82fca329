import type { Comparison, Condition, Literal, Operand, TableRow } from '../types.ts'
import type { CondFn, Env, ValueFn } from './env.ts'
import { hiddenRowIds, rowScope, visibleAnswer } from './env.ts'
import { rowKey } from './rows.ts'
import { compareOrdered, isAnswered, isMarked, tableRows, valuesEqual } from './values.ts'

/**
 * Rows of a visible table that conditions and rules see: for fixed tables, the expected rows that
 * are asked (not hidden by the rows' `visibleIf`).
 */
export function visibleRows(env: Env, tableId: string): TableRow[] {
	const cached = env.rowsCache.get(tableId)
	if (cached) return cached
	let rows = tableRows(visibleAnswer(env, tableId))
	const expected = env.fixedKeys.get(tableId)
	if (expected && rows.length > 0) {
		const hidden = hiddenRowIds(env, tableId)
		if (hidden || rows.some((row) => !expected.has(row.id)))
			rows = rows.filter((row) => expected.has(row.id) && !hidden?.has(row.id))
	}
	// Only final once the table's own visibility is known (always, in topological order).
	if (env.visible.has(tableId)) env.rowsCache.set(tableId, rows)
	return rows
}

/** A visible row of a table by id (memoised index per evaluation). */
export function visibleRow(env: Env, tableId: string, rowId: string): TableRow | undefined {
	let index = env.rowIndexCache.get(tableId)
	if (!index) {
		index = new Map(visibleRows(env, tableId).map((row) => [row.id, row]))
		if (env.visible.has(tableId)) env.rowIndexCache.set(tableId, index)
	}
	return index.get(rowId)
}

function contextValue(env: Env, name: 'partyCode' | 'periodStartYear' | 'periodEndYear'): unknown {
	if (name === 'partyCode') return env.ctx.partyCode
	return Number((name === 'periodStartYear' ? env.ctx.periodStart : env.ctx.periodEnd).slice(0, 4))
}

export function isOperand(value: unknown): value is Operand {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function compileOperand(operand: Operand): ValueFn {
	if ('question' in operand) {
		const { question, field } = operand
		if (field === undefined) return (env) => visibleAnswer(env, question)
		return (env) => {
			const value = visibleAnswer(env, question)
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
			return (value as Record<string, unknown>)[field]
		}
	}
	if ('cell' in operand) {
		const column = operand.cell
		return (_env, scope) => {
			if (!scope || scope.hidden?.has(column)) return undefined
			return scope.row.cells[column]
		}
	}
	if ('context' in operand) {
		const name = operand.context
		return (env) => contextValue(env, name)
	}
	if ('lookup' in operand) {
		const { table, key, column } = operand.lookup
		return (env, scope) => {
			if (!scope) return undefined
			const row = visibleRow(env, table, rowKey(key.map((id) => scope.row.cells[id] as string)))
			const compiled = env.tables.get(table)
			if (!row || !compiled || rowScope(env, compiled, row).hidden?.has(column)) return undefined
			return row.cells[column]
		}
	}
	if ('sum' in operand) {
		const { table, column } = operand.sum
		const where = operand.sum.where ? compileCondition(operand.sum.where) : undefined
		return (env) => {
			const compiled = env.tables.get(table)
			if (!compiled) return 0
			let total = 0
			for (const row of visibleRows(env, table)) {
				const scope = rowScope(env, compiled, row)
				if (scope.hidden?.has(column)) continue
				if (where && !where(env, scope)) continue
				const value = row.cells[column]
				if (typeof value === 'number' && Number.isFinite(value)) total += value
			}
			return total
		}
	}
	const { table } = operand.count
	const where = operand.count.where ? compileCondition(operand.count.where) : undefined
	return (env) => {
		const compiled = env.tables.get(table)
		if (!compiled) return 0
		const rows = visibleRows(env, table)
		if (!where) return rows.length
		let count = 0
		for (const row of rows) if (where(env, rowScope(env, compiled, row))) count++
		return count
	}
}

function present(value: unknown): boolean {
	return isAnswered(value) && !isMarked(value)
}

/** A comparison as a closure, with the two-valued truth table of `ComparisonOp`. */
export function compileComparison(comparison: Comparison): CondFn {
	const left = compileOperand(comparison.left)
	const { op, right } = comparison
	const rightFn: ValueFn | undefined = isOperand(right) ? compileOperand(right) : undefined
	const literal = rightFn ? undefined : (right as Literal | Literal[] | undefined)
	const readRight = rightFn ?? (() => literal)

	switch (op) {
		case 'answered':
			return (env, scope) => isAnswered(left(env, scope))
		case 'unanswered':
			return (env, scope) => !isAnswered(left(env, scope))
		case 'marked':
			return (env, scope) => {
				const value = left(env, scope)
				return isMarked(value) && (literal === undefined || value.marker === literal)
			}
		case 'equals':
		case 'notEquals': {
			const negate = op === 'notEquals'
			return (env, scope) => {
				const value = left(env, scope)
				const other = readRight(env, scope)
				const equal = present(value) && present(other) && valuesEqual(value, other)
				return negate ? !equal : equal
			}
		}
		case 'in':
		case 'notIn': {
			const negate = op === 'notIn'
			return (env, scope) => {
				const value = left(env, scope)
				const list = readRight(env, scope)
				const found = present(value) && Array.isArray(list) && (list as unknown[]).includes(value)
				return negate ? !found : found
			}
		}
		case 'includes':
			return (env, scope) => {
				const value = left(env, scope)
				const item = readRight(env, scope)
				return Array.isArray(value) && present(item) && (value as unknown[]).includes(item)
			}
		case 'gt':
		case 'gte':
		case 'lt':
		case 'lte':
			return (env, scope) => {
				const value = left(env, scope)
				const other = readRight(env, scope)
				if (!present(value) || !present(other)) return false
				const order = compareOrdered(value, other)
				if (order === undefined) return false
				if (op === 'gt') return order > 0
				if (op === 'gte') return order >= 0
				if (op === 'lt') return order < 0
				return order <= 0
			}
	}
}

/** Compiles a condition tree into a closure (done once per definition). */
export function compileCondition(condition: Condition): CondFn {
	if ('all' in condition) {
		const parts = condition.all.map(compileCondition)
		return (env, scope) => {
			for (const part of parts) if (!part(env, scope)) return false
			return true
		}
	}
	if ('any' in condition) {
		const parts = condition.any.map(compileCondition)
		return (env, scope) => {
			for (const part of parts) if (part(env, scope)) return true
			return false
		}
	}
	if ('not' in condition) {
		const inner = compileCondition(condition.not)
		return (env, scope) => !inner(env, scope)
	}
	if ('anyRow' in condition || 'allRows' in condition) {
		const every = 'allRows' in condition
		const tableId = 'anyRow' in condition ? condition.anyRow : condition.allRows
		const where = compileCondition(condition.where)
		return (env) => {
			const table = env.tables.get(tableId)
			if (!table) return every
			for (const row of visibleRows(env, tableId)) {
				const holds = where(env, rowScope(env, table, row))
				if (every && !holds) return false
				if (!every && holds) return true
			}
			return every
		}
	}
	return compileComparison(condition)
}

/** Ids of the questions a condition reads (for dependency ordering). */
export function conditionDependencies(
	condition: Condition | undefined,
	into = new Set<string>(),
): Set<string> {
	if (!condition) return into
	if ('all' in condition) condition.all.forEach((c) => conditionDependencies(c, into))
	else if ('any' in condition) condition.any.forEach((c) => conditionDependencies(c, into))
	else if ('not' in condition) conditionDependencies(condition.not, into)
	else if ('anyRow' in condition) {
		into.add(condition.anyRow)
		conditionDependencies(condition.where, into)
	} else if ('allRows' in condition) {
		into.add(condition.allRows)
		conditionDependencies(condition.where, into)
	} else {
		for (const operand of [condition.left, condition.right]) {
			if (isOperand(operand)) operandDependencies(operand, into)
		}
	}
	return into
}

/** Ids of the questions an operand reads (a cell or the context reads none). */
export function operandDependencies(operand: Operand, into = new Set<string>()): Set<string> {
	if ('question' in operand) into.add(operand.question)
	else if ('lookup' in operand) into.add(operand.lookup.table)
	else if ('sum' in operand) {
		into.add(operand.sum.table)
		conditionDependencies(operand.sum.where, into)
	} else if ('count' in operand) {
		into.add(operand.count.table)
		conditionDependencies(operand.count.where, into)
	}
	return into
}

/** Column ids a row-scoped condition reads through `{ cell }`. */
export function cellDependencies(
	condition: Condition | undefined,
	into = new Set<string>(),
): Set<string> {
	if (!condition) return into
	if ('all' in condition) condition.all.forEach((c) => cellDependencies(c, into))
	else if ('any' in condition) condition.any.forEach((c) => cellDependencies(c, into))
	else if ('not' in condition) cellDependencies(condition.not, into)
	else if ('left' in condition) {
		for (const operand of [condition.left, condition.right]) {
			if (isOperand(operand) && 'cell' in operand) into.add(operand.cell)
		}
	}
	return into
}
