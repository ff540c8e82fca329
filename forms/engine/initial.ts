import type { Answers, FormContext, FormDefinition } from '../types.ts'
import { compileForm } from './compile.ts'

/**
 * The answers a new report starts with: context pre-fills (Party, period years) and every fixed
 * table with its expected rows, whose dimension cells are filled and other cells empty.
 */
export function initialAnswers(def: FormDefinition, ctx: FormContext): Answers {
	const form = compileForm(def)
	const answers: Answers = {}
	const rows = form.fixedRows(ctx)
	for (const { question } of form.questions) {
		if (question.type === 'table') {
			const fixed = rows.get(question.id)
			if (fixed)
				answers[question.id] = {
					rows: fixed.map((row) => ({ id: row.id, key: row.key, cells: { ...row.cells } })),
				}
		} else if ('prefill' in question && question.prefill) {
			answers[question.id] =
				question.prefill === 'partyCode'
					? ctx.partyCode
					: Number(
							(question.prefill === 'periodStartYear' ? ctx.periodStart : ctx.periodEnd).slice(
								0,
								4,
							),
						)
		}
	}
	return answers
}
