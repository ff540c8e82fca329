import { useCallback, useRef, useSyncExternalStore } from 'react'
import type { Evaluation, Issue } from '#forms/types.ts'

type IssueIndex = {
	all: Issue[]
	/** Those of no row: the question's own, or a table's as a whole. */
	own: Issue[]
	byRow: Map<string, Issue[]>
	byCell: Map<string, Issue[]>
}

const NO_ISSUES: Issue[] = []

function pushTo(map: Map<string, Issue[]>, key: string, issue: Issue) {
	const list = map.get(key)
	if (list) list.push(issue)
	else map.set(key, [issue])
}

function indexIssues(issues: Issue[]): IssueIndex {
	const index: IssueIndex = { all: issues, own: [], byRow: new Map(), byCell: new Map() }
	for (const issue of issues) {
		if (issue.rowId === undefined) {
			index.own.push(issue)
			continue
		}
		pushTo(index.byRow, issue.rowId, issue)
		if (issue.columnId !== undefined)
			pushTo(index.byCell, `${issue.rowId}/${issue.columnId}`, issue)
	}
	return index
}

/**
 * The engine's latest evaluation, outside React state: each question, row and cell subscribes to
 * its own slice, so a keystroke re-renders the cell typed in and whatever its answer changed
 * (an issue, a question appearing), never the whole section.
 */
export class EvaluationStore {
	#evaluation: Evaluation
	/** Issues by question, row and cell, built on first use after each evaluation. */
	#issueIndex = new Map<string, IssueIndex>()
	#touched = new Set<string>()
	#showMissing: boolean
	#listeners = new Set<() => void>()
	#version = 0

	constructor(evaluation: Evaluation, showMissing: boolean) {
		this.#evaluation = evaluation
		this.#showMissing = showMissing
	}

	subscribe = (listener: () => void) => {
		this.#listeners.add(listener)
		return () => this.#listeners.delete(listener)
	}

	get evaluation() {
		return this.#evaluation
	}

	get version() {
		return this.#version
	}

	#notify() {
		this.#version++
		for (const listener of this.#listeners) listener()
	}

	setEvaluation(evaluation: Evaluation) {
		this.#evaluation = evaluation
		this.#issueIndex.clear()
		this.#notify()
	}

	#indexOf(questionId: string) {
		let index = this.#issueIndex.get(questionId)
		if (!index) {
			index = indexIssues(this.#evaluation.questions[questionId]?.issues ?? NO_ISSUES)
			this.#issueIndex.set(questionId, index)
		}
		return index
	}

	/** The issues of a question, of one of its table rows, or of one cell. */
	issuesAt(questionId: string, rowId?: string, columnId?: string): Issue[] {
		const index = this.#indexOf(questionId)
		if (rowId === undefined) return index.all
		const found =
			columnId === undefined ? index.byRow.get(rowId) : index.byCell.get(`${rowId}/${columnId}`)
		return found ?? NO_ISSUES
	}

	/**
	 * The issues of a table as a whole (too few rows, a total), not of its rows: what the table
	 * itself shows, so a keystroke that changes a row's issue re-renders that row, not the table.
	 */
	tableIssuesAt(questionId: string): Issue[] {
		return this.#indexOf(questionId).own
	}

	/**
	 * A question (or a table row, `questionId/rowId`) the user changed in this session. Shown with
	 * the next evaluation, which every change schedules.
	 */
	touch(key: string) {
		this.#touched.add(key)
	}

	setShowMissing(show: boolean) {
		this.#showMissing = show
		this.#notify()
	}

	get showMissing() {
		return this.#showMissing
	}

	/**
	 * "An answer is required" appears only once the question (or row) was touched in this session,
	 * or when the user asked to see everything still missing; other issues always show.
	 */
	shows(issue: Issue) {
		if (this.#showMissing || issue.messageKey !== 'required') return true
		return this.#touched.has(issue.rowId ? `${issue.questionId}/${issue.rowId}` : issue.questionId)
	}
}

/**
 * Subscribes to a slice of the store. `select` runs on every change; the component re-renders only
 * when the slice's `key` (a short string describing it) changes.
 */
export function useStoreSlice<T>(
	store: EvaluationStore,
	select: (store: EvaluationStore) => { key: string; value: T },
): T {
	const cache = useRef<{ key: string; value: T } | null>(null)
	const selectRef = useRef(select)
	selectRef.current = select
	const getSnapshot = useCallback(() => {
		const next = selectRef.current(store)
		if (cache.current && cache.current.key === next.key) return cache.current
		cache.current = next
		return next
	}, [store])
	return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot).value
}

export function issueKeyOf(issue: Issue) {
	return `${issue.severity}/${issue.messageKey}/${issue.rowId ?? ''}/${issue.columnId ?? issue.field ?? ''}/${JSON.stringify(issue.params ?? '')}`
}
