import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react'
import { useForm } from 'react-hook-form'
import { evaluate } from '#forms/engine/index.ts'
import type { Answers, FormContext, FormDefinition } from '#forms/types.ts'
import { validatePatch } from '../../domain/patch-validation.ts'
import type { SaveErrorResponse, SavePayload, SaveResponse } from '../../domain/save-protocol.ts'
import { DraftSync, type SendResult, type SyncState } from './draft-sync.ts'
import { EvaluationStore } from './evaluation-store.ts'
import { findQuestion } from './form-model.ts'

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

/** Runs `task` in a task of its own after the current frame is committed. */
function afterPaint(task: () => void) {
	const channel = new MessageChannel()
	channel.port1.onmessage = () => {
		channel.port1.close()
		task()
	}
	channel.port2.postMessage(null)
}

/**
 * The editor's state: react-hook-form holds the answers (validated by the engine's draft schema),
 * the engine re-evaluates visibility and issues on every change, and `DraftSync` autosaves.
 */
export function useReportEditor(input: {
	reportId: string
	userId: string
	definition: FormDefinition
	formContext: FormContext
	answers: Answers
	revisions: Record<string, number>
	revision: number
	editable: boolean
	/** Show every missing answer from the start (arriving from the checks page). */
	showMissing: boolean
}) {
	const { definition, formContext, reportId } = input
	// Values are checked against the engine's draft schema before each save (`validatePatch`);
	// what the user sees is the engine's evaluation, so the form itself needs no resolver.
	const form = useForm<Answers>({ defaultValues: input.answers })
	const storeRef = useRef<EvaluationStore | null>(null)
	storeRef.current ??= new EvaluationStore(
		evaluate(definition, input.answers, formContext),
		input.showMissing,
	)
	const store = storeRef.current
	const applying = useRef(false)
	const frame = useRef<number | null>(null)

	const applyValue = useCallback(
		(questionId: string, value: unknown) => {
			applying.current = true
			try {
				const question = findQuestion(definition, questionId)
				const isRows = typeof value === 'object' && value !== null && 'rows' in value
				if (question?.type === 'table' && isRows) {
					form.setValue(`${questionId}.rows` as never, (value as { rows: unknown }).rows as never)
				} else {
					form.setValue(questionId, (value ?? undefined) as never)
				}
			} finally {
				applying.current = false
			}
		},
		[definition, form],
	)

	const syncRef = useRef<DraftSync | null>(null)
	if (syncRef.current === null) {
		syncRef.current = new DraftSync({
			storageKey: `chemrep:draft:${reportId}:${input.userId}`,
			revision: input.revision,
			known: Object.fromEntries(
				Object.entries(input.answers).map(([id, value]) => [
					id,
					{ value, revision: input.revisions[id] ?? 0 },
				]),
			),
			getValue: (id) => form.getValues(id),
			setValue: applyValue,
			send: async (payload) => {
				const errors = validatePatch(definition, payload.changes)
				if (errors.length > 0) {
					return {
						ok: false,
						status: 400,
						body: { error: 'invalid', message: 'save.errors.invalid', errors },
					}
				}
				return postAnswers(reportId, payload)
			},
			storage: typeof window === 'undefined' ? undefined : window.localStorage,
			isOnline: () => (typeof navigator === 'undefined' ? true : navigator.onLine),
		})
	}
	const sync = syncRef.current

	const reevaluate = useCallback(() => {
		frame.current = null
		store.setEvaluation(evaluate(definition, form.getValues(), formContext))
	}, [definition, form, formContext, store])

	// The engine runs once per frame, right after the frame that shows the keystroke: the typed
	// character is painted first, and issues and conditional questions follow one frame later.
	const scheduleEvaluation = useCallback(() => {
		if (frame.current !== null) return
		frame.current = requestAnimationFrame(() => afterPaint(reevaluate))
	}, [reevaluate])

	useEffect(() => {
		// Only the changed field's name is needed. `form.subscribe({ formState: { values: true } })`
		// would deep-copy every answer of the report on each keystroke to hand them over, so the
		// editor listens to the form's state stream (react-hook-form is pinned in package.json):
		// typing arrives as `change` events, `setValue` and row operations carry `values`.
		const { unsubscribe } = form.control._subjects.state.subscribe({
			next: ({ name, type, ...rest }) => {
				if (type !== 'change' && !('values' in rest)) return
				if (name && !applying.current && input.editable) {
					const [questionId, part, index] = name.split('.') as [string, string?, string?]
					sync.markDirty(questionId)
					store.touch(questionId)
					if (part === 'rows' && index !== undefined) {
						const rowId = form.getValues(`${questionId}.rows.${index}.id` as never) as unknown
						if (typeof rowId === 'string') store.touch(`${questionId}/${rowId}`)
					}
				}
				scheduleEvaluation()
			},
		})
		return () => {
			unsubscribe()
			if (frame.current !== null) cancelAnimationFrame(frame.current)
			frame.current = null
		}
	}, [form, sync, scheduleEvaluation, input.editable, store])

	useEffect(() => {
		if (input.editable) sync.restore()
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
	}, [sync, input.editable])

	const setAnswer = useCallback(
		(questionId: string, value: unknown) => {
			const question = findQuestion(definition, questionId)
			const isRows = typeof value === 'object' && value !== null && 'rows' in value
			if (question?.type === 'table' && isRows) {
				form.setValue(`${questionId}.rows` as never, (value as { rows: unknown }).rows as never, {
					shouldDirty: true,
				})
			} else {
				form.setValue(questionId, (value ?? undefined) as never, { shouldDirty: true })
			}
		},
		[definition, form],
	)

	const getAnswer = useCallback((questionId: string) => form.getValues(questionId), [form])

	return { form, store, sync, setAnswer, getAnswer }
}

/**
 * Follows one part of the autosave state (`select` returns a primitive or a part of the state
 * object): the component re-renders when that part changes, not on every keystroke.
 */
export function useSyncState<T>(sync: DraftSync, select: (state: SyncState) => T): T {
	const snapshot = () => select(sync.state)
	return useSyncExternalStore(sync.subscribe, snapshot, snapshot)
}
