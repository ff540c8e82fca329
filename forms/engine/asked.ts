import type { Answers, Evaluation, FormContext, FormDefinition } from '../types.ts'
import { compileForm } from './compile.ts'
import { evaluate } from './evaluate.ts'
import { isTableAnswer } from './values.ts'

/**
 * The answers as the report gives them to its readers (PDF, Excel, compiled data, analysis):
 * answers of hidden questions left out, and fixed-row tables reduced to the rows that are asked
 * (expected for the Party and period, not hidden by the rows' `visibleIf`), in stored order.
 * The stored answers themselves keep everything (see docs/decisions/004).
 */
export function askedAnswers(
	def: FormDefinition,
	answers: Answers,
	ctx: FormContext,
	evaluation: Evaluation = evaluate(def, answers, ctx),
): Answers {
	const form = compileForm(def)
	const expected = form.fixedKeys(ctx)
	const out: Answers = {}
	for (const [id, value] of Object.entries(answers)) {
		if (evaluation.questions[id]?.visible !== true) continue
		const rows = expected.get(id)
		if (!rows || !isTableAnswer(value)) {
			out[id] = value
			continue
		}
		const hidden = new Set(evaluation.hiddenRows[id] ?? [])
		out[id] = { rows: value.rows.filter((row) => rows.has(row.id) && !hidden.has(row.id)) }
	}
	return out
}
