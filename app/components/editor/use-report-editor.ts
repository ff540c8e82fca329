import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { flushSync } from 'react-dom'
import type { Answers, Evaluation, FormContext, FormDefinition } from '#forms/types.ts'
import type { SaveErrorResponse, SavePayload, SaveResponse } from '../../domain/save-protocol.ts'
import { AnswersStore } from './answers-store.ts'
import { DraftSync, type SendResult, type SyncState } from './draft-sync.ts'
import { loadedEngine, loadEngine } from './engine-loader.ts'
import { EvaluationStore } from './evaluation-store.ts'

async function postAnswers(reportId: string, payload: SavePayload): Promise<SendResult> {
	const body = JSON.stringify(payload)
	const response = await fetch(`/reports/${reportId}/answers`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
		body,
		keepalive: body.length < 60_000,
		credentials: 'same-origin',
	})
	let json: unknown = null
	try {
		json = await response.json()
	} catch {
		json = null
	}
	if (response.ok) return { ok: true, body: json as SaveResponse }
	return { ok: false, status: response.status, body: json as SaveErrorResponse | null }
}

type EditorInput = {
	reportId: string
	userId: string
	definition: FormDefinition
	formContext: FormContext
	answers: Answers
	/** The engine's evaluation of `answers`, made by the loader. */
	evaluation: Evaluation
	revisions: Record<string, number>
	revision: number
	editable: boolean
	/** Show every missing answer from the start (arriving from the checks page). */
	showMissing: boolean
}

function createDraftSync(input: EditorInput, answers: AnswersStore) {
	const { reportId } = input
	return new DraftSync({
		storageKey: `chemrep:draft:${reportId}:${input.userId}`,
		revision: input.revision,
		known: Object.fromEntries(
			Object.entries(input.answers).map(([id, value]) => [
				id,
				{ value, revision: input.revisions[id] ?? 0 },
			]),
		),
		getValue: (id) => answers.get(id),
		setValue: (id, value) => answers.set(id, value, 'sync'),
		// The server checks each answer against the engine's draft schema and names those it
		// refuses; the browser does not load the schemas (zod) for that.
		send: (payload) => postAnswers(reportId, payload),
		storage: typeof window === 'undefined' ? undefined : window.localStorage,
		isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
	})
}

/** Makes `create()` once per component, like a lazily initialised ref. */
function useOnce<T>(create: () => T): T {
	const ref = useRef<T | null>(null)
	ref.current ??= create()
	return ref.current
}

/**
 * Re-evaluates after changes, in a microtask after the event that made them (after React has
 * committed the keystroke, before the browser paints): the typed character, the issues and the
 * conditional questions it changes reach the screen in one frame. Evaluating one frame later, as
 * before, cost a second frame per key (layout, layerize and paint of the whole page) for a task of
 * about a millisecond (`evaluateChanges` recomputes only what depends on the answers changed since
 * the last evaluation). Changes made together (a paste, a restore) are evaluated once. Changes
 * made before the engine has loaded (`loadEngine`) are evaluated as soon as it has.
 */
function useEvaluationScheduler(
	input: EditorInput,
	answers: AnswersStore,
	store: EvaluationStore,
	sync: DraftSync,
) {
	const { definition, formContext, editable } = input
	useEffect(() => {
		const changed = new Set<string>()
		let scheduled = false
		let active = true
		const apply = (
			engine: NonNullable<ReturnType<typeof loadedEngine>>,
			ids: string[],
			render: 'now' | 'later',
		) => {
			const evaluation = engine.evaluateChanges(
				definition,
				store.evaluation,
				answers.answers,
				formContext,
				ids,
			)
			// Rendered now, not in a later task: the frame that shows the keystroke shows this too.
			if (render === 'now') flushSync(() => store.setEvaluation(evaluation))
			else store.setEvaluation(evaluation)
		}
		const reevaluate = (render: 'now' | 'later' = 'now') => {
			scheduled = false
			if (!active || changed.size === 0) return
			const engine = loadedEngine()
			if (!engine) {
				scheduled = true
				// Not loaded (offline, say): the next change tries again.
				loadEngine().then(
					() => reevaluate('later'),
					() => (scheduled = false),
				)
				return
			}
			const ids = [...changed]
			changed.clear()
			apply(engine, ids, render)
		}
		const unsubscribe = answers.onChange(({ questionId, rowId, source }) => {
			if (source === 'user' && editable) {
				sync.markDirty(questionId)
				store.touch(questionId)
				if (rowId !== undefined) store.touch(`${questionId}/${rowId}`)
			}
			changed.add(questionId)
			if (scheduled) return
			scheduled = true
			queueMicrotask(() => reevaluate())
		})
		return () => {
			unsubscribe()
			active = false
			if (changed.size === 0) return
			const ids = [...changed]
			const engine = loadedEngine()
			if (engine) apply(engine, ids, 'later')
			else
				loadEngine().then(
					(loaded) => apply(loaded, ids, 'later'),
					() => undefined,
				)
		}
	}, [answers, store, sync, definition, formContext, editable])
}

/** Saves on leaving, retries on coming back online, restores what a previous visit left unsaved. */
function useDraftLifecycle(sync: DraftSync, editable: boolean) {
	useEffect(() => {
		if (editable) sync.restore()
		const online = () => sync.online()
		const hidden = () => sync.persistNow()
		const beforeUnload = (event: BeforeUnloadEvent) => {
			sync.persistNow()
			if (!sync.hasUnsavedChanges()) return
			void sync.flush()
			event.preventDefault()
			event.returnValue = ''
		}
		window.addEventListener('online', online)
		window.addEventListener('beforeunload', beforeUnload)
		window.addEventListener('pagehide', hidden)
		document.addEventListener('visibilitychange', hidden)
		return () => {
			window.removeEventListener('pagehide', hidden)
			document.removeEventListener('visibilitychange', hidden)
			window.removeEventListener('online', online)
			window.removeEventListener('beforeunload', beforeUnload)
			void sync.flush()
			sync.dispose()
		}
	}, [sync, editable])
}

/**
 * The editor's state: the answers store holds the answers, the engine re-evaluates what a change
 * touches (from the loader's evaluation on), and `DraftSync` autosaves (the server checks each
 * answer before writing it).
 */
export function useReportEditor(input: EditorInput) {
	const answers = useOnce(() => new AnswersStore(input.answers))
	const store = useOnce(() => new EvaluationStore(input.evaluation, input.showMissing))
	const sync = useOnce(() => createDraftSync(input, answers))
	useEvaluationScheduler(input, answers, store, sync)
	useDraftLifecycle(sync, input.editable)
	const setAnswer = useCallback(
		(questionId: string, value: unknown) => answers.set(questionId, value),
		[answers],
	)
	const getAnswer = useCallback((questionId: string) => answers.get(questionId), [answers])
	return { answers, store, sync, setAnswer, getAnswer }
}

/**
 * Follows one part of the autosave state (`select` returns a primitive or a part of the state
 * object): the component re-renders when that part changes, not on every keystroke.
 */
export function useSyncState<T>(sync: DraftSync, select: (state: SyncState) => T): T {
	const snapshot = () => select(sync.state)
	return useSyncExternalStore(sync.subscribe, snapshot, snapshot)
}
