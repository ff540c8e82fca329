import { describe, expect, it } from 'vitest'
import { all, any, anyRow, allRows, cell, count, eq, gt, includes, not, sum } from '../dsl.ts'
import type {
	Answers,
	Comparison,
	ComparisonOp,
	Condition,
	FormDefinition,
	Literal,
} from '../types.ts'
import { evaluate } from './evaluate.ts'
import { registeredCodeLists } from '../codelists/source.ts'

const ctx = {
	partyCode: 'KEN',
	periodStart: '2022-01-01',
	periodEnd: '2025-12-31',
	codeLists: registeredCodeLists,
}

/** A definition whose `probe` question is visible exactly when `condition` holds. */
function probe(condition: Condition): FormDefinition {
	return {
		schemaVersion: 1,
		formId: 'probe',
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
							{ id: 'choice', type: 'yes_no_status' },
							{ id: 'many', type: 'multiple_choice', options: ['a', 'b', 'c'] },
							{ id: 'number', type: 'decimal', markers: ['not_available'] },
							{ id: 'other_number', type: 'decimal' },
							{ id: 'date', type: 'date' },
							{ id: 'gate', type: 'yes_no' },
							{ id: 'gated', type: 'yes_no', visibleIf: eq('gate', 'yes') },
							{
								id: 'rows',
								type: 'table',
								rows: { kind: 'open' },
								columns: [
									{ id: 'kind', type: 'single_choice', options: ['x', 'y'] },
									{ id: 'qty', type: 'decimal', markers: ['confidential'] },
									{ id: 'detail', type: 'text', visibleIf: eq(cell('kind'), 'x') },
								],
							},
							{ id: 'probe', type: 'text', visibleIf: condition },
						],
					},
				],
			},
		],
		rules: [],
	}
}

function holds(condition: Condition, answers: Answers): boolean {
	return evaluate(probe(condition), answers, ctx).questions.probe!.visible
}

const compare = (op: ComparisonOp, left: string, right?: Literal | Literal[]): Comparison =>
	right === undefined ? { left: { question: left }, op } : { left: { question: left }, op, right }

describe('comparison truth table', () => {
	const unanswered: Answers = {}
	const marked: Answers = { number: { marker: 'not_available' } }
	const present: Answers = { choice: 'yes', number: 5, many: ['a', 'b'], date: '2023-05-01' }

	it.each([
		// op, left, right, unanswered, marked-or-n/a, present
		['answered', 'number', undefined, false, true, true],
		['unanswered', 'number', undefined, true, false, false],
		['marked', 'number', undefined, false, true, false],
		['marked', 'number', 'not_available', false, true, false],
		['marked', 'number', 'confidential', false, false, false],
		['equals', 'number', 5, false, false, true],
		['notEquals', 'number', 5, true, true, false],
		['gt', 'number', 4, false, false, true],
		['gte', 'number', 5, false, false, true],
		['lt', 'number', 5, false, false, false],
		['lte', 'number', 5, false, false, true],
		['in', 'choice', ['yes', 'no'], false, false, true],
		['notIn', 'choice', ['yes', 'no'], true, true, false],
		['includes', 'many', 'b', false, false, true],
		['lt', 'date', '2024-01-01', false, false, true],
	] as const)('%s %s %j', (op, left, right, whenUnanswered, whenMarked, whenPresent) => {
		const condition = compare(op, left, right as Literal | Literal[] | undefined)
		expect(holds(condition, unanswered)).toBe(whenUnanswered)
		if (left === 'number') expect(holds(condition, marked)).toBe(whenMarked)
		expect(holds(condition, present)).toBe(whenPresent)
	})

	it('compares multiple choices as sets', () => {
		expect(holds(eq('many', 'a'), { many: ['a'] })).toBe(false)
		expect(
			holds(
				{ left: { question: 'many' }, op: 'equals', right: { question: 'many' } },
				{ many: ['b', 'a'] },
			),
		).toBe(true)
	})

	it('compares two answers (cross-field)', () => {
		const condition = gt('number', { question: 'other_number' })
		expect(holds(condition, { number: 5, other_number: 3 })).toBe(true)
		expect(holds(condition, { number: 5, other_number: 8 })).toBe(false)
		expect(holds(condition, { number: 5 })).toBe(false)
	})

	it('does not coerce types', () => {
		expect(holds(eq('number', '5'), { number: 5 })).toBe(false)
		expect(holds(gt('number', '4'), { number: 5 })).toBe(false)
	})

	it('reads context values', () => {
		expect(holds(eq({ context: 'partyCode' }, 'KEN'), {})).toBe(true)
		expect(holds(eq({ context: 'periodEndYear' }, 2025), {})).toBe(true)
	})
})

describe('combinators', () => {
	const yes = eq('choice', 'yes')
	const no = eq('choice', 'no')
	it.each([
		['all of nothing', all(), true],
		['any of nothing', any(), false],
		['all true/true', all(yes, yes), true],
		['all true/false', all(yes, no), false],
		['any true/false', any(no, yes), true],
		['any false/false', any(no, no), false],
		['not true', not(yes), false],
		['not false', not(no), true],
	] as const)('%s', (_name, condition, expected) => {
		expect(holds(condition, { choice: 'yes' })).toBe(expected)
	})
})

describe('hidden questions read as unanswered', () => {
	it('a hidden answer does not satisfy a condition', () => {
		expect(holds(eq('gated', 'yes'), { gate: 'yes', gated: 'yes' })).toBe(true)
		expect(holds(eq('gated', 'yes'), { gate: 'no', gated: 'yes' })).toBe(false)
		expect(
			holds({ left: { question: 'gated' }, op: 'unanswered' }, { gate: 'no', gated: 'yes' }),
		).toBe(true)
	})
})

describe('table aggregates', () => {
	const rows = (...items: Record<string, unknown>[]): Answers =>
		({ rows: { rows: items.map((cells, i) => ({ id: `r${i}`, cells })) } }) as Answers

	it('anyRow / allRows', () => {
		const anyPositive = anyRow('rows', gt(cell('qty'), 0))
		const allPositive = allRows('rows', gt(cell('qty'), 0))
		expect(holds(anyPositive, rows({ qty: 0 }, { qty: 3 }))).toBe(true)
		expect(holds(anyPositive, rows({ qty: 0 }, { qty: { marker: 'confidential' } }))).toBe(false)
		expect(holds(anyPositive, {})).toBe(false)
		expect(holds(allPositive, rows({ qty: 1 }, { qty: 3 }))).toBe(true)
		expect(holds(allPositive, rows({ qty: 1 }, {}))).toBe(false)
		expect(holds(allPositive, {})).toBe(true)
	})

	it('sum and count, with an optional filter', () => {
		const answers = rows(
			{ kind: 'x', qty: 2 },
			{ kind: 'y', qty: 3 },
			{ kind: 'x', qty: { marker: 'confidential' } },
		)
		expect(holds(eq(sum('rows', 'qty'), 5), answers)).toBe(true)
		expect(holds(eq(sum('rows', 'qty', eq(cell('kind'), 'x')), 2), answers)).toBe(true)
		expect(holds(eq(count('rows'), 3), answers)).toBe(true)
		expect(holds(eq(count('rows', eq(cell('kind'), 'y')), 1), answers)).toBe(true)
	})

	it('hidden cells read as unanswered in row conditions', () => {
		const detailGiven = anyRow('rows', { left: { cell: 'detail' }, op: 'answered' })
		expect(holds(detailGiven, rows({ kind: 'x', detail: 'd' }))).toBe(true)
		expect(holds(detailGiven, rows({ kind: 'y', detail: 'd' }))).toBe(false)
	})

	it('includes on a multiple choice', () => {
		expect(holds(includes('many', 'c'), { many: ['c'] })).toBe(true)
	})
})
