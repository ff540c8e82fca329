import { describe, expect, it } from 'vitest'
import { isYes } from '../dsl.ts'
import { validateDefinition } from '../schema.ts'
import type { Answers, FormContext, FormDefinition } from '../types.ts'
import { askedAnswers } from './asked.ts'
import { evaluate } from './evaluate.ts'
import { evaluateChanges } from './incremental.ts'
import { registeredCodeLists } from '../codelists/source.ts'

/**
 * A form with a full and a short variant: part `p_full` and question `q_full_only` are asked in
 * the full report only; `q_both` in both; `q_detail` (full only) is asked when `q_both` is yes.
 */
function variantForm(): FormDefinition {
	return {
		schemaVersion: 1,
		formId: 'variant-test',
		version: 1,
		convention: 'minamata',
		reportingPeriod: { startYear: 2024, endYear: 2024, rule: 'test' },
		deadline: '2025-12-31',
		languages: ['en'],
		codeLists: {},
		variants: [{ id: 'full' }, { id: 'short' }],
		parts: [
			{
				id: 'p_common',
				sections: [
					{
						id: 's_common',
						questions: [
							{ id: 'q_both', type: 'yes_no', required: true },
							{
								id: 'q_full_only',
								type: 'integer',
								min: 0,
								required: true,
								variants: ['full'],
							},
							{
								id: 'q_detail',
								type: 'long_text',
								required: true,
								visibleIf: isYes('q_both'),
								variants: ['full'],
							},
						],
					},
				],
			},
			{
				id: 'p_full',
				variants: ['full'],
				sections: [
					{ id: 's_full', questions: [{ id: 'q_in_full_part', type: 'text', required: true }] },
				],
			},
		],
		rules: [
			{
				id: 'r_full_only_range',
				kind: 'range',
				severity: 'warning',
				messageKey: 'out_of_range',
				target: { question: 'q_full_only' },
				max: 10,
			},
		],
	}
}

const base: Omit<FormContext, 'formVariant'> = {
	partyCode: 'KEN',
	periodStart: '2024-01-01',
	periodEnd: '2024-12-31',
	codeLists: registeredCodeLists,
}
const full: FormContext = { ...base, formVariant: 'full' }
const short: FormContext = { ...base, formVariant: 'short' }

describe('form variants', () => {
	const def = variantForm()

	it('the meta-schema accepts a definition with variants', () => {
		expect(validateDefinition(def).errors).toEqual([])
	})

	it('the short report hides the items limited to the full report', () => {
		const evaluation = evaluate(def, { q_both: 'yes' }, short)
		expect(evaluation.questions.q_both!.visible).toBe(true)
		expect(evaluation.questions.q_full_only!.visible).toBe(false)
		expect(evaluation.questions.q_detail!.visible).toBe(false)
		expect(evaluation.parts.p_full!.visible).toBe(false)
		expect(evaluation.questions.q_in_full_part!.visible).toBe(false)
	})

	it('a required full-only question is not required (nor missing) in the short report', () => {
		const evaluation = evaluate(def, { q_both: 'no' }, short)
		expect(evaluation.questions.q_full_only!.required).toBe(false)
		expect(evaluation.overall.total).toBe(1)
		expect(evaluation.overall.missing).toBe(0)
		expect(evaluation.overall.canSubmit).toBe(true)
	})

	it('the full report asks every item, with its own conditions', () => {
		const evaluation = evaluate(def, { q_both: 'yes' }, full)
		for (const id of ['q_both', 'q_full_only', 'q_detail', 'q_in_full_part'])
			expect(evaluation.questions[id]!.visible).toBe(true)
		expect(evaluation.overall.total).toBe(4)
		expect(evaluation.overall.canSubmit).toBe(false)
		const no = evaluate(def, { q_both: 'no' }, full)
		expect(no.questions.q_detail!.visible).toBe(false)
	})

	it('a report without a variant asks every item', () => {
		const evaluation = evaluate(def, { q_both: 'yes' }, base)
		expect(evaluation.questions.q_full_only!.visible).toBe(true)
		expect(evaluation.parts.p_full!.visible).toBe(true)
	})

	it('answers of full-only items are not validated, checked by rules or exported in the short report', () => {
		const answers: Answers = { q_both: 'no', q_full_only: 99, q_in_full_part: 'kept' }
		const inShort = evaluate(def, answers, short)
		expect(inShort.issues).toEqual([])
		expect(askedAnswers(def, answers, short)).toEqual({ q_both: 'no' })
		const inFull = evaluate(def, answers, full)
		expect(inFull.issues.map((issue) => issue.ruleId)).toContain('r_full_only_range')
		expect(askedAnswers(def, answers, full)).toEqual(answers)
	})

	it('evaluating only what changed gives the same result in a variant', () => {
		const before = evaluate(def, { q_both: 'no' }, short)
		const after: Answers = { q_both: 'yes', q_full_only: 3 }
		expect(evaluateChanges(def, before, after, short, ['q_both', 'q_full_only'])).toEqual(
			evaluate(def, after, short),
		)
	})

	it('the meta-schema rejects items limited to undeclared variants and repeated variant ids', () => {
		const unknown = variantForm()
		unknown.parts[0]!.sections[0]!.questions[1]!.variants = ['long']
		const result = validateDefinition(unknown)
		expect(result.ok).toBe(false)
		expect(result.errors.map((error) => error.code)).toEqual(['unknown_variant'])
		expect(result.errors[0]!.path).toEqual([
			'parts',
			0,
			'sections',
			0,
			'questions',
			1,
			'variants',
			0,
		])
		const repeated = variantForm()
		repeated.variants = [{ id: 'full' }, { id: 'full' }]
		expect(validateDefinition(repeated).errors.map((error) => error.code)).toContain(
			'unknown_variant',
		)
		const undeclared = variantForm()
		delete undeclared.variants
		expect(validateDefinition(undeclared).errors.map((error) => error.code)).toContain(
			'unknown_variant',
		)
	})
})
