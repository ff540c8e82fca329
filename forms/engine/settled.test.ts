import { describe, expect, it } from 'vitest'
import {
	all,
	allRows,
	answered,
	any,
	anyRow,
	cell,
	count,
	eq,
	gt,
	lookup,
	marked,
	ne,
	noneOf,
	not,
	question,
	sum,
} from '../dsl.ts'
import type { Answers, Condition, FormDefinition } from '../types.ts'
import { evaluate } from './evaluate.ts'
import { registeredCodeLists } from '../codelists/source.ts'

const ctx = {
	partyCode: 'KEN',
	periodStart: '2022-01-01',
	periodEnd: '2025-12-31',
	codeLists: registeredCodeLists,
}

/**
 * How rules read `condition`, observed through two rules: an `assert` on an answered question
 * reports when the condition is settled false, and a `required` rule on a blank question whose
 * `when` is the condition reports when it is settled true. Neither reports while it is open.
 */
function definition(condition: Condition): FormDefinition {
	return {
		schemaVersion: 1,
		formId: 'settled',
		version: 1,
		convention: 'stockholm',
		reportingPeriod: { startYear: 2022, endYear: 2025, rule: 'test' },
		deadline: '2026-08-31',
		languages: ['en'],
		codeLists: {},
		parts: [
			{
				id: 'p',
				sections: [
					{
						id: 's',
						questions: [
							{ id: 'anchor', type: 'text' },
							{ id: 'blank', type: 'text' },
							{ id: 'choice', type: 'yes_no_status', markers: ['not_available'] },
							{ id: 'other', type: 'yes_no' },
							{ id: 'number', type: 'decimal' },
							{ id: 'contact', type: 'contact', fields: [{ id: 'email', type: 'email' }] },
							{ id: 'gate', type: 'yes_no' },
							{ id: 'gated', type: 'yes_no', visibleIf: eq('gate', 'yes') },
							{
								id: 'rows',
								type: 'table',
								rows: { kind: 'open' },
								columns: [
									{ id: 'kind', type: 'single_choice', options: ['x', 'y'] },
									{ id: 'qty', type: 'decimal', markers: ['confidential'] },
									{ id: 'flag', type: 'checkbox' },
									{ id: 'detail', type: 'text', visibleIf: eq(cell('kind'), 'x') },
								],
							},
							{
								id: 'screen',
								type: 'table',
								rows: { kind: 'fixed', dimensions: [{ column: 'code', codes: ['a', 'b'] }] },
								columns: [
									{ id: 'code', type: 'single_choice', options: ['a', 'b'], readOnly: true },
									{ id: 'activity', type: 'yes_no' },
								],
							},
							{
								id: 'detail',
								type: 'table',
								rows: { kind: 'fixed', dimensions: [{ column: 'code', codes: ['a', 'b'] }] },
								columns: [
									{ id: 'code', type: 'single_choice', options: ['a', 'b'], readOnly: true },
									{ id: 'qty', type: 'decimal' },
								],
							},
							{
								id: 'gated_rows',
								type: 'table',
								visibleIf: eq('gate', 'yes'),
								rows: { kind: 'open' },
								columns: [{ id: 'qty', type: 'decimal' }],
							},
						],
					},
				],
			},
		],
		rules: [
			{
				id: 'decided_false',
				kind: 'assert',
				severity: 'warning',
				messageKey: 'false',
				target: { question: 'anchor' },
				assert: condition,
			},
			{
				id: 'decided_true',
				kind: 'required',
				severity: 'warning',
				messageKey: 'true',
				target: { question: 'blank' },
				when: condition,
			},
		],
	}
}

function settled(condition: Condition, answers: Answers): boolean | undefined {
	const ruleIds = evaluate(definition(condition), { anchor: 'set', ...answers }, ctx)
		.issues.map((issue) => issue.ruleId)
		.filter(Boolean)
	expect(ruleIds.length).toBeLessThan(2)
	if (ruleIds.includes('decided_true')) return true
	if (ruleIds.includes('decided_false')) return false
	return undefined
}

const row = (id: string, cells: Record<string, unknown>) => ({ id, cells })

describe('comparisons are open while an operand is unanswered', () => {
	it.each([
		['equals, unanswered', eq('choice', 'yes'), {}, undefined],
		['equals, answered otherwise', eq('choice', 'yes'), { choice: 'no' }, false],
		['equals, answered so', eq('choice', 'yes'), { choice: 'yes' }, true],
		[
			'equals, marked (a marker is an answer)',
			eq('choice', 'yes'),
			{ choice: { marker: 'not_available' } },
			false,
		],
		['notEquals, unanswered (true in visibility conditions)', ne('choice', 'yes'), {}, undefined],
		['notEquals, answered', ne('choice', 'yes'), { choice: 'no' }, true],
		['notIn, unanswered', noneOf('choice', ['yes']), {}, undefined],
		['gt, unanswered', gt('number', 5), {}, undefined],
		['gt, answered', gt('number', 5), { number: 2 }, false],
		[
			'cross-field, right unanswered',
			eq('choice', question('other')),
			{ choice: 'yes' },
			undefined,
		],
		[
			'cross-field, both answered',
			eq('choice', question('other')),
			{ choice: 'yes', other: 'yes' },
			true,
		],
		['contact field, blank', eq(question('contact', 'email'), 'a@b.org'), {}, undefined],
		[
			'contact field, answered',
			eq(question('contact', 'email'), 'a@b.org'),
			{ contact: { email: 'c@d.org' } },
			false,
		],
	] as const)('%s', (_name, condition, answers, expected) => {
		expect(settled(condition, answers as Answers)).toBe(expected)
	})

	it('answered, unanswered and marked are about the answer itself: always decided', () => {
		expect(settled(answered('choice'), {})).toBe(false)
		expect(settled(answered('choice'), { choice: 'no' })).toBe(true)
		expect(settled(marked('choice'), {})).toBe(false)
		expect(
			settled(marked('choice', 'not_available'), { choice: { marker: 'not_available' } }),
		).toBe(true)
	})

	it('a hidden question is settled as unanswered: it cannot be answered while hidden', () => {
		expect(settled(eq('gated', 'yes'), { gate: 'no' })).toBe(false)
		expect(settled(ne('gated', 'yes'), { gate: 'no' })).toBe(true)
		expect(settled(eq('gated', 'yes'), { gate: 'yes' })).toBeUndefined()
	})
})

describe('combinators follow three-valued logic', () => {
	it.each([
		[
			'all: one part false decides',
			all(eq('choice', 'yes'), eq('other', 'yes')),
			{ choice: 'no' },
			false,
		],
		[
			'all: open while a part is open',
			all(eq('choice', 'yes'), eq('other', 'yes')),
			{ choice: 'yes' },
			undefined,
		],
		[
			'all: true once every part is',
			all(eq('choice', 'yes'), eq('other', 'yes')),
			{ choice: 'yes', other: 'yes' },
			true,
		],
		[
			'any: one part true decides',
			any(eq('choice', 'yes'), eq('other', 'yes')),
			{ choice: 'yes' },
			true,
		],
		[
			'any: open while a part is open',
			any(eq('choice', 'yes'), eq('other', 'yes')),
			{ choice: 'no' },
			undefined,
		],
		[
			'any: false once every part is',
			any(eq('choice', 'yes'), eq('other', 'yes')),
			{ choice: 'no', other: 'no' },
			false,
		],
		['not keeps an open result open', not(eq('choice', 'yes')), {}, undefined],
		['not flips a decided result', not(eq('choice', 'yes')), { choice: 'yes' }, false],
	] as const)('%s', (_name, condition, answers, expected) => {
		expect(settled(condition, answers as Answers)).toBe(expected)
	})
})

describe('table aggregates', () => {
	const positive = anyRow('rows', gt(cell('qty'), 0))
	it.each([
		['anyRow on a table without rows is open', positive, {}, undefined],
		[
			'anyRow: a matching row decides',
			positive,
			{ rows: { rows: [row('a', {}), row('b', { qty: 3 })] } },
			true,
		],
		[
			'anyRow: open while a row is blank',
			positive,
			{ rows: { rows: [row('a', {}), row('b', { qty: 0 })] } },
			undefined,
		],
		[
			'anyRow: false once every row answers otherwise',
			positive,
			{ rows: { rows: [row('a', { qty: { marker: 'confidential' } }), row('b', { qty: 0 })] } },
			false,
		],
		[
			'allRows: a row answering otherwise decides',
			allRows('rows', gt(cell('qty'), 0)),
			{ rows: { rows: [row('a', {}), row('b', { qty: 0 })] } },
			false,
		],
		[
			'a hidden column is settled as unanswered',
			anyRow('rows', eq(cell('detail'), 'd')),
			{ rows: { rows: [row('a', { kind: 'y' })] } },
			false,
		],
		[
			'a shown column is open while blank',
			anyRow('rows', eq(cell('detail'), 'd')),
			{ rows: { rows: [row('a', { kind: 'x' })] } },
			undefined,
		],
		[
			'an unticked flag is no, not open',
			anyRow('rows', eq(cell('flag'), true)),
			{ rows: { rows: [row('a', {})] } },
			false,
		],
		[
			'anyRow over a hidden table is false',
			anyRow('gated_rows', gt(cell('qty'), 0)),
			{ gate: 'no' },
			false,
		],
		[
			'allRows over a hidden table is true',
			allRows('gated_rows', gt(cell('qty'), 0)),
			{ gate: 'no' },
			true,
		],
		['count of a table without rows is open', gt(count('rows'), 0), {}, undefined],
		[
			'count of rows is decided once there are rows',
			gt(count('rows'), 1),
			{ rows: { rows: [row('a', {})] } },
			false,
		],
		[
			'count is open while a row filter is',
			gt(count('rows', eq(cell('kind'), 'x')), 0),
			{ rows: { rows: [row('a', {})] } },
			undefined,
		],
		[
			'sum is open while a summed cell is blank',
			gt(sum('rows', 'qty'), 5),
			{ rows: { rows: [row('a', { qty: 9 }), row('b', {})] } },
			undefined,
		],
		[
			'sum is decided once every summed cell is answered',
			gt(sum('rows', 'qty'), 5),
			{ rows: { rows: [row('a', { qty: 9 }), row('b', { qty: 1 })] } },
			true,
		],
		[
			'sum skips rows its filter settles out',
			gt(sum('rows', 'qty', eq(cell('kind'), 'x')), 5),
			{ rows: { rows: [row('a', { kind: 'x', qty: 9 }), row('b', { kind: 'y' })] } },
			true,
		],
	] as const)('%s', (_name, condition, answers, expected) => {
		expect(settled(condition, answers as unknown as Answers)).toBe(expected)
	})
})

describe('rules', () => {
	it('an assert never reports on an unanswered target, even when its assertion is false', () => {
		const def: FormDefinition = {
			...definition(eq('choice', 'yes')),
			rules: [
				{
					id: 'number_needs_yes',
					kind: 'assert',
					severity: 'warning',
					messageKey: 'needs_yes',
					target: { question: 'number' },
					assert: eq('choice', 'yes'),
				},
			],
		}
		const ruleIds = (answers: Answers) => evaluate(def, answers, ctx).issues.map((i) => i.ruleId)
		expect(ruleIds({ choice: 'no' })).toEqual([])
		expect(ruleIds({ choice: 'no', number: 4 })).toEqual(['number_needs_yes'])
	})

	it('a required rule reports its blank target once its when is settled true, not while open', () => {
		expect(settled(ne('choice', 'yes'), {})).toBeUndefined()
		expect(settled(ne('choice', 'yes'), { choice: 'no' })).toBe(true)
	})
})

describe('lookup into another table', () => {
	const fixed = (id: string, cells: Record<string, unknown>[]) => ({
		rows: cells.map((extra, i) => {
			const code = ['a', 'b'][i]!
			return { id: code, key: code, cells: { code, ...extra } }
		}),
	})
	const active = anyRow('detail', eq(lookup('screen', ['code'], 'activity'), 'yes'))
	it.each([
		['open while the looked-up cell is blank', { screen: fixed('screen', [{}, {}]) }, undefined],
		[
			'true once a looked-up cell decides',
			{ screen: fixed('screen', [{ activity: 'yes' }, {}]) },
			true,
		],
		[
			'false once every looked-up cell is answered otherwise',
			{ screen: fixed('screen', [{ activity: 'no' }, { activity: 'no' }]) },
			false,
		],
	] as const)('%s', (_name, answers, expected) => {
		expect(
			settled(active, { ...answers, detail: fixed('detail', [{}, {}]) } as unknown as Answers),
		).toBe(expected)
	})
})
