import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answersArbitrary } from '../fixtures/arbitraries.ts'
import { art15V6Context, ddtContext } from '../fixtures/builders.ts'
import { MINI_CONTEXT, miniDefinition } from '../fixtures/mini.ts'
import { DDT_V1 } from '../ddt/v1.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { Answers, FormContext, FormDefinition, TableAnswer } from '../types.ts'
import { compileForm, rowsFor } from './compile.ts'
import { evaluate } from './evaluate.ts'
import { evaluateChanges } from './incremental.ts'

function questionIds(def: FormDefinition) {
	return def.parts.flatMap((p) => p.sections.flatMap((s) => s.questions.map((q) => q.id)))
}

/** One change: the answers of `ids` taken from `from` (removed where `from` has none). */
type Change = { from: Answers; ids: string[] }

function changeArbitrary(def: FormDefinition, ctx: FormContext): fc.Arbitrary<Change> {
	return fc.record({
		from: answersArbitrary(def, ctx),
		ids: fc.subarray(questionIds(def), { minLength: 1, maxLength: 3 }),
	})
}

function apply(answers: Answers, { from, ids }: Change): Answers {
	const next = { ...answers }
	for (const id of ids) {
		if (id in from) next[id] = from[id]!
		else delete next[id]
	}
	return next
}

describe.each([
	['stockholm-art15 v6', ART15_V6, art15V6Context('ARG')],
	['ddt v1', DDT_V1, ddtContext()],
] as const)('evaluateChanges on %s', (_name, def, ctx) => {
	it('evaluates what the definition needs incrementally', () => {
		expect(compileForm(def).dependencies.incremental).toBe(true)
	})

	it('property: after any sequence of changes, equals a full evaluation', () => {
		fc.assert(
			fc.property(
				answersArbitrary(def, ctx),
				fc.array(changeArbitrary(def, ctx), { minLength: 1, maxLength: 4 }),
				(initial, changes) => {
					let answers = initial
					let evaluation = evaluate(def, answers, ctx)
					for (const change of changes) {
						answers = apply(answers, change)
						evaluation = evaluateChanges(def, evaluation, answers, ctx, change.ids)
						expect(evaluation).toEqual(evaluate(def, answers, ctx))
					}
				},
			),
			{ numRuns: 40 },
		)
	})
})

describe('evaluateChanges on the mini form', () => {
	const def = miniDefinition()
	const ctx = MINI_CONTEXT
	const stats = (exportKg: number): TableAnswer => ({
		rows: rowsFor(def, 'stats', ctx).map((row) => ({
			id: row.id,
			key: row.key,
			cells: { ...row.cells, export_kg: exportKg },
		})),
	})
	const step = (before: Answers, after: Answers, changed: string[]) =>
		evaluateChanges(def, evaluate(def, before, ctx), after, ctx, changed)

	it('indexes what each visibility, question and rule reads', () => {
		const { dependencies } = compileForm(def)
		expect(dependencies.visibility.get('plan_date')).toEqual(expect.arrayContaining(['has_plan']))
		expect(dependencies.visibility.get('plan_details')).toContain('plan_date')
		expect(dependencies.visibility.get('partners')).toContain('stats')
		expect(dependencies.questions.get('partners')).toContain('partners')
		const aggregate = def.rules.findIndex((rule) => rule.id === 'partners_within_exports')
		expect(dependencies.rules[aggregate]).toEqual(expect.arrayContaining(['partners', 'stats']))
	})

	it('follows a chain of conditions: a section and the questions in it appear', () => {
		const before: Answers = { has_plan: 'no' }
		const after: Answers = { has_plan: 'yes', plan_date: '2020-01-01' }
		const result = step(before, after, ['has_plan', 'plan_date'])
		expect(result).toEqual(evaluate(def, after, ctx))
		expect(result.sections.s2!.visible).toBe(true)
		expect(result.questions.plan_details!.visible).toBe(true)
	})

	it('shows a table that a cell of another table asks for, and its aggregate rule', () => {
		const before: Answers = { stats: stats(0) }
		const after: Answers = {
			stats: stats(5),
			partners: { rows: [{ id: 'a', cells: { chemical: 'DDT', quantity_kg: 50 } }] },
		}
		const result = step(before, after, ['stats', 'partners'])
		expect(result).toEqual(evaluate(def, after, ctx))
		expect(result.questions.partners!.visible).toBe(true)
	})

	it('keeps what does not read the change, and never mutates the previous evaluation', () => {
		const before: Answers = { note: 'x', amount: 1_000_000, count: 3 }
		const previous = evaluate(def, before, ctx)
		const copy = structuredClone(previous)
		const after = { ...before, note: 'y' }
		const result = evaluateChanges(def, previous, after, ctx, ['note'])
		expect(result).toEqual(evaluate(def, after, ctx))
		expect(previous).toEqual(copy)
		expect(result.questions.amount!.issues).toEqual(previous.questions.amount!.issues)
	})

	it('evaluates everything when rule ids repeat', () => {
		const repeated = miniDefinition()
		repeated.rules = [...repeated.rules, { ...repeated.rules[0]! }]
		expect(compileForm(repeated).dependencies.incremental).toBe(false)
		const after: Answers = { has_plan: 'yes' }
		const result = evaluateChanges(repeated, evaluate(repeated, {}, ctx), after, ctx, [])
		expect(result).toEqual(evaluate(repeated, after, ctx))
	})
})
