import { isDeepStrictEqual } from 'node:util'
import { valueText } from '#forms/answer-text.ts'
import { evaluate } from '#forms/engine/index.ts'
import { isMarked, isTableAnswer } from '#forms/engine/values.ts'
import type { FormText } from '#forms/text.ts'
import type {
	Answer,
	Answers,
	ContactAnswer,
	FormContext,
	FormDefinition,
	Question,
	TableAnswer,
} from '#forms/types.ts'
import { compileForm } from '#forms/engine/compile.ts'
import type { ImportProblem } from './import.ts'

export type ChangeKind = 'unchanged' | 'added' | 'changed' | 'cleared'

/** One question of an upload compared with the report as it is now. */
export interface ImportDiffEntry {
	questionId: string
	sectionId: string
	change: ChangeKind
	current: Answer | undefined
	/** Undefined when the upload clears the answer. */
	incoming: Answer | undefined
	problems: ImportProblem[]
}

export interface ImportDiff {
	/** Questions the upload touches or has problems with, in form order. */
	entries: ImportDiffEntry[]
	/** What applying writes: changed questions only (`null` clears). */
	changes: { questionId: string; value: Answer | null }[]
	/** Problems outside any question's cells (e.g. formulas elsewhere). */
	otherProblems: ImportProblem[]
	/** Engine issues of the answers as they would be after applying, keyed by question. */
	issues: Record<string, ReturnType<typeof evaluate>['issues']>
	/** No problem at all, and something to change. */
	canApply: boolean
}

/**
 * Compares parsed template answers with the current ones: per question unchanged, added,
 * changed or cleared, the problems found in its cells, and the validation issues the report would
 * have after applying (an empty table and an absent one count as the same).
 */
export function diffImport(
	definition: FormDefinition,
	formContext: FormContext,
	current: Answers,
	parsed: { answers: Record<string, Answer | null>; problems: ImportProblem[] },
): ImportDiff {
	const entries: ImportDiffEntry[] = []
	const changes: ImportDiff['changes'] = []
	const merged: Answers = { ...current }
	for (const { sectionId, question } of compileForm(definition).questions) {
		const problems = parsed.problems.filter((problem) => problem.questionId === question.id)
		if (!(question.id in parsed.answers) && problems.length === 0) continue
		const before = current[question.id]
		const incoming =
			question.id in parsed.answers ? (parsed.answers[question.id] ?? undefined) : before
		const change = changeKind(question, before, incoming)
		entries.push({
			questionId: question.id,
			sectionId,
			change,
			current: before,
			incoming,
			problems,
		})
		if (change !== 'unchanged' && problems.length === 0) {
			changes.push({ questionId: question.id, value: incoming ?? null })
			if (incoming === undefined) delete merged[question.id]
			else merged[question.id] = incoming
		}
	}
	const evaluation = evaluate(definition, merged, formContext)
	const issues: ImportDiff['issues'] = {}
	for (const entry of entries)
		issues[entry.questionId] = evaluation.questions[entry.questionId]?.issues ?? []
	const otherProblems = parsed.problems.filter(
		(problem) => !entries.some((entry) => entry.questionId === problem.questionId),
	)
	return {
		entries,
		changes,
		otherProblems,
		issues,
		canApply: parsed.problems.length === 0 && changes.length > 0,
	}
}

function changeKind(
	question: Question,
	before: Answer | undefined,
	after: Answer | undefined,
): ChangeKind {
	const wasEmpty = isEmptyAnswer(question, before)
	const isEmpty = isEmptyAnswer(question, after)
	if (wasEmpty && isEmpty) return 'unchanged'
	if (wasEmpty) return 'added'
	if (isEmpty) return 'cleared'
	return isDeepStrictEqual(withoutEmptyCells(before), withoutEmptyCells(after))
		? 'unchanged'
		: 'changed'
}

/**
 * A table's rows without their empty cells: a blank cell reads back as no answer, so an empty
 * list (no transit country) and an absent cell are the same answer.
 */
function withoutEmptyCells(value: Answer | undefined): Answer | undefined {
	if (!isTableAnswer(value)) return value
	return {
		...value,
		rows: value.rows.map((row) => ({
			...row,
			cells: Object.fromEntries(
				Object.entries(row.cells).filter(
					([, cell]) =>
						cell !== undefined &&
						cell !== null &&
						cell !== '' &&
						!(Array.isArray(cell) && cell.length === 0),
				),
			),
		})),
	}
}

/** No value: absent, blank, an empty list or contact block, or a table without any answered cell. */
export function isEmptyAnswer(question: Question, value: Answer | undefined): boolean {
	if (value === undefined || value === null || value === '') return true
	if (isMarked(value)) return false
	if (Array.isArray(value)) return value.length === 0
	if (question.type === 'table') {
		if (!isTableAnswer(value)) return false
		const dimensions =
			question.rows.kind === 'fixed' ? question.rows.dimensions.map((d) => d.column) : []
		return value.rows.every((row) =>
			Object.entries(row.cells).every(
				([column, cell]) => dimensions.includes(column) || cell === undefined || cell === '',
			),
		)
	}
	if (question.type === 'contact') {
		return Object.values(value as ContactAnswer).every((field) => !field)
	}
	return false
}

/** Cell by cell differences of a table, as `row · column: before → after` lines. */
export function tableCellChanges(
	question: Question,
	before: Answer | undefined,
	after: Answer | undefined,
	text: FormText,
	limit = 20,
): { lines: string[]; more: number } {
	if (question.type !== 'table') return { lines: [], more: 0 }
	const rowsOf = (value: Answer | undefined) =>
		isTableAnswer(value) ? (value as TableAnswer).rows : []
	const beforeRows = new Map(rowsOf(before).map((row) => [row.id, row]))
	const afterRows = new Map(rowsOf(after).map((row) => [row.id, row]))
	const ids = [...new Set([...beforeRows.keys(), ...afterRows.keys()])]
	const lines: string[] = []
	let count = 0
	for (const id of ids) {
		const left = beforeRows.get(id)?.cells ?? {}
		const right = afterRows.get(id)?.cells ?? {}
		for (const column of question.columns) {
			if (isDeepStrictEqual(left[column.id], right[column.id])) continue
			count++
			if (lines.length >= limit) continue
			const key = `${question.id}.${column.id}`
			const show = (value: unknown) => valueText(column, key, value, text, { bracketMarkers: true })
			lines.push(`${id} · ${text.label(key)}: ${show(left[column.id])} → ${show(right[column.id])}`)
		}
	}
	return { lines, more: count - lines.length }
}
