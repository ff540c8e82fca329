import { useCallback, useSyncExternalStore } from 'react'
import type { CellValue } from '#forms/types.ts'
import type { AnswersStore } from './answers-store.ts'
import { useEditor } from './editor-context.tsx'

/**
 * What `read` takes from the answers store, following one question: the component re-renders when
 * a change of that answer changes what `read` returns (compared with `Object.is`).
 */
function useFromAnswer<T>(questionId: string, read: (answers: AnswersStore) => T): T {
	const { answers } = useEditor()
	const subscribe = useCallback(
		(notify: () => void) => answers.subscribe(questionId, notify),
		[answers, questionId],
	)
	const snapshot = () => read(answers)
	return useSyncExternalStore(subscribe, snapshot, snapshot)
}

/**
 * One answer of the editor's answers store: its value, and `onChange`, which records a change as
 * typing does (dirty state, autosave, evaluation). Re-renders when this answer changes only.
 */
export function useAnswerField<T = unknown>(questionId: string) {
	const { answers } = useEditor()
	const value = useFromAnswer(questionId, (store) => store.get(questionId) as T | undefined)
	const onChange = useCallback(
		(next: T | undefined) => answers.set(questionId, next),
		[answers, questionId],
	)
	return { value, onChange }
}

/** Something derived from one answer (a table's marker): re-renders when it changes. */
export function useAnswerSlice<T>(questionId: string, select: (value: unknown) => T): T {
	return useFromAnswer(questionId, (store) => select(store.get(questionId)))
}

/** The ids of a table's rows: re-renders when rows are added or removed, not on cell changes. */
export function useRowIds(questionId: string): readonly string[] {
	return useFromAnswer(questionId, (store) => store.rowIds(questionId))
}

/** One cell of a table answer: re-renders when that cell changes only (not on other cells). */
export function useCellField(questionId: string, rowId: string, columnId: string) {
	const { answers } = useEditor()
	const subscribe = useCallback(
		(notify: () => void) => answers.subscribeCell(questionId, rowId, columnId, notify),
		[answers, questionId, rowId, columnId],
	)
	const read = useCallback(
		() => answers.getCell(questionId, rowId, columnId),
		[answers, questionId, rowId, columnId],
	)
	const value = useSyncExternalStore(subscribe, read, read)
	const onChange = useCallback(
		(next: CellValue | null | undefined) => answers.setCell(questionId, rowId, columnId, next),
		[answers, questionId, rowId, columnId],
	)
	return { value, onChange }
}
