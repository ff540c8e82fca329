import type { Answers, Evaluation, FormContext, FormDefinition, Issue } from '../types.ts'
import { draftSchema } from './answer-schemas.ts'
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
 * Checks answers for submission: the draft (type) schema over all answers, hidden ones included,
 * then `evaluate` for everything visible. Type errors become `invalid_type` issues.
 * `explanations` maps `issueKey(warning)` to the reporter's explanation.
 */
export function validateForSubmission(
	def: FormDefinition,
	answers: Answers,
	ctx: FormContext,
	explanations: Record<string, string> = {},
): SubmissionCheck {
	const evaluation = evaluate(def, answers, ctx)
	const errors: Issue[] = []
	const warnings: Issue[] = []
	const parsed = draftSchema(def).safeParse(answers)
	if (!parsed.success) {
		// One type error per question, unless the engine already reported an error on it.
		const seen = new Set<string>()
		const report = (questionId: string, messageKey: string) => {
			if (seen.has(questionId)) return
			seen.add(questionId)
			// Keys come from the answers, which may be anything ("valueOf"): own properties only.
			const state = Object.hasOwn(evaluation.questions, questionId)
				? evaluation.questions[questionId]
				: undefined
			const engineError = state?.issues.some((issue) => issue.severity === 'error')
			if (!engineError) errors.push({ questionId, severity: 'error', messageKey })
		}
		for (const zodIssue of parsed.error.issues) {
			if (zodIssue.code === 'unrecognized_keys' && zodIssue.path.length === 0) {
				for (const key of zodIssue.keys) report(key, 'unknown_question')
			} else report(String(zodIssue.path[0] ?? ''), 'invalid_type')
		}
	}
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
