import type { Comparison, Condition, Operand } from '../types.ts'
import { compileComparison, isOperand, visibleRow, visibleRows } from './conditions.ts'
import type { Env, RowScope } from './env.ts'
import { rowScope } from './env.ts'
import { rowKey } from './rows.ts'
import { isAnswered, isMarked } from './values.ts'

/**
 * How rules read conditions: `true` or `false` once the answers given so far decide it, `undefined`
 * while it still depends on an open input, one that a later answer could change.
 *
 * Open inputs:
 * - a visible question that is not answered;
 * - a visible cell of a row that is not answered, except flags (`checkbox` columns): an unticked
 *   flag is stored as nothing and means "no"; through `lookup`, the cell of the row looked up;
 * - a contact field that is blank while its question is visible and not marked;
 * - a table aggregate (`anyRow`, `allRows`, `sum`, `count`) over a visible table without rows,
 *   or whose value depends on an open cell.
 *
 * Hidden questions and cells are not open: they read as unanswered, as in visibility conditions.
 * Markers are answers. Combinators follow Kleene's three-valued logic: `all` is false as soon as
 * one part is false, `any` true as soon as one part is true, `not` keeps an open result open.
 * `answered`, `unanswered` and `marked` are about the answer itself, so they are always decided.
 */
export type Settled = boolean | undefined
export type SettledFn = (env: Env, scope: RowScope | undefined) => Settled
type OpenFn = (env: Env, scope: RowScope | undefined) => boolean

/** A visible question without an answer. */
export function isOpenQuestion(env: Env, questionId: string): boolean {
	return env.visible.get(questionId) === true && !isAnswered(env.answers[questionId])
}

/** A cell of the row in scope that is shown, is not a flag and has no answer. */
export function isOpenCell(scope: RowScope, column: string): boolean {
	if (scope.hidden?.has(column)) return false
	if (scope.table.columns.get(column)?.type === 'checkbox') return false
	return !isAnswered(scope.row.cells[column])
}

/** A visible table with no rows yet, or with a row for which `open` holds. */
function tableOpen(env: Env, tableId: string, open: (scope: RowScope) => boolean): boolean {
	const table = env.tables.get(tableId)
	if (!table || env.visible.get(tableId) !== true) return false
	const rows = visibleRows(env, tableId)
	if (rows.length === 0) return true
	return rows.some((row) => open(rowScope(env, table, row)))
}

function compileOpen(operand: Operand): OpenFn {
	if ('question' in operand) {
		const { question, field } = operand
		if (field === undefined) return (env) => isOpenQuestion(env, question)
		return (env) => {
			if (env.visible.get(question) !== true) return false
			const value = env.answers[question]
			if (!isAnswered(value)) return true
			if (isMarked(value) || typeof value !== 'object' || Array.isArray(value)) return false
			return !isAnswered((value as Record<string, unknown>)[field])
		}
	}
	if ('cell' in operand) {
		const column = operand.cell
		return (_env, scope) => scope !== undefined && isOpenCell(scope, column)
	}
	if ('context' in operand) return () => false
	if ('lookup' in operand) {
		const { table, key, column } = operand.lookup
		return (env, scope) => {
			const compiled = env.tables.get(table)
			if (!scope || !compiled || env.visible.get(table) !== true) return false
			const row = visibleRow(env, table, rowKey(key.map((id) => scope.row.cells[id] as string)))
			return row !== undefined && isOpenCell(rowScope(env, compiled, row), column)
		}
	}
	if ('sum' in operand) {
		const { table, column } = operand.sum
		const where = operand.sum.where ? compileSettled(operand.sum.where) : undefined
		return (env) =>
			tableOpen(env, table, (scope) => {
				const counted = where ? where(env, scope) : true
				return counted === undefined || (counted && isOpenCell(scope, column))
			})
	}
	const { table } = operand.count
	const where = operand.count.where ? compileSettled(operand.count.where) : undefined
	return (env) =>
		tableOpen(env, table, (scope) => where !== undefined && where(env, scope) === undefined)
}

const ABOUT_THE_ANSWER = new Set<Comparison['op']>(['answered', 'unanswered', 'marked'])

function compileSettledComparison(comparison: Comparison): SettledFn {
	const decide = compileComparison(comparison)
	if (ABOUT_THE_ANSWER.has(comparison.op)) return decide
	const leftOpen = compileOpen(comparison.left)
	const rightOpen = isOperand(comparison.right) ? compileOpen(comparison.right) : undefined
	return (env, scope) =>
		leftOpen(env, scope) || rightOpen?.(env, scope) ? undefined : decide(env, scope)
}

/** Compiles a condition into its three-valued closure (see `Settled`); done once per definition. */
export function compileSettled(condition: Condition): SettledFn {
	if ('all' in condition || 'any' in condition) {
		const every = 'all' in condition
		const parts = (every ? condition.all : condition.any).map(compileSettled)
		return (env, scope) => {
			let open = false
			for (const part of parts) {
				const result = part(env, scope)
				if (result === undefined) open = true
				else if (result !== every) return result
			}
			return open ? undefined : every
		}
	}
	if ('not' in condition) {
		const inner = compileSettled(condition.not)
		return (env, scope) => {
			const result = inner(env, scope)
			return result === undefined ? undefined : !result
		}
	}
	if ('anyRow' in condition || 'allRows' in condition) {
		const every = 'allRows' in condition
		const tableId = 'anyRow' in condition ? condition.anyRow : condition.allRows
		const where = compileSettled(condition.where)
		return (env) => {
			const table = env.tables.get(tableId)
			// A hidden table has no rows: `anyRow` is false and `allRows` true, for good.
			if (!table || env.visible.get(tableId) !== true) return every
			const rows = visibleRows(env, tableId)
			if (rows.length === 0) return undefined
			let open = false
			for (const row of rows) {
				const result = where(env, rowScope(env, table, row))
				if (result === undefined) open = true
				else if (result !== every) return result
			}
			return open ? undefined : every
		}
	}
	return compileSettledComparison(condition)
}
