import { initialAnswers } from './engine/initial.ts'
import { questionsOf } from './question-index.ts'
import type { Answers, FormContext, FormDefinition, Question, ScalarQuestion } from './types.ts'

/**
 * Answers the system fills in, not the reporter: context pre-fills (the Party, the first and last
 * year of the period) and other read-only questions such as the date of submission. They belong
 * to one report: a new report gets them recomputed, never carried from another one, and nobody
 * edits them (the editor shows them read-only and the autosave refuses changes).
 */
export function isSystemFilled(question: Question): question is ScalarQuestion {
	if (question.type === 'table' || question.type === 'contact' || question.type === 'attachment')
		return false
	return question.prefill !== undefined || question.readOnly === true
}

/** The date of submission: a read-only date (concept `REPORT.DATE`) set when the report is submitted. */
export function isSubmissionDate(question: Question): boolean {
	return (
		question.type === 'date' && question.readOnly === true && question.concept === 'REPORT.DATE'
	)
}

/** The form's date-of-submission questions, each answered with `date` (`YYYY-MM-DD`). */
export function submissionDateAnswers(def: FormDefinition, date: string): Answers {
	return Object.fromEntries(
		questionsOf(def)
			.filter(isSubmissionDate)
			.map((question) => [question.id, date]),
	)
}

/**
 * The system-filled answers of a report with context `ctx` (the Party, the period years); the date
 * of submission is absent until the report is submitted.
 */
export function contextAnswers(def: FormDefinition, ctx: FormContext): Answers {
	const initial = initialAnswers(def, ctx)
	const answers: Answers = {}
	for (const question of questionsOf(def)) {
		const value = initial[question.id]
		if (isSystemFilled(question) && value !== undefined) answers[question.id] = value
	}
	return answers
}
