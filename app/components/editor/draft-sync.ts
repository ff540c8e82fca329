import { sameValue } from '../../domain/canonical.ts'
import type {
	AnswerUpdate,
	Conflict,
	SaveErrorResponse,
	SavePayload,
	SaveResponse,
} from '../../domain/save-protocol.ts'
import { MAX_CHANGES_PER_SAVE } from '../../domain/save-protocol.ts'

/**
 * Keeps the editor's answers in sync with the server without ever losing a keystroke.
 *
 * - Every change marks its question dirty and is written to browser storage within a quarter of a
 *   second (at once when the page is hidden or closed), so a crash, reload or closed tab loses
 *   nothing: `restore()` puts unsaved values back on the next load.
 * - Dirty questions are saved as per-question patches about 1 s after the last change, and at
 *   most 2 s after the first unsaved one, even while the user keeps typing.
 * - A failed save keeps the changes and retries with exponential backoff (1 s … 30 s); going
 *   back online retries at once.
 * - Answers others saved meanwhile are applied to questions that are not being edited; when both
 *   changed the same answer, the server reports a conflict and the user picks a value.
 * - Answers the server refuses (400 naming the questions: an impossible date, text it cannot
 *   store…) stay as typed, in the form and in storage, with the server's message; the other
 *   answers of that save are sent again at once without them. A refused answer is sent again once
 *   the user changes it.
 */

export type SyncStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'failed' | 'locked'

export type SyncState = {
	status: SyncStatus
	dirtyCount: number
	lastSavedAt: number | null
	conflicts: Conflict[]
	/** Answers the server refused, kept unsaved until changed, with the server's message key. */
	refused: Refusal[]
	error: string | null
	/** Milliseconds until the next automatic retry, when one is scheduled. */
	retryInMs: number | null
}

export type SendResult =
	| { ok: true; body: SaveResponse }
	| { ok: false; status: number; body: SaveErrorResponse | null }
	| { ok: false; status: 0; body: null }

export type Refusal = { questionId: string; message: string }

type Known = { value: unknown; revision: number }

type Stored = {
	version: 1
	savedAt: number
	dirty: Record<string, { value: unknown; base: Known }>
}

export type DraftSyncOptions = {
	storageKey: string
	revision: number
	known: Record<string, Known>
	getValue: (questionId: string) => unknown
	/** Sets a value in the form without marking it dirty (server updates, conflict resolution). */
	setValue: (questionId: string, value: unknown) => void
	send: (payload: SavePayload) => Promise<SendResult>
	storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
	isOnline?: () => boolean
	debounceMs?: number
	maxWaitMs?: number
	/** Keystrokes within this window are written to storage together (default 250 ms). */
	persistMs?: number
	timers?: {
		set: (fn: () => void, ms: number) => unknown
		clear: (id: unknown) => void
		now: () => number
	}
}

const MAX_BACKOFF_MS = 30_000

function normalise(value: unknown) {
	return value === undefined ? null : value
}

export class DraftSync {
	readonly #options: DraftSyncOptions
	readonly #known = new Map<string, Known>()
	readonly #dirty = new Set<string>()
	#sinceRevision: number
	#state: SyncState = {
		status: 'saved',
		dirtyCount: 0,
		lastSavedAt: null,
		conflicts: [],
		refused: [],
		error: null,
		retryInMs: null,
	}
	#timer: unknown = null
	#persistTimer: unknown = null
	#firstDirtyAt: number | null = null
	#inFlight: Promise<void> | null = null
	#failures = 0
	#locked = false
	readonly #listeners = new Set<() => void>()

	constructor(options: DraftSyncOptions) {
		this.#options = options
		this.#sinceRevision = options.revision
		for (const [id, known] of Object.entries(options.known)) this.#known.set(id, known)
	}

	get state() {
		return this.#state
	}

	/** Called after every change of `state`. Returns the unsubscribe function. */
	subscribe = (listener: () => void) => {
		this.#listeners.add(listener)
		return () => {
			this.#listeners.delete(listener)
		}
	}

	/**
	 * Whether anything typed is not saved yet. Questions typed back to their saved value are not, and
	 * are forgotten here.
	 */
	hasUnsavedChanges() {
		this.#dropUnchanged()
		return this.#dirty.size > 0
	}

	get revision() {
		return this.#sinceRevision
	}

	#timers() {
		return (
			this.#options.timers ?? {
				set: (fn: () => void, ms: number) => setTimeout(fn, ms),
				clear: (id: unknown) => clearTimeout(id as ReturnType<typeof setTimeout>),
				now: () => Date.now(),
			}
		)
	}

	#update(patch: Partial<SyncState>) {
		this.#state = { ...this.#state, ...patch, dirtyCount: this.#dirty.size }
		for (const listener of this.#listeners) listener()
	}

	/** Puts back what a previous page load could not save. Returns the questions restored. */
	restore(): string[] {
		const raw = this.#options.storage?.getItem(this.#options.storageKey)
		if (!raw) return []
		let stored: Stored
		try {
			stored = JSON.parse(raw) as Stored
		} catch {
			this.#options.storage?.removeItem(this.#options.storageKey)
			return []
		}
		if (stored.version !== 1 || typeof stored.dirty !== 'object') return []
		const restored: string[] = []
		for (const [questionId, entry] of Object.entries(stored.dirty)) {
			const known = this.#known.get(questionId)
			if (sameValue(normalise(known?.value), normalise(entry.value))) continue
			// Keep the base the value was typed against, so the server can merge or flag a conflict.
			if (!known || known.revision >= entry.base.revision) this.#known.set(questionId, entry.base)
			this.#options.setValue(questionId, entry.value)
			this.#dirty.add(questionId)
			restored.push(questionId)
		}
		if (restored.length > 0) {
			this.#persist()
			this.#schedule(0)
		}
		return restored
	}

	/**
	 * Call after the user changed anything inside a question. Nothing is compared here: comparing a
	 * whole table on every keystroke is the costly part of typing in a big one. A question typed
	 * back to its saved value is dropped when the save is prepared.
	 */
	markDirty(questionId: string) {
		if (this.#locked) return
		this.#dirty.add(questionId)
		if (this.#isRefused(questionId)) this.#forgetRefusal(questionId)
		this.#persistSoon()
		this.#firstDirtyAt ??= this.#timers().now()
		if (this.#state.status === 'saved' || this.#onlyRefused()) this.#update({ status: 'pending' })
		const waited = this.#timers().now() - this.#firstDirtyAt
		const maxWait = this.#options.maxWaitMs ?? 2_000
		const debounce = this.#options.debounceMs ?? 1_000
		if (this.#failures === 0) this.#schedule(Math.max(0, Math.min(debounce, maxWait - waited)))
	}

	/** Forgets dirty questions whose value is back to what the server has. */
	#dropUnchanged() {
		for (const questionId of [...this.#dirty]) {
			if (this.#state.conflicts.some((c) => c.questionId === questionId)) continue
			const known = this.#known.get(questionId)
			if (sameValue(normalise(known?.value), normalise(this.#options.getValue(questionId)))) {
				this.#dirty.delete(questionId)
				if (this.#isRefused(questionId)) this.#forgetRefusal(questionId)
			}
		}
	}

	/**
	 * Dirty questions that can be saved now (conflicts wait for the user's choice, refused answers
	 * for the user's change).
	 */
	#saveable() {
		return [...this.#dirty].filter(
			(id) => !this.#state.conflicts.some((c) => c.questionId === id) && !this.#isRefused(id),
		)
	}

	#isRefused(questionId: string) {
		return this.#state.refused.some((r) => r.questionId === questionId)
	}

	#forgetRefusal(questionId: string) {
		const refused = this.#state.refused.filter((r) => r.questionId !== questionId)
		this.#update({
			refused,
			...(refused.length === 0 && this.#state.error === 'save.errors.refused'
				? { error: null }
				: {}),
		})
	}

	/** Failed only because answers were refused (no failed request waits for a retry). */
	#onlyRefused() {
		return this.#state.status === 'failed' && this.#failures === 0
	}

	/** The status once nothing is in flight: refused answers are not "saved". */
	#restingStatus(): SyncStatus {
		if (this.#saveable().length > 0) return 'pending'
		return this.#state.refused.length > 0 ? 'failed' : 'saved'
	}

	/** Saves now (e.g. on "retry", when coming back online, or before navigating). */
	flush(): Promise<void> {
		this.#clearTimer()
		if (this.#inFlight) {
			return this.#inFlight.then(() => (this.#saveable().length > 0 ? this.flush() : undefined))
		}
		if (this.#locked) return Promise.resolve()
		this.#dropUnchanged()
		if (this.#saveable().length === 0) {
			this.#firstDirtyAt = null
			this.#persist()
			if (this.#state.status === 'pending' || this.#onlyRefused())
				this.#update({ status: this.#restingStatus() })
			return Promise.resolve()
		}
		this.#inFlight = this.#save().finally(() => {
			this.#inFlight = null
		})
		return this.#inFlight
	}

	/** The user chose a value for a conflicting question. */
	resolveConflict(questionId: string, choice: 'mine' | 'theirs') {
		const conflict = this.#state.conflicts.find((c) => c.questionId === questionId)
		if (!conflict) return
		this.#known.set(questionId, { value: conflict.theirs, revision: conflict.theirsRevision })
		if (choice === 'theirs') {
			this.#options.setValue(questionId, conflict.theirs)
			this.#dirty.delete(questionId)
		} else {
			this.#options.setValue(questionId, conflict.yours)
			this.#dirty.add(questionId)
		}
		this.#persist()
		const conflicts = this.#state.conflicts.filter((c) => c.questionId !== questionId)
		this.#update({ conflicts })
		if (choice === 'mine') this.#schedule(0)
	}

	/**
	 * Answers the server wrote at the user's request outside the autosave (an answer taken from
	 * another report, "report once"): shown, and known at their revision, so the next save of the
	 * question starts from them. They replace whatever was typed there and not saved yet: the user
	 * chose them. The revision the autosave asks changes from is left alone, so the next save still
	 * brings what others wrote meanwhile.
	 */
	receive(updates: readonly AnswerUpdate[]) {
		for (const update of updates) {
			this.#known.set(update.questionId, { value: update.value, revision: update.revision })
			this.#dirty.delete(update.questionId)
			this.#options.setValue(update.questionId, update.value)
			if (this.#isRefused(update.questionId)) this.#forgetRefusal(update.questionId)
		}
		this.#persist()
		if (this.#saveable().length === 0) this.#firstDirtyAt = null
		if (!this.#inFlight) this.#update({ status: this.#restingStatus() })
	}

	/** Browser came back online: retry without waiting for the backoff. */
	online() {
		if (this.#saveable().length > 0) {
			this.#failures = 0
			void this.flush()
		}
	}

	/** Writes unsaved changes to storage now (the page is being hidden or closed). */
	persistNow() {
		if (this.#persistTimer === null) return
		this.#timers().clear(this.#persistTimer)
		this.#persist()
	}

	dispose() {
		this.persistNow()
		this.#clearTimer()
	}

	#persistSoon() {
		if (this.#persistTimer !== null) return
		this.#persistTimer = this.#timers().set(() => this.#persist(), this.#options.persistMs ?? 250)
	}

	#clearTimer() {
		if (this.#timer !== null) this.#timers().clear(this.#timer)
		this.#timer = null
	}

	#schedule(ms: number) {
		this.#clearTimer()
		this.#timer = this.#timers().set(() => {
			this.#timer = null
			void this.flush()
		}, ms)
	}

	#persist() {
		if (this.#persistTimer !== null) this.#timers().clear(this.#persistTimer)
		this.#persistTimer = null
		const storage = this.#options.storage
		if (!storage) return
		if (this.#dirty.size === 0) {
			storage.removeItem(this.#options.storageKey)
			return
		}
		const dirty: Stored['dirty'] = {}
		for (const questionId of this.#dirty) {
			dirty[questionId] = {
				value: normalise(this.#options.getValue(questionId)),
				base: this.#known.get(questionId) ?? { value: null, revision: 0 },
			}
		}
		try {
			storage.setItem(
				this.#options.storageKey,
				JSON.stringify({ version: 1, savedAt: this.#timers().now(), dirty } satisfies Stored),
			)
		} catch {
			// Storage full or disabled: the in-memory copy still saves when the network allows.
		}
	}

	async #save() {
		const questionIds = this.#saveable().slice(0, MAX_CHANGES_PER_SAVE)
		const sent = new Map(questionIds.map((id) => [id, normalise(this.#options.getValue(id))]))
		const payload: SavePayload = {
			sinceRevision: this.#sinceRevision,
			changes: questionIds.map((questionId) => {
				const known = this.#known.get(questionId)
				return {
					questionId,
					baseRevision: known?.revision ?? 0,
					base: normalise(known?.value),
					value: sent.get(questionId),
				}
			}),
		}
		this.#update({ status: 'saving', error: null, retryInMs: null })
		let result: SendResult
		try {
			result = await this.#options.send(payload)
		} catch {
			result = { ok: false, status: 0, body: null }
		}
		if (result.ok) {
			this.#failures = 0
			this.#applyResponse(result.body, sent)
			return
		}
		if (result.status === 409 && result.body?.error === 'locked') {
			this.#locked = true
			this.#update({ status: 'locked', error: result.body.message })
			return
		}
		if (this.#refuse(result, sent)) return
		this.#failures++
		const offline = result.status === 0 && this.#options.isOnline?.() === false
		const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** (this.#failures - 1))
		const retryable = result.status === 0 || result.status >= 500 || result.status === 429
		this.#update({
			status: offline ? 'offline' : 'failed',
			error:
				result.body?.message ??
				(result.status === 0 ? 'save.errors.network' : 'save.errors.failed'),
			retryInMs: retryable ? delay : null,
		})
		if (retryable) this.#schedule(delay)
	}

	/**
	 * A save refused for some of its answers (each named with a message): nothing of it was written.
	 * Those answers are kept as typed and wait for a change; the others are sent again at once.
	 */
	#refuse(result: SendResult, sent: Map<string, unknown>) {
		if (result.ok || result.status !== 400 || result.body?.error !== 'invalid') return false
		const errors = result.body.errors ?? []
		if (errors.length === 0 || !errors.every((e) => sent.has(e.questionId))) return false
		const refused = [
			...this.#state.refused.filter((r) => !errors.some((e) => e.questionId === r.questionId)),
			...errors.map((e) => ({ questionId: e.questionId, message: e.message })),
		].filter((r, i, all) => all.findIndex((o) => o.questionId === r.questionId) === i)
		this.#persist()
		this.#state = { ...this.#state, refused }
		const waiting = this.#saveable()
		this.#update({
			status: this.#restingStatus(),
			error: 'save.errors.refused',
			retryInMs: null,
		})
		if (waiting.length > 0) this.#schedule(0)
		return true
	}

	#applyResponse(body: SaveResponse, sent: Map<string, unknown>) {
		for (const applied of body.applied) {
			this.#known.set(applied.questionId, { value: applied.value, revision: applied.revision })
		}
		for (const [questionId, value] of sent) {
			const wasApplied = body.applied.some((a) => a.questionId === questionId)
			const conflicted = body.conflicts.some((c) => c.questionId === questionId)
			if (!wasApplied && !conflicted) {
				// Nothing to write: the server already had this value.
				const known = this.#known.get(questionId)
				this.#known.set(questionId, {
					value,
					revision: Math.max(known?.revision ?? 0, body.revision),
				})
			}
			const current = normalise(this.#options.getValue(questionId))
			if (!conflicted && sameValue(current, this.#known.get(questionId)?.value))
				this.#dirty.delete(questionId)
		}
		for (const update of body.updates) {
			const known = this.#known.get(update.questionId)
			if (known && known.revision >= update.revision && sameValue(known.value, update.value))
				continue
			this.#known.set(update.questionId, { value: update.value, revision: update.revision })
			if (!this.#dirty.has(update.questionId)) {
				this.#options.setValue(update.questionId, update.value)
			} else if (sameValue(normalise(this.#options.getValue(update.questionId)), update.value)) {
				this.#dirty.delete(update.questionId)
			}
		}
		this.#sinceRevision = Math.max(this.#sinceRevision, body.revision)
		const conflicts = [
			...this.#state.conflicts.filter(
				(c) => !body.conflicts.some((n) => n.questionId === c.questionId),
			),
			...body.conflicts,
		]
		for (const conflict of body.conflicts) this.#dirty.add(conflict.questionId)
		this.#persist()
		this.#state = { ...this.#state, conflicts }
		const waiting = this.#saveable()
		if (waiting.length === 0) this.#firstDirtyAt = null
		this.#update({
			status: this.#restingStatus(),
			lastSavedAt: this.#timers().now(),
			conflicts,
			error: this.#state.refused.length > 0 ? 'save.errors.refused' : null,
		})
		if (waiting.length > 0) this.#schedule(0)
	}
}
