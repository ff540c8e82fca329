import { createContext, useContext } from 'react'
import type { CodeListSearchTerms } from '#forms/codelists/search.ts'
import type { FormText } from '#forms/text-core.ts'
import type { FormContext, FormDefinition, Issue } from '#forms/types.ts'
import type { OfferView } from '../../domain/reuse-offer-view.ts'
import type { ThreadData } from '../review/threads.tsx'
import type { AnswersStore } from './answers-store.ts'
import type { DraftSync } from './draft-sync.ts'
import { issueKeyOf, useStoreSlice, type EvaluationStore } from './evaluation-store.ts'
import { summarizeProgress, type ProgressSummary } from './form-model.ts'

export type AttachmentInfo = { id: string; questionId: string; fileName: string; sizeBytes: number }

/** What does not change while typing; the engine's evaluation lives in `store`. */
export type EditorContextValue = {
	reportId: string
	definition: FormDefinition
	formContext: FormContext
	text: FormText
	/**
	 * What pickers search code-list entries by besides their label (English names, other names
	 * such as "Ivory Coast" or "PFOS", CAS numbers), from the server.
	 */
	searchTerms: CodeListSearchTerms
	/** The answers as edited (unsaved changes included). */
	answers: AnswersStore
	store: EvaluationStore
	/** The autosave: answers it could not save are shown under their question. */
	sync: DraftSync
	editable: boolean
	attachments: AttachmentInfo[]
	setAttachments: (update: (current: AttachmentInfo[]) => AttachmentInfo[]) => void
	/** Sets a whole answer as the user's change (autosaved). */
	setAnswer: (questionId: string, value: unknown) => void
	/** The current (unsaved or saved) answer, read without subscribing to it. */
	getAnswer: (questionId: string) => unknown
	/** Number of open review threads per question (shown next to questions). */
	threadCounts: Record<string, number>
	/** Review threads by question, as this user may see them. */
	threads: Record<string, ThreadData[]>
	/** Reviewers start, resolve and reopen threads. */
	canModerateThreads: boolean
	/** "Report once": answers from the Party's other submissions, by the question they fit. */
	offers: Record<string, OfferView[]>
}

const EditorContext = createContext<EditorContextValue | null>(null)

export const EditorProvider = EditorContext.Provider

export function useEditor() {
	const value = useContext(EditorContext)
	if (!value) throw new Error('useEditor must be used inside <EditorProvider>')
	return value
}

/** The issues of a question (or one of its table rows) that are shown inline right now. */
export function useVisibleIssues(questionId: string, rowId?: string): Issue[] {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => {
		const issues = s.issuesAt(questionId, rowId).filter((issue) => s.shows(issue))
		return { key: issues.map(issueKeyOf).join('|'), value: issues }
	})
}

/** The issues of a table as a whole (not of its rows) that are shown right now. */
export function useTableIssues(questionId: string): Issue[] {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => {
		const issues = s.tableIssuesAt(questionId).filter((issue) => s.shows(issue))
		return { key: issues.map(issueKeyOf).join('|'), value: issues }
	})
}

/** Visible and required, for one question. */
export function useQuestionState(questionId: string) {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => {
		const state = s.evaluation.questions[questionId]
		const visible = state?.visible !== false
		const required = state?.required === true
		return { key: `${visible ? 1 : 0}${required ? 1 : 0}`, value: { visible, required } }
	})
}

/** Whether a table cell is shown (a per-row condition may hide it) and shows an error. */
export function useCellState(questionId: string, rowId: string, columnId: string) {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => {
		const visible = s.evaluation.cells[questionId]?.[rowId]?.[columnId]?.visible !== false
		const error = s
			.issuesAt(questionId, rowId, columnId)
			.some((issue) => issue.severity === 'error' && s.shows(issue))
		return { key: `${visible ? 1 : 0}${error ? 1 : 0}`, value: { visible, error } }
	})
}

const NO_ROWS: ReadonlySet<string> = new Set()

/** Ids of a fixed table's rows that are not asked now (rows `visibleIf`, see the engine). */
export function useHiddenRows(questionId: string): ReadonlySet<string> {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => {
		const hidden = s.evaluation.hiddenRows[questionId]
		if (!hidden?.length) return { key: '', value: NO_ROWS }
		return { key: hidden.join('\n'), value: new Set(hidden) }
	})
}

/** Completeness and issue counts per section; re-renders only when a shown figure changes. */
export function useProgress(): ProgressSummary {
	const { store, definition } = useEditor()
	return useStoreSlice(store, (s) => {
		const summary = summarizeProgress(definition, s.evaluation)
		return { key: JSON.stringify(summary), value: summary }
	})
}

/** Which sections are shown (conditions may hide whole sections). */
export function useSectionVisibility(): Record<string, boolean> {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => {
		const visible = Object.fromEntries(
			Object.entries(s.evaluation.sections).map(([id, section]) => [id, section.visible !== false]),
		)
		return { key: JSON.stringify(visible), value: visible }
	})
}

export function useShowMissing(): boolean {
	const { store } = useEditor()
	return useStoreSlice(store, (s) => ({ key: s.showMissing ? '1' : '0', value: s.showMissing }))
}
