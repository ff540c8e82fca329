import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answersArbitrary, junkAnswersArbitrary } from '../fixtures/arbitraries.ts'
import { art15V5Context, art15V6Context, ddtContext } from '../fixtures/builders.ts'
import { DDT_V1 } from '../ddt/v1.ts'
import { ART15_V5 } from '../stockholm-art15/v5.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { Evaluation, FormContext, FormDefinition } from '../types.ts'
import { evaluate, isMissingAnswer, percentOf } from './evaluate.ts'

const forms: [string, FormDefinition, FormContext][] = [
	['stockholm-art15 v5', ART15_V5, art15V5Context()],
	['stockholm-art15 v6', ART15_V6, art15V6Context('ARG')],
	['ddt v1', DDT_V1, ddtContext()],
]

function checkInvariants(evaluation: Evaluation): boolean {
	for (const state of Object.values(evaluation.questions)) {
		if (!state.visible && (state.required || state.issues.length > 0)) return false
	}
	for (const progress of [
		...Object.values(evaluation.sections),
		...Object.values(evaluation.parts),
		evaluation.overall,
	]) {
		if (
			progress.completeness < 0 ||
			progress.completeness > 1 ||
			progress.answered > progress.total
		)
			return false
	}
	const missingAnswers = evaluation.issues.filter((issue) => {
		const question = evaluation.questions[issue.questionId]!
		return isMissingAnswer(issue) && question.required && !question.answered
	}).length
	const counted = evaluation.overall.errors + evaluation.overall.warnings + missingAnswers
	const { overall } = evaluation
	return (
		counted === evaluation.issues.length &&
		overall.missing === overall.total - overall.answered &&
		overall.canSubmit === (overall.errors === 0 && overall.missing === 0) &&
		(percentOf(overall) === 100) === (overall.missing === 0)
	)
}

describe.each(forms)('%s', (_name, def, ctx) => {
	it('property: junk answers never crash the engine', () => {
		fc.assert(
			fc.property(junkAnswersArbitrary(def), (answers) =>
				checkInvariants(evaluate(def, answers, ctx)),
			),
			{ numRuns: 150 },
		)
	})

	it('property: type-correct answers keep the evaluation invariants', () => {
		fc.assert(
			fc.property(answersArbitrary(def, ctx), (answers) =>
				checkInvariants(evaluate(def, answers, ctx)),
			),
			{ numRuns: 80 },
		)
	})

	it('is deterministic and does not mutate the answers', () => {
		const answers = fc.sample(answersArbitrary(def, ctx), { numRuns: 1, seed: 7 })[0]!
		const copy = structuredClone(answers)
		expect(evaluate(def, answers, ctx)).toEqual(evaluate(def, answers, ctx))
		expect(answers).toEqual(copy)
	})
})
