import { describe, expect, it } from 'vitest'
import { MINI_CONTEXT, miniDefinition } from '../fixtures/mini.ts'
import type { Answers, Issue, TableAnswer } from '../types.ts'
import { rowsFor } from './compile.ts'
import { evaluate } from './evaluate.ts'
import { initialAnswers } from './initial.ts'

const def = miniDefinition()
const ctx = MINI_CONTEXT

/** A minimal valid answer set for the mini form (plan: no → section s2 hidden; no exports). */
function base(): Answers {
	return {
		party: 'KEN',
		has_plan: 'no',
		status: 'no',
		stats: {
			rows: rowsFor(def, 'stats', ctx).map((row) => ({
				id: row.id,
				key: row.key,
				cells: { ...row.cells, export_kg: 0 },
			})),
		},
	}
}

function issuesOf(answers: Answers, questionId?: string): Issue[] {
	const evaluation = evaluate(def, answers, ctx)
	return questionId ? evaluation.questions[questionId]!.issues : evaluation.issues
}

function keys(issues: Issue[]): string[] {
	return issues.map((issue) =>
		[issue.questionId, issue.rowId, issue.columnId ?? issue.field, issue.messageKey, issue.severity]
			.filter(Boolean)
			.join(':'),
	)
}

describe('a valid minimal report', () => {
	it('has no issues and is complete', () => {
		const evaluation = evaluate(def, base(), ctx)
		expect(evaluation.issues).toEqual([])
		expect(evaluation.overall).toMatchObject({
			completeness: 1,
			errors: 0,
			warnings: 0,
			canSubmit: true,
		})
	})
})

describe('required × visible', () => {
	it.each([
		// has_plan, plan_date visible, plan_date required
		[undefined, false, false],
		['no', false, false],
		['yes', true, true],
	] as const)('has_plan=%s → plan_date visible %s, required %s', (hasPlan, visible, required) => {
		const answers = { ...base(), ...(hasPlan ? { has_plan: hasPlan } : {}) }
		if (!hasPlan) delete answers.has_plan
		const state = evaluate(def, answers, ctx).questions.plan_date!
		expect(state.visible).toBe(visible)
		expect(state.required).toBe(required)
	})

	it('a hidden question is never required nor validated, and its answer is kept', () => {
		const answers: Answers = { ...base(), plan_date: 'not a date', plan_details: 'old text' }
		const evaluation = evaluate(def, answers, ctx)
		expect(evaluation.questions.plan_date).toEqual({
			visible: false,
			required: false,
			answered: false,
			issues: [],
		})
		expect(answers.plan_date).toBe('not a date')
	})

	it('hiding cascades through conditions on hidden questions', () => {
		// plan_details is shown when plan_date is answered; plan_date is hidden when has_plan = no.
		const answers: Answers = { ...base(), plan_date: '2023-01-01' }
		expect(evaluate(def, answers, ctx).questions.plan_details!.visible).toBe(false)
		expect(
			evaluate(def, { ...answers, has_plan: 'yes' }, ctx).questions.plan_details!.visible,
		).toBe(true)
	})

	it('section visibility is inherited by its questions', () => {
		const hidden = evaluate(def, base(), ctx)
		expect(hidden.sections.s2!.visible).toBe(false)
		expect(hidden.questions.contact!.visible).toBe(false)
		const shown = evaluate(def, { ...base(), has_plan: 'yes' }, ctx)
		expect(shown.questions.contact!.visible).toBe(true)
		expect(keys(shown.questions.contact!.issues)).toEqual(['contact:required:error'])
	})

	it('conditional required (required: condition) applies only while the condition holds', () => {
		const answers: Answers = { ...base(), has_plan: 'yes', plan_date: '2023-02-01' }
		expect(evaluate(def, answers, ctx).questions.plan_details!.required).toBe(true)
	})

	it('a marker satisfies required', () => {
		const answers: Answers = {
			...base(),
			has_plan: 'yes',
			plan_date: '2023-02-01',
			plan_details: 'x',
		}
		const stats = answers.stats as TableAnswer
		stats.rows[0]!.cells.export_kg = { marker: 'not_available' }
		expect(issuesOf(answers, 'stats')).toEqual([])
	})
})

describe('structural checks (errors)', () => {
	it.each([
		['status', 'maybe', 'invalid_option', undefined],
		['status', true, 'invalid_type', undefined],
		['count', 2.5, 'not_integer', undefined],
		['count', -1, 'below_min', { min: 0 }],
		['count', 101, 'above_max', { max: 100 }],
		['count', { marker: 'confidential' }, 'marker_not_allowed', { marker: 'confidential' }],
		['year', 2021, 'outside_period', { start: 2022, end: 2023 }],
		['email', 'not-an-email', 'invalid_email', undefined],
		['site', 'ftp://x', 'invalid_url', undefined],
		['note', 'much too long text', 'too_long', { maxLength: 10 }],
		['activities', ['a', 'a'], 'duplicate_choice', undefined],
		['activities', ['z'], 'invalid_option', undefined],
		['party', 'TZA', 'context_mismatch', { expected: 'KEN' }],
	] as const)('%s = %j → %s', (questionId, value, messageKey, params) => {
		const issues = issuesOf({ ...base(), [questionId]: value } as Answers, questionId).filter(
			(issue) => !issue.ruleId,
		)
		expect(issues).toEqual([
			{ questionId, severity: 'error', messageKey, ...(params ? { params } : {}) },
		])
	})

	it('contact fields: required, format, unknown field', () => {
		const answers: Answers = {
			...base(),
			has_plan: 'yes',
			contact: { name: 'A', email: 'bad', fax: '1' },
		}
		expect(keys(issuesOf(answers, 'contact'))).toEqual([
			'contact:email:invalid_email:error',
			'contact:fax:unknown_field:error',
		])
		const missingName: Answers = { ...base(), has_plan: 'yes', contact: { email: 'a@b.org' } }
		expect(keys(issuesOf(missingName, 'contact'))).toEqual(['contact:name:required:error'])
	})

	it('fixed rows: missing cells, unexpected, duplicate and mismatched rows', () => {
		const answers = base()
		const stats = answers.stats as TableAnswer
		delete stats.rows[1]!.cells.export_kg
		stats.rows.push({ id: 'ALDRIN|2022', key: 'ALDRIN|2022', cells: { export_kg: 1 } })
		stats.rows.push({ ...stats.rows[0]! })
		stats.rows[2]!.cells.year = 1999
		expect(keys(issuesOf(answers, 'stats'))).toEqual([
			'stats:DDT|2023:export_kg:required:error',
			'stats:PFOS|2022:year:dimension_mismatch:error',
			'stats:ALDRIN|2022:unexpected_row:error',
			'stats:DDT|2022:duplicate_row:error',
		])
	})

	it('fixed rows absent from the answer count as unanswered cells', () => {
		const answers = base()
		;(answers.stats as TableAnswer).rows.splice(0, 1)
		expect(keys(issuesOf(answers, 'stats'))).toEqual(['stats:DDT|2022:export_kg:required:error'])
		expect(evaluate(def, answers, ctx).questions.stats!.answered).toBe(false)
	})

	it('an empty required table gives one issue, not one per cell', () => {
		expect(keys(issuesOf({ ...base(), stats: { rows: [] } }, 'stats'))).toEqual([
			'stats:required:error',
		])
	})

	it('open rows: conditional columns, max rows', () => {
		const answers = base()
		;(answers.stats as TableAnswer).rows[0]!.cells.export_kg = 10
		const row = (id: string, purpose: string) => ({
			id,
			cells: { chemical: 'DDT', country: 'FRA', quantity_kg: 1, purpose },
		})
		answers.partners = {
			rows: [
				row('a', 'use'),
				row('b', 'non_party'),
				row('c', 'use'),
				row('d', 'use'),
				row('e', 'use'),
				row('f', 'use'),
			],
		}
		const evaluation = evaluate(def, answers, ctx)
		expect(keys(evaluation.questions.partners!.issues)).toEqual([
			'partners:b:certificate:required:error',
			'partners:too_many_rows:error',
		])
		expect(evaluation.cells.partners!.a!.certificate).toEqual({ visible: false, required: false })
		expect(evaluation.cells.partners!.b!.certificate).toEqual({ visible: true, required: true })
	})
})

describe('types of visible answers (what the draft schema would refuse)', () => {
	it.each([
		['note', null],
		['count', ''],
		['count', 2 ** 60],
		['amount', {}],
		['count', { marker: 'not_available', note: 'x' }],
	] as const)(
		'%s = %j → invalid_type, though it looks unanswered or marked',
		(questionId, value) => {
			expect(keys(issuesOf({ ...base(), [questionId]: value } as Answers, questionId))).toEqual([
				`${questionId}:invalid_type:error`,
			])
		},
	)

	it('an empty list is an unanswered multiple choice', () => {
		expect(issuesOf({ ...base(), activities: [] }, 'activities')).toEqual([])
	})

	it('contacts and attachments: null, empty ids and extra keys', () => {
		const planned = { ...base(), has_plan: 'yes', plan_date: '2023-01-01' }
		const contactIssues = (contact: unknown) =>
			keys(issuesOf({ ...planned, contact } as Answers, 'contact'))
		expect(contactIssues({ name: 'A', email: 'a@b.org', phone: null })).toEqual([
			'contact:phone:invalid_type:error',
		])
		const fileIssues = (files: unknown) => keys(issuesOf({ ...planned, files } as Answers, 'files'))
		expect(fileIssues(null)).toEqual(['files:invalid_type:error'])
		expect(fileIssues([{ attachmentId: '', name: 'a.pdf' }])).toEqual(['files:invalid_type:error'])
		expect(fileIssues([{ attachmentId: 'a1', name: 'a.pdf', size: 1 }])).toEqual([
			'files:invalid_type:error',
		])
		expect(fileIssues([])).toEqual([])
	})

	it('a table object or row with a key too many, a row with an empty id or a key not text', () => {
		const answers = base()
		const stats = answers.stats as TableAnswer
		expect(
			keys(issuesOf({ ...answers, stats: { ...stats, note: 1 } } as Answers, 'stats')),
		).toEqual(['stats:invalid_type:error'])
		const withRow = (row: object) =>
			keys(
				issuesOf(
					{ ...answers, stats: { rows: [...stats.rows.slice(1), row] } } as Answers,
					'stats',
				),
			)
		// The malformed row is not read: its fixed row counts as unanswered.
		const first = stats.rows[0]!
		const issues = ['stats:invalid_row:error', 'stats:DDT|2022:export_kg:required:error']
		expect(withRow({ ...first, note: 1 })).toEqual(issues)
		expect(withRow({ ...first, key: 1 })).toEqual(issues)
		expect(withRow({ ...first, id: '' })).toEqual(issues)
	})

	it('cells the table does not ask keep their answers; only values of the wrong type are errors', () => {
		const answers = base()
		;(answers.stats as TableAnswer).rows[0]!.cells.export_kg = 10
		const cells = { chemical: 'DDT', country: 'FRA', quantity_kg: 1, purpose: 'use' }
		answers.partners = {
			rows: [
				{ id: 'a', cells: { ...cells, certificate: 'kept while hidden' } },
				{ id: 'b', cells: { ...cells, certificate: 5 } },
			],
		}
		;(answers.stats as TableAnswer).rows.push(
			// Rows no longer expected, without answers: kept, but their cells are still typed.
			{ id: 'ALDRIN|2022', key: 'ALDRIN|2022', cells: { chemical: 'ALDRIN', year: 2022 } },
			{
				id: 'ALDRIN|2023',
				key: 'ALDRIN|2023',
				cells: { chemical: 'ALDRIN', year: '2023', estimate: null as never, ghost: 1 },
			},
		)
		expect(keys(issuesOf(answers, 'partners'))).toEqual([
			'partners:b:certificate:invalid_type:error',
		])
		expect(keys(issuesOf(answers, 'stats'))).toEqual([
			'stats:ALDRIN|2023:year:invalid_type:error',
			'stats:ALDRIN|2023:estimate:invalid_type:error',
			'stats:ALDRIN|2023:ghost:unknown_column:error',
		])
	})

	it('an optional cell holding null is of no type', () => {
		const answers = base()
		;(answers.stats as TableAnswer).rows[0]!.cells.estimate = null as never
		expect(keys(issuesOf(answers, 'stats'))).toEqual(['stats:DDT|2022:estimate:invalid_type:error'])
	})
})

describe('rules and severities', () => {
	it('aggregate: partner sums per chemical must not exceed reported exports (error)', () => {
		const answers = base()
		const stats = answers.stats as TableAnswer
		stats.rows[0]!.cells.export_kg = 10 // DDT 2022
		stats.rows[1]!.cells.export_kg = 5 // DDT 2023
		answers.partners = {
			rows: [
				{ id: 'a', cells: { chemical: 'DDT', country: 'FRA', quantity_kg: 9, purpose: 'use' } },
				{ id: 'b', cells: { chemical: 'DDT', country: 'DEU', quantity_kg: 7, purpose: 'use' } },
				{ id: 'c', cells: { chemical: 'PFOS', country: 'DEU', quantity_kg: 1, purpose: 'use' } },
			],
		}
		expect(issuesOf(answers, 'partners')).toEqual([
			{
				questionId: 'partners',
				columnId: 'quantity_kg',
				severity: 'error',
				messageKey: 'partners_exceed',
				ruleId: 'partners_within_exports',
				params: { group: 'DDT', total: 16, reference: 15 },
			},
			{
				questionId: 'partners',
				columnId: 'quantity_kg',
				severity: 'error',
				messageKey: 'partners_exceed',
				ruleId: 'partners_within_exports',
				params: { group: 'PFOS', total: 1, reference: 0 },
			},
		])
	})

	it('aggregate: decimals that add up to the total are within it, whatever the binary rounding', () => {
		const answers = base()
		const stats = answers.stats as TableAnswer
		stats.rows[0]!.cells.export_kg = 0.3 // DDT 2022
		const partner = (id: string, quantity_kg: number) => ({
			id,
			cells: { chemical: 'DDT', country: 'FRA', quantity_kg, purpose: 'use' },
		})
		// 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
		answers.partners = { rows: [partner('a', 0.1), partner('b', 0.2)] }
		expect(issuesOf(answers, 'partners')).toEqual([])
		answers.partners = { rows: [partner('a', 0.1), partner('b', 0.21)] }
		expect(issuesOf(answers, 'partners')).toMatchObject([
			{ ruleId: 'partners_within_exports', params: { group: 'DDT', reference: 0.3 } },
		])
	})

	it('aggregate skips groups whose reference has no number', () => {
		const answers = base()
		const stats = answers.stats as TableAnswer
		stats.rows[0]!.cells.export_kg = 10
		for (const row of stats.rows.slice(2)) row.cells.export_kg = { marker: 'not_available' }
		answers.partners = {
			rows: [
				{ id: 'a', cells: { chemical: 'PFOS', country: 'FRA', quantity_kg: 9, purpose: 'use' } },
			],
		}
		expect(issuesOf(answers, 'partners')).toEqual([])
	})

	it.each([
		[
			'range (warning)',
			{ amount: 5000 },
			'amount',
			{
				severity: 'warning',
				messageKey: 'rule_range',
				ruleId: 'amount_plausible',
				params: { max: 1000, value: 5000 },
			},
		],
		[
			'pattern (error)',
			{ note: '50-29-4' },
			'note',
			{
				severity: 'error',
				messageKey: 'invalid_cas',
				ruleId: 'note_is_cas',
				params: { value: '50-29-4' },
			},
		],
		[
			'compare (warning)',
			{ count: 9, amount: 3 },
			'count',
			{
				severity: 'warning',
				messageKey: 'count_above_amount',
				ruleId: 'count_not_above_amount',
				params: { other: '3' },
			},
		],
		[
			'required when (warning)',
			{ status: 'yes' },
			'email',
			{ severity: 'warning', messageKey: 'rule_required', ruleId: 'email_when_status_yes' },
		],
		[
			'assert (error)',
			{ activities: ['a', 'none'] },
			'activities',
			{ severity: 'error', messageKey: 'none_alone', ruleId: 'none_alone' },
		],
	] as const)('%s', (_name, patch, questionId, expected) => {
		expect(issuesOf({ ...base(), ...patch } as Answers, questionId)).toEqual([
			{ questionId, ...expected },
		])
	})

	it.each([
		['range within bounds', { amount: 10 }, 'amount'],
		['pattern valid CAS', { note: '50-29-3' }, 'note'],
		['compare holds', { count: 2, amount: 3 }, 'count'],
		['compare skipped when the other is unanswered', { count: 9 }, 'count'],
		['required when condition false', { status: 'no' }, 'email'],
		['assert holds', { activities: ['none'] }, 'activities'],
	] as const)('%s → no issue', (_name, patch, questionId) => {
		expect(issuesOf({ ...base(), ...patch } as Answers, questionId)).toEqual([])
	})

	it('row-scoped assert on a column (warning per row)', () => {
		const answers = base()
		const stats = answers.stats as TableAnswer
		stats.rows[3]!.cells.export_kg = 900
		const evaluation = evaluate(def, answers, ctx)
		expect(evaluation.questions.stats!.issues).toEqual([
			{
				questionId: 'stats',
				rowId: 'PFOS|2023',
				columnId: 'estimate',
				severity: 'warning',
				messageKey: 'flag_estimate',
				ruleId: 'big_export_flagged',
			},
		])
		expect(evaluation.sections.s3).toMatchObject({ warnings: 1 })
	})

	it('rules on hidden questions do not run', () => {
		expect(issuesOf({ ...base(), has_plan: 'no', contact: { name: 'x', email: 'bad' } })).toEqual(
			[],
		)
	})
})

describe('progress', () => {
	it('counts visible required questions per section, part and overall', () => {
		const answers: Answers = { party: 'KEN', has_plan: 'yes' }
		const evaluation = evaluate(def, answers, ctx)
		// Two required questions unanswered: two missing answers, which are not also errors.
		expect(evaluation.sections.s1).toMatchObject({
			answered: 2,
			total: 4,
			missing: 2,
			completeness: 0.5,
			errors: 0,
		})
		expect(evaluation.issues.filter((issue) => issue.questionId !== 'stats')).toHaveLength(3)
		expect(evaluation.sections.s2).toMatchObject({ visible: true, answered: 0, total: 1 })
		expect(evaluation.parts.p1).toMatchObject({ answered: 2, total: 5 })
		expect(evaluation.overall).toMatchObject({ answered: 2, total: 6, canSubmit: false })
	})
})

describe('completeness when a table row is started', () => {
	const withPartners = (rows: Record<string, unknown>[]): Answers => {
		const answers = base()
		;(answers.stats as TableAnswer).rows[0]!.cells.export_kg = 10
		answers.partners = {
			rows: rows.map((cells, i) => ({ id: `r${i}`, cells: cells as never })),
		}
		return answers
	}
	const complete = { chemical: 'DDT', country: 'DEU', quantity_kg: 4, purpose: 'use' }

	it('counts a required table still without a complete row as one question to answer', () => {
		const evaluation = evaluate(def, withPartners([{ chemical: 'DDT' }]), ctx)
		expect(evaluation.questions.partners!.answered).toBe(false)
		expect(evaluation.overall).toMatchObject({ missing: 1, errors: 0, canSubmit: false })
	})

	it('never lowers completeness: a row started after the first complete one is an error to fix', () => {
		const before = evaluate(def, withPartners([complete]), ctx).overall
		const after = evaluate(def, withPartners([complete, { chemical: 'PFOS' }]), ctx).overall
		expect(after.completeness).toBe(before.completeness)
		expect(after.missing).toBe(before.missing)
		expect(after.errors).toBe(before.errors + 3)
		expect(after.canSubmit).toBe(false)
	})
})

describe('initialAnswers', () => {
	it('pre-fills the context and the fixed rows', () => {
		const initial = initialAnswers(def, ctx)
		expect(initial.party).toBe('KEN')
		expect((initial.stats as TableAnswer).rows.map((row) => row.id)).toEqual([
			'DDT|2022',
			'DDT|2023',
			'PFOS|2022',
			'PFOS|2023',
		])
		expect((initial.stats as TableAnswer).rows[1]!.cells).toEqual({ chemical: 'DDT', year: 2023 })
	})
})

describe('robustness', () => {
	it('does not throw on malformed answers', () => {
		for (const answers of [
			null,
			[],
			'x',
			{ stats: 'x' },
			{ stats: { rows: [null, 1, { id: 3 }] } },
			{ contact: [] },
		]) {
			expect(() => evaluate(def, answers as unknown as Answers, ctx)).not.toThrow()
		}
	})
})
