import type { FormEvent, ReactNode } from 'react'

function stayOnPage(event: FormEvent) {
	event.preventDefault()
}

/**
 * The form that owns one answer's controls: a question's, a table cell's, or a table's own (its
 * status menu, "fill every empty cell"). Nothing is ever submitted through it: answers are saved as
 * they change, and Enter does what it did before (moves down in a table, nothing in a question).
 *
 * It exists for the browser's sake. After every change to a text field, Chrome's autofill reads
 * again every control of the form that field belongs to, with their labels, in a task that runs
 * before the next frame; a control in no form belongs to the page's one "formless" form, all of
 * the editor's controls together. On the statistics section that was 9–10 ms a key on an
 * unthrottled 2-core machine, most of a keystroke's work, against 1.6 ms for a cell in a form of
 * its own, 0.75 ms of it the change itself (ADR 022). It replaces the `<div>` that held the
 * controls, with the same class, so the layout is unchanged.
 */
export function AnswerForm({ className, children }: { className: string; children: ReactNode }) {
	return (
		<form className={className} noValidate onSubmit={stayOnPage}>
			{children}
		</form>
	)
}
