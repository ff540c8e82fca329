import type { Answers, CellValue, TableRow } from '#forms/types.ts'

/** Who made a change: the user (autosaved) or the autosave itself (server updates, restores). */
export type ChangeSource = 'user' | 'sync'

/** One change of the answers: a whole question, or one row of a table (a cell, a new row). */
export type AnswerChange = { questionId: string; rowId?: string; source: ChangeSource }

type Listener = () => void

const NO_ROWS: readonly TableRow[] = Object.freeze([])

function rowsOf(value: unknown): readonly TableRow[] {
	const rows = (value as { rows?: unknown } | null | undefined)?.rows
	return Array.isArray(rows) ? (rows as TableRow[]) : NO_ROWS
}

function cellKey(questionId: string, rowId: string, columnId: string) {
	return `${rowId}\n${columnId}\n${questionId}`
}

/**
 * The report's answers while it is edited. Answers are replaced, never mutated, so `answers` is a
 * new object after every change and unchanged answers keep their identity (the engine's
 * incremental evaluation and `useSyncExternalStore` rely on both).
 *
 * Listeners are keyed: a question's listeners hear every change of its answer, a cell's listeners
 * only the changes that can touch that cell. A keystroke in a table cell (`setCell`) therefore
 * re-renders that cell alone; replacing a whole answer (`set`) reaches all of its cells.
 */
export class AnswersStore {
	#answers: Answers
	readonly #questionListeners = new Map<string, Set<Listener>>()
	/** Cell listeners by question, then by cell key. */
	readonly #cellListeners = new Map<string, Map<string, Set<Listener>>>()
	readonly #changeListeners = new Set<(change: AnswerChange) => void>()
	readonly #rowIds = new Map<string, readonly string[]>()

	constructor(answers: Answers) {
		this.#answers = { ...answers }
	}

	/** All answers now (a new object after each change). */
	get answers(): Answers {
		return this.#answers
	}

	get(questionId: string): unknown {
		return this.#answers[questionId]
	}

	getCell(questionId: string, rowId: string, columnId: string): CellValue | undefined {
		return rowsOf(this.#answers[questionId]).find((row) => row.id === rowId)?.cells[columnId]
	}

	/** The ids of a table's rows, in order; the same array until rows are added or removed. */
	rowIds(questionId: string): readonly string[] {
		let ids = this.#rowIds.get(questionId)
		if (!ids) {
			ids = rowsOf(this.#answers[questionId]).map((row) => row.id)
			this.#rowIds.set(questionId, ids)
		}
		return ids
	}

	/** The rows of a table answer (none when it has none, or is marked). */
	rows(questionId: string): readonly TableRow[] {
		return rowsOf(this.#answers[questionId])
	}

	/** Replaces a whole answer; `null` and `undefined` remove it. */
	set(questionId: string, value: unknown, source: ChangeSource = 'user') {
		this.#replace(questionId, value ?? undefined)
		this.#rowIds.delete(questionId)
		this.#notifyQuestion(questionId, true)
		this.#emit({ questionId, source })
	}

	/** Sets one cell of an existing row; `null` and `undefined` empty it. */
	setCell(
		questionId: string,
		rowId: string,
		columnId: string,
		value: CellValue | null | undefined,
	) {
		const answer = this.#answers[questionId] as { rows?: unknown }
		const rows = rowsOf(answer)
		const index = rows.findIndex((row) => row.id === rowId)
		if (index < 0) return
		const row = rows[index]!
		const cells = { ...row.cells }
		if (value === null || value === undefined) delete cells[columnId]
		else cells[columnId] = value
		const nextRows = rows.slice()
		nextRows[index] = { ...row, cells }
		this.#replace(questionId, { ...answer, rows: nextRows })
		this.#notifyCell(questionId, cellKey(questionId, rowId, columnId))
		this.#notifyQuestion(questionId, false)
		this.#emit({ questionId, rowId, source: 'user' })
	}

	appendRow(questionId: string, row: TableRow) {
		const answer = this.#answers[questionId] as { rows?: unknown } | undefined
		this.#replace(questionId, { ...answer, rows: [...rowsOf(answer), row] })
		this.#rowIds.delete(questionId)
		this.#notifyQuestion(questionId, false)
		this.#emit({ questionId, source: 'user' })
	}

	removeRow(questionId: string, rowId: string) {
		const answer = this.#answers[questionId] as { rows?: unknown } | undefined
		const rows = rowsOf(answer)
		if (!rows.some((row) => row.id === rowId)) return
		this.#replace(questionId, { ...answer, rows: rows.filter((row) => row.id !== rowId) })
		this.#rowIds.delete(questionId)
		this.#notifyQuestion(questionId, false)
		this.#emit({ questionId, source: 'user' })
	}

	/** Hears every change of one answer (its cells included). Returns the unsubscribe function. */
	subscribe(questionId: string, listener: Listener): () => void {
		return addTo(this.#questionListeners, questionId, listener)
	}

	/** Hears the changes that can touch one cell. Returns the unsubscribe function. */
	subscribeCell(questionId: string, rowId: string, columnId: string, listener: Listener) {
		let cells = this.#cellListeners.get(questionId)
		if (!cells) {
			cells = new Map()
			this.#cellListeners.set(questionId, cells)
		}
		return addTo(cells, cellKey(questionId, rowId, columnId), listener)
	}

	/** Hears every change, after the listeners of what changed. Returns the unsubscribe function. */
	onChange(listener: (change: AnswerChange) => void): () => void {
		this.#changeListeners.add(listener)
		return () => {
			this.#changeListeners.delete(listener)
		}
	}

	#replace(questionId: string, value: unknown) {
		const next = { ...this.#answers }
		if (value === undefined) delete next[questionId]
		else next[questionId] = value as Answers[string]
		this.#answers = next
	}

	#notifyQuestion(questionId: string, cellsToo: boolean) {
		for (const listener of [...(this.#questionListeners.get(questionId) ?? [])]) listener()
		if (!cellsToo) return
		for (const listeners of [...(this.#cellListeners.get(questionId)?.values() ?? [])])
			for (const listener of [...listeners]) listener()
	}

	#notifyCell(questionId: string, key: string) {
		const listeners = this.#cellListeners.get(questionId)?.get(key)
		for (const listener of [...(listeners ?? [])]) listener()
	}

	#emit(change: AnswerChange) {
		for (const listener of [...this.#changeListeners]) listener(change)
	}
}

function addTo(map: Map<string, Set<Listener>>, key: string, listener: Listener) {
	let listeners = map.get(key)
	if (!listeners) {
		listeners = new Set()
		map.set(key, listeners)
	}
	listeners.add(listener)
	return () => {
		listeners.delete(listener)
		if (listeners.size === 0 && map.get(key) === listeners) map.delete(key)
	}
}
