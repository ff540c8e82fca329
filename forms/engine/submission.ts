import type { Answers, Evaluation, FormContext, FormDefinition, Issue } from '../types.ts'
import { questionSchemas } from './answer-schemas.ts'
import { evaluate } from './evaluate.ts'

/**
 * Stable identity of an issue, used to attach a reporter's explanation to a warning:
 * `ruleId-or-messageKey/questionId/rowId/columnId-or-field/group`.
 */
export function issueKey(issue: Issue): string {
	return [
		issue.ruleId ?? issue.messageKey,
		issue.questionId,
		issue.rowId ?? '',
		issue.columnId ?? issue.field ?? '',
		issue.params?.group ?? '',
	].join('/')
}

export interface SubmissionCheck {
	/** True when there are no errors and every warning has a non-empty explanation. */
	ok: boolean
	errors: Issue[]
	warnings: Issue[]
	unexplainedWarnings: Issue[]
	evaluation: Evaluation
}

/**
 * The draft schema's errors where `evaluate` does not look: answers that are no object at all
 * (`invalid_type` on question `''`), the answer of each hidden question (one `invalid_type` each,
 * checked with its question's draft schema) and keys the form has no question for
 * (`unknown_question`, any key, "valueOf" included). The answers of visible questions are left
 * to the engine.
 */
function typeErrorsOutsideEngine(
	def: FormDefinition,
	answers: Answers,
	evaluation: Evaluation,
): Issue[] {
	if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
		return [{ questionId: '', severity: 'error', messageKey: 'invalid_type' }]
	const schemas = questionSchemas(def)
	const errors: Issue[] = []
	for (const [questionId, schema] of schemas) {
		const value = answers[questionId]
		if (value === undefined || evaluation.questions[questionId]!.visible) continue
		if (!schema.safeParse(value).success)
			errors.push({ questionId, severity: 'error', messageKey: 'invalid_type' })
	}
	// Every enumerable key, as the draft schema's strict object counts them.
	for (const key in answers) {
		if (!schemas.has(key))
			errors.push({ questionId: key, severity: 'error', messageKey: 'unknown_question' })
	}
	return errors
}

/**
 * Checks answers for submission: everything the draft (type) schema refuses, hidden answers
 * included, then every issue of `evaluate`. `explanations` maps `issueKey(warning)` to the
 * reporter's explanation.
 *
 * Contract: `evaluate` reports an error on every visible question whose answer its draft schema
 * (`questionSchema`) refuses, so the draft schema runs only where the engine does not look (see
 * `typeErrorsOutsideEngine`), which spares a busy report's thousands of table rows a second pass.
 * `type-coverage.test.ts` holds the engine to that contract for every question type.
 */
export function validateForSubmission(
	def: FormDefinition,
	answers: Answers,
	ctx: FormContext,
	explanations: Record<string, string> = {},
): SubmissionCheck {
	const evaluation = evaluate(def, answers, ctx)
	const errors = typeErrorsOutsideEngine(def, answers, evaluation)
	const warnings: Issue[] = []
	for (const issue of evaluation.issues)
		(issue.severity === 'error' ? errors : warnings).push(issue)
	const unexplainedWarnings = warnings.filter((warning) => !explanations[issueKey(warning)]?.trim())
	return {
		ok: errors.length === 0 && unexplainedWarnings.length === 0,
		errors,
		warnings,
		unexplainedWarnings,
		evaluation,
	}
}
