import type { Issue, Rule, RuleTarget } from '../types.ts'
import { compileOperand, visibleRows } from './conditions.ts'
import type { CompiledTableShape, Env, RowScope } from './env.ts'
import { rowScope, visibleAnswer } from './env.ts'
import { PATTERNS } from './patterns.ts'
import { compileSettled, isOpenCell, type SettledFn } from './settled.ts'
import { compareOrdered, isAnswered, isMarked, valuesEqual } from './values.ts'

/**
 * Rules report only what the answers given so far settle (see `Settled`):
 * - a rule runs only where its `when` is settled true;
 * - rules other than `required` never report on an unanswered target (a flag, `checkbox`, is
 *   always answered: unticked means no); `required` rules report exactly that;
 * - an `assert` reports only when its assertion is settled false, so an assertion that reads a
 *   question, cell or table still unanswered stays silent until the answers decide it.
 */
export interface CompiledRule {
	rule: Rule
	/** Runs the rule and reports each violation (only for visible targets). */
	run(env: Env, emit: (issue: Issue) => void): void
}

/** What rules read of the compiled form (`CompiledForm` satisfies it): its tables by id. */
export interface RuleTables {
	tables: ReadonlyMap<string, CompiledTableShape>
}

type TargetCheck = (
	value: unknown,
	env: Env,
	scope: RowScope | undefined,
) => Issue['params'] | false

function present(value: unknown): boolean {
	return isAnswered(value) && !isMarked(value)
}

function holds(
	op: 'equals' | 'notEquals' | 'gt' | 'gte' | 'lt' | 'lte',
	left: unknown,
	right: unknown,
): boolean | undefined {
	if (op === 'equals') return valuesEqual(left, right)
	if (op === 'notEquals') return !valuesEqual(left, right)
	const order = compareOrdered(left, right)
	if (order === undefined) return undefined
	if (op === 'gt') return order > 0
	if (op === 'gte') return order >= 0
	if (op === 'lt') return order < 0
	return order <= 0
}

/** The per-value check of a targeted rule: returns params when violated, `false` otherwise. */
function targetCheck(rule: Exclude<Rule, { kind: 'aggregate' }>): TargetCheck {
	switch (rule.kind) {
		case 'required':
			return (value) => (isAnswered(value) ? false : {})
		case 'range': {
			const { min, max } = rule
			const params = {
				...(min !== undefined ? { min } : {}),
				...(max !== undefined ? { max } : {}),
			}
			return (value) => {
				if (typeof value !== 'number') return false
				if ((min !== undefined && value < min) || (max !== undefined && value > max))
					return { ...params, value }
				return false
			}
		}
		case 'pattern': {
			const matches = PATTERNS[rule.pattern]
			return (value) =>
				typeof value === 'string' && value !== '' && !matches(value) ? { value } : false
		}
		case 'compare': {
			const other = compileOperand(rule.other)
			return (value, env, scope) => {
				if (!present(value)) return false
				const otherValue = other(env, scope)
				if (!present(otherValue)) return false
				const result = holds(rule.op, value, otherValue)
				return result === false ? { other: String(otherValue) } : false
			}
		}
		case 'assert': {
			const assertion = compileSettled(rule.assert)
			return (_value, env, scope) => (assertion(env, scope) === false ? {} : false)
		}
	}
}

function compileTargeted(
	rule: Exclude<Rule, { kind: 'aggregate' }>,
	form: RuleTables,
): CompiledRule {
	const target: RuleTarget = rule.target
	const check = targetCheck(rule)
	const when: SettledFn | undefined = rule.when ? compileSettled(rule.when) : undefined
	const checksAnswers = rule.kind !== 'required'
	const base = {
		questionId: target.question,
		severity: rule.severity,
		messageKey: rule.messageKey,
		ruleId: rule.id,
	}

	if (target.column !== undefined) {
		const column = target.column
		const table = form.tables.get(target.question)
		return {
			rule,
			run(env, emit) {
				if (!table || env.visible.get(target.question) !== true) return
				for (const row of visibleRows(env, table.id)) {
					const scope = rowScope(env, table, row)
					if (scope.hidden?.has(column)) continue
					if (when && when(env, scope) !== true) continue
					if (checksAnswers && isOpenCell(scope, column)) continue
					const params = check(row.cells[column], env, scope)
					if (params)
						emit({
							...base,
							rowId: row.id,
							columnId: column,
							...(Object.keys(params).length ? { params } : {}),
						})
				}
			},
		}
	}

	const field = target.field
	return {
		rule,
		run(env, emit) {
			if (env.visible.get(target.question) !== true) return
			if (when && when(env, undefined) !== true) return
			let value = visibleAnswer(env, target.question)
			if (field !== undefined) {
				value =
					typeof value === 'object' && value !== null
						? (value as Record<string, unknown>)[field]
						: undefined
			}
			if (checksAnswers && !isAnswered(value)) return
			const params = check(value, env, undefined)
			if (params) {
				emit({
					...base,
					...(field !== undefined ? { field } : {}),
					...(Object.keys(params).length ? { params } : {}),
				})
			}
		},
	}
}

function compileAggregate(
	rule: Extract<Rule, { kind: 'aggregate' }>,
	form: RuleTables,
): CompiledRule {
	const when = rule.when ? compileSettled(rule.when) : undefined
	const sums = (env: Env, spec: { table: string; column: string; groupBy: string[] }) => {
		const totals = new Map<string, { total: number; numeric: boolean }>()
		const table = form.tables.get(spec.table)
		if (!table || env.visible.get(spec.table) !== true) return totals
		for (const row of visibleRows(env, spec.table)) {
			const scope = rowScope(env, table, row)
			const group = spec.groupBy
				.map((id) => (scope.hidden?.has(id) ? '' : String(row.cells[id] ?? '')))
				.join('|')
			const entry = totals.get(group) ?? { total: 0, numeric: false }
			const value = scope.hidden?.has(spec.column) ? undefined : row.cells[spec.column]
			if (typeof value === 'number' && Number.isFinite(value)) {
				entry.total += value
				entry.numeric = true
			}
			totals.set(group, entry)
		}
		return totals
	}
	return {
		rule,
		run(env, emit) {
			if (env.visible.get(rule.source.table) !== true) return
			if (when && when(env, undefined) !== true) return
			const source = sums(env, rule.source)
			const reference = sums(env, rule.reference)
			for (const [group, { total, numeric }] of source) {
				const ref = reference.get(group)
				if (!numeric || !ref?.numeric) continue
				const ok =
					sameSum(total, ref.total) ||
					(rule.op === 'lte' ? total < ref.total : rule.op === 'gte' && total > ref.total)
				if (!ok) {
					emit({
						questionId: rule.source.table,
						columnId: rule.source.column,
						severity: rule.severity,
						messageKey: rule.messageKey,
						ruleId: rule.id,
						params: { group, total, reference: ref.total },
					})
				}
			}
		},
	}
}

/**
 * Two sums of decimals are the same when they differ only by binary rounding: 0.1 + 0.2 adds up to
 * 0.30000000000000004, which must not read as more than a total of 0.3.
 */
function sameSum(a: number, b: number): boolean {
	return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

export function compileRule(rule: Rule, form: RuleTables): CompiledRule {
	return rule.kind === 'aggregate' ? compileAggregate(rule, form) : compileTargeted(rule, form)
}
