const CONTROL =
	'input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), [tabindex="0"]'

/**
 * Moves focus to a question and scrolls it into view: to its first control that can take focus
 * (in a table, its first cell), else to the question itself.
 */
export function focusQuestion(question: HTMLElement) {
	const control = question.querySelector<HTMLElement>(CONTROL)
	const target = control ?? question
	if (!control && !question.hasAttribute('tabindex')) question.tabIndex = -1
	target.focus({ preventScroll: true })
	target.scrollIntoView({ block: 'center' })
}

/** The first question shown in the section form, if any. */
export function firstQuestion(): HTMLElement | null {
	return document.querySelector<HTMLElement>('.editor__form .question')
}
