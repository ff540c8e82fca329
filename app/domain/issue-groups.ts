import { compileForm, isMissingAnswer, issueKey } from '#forms/engine/index.ts'
import type { FormText } from '#forms/text-core.ts'
import type {
	Answers,
	Evaluation,
	FormDefinition,
	Issue,
	Severity,
	TableColumn,
	TableQuestion,
	TableRow,
} from '#forms/types.ts'
import { domId } from '../components/editor/form-model.ts'

/** Where an issue sits, in words a contact point understands, and the element that holds it. */
export interface IssueLocation {
	/** `issueKey` of the issue (warning explanations are stored under it). */
	key: string
	/** The row and/or column or field, e.g. "PFOS · 2023 › Import (kg)"; empty for the question. */
	label: string
	/** This issue's own message when it differs from the group's (e.g. another value). */
	detail?: string
	/** Id of the element to focus in the editor (the cell's input, the field, the question). */
	anchor: string
}

/**
 * Identical issues of one question, grouped: the same rule or check, the same column or field.
 * Missing answers of a question still to answer form one group per question, whatever the cell.
 */
export interface IssueGroup {
	id: string
	kind: 'missing' | 'error' | 'warning'
	severity: Severity
	questionId: string
	sectionId: string
	/** Column or contact field the group is about, when all its issues share it. */
	target?: string
	message: string
	locations: IssueLocation[]
}

/** A fixed row by its dimension values, e.g. "PFOS · 2023" (the key joins them with `|`). */
function fixedRowLabel(table: TableQuestion, rowId: string, text: FormText): string {
	const dimensions = table.rows.kind === 'fixed' ? table.rows.dimensions : []
	const values = rowId.split('|')
	return dimensions
		.map((dimension, i) => text.option(`${table.id}.${dimension.column}`, values[i] ?? ''))
		.join(' · ')
}

/** An open row by its number and its first coded or text cells, e.g. "Row 2 (PFOS, Germany)". */
function openRowLabel(
	table: TableQuestion,
	answers: Answers,
	rowId: string,
	text: FormText,
	rowLabelOf: (n: number) => string,
) {
	const rows = (answers[table.id] as { rows?: TableRow[] } | undefined)?.rows ?? []
	const index = rows.findIndex((row) => row.id === rowId)
	if (index < 0) return rowLabelOf(0)
	const row = rows[index]!
	const shown = table.columns
		.filter(
			(column: TableColumn) =>
				['chemical', 'country', 'single_choice', 'text'].includes(column.type) &&
				typeof row.cells[column.id] === 'string' &&
				row.cells[column.id] !== '',
		)
		.slice(0, 2)
		.map((column) => {
			const value = row.cells[column.id] as string
			return column.type === 'text' ? value : text.option(`${table.id}.${column.id}`, value)
		})
	const number = rowLabelOf(index + 1)
	return shown.length > 0 ? `${number} (${shown.join(', ')})` : number
}

/**
 * Groups a report's issues for the checks page, in definition order: one group per question for
 * its missing answers while it is still to answer (see `Progress.missing`), and one group per
 * question, rule or check, and column or field for every other error and warning. Every issue keeps
 * its own location: the row (chemical and year, or row number and partner) and column it is in, and
 * the id of the input the editor focuses.
 */
export function groupIssues(
	definition: FormDefinition,
	answers: Answers,
	evaluation: Pick<Evaluation, 'questions'>,
	issues: readonly Issue[],
	text: FormText,
	rowLabelOf: (n: number) => string,
): IssueGroup[] {
	const form = compileForm(definition)
	const groups = new Map<string, IssueGroup>()
	for (const issue of issues) {
		const compiled = form.byId.get(issue.questionId)
		if (!compiled) continue
		const question = compiled.question
		const state = evaluation.questions[issue.questionId]
		const missing = isMissingAnswer(issue) && state?.required === true && !state.answered
		const kind = missing ? 'missing' : issue.severity === 'error' ? 'error' : 'warning'
		const target = issue.columnId ?? issue.field
		const id = missing
			? `missing/${issue.questionId}`
			: [kind, issue.questionId, issue.ruleId ?? issue.messageKey, target ?? ''].join('/')
		const message = text.message(issue)

		const parts: string[] = []
		if (issue.rowId !== undefined && question.type === 'table') {
			parts.push(
				question.rows.kind === 'fixed'
					? fixedRowLabel(question, issue.rowId, text)
					: openRowLabel(question, answers, issue.rowId, text, rowLabelOf),
			)
		}
		if (target !== undefined) parts.push(text.label(`${issue.questionId}.${target}`))
		const anchor =
			issue.rowId !== undefined
				? issue.columnId !== undefined
					? domId('q', issue.questionId, issue.rowId, issue.columnId)
					: domId('q', issue.questionId, issue.rowId, 'issues')
				: issue.field !== undefined
					? domId('q', issue.questionId, issue.field)
					: domId('q', issue.questionId)
		const location: IssueLocation = { key: issueKey(issue), label: parts.join(' › '), anchor }

		let group = groups.get(id)
		if (!group) {
			group = {
				id,
				kind,
				severity: issue.severity,
				questionId: issue.questionId,
				sectionId: compiled.sectionId,
				...(missing || target === undefined ? {} : { target }),
				message,
				locations: [],
			}
			groups.set(id, group)
		} else if (message !== group.message) location.detail = message
		group.locations.push(location)
	}
	return [...groups.values()]
}
