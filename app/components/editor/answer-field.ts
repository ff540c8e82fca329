import { useCallback, useSyncExternalStore } from 'react'
import type { CellValue } from '#forms/types.ts'
import { useEditor } from './editor-context.tsx'

/**
 * One answer of the editor's answers store: its value, and `onChange`, which records a change as
 * typing does (dirty state, autosave, evaluation). Re-renders when this answer changes only.
 */
export function useAnswerField<T = unknown>(questionId: string) {
	const { answers } = useEditor()
	const subscribe = useCallback(
		(notify: () => void) => answers.subscribe(questionId, notify),
		[answers, questionId],
	)
	const read = useCallback(() => answers.get(questionId) as T | undefined, [answers, questionId])
	const value = useSyncExternalStore(subscribe, read, read)
	const onChange = useCallback(
		(next: T | undefined) => answers.set(questionId, next),
		[answers, questionId],
	)
	return { value, onChange }
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

/** Something derived from one answer (a table's row ids, its marker): re-renders when it changes. */
export function useAnswerSlice<T>(questionId: string, select: (value: unknown) => T): T {
	const { answers } = useEditor()
	const subscribe = useCallback(
		(notify: () => void) => answers.subscribe(questionId, notify),
		[answers, questionId],
	)
	const read = () => select(answers.get(questionId))
	return useSyncExternalStore(subscribe, read, read)
}

/** The ids of a table's rows: re-renders when rows are added or removed, not on cell changes. */
export function useRowIds(questionId: string): readonly string[] {
	const { answers } = useEditor()
	const subscribe = useCallback(
		(notify: () => void) => answers.subscribe(questionId, notify),
		[answers, questionId],
	)
	const read = useCallback(() => answers.rowIds(questionId), [answers, questionId])
	return useSyncExternalStore(subscribe, read, read)
}
