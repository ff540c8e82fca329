import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answersArbitrary, junkAnswersArbitrary } from '../fixtures/arbitraries.ts'
import { art15V6Context, buildCompleteArt15V6Answers, ddtContext } from '../fixtures/builders.ts'
import { MINI_CONTEXT, miniDefinition } from '../fixtures/mini.ts'
import { DDT_V1 } from '../ddt/v1.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { Answers, TableAnswer } from '../types.ts'
import { buildAnswerSchemas } from './answer-schemas.ts'
import { evaluate } from './evaluate.ts'
import { validateForSubmission, issueKey } from './submission.ts'

const mini = miniDefinition()

describe('draft schema', () => {
	const { draft } = buildAnswerSchemas(mini, MINI_CONTEXT)

	it('accepts an empty draft and any marker anywhere', () => {
		expect(draft.safeParse({}).success).toBe(true)
		expect(
			draft.safeParse({ has_plan: { marker: 'confidential' }, stats: { marker: 'not_available' } })
				.success,
		).toBe(true)
	})

	it('accepts out-of-range and hidden values (types only)', () => {
		expect(draft.safeParse({ count: 1e6, has_plan: 'no', plan_date: '2020-01-01' }).success).toBe(
			true,
		)
	})

	it.each([
		['unknown question', { ghost: 'x' }],
		['wrong scalar type', { count: '3' }],
		['non-integer integer', { count: 1.5 }],
		['malformed date', { plan_date: '1 May 2023' }],
		['unknown marker', { count: { marker: 'secret' } }],
		['unknown column', { stats: { rows: [{ id: 'DDT|2022', cells: { ghost: 1 } }] } }],
		['row without id', { stats: { rows: [{ cells: {} }] } }],
		['list for a single choice', { status: ['yes'] }],
	])('rejects %s', (_name, answers) => {
		expect(draft.safeParse(answers).success).toBe(false)
	})

	it('property: accepts any type-correct partial answer set (real forms and fixture)', () => {
		for (const [def, ctx] of [
			[mini, MINI_CONTEXT],
			[ART15_V6, art15V6Context()],
			[DDT_V1, ddtContext()],
		] as const) {
			const schema = buildAnswerSchemas(def, ctx).draft
			fc.assert(
				fc.property(
					answersArbitrary(def, ctx, { anyMarker: true }),
					(answers) => schema.safeParse(answers).success,
				),
				{ numRuns: 60 },
			)
		}
	})
})

describe('submission schema', () => {
	it('reports exactly the engine errors, not warnings', () => {
		const { submission } = buildAnswerSchemas(mini, MINI_CONTEXT)
		const answers: Answers = { party: 'KEN', has_plan: 'yes', status: 'no', amount: 5000 }
		const result = submission.safeParse(answers)
		expect(result.success).toBe(false)
		const engineErrors = evaluate(mini, answers, MINI_CONTEXT).issues.filter(
			(issue) => issue.severity === 'error',
		)
		expect(result.error!.issues.map((issue) => issue.path.join('/'))).toEqual(
			engineErrors.map((issue) =>
				[issue.questionId, issue.rowId, issue.columnId ?? issue.field].filter(Boolean).join('/'),
			),
		)
		expect(result.error!.issues.map((issue) => issue.message)).toEqual(
			engineErrors.map((issue) => issue.messageKey),
		)
	})

	it('ignores hidden answers', () => {
		const { submission } = buildAnswerSchemas(ART15_V6, art15V6Context())
		const answers = buildCompleteArt15V6Answers()
		// Hidden because a_ocp_same_as_nfp = yes: an incomplete OCP block no longer matters.
		const withHidden = { ...answers, a_ocp_same_as_nfp: 'yes', a_ocp_contact: { name: '' } }
		expect(submission.safeParse(withHidden).success).toBe(true)
		expect(submission.safeParse({ ...answers, a_ocp_contact: { name: '' } }).success).toBe(false)
	})

	it('is built once per definition and context', () => {
		expect(buildAnswerSchemas(mini, MINI_CONTEXT)).toEqual(
			buildAnswerSchemas(mini, { ...MINI_CONTEXT }),
		)
		expect(buildAnswerSchemas(mini, MINI_CONTEXT).submission).toBe(
			buildAnswerSchemas(mini, { ...MINI_CONTEXT }).submission,
		)
	})

	it('property: agrees with validateForSubmission on random answers', () => {
		const { submission } = buildAnswerSchemas(mini, MINI_CONTEXT)
		fc.assert(
			fc.property(answersArbitrary(mini, MINI_CONTEXT), (answers) => {
				const check = validateForSubmission(mini, answers, MINI_CONTEXT)
				return submission.safeParse(answers).success === (check.errors.length === 0)
			}),
			{ numRuns: 200 },
		)
	})
})

describe('validateForSubmission', () => {
	it('needs an explanation for every warning', () => {
		const answers: Answers = {
			party: 'KEN',
			has_plan: 'no',
			status: 'no',
			amount: 5000,
			stats: {
				rows: ['DDT|2022', 'DDT|2023', 'PFOS|2022', 'PFOS|2023'].map((id) => ({
					id,
					key: id,
					cells: { chemical: id.split('|')[0]!, year: Number(id.split('|')[1]), export_kg: 0 },
				})),
			} satisfies TableAnswer,
		}
		const unexplained = validateForSubmission(mini, answers, MINI_CONTEXT)
		expect(unexplained.errors).toEqual([])
		expect(unexplained.warnings.map((warning) => warning.ruleId)).toEqual(['amount_plausible'])
		expect(unexplained.ok).toBe(false)
		const key = issueKey(unexplained.warnings[0]!)
		expect(key).toBe('amount_plausible/amount///')
		expect(
			validateForSubmission(mini, answers, MINI_CONTEXT, { [key]: 'A one-off clean-up.' }).ok,
		).toBe(true)
		expect(validateForSubmission(mini, answers, MINI_CONTEXT, { [key]: '  ' }).ok).toBe(false)
	})

	it('reports type errors of hidden answers', () => {
		const check = validateForSubmission(
			mini,
			{ has_plan: 'no', plan_date: 42 } as unknown as Answers,
			MINI_CONTEXT,
		)
		expect(check.errors).toContainEqual({
			questionId: 'plan_date',
			severity: 'error',
			messageKey: 'invalid_type',
		})
	})

	it('leaves the types of visible answers to the engine (see type-coverage.test.ts)', () => {
		const answers = {
			party: 'KEN',
			has_plan: 'no',
			status: 'no',
			note: null,
			stats: { rows: [], x: 1 },
		}
		const check = validateForSubmission(mini, answers as never, MINI_CONTEXT)
		expect(check.errors).toEqual([
			{ questionId: 'note', severity: 'error', messageKey: 'invalid_type' },
			{ questionId: 'stats', severity: 'error', messageKey: 'invalid_type' },
		])
		expect(check.errors).toEqual(check.evaluation.issues)
	})

	it('reports answers that are no object at all', () => {
		for (const answers of [null, [], 'x'])
			expect(validateForSubmission(mini, answers as never, MINI_CONTEXT).errors).toContainEqual({
				questionId: '',
				severity: 'error',
				messageKey: 'invalid_type',
			})
	})

	it('reports answers to questions the form does not have', () => {
		const check = validateForSubmission(mini, { ghost: 1 } as unknown as Answers, MINI_CONTEXT)
		expect(check.errors).toContainEqual({
			questionId: 'ghost',
			severity: 'error',
			messageKey: 'unknown_question',
		})
	})

	it('treats keys named like object properties as unknown questions', () => {
		const check = validateForSubmission(
			mini,
			{ valueOf: false, constructor: 1, __proto__: 2 } as never,
			MINI_CONTEXT,
		)
		expect(
			check.errors
				.filter((e) => e.messageKey === 'unknown_question')
				.map((e) => e.questionId)
				.sort(),
		).toEqual(['constructor', 'valueOf'])
	})

	it('property: never throws on junk', () => {
		fc.assert(
			fc.property(junkAnswersArbitrary(mini), (answers) => {
				validateForSubmission(mini, answers, MINI_CONTEXT)
				return true
			}),
			{ numRuns: 300 },
		)
	})
})
