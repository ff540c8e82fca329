import type { Issue, Rule, RuleTarget } from '../types.ts'
import type { CompiledForm } from './compile.ts'
import { compileCondition, compileOperand, visibleRows } from './conditions.ts'
import type { CondFn, Env, RowScope } from './env.ts'
import { rowScope, visibleAnswer } from './env.ts'
import { PATTERNS } from './patterns.ts'
import { compareOrdered, isAnswered, isMarked, valuesEqual } from './values.ts'

export interface CompiledRule {
	rule: Rule
	/** Runs the rule and reports each violation (only for visible targets). */
	run(env: Env, emit: (issue: Issue) => void): void
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
			const assertion = compileCondition(rule.assert)
			return (_value, env, scope) => (assertion(env, scope) ? false : {})
		}
	}
}

function compileTargeted(
	rule: Exclude<Rule, { kind: 'aggregate' }>,
	form: CompiledForm,
): CompiledRule {
	const target: RuleTarget = rule.target
	const check = targetCheck(rule)
	const when: CondFn | undefined = rule.when ? compileCondition(rule.when) : undefined
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
					if (when && !when(env, scope)) continue
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
			if (when && !when(env, undefined)) return
			let value = visibleAnswer(env, target.question)
			if (field !== undefined) {
				value =
					typeof value === 'object' && value !== null
						? (value as Record<string, unknown>)[field]
						: undefined
			}
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
	form: CompiledForm,
): CompiledRule {
	const when = rule.when ? compileCondition(rule.when) : undefined
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
			if (when && !when(env, undefined)) return
			const source = sums(env, rule.source)
			const reference = sums(env, rule.reference)
			for (const [group, { total, numeric }] of source) {
				const ref = reference.get(group)
				if (!numeric || !ref?.numeric) continue
				const ok =
					rule.op === 'lte'
						? total <= ref.total
						: rule.op === 'gte'
							? total >= ref.total
							: total === ref.total
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

export function compileRule(rule: Rule, form: CompiledForm): CompiledRule {
	return rule.kind === 'aggregate' ? compileAggregate(rule, form) : compileTargeted(rule, form)
}
