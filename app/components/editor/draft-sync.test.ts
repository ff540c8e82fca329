import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { planSave, type StoredAnswerForSave } from '../../domain/save-plan.ts'
import type { AnswerUpdate, SavePayload } from '../../domain/save-protocol.ts'
import { DraftSync, type SendResult, type SyncState } from './draft-sync.ts'

/** The server side of the protocol, in memory, planning its saves as the real one does. */
class FakeServer {
	revision = 0
	answers = new Map<string, StoredAnswerForSave>()
	history: { revision: number; questionId: string }[] = []
	down = false
	requests = 0
	/** Values the server refuses (400 naming the question), as for an impossible date. */
	refuses: (value: unknown) => boolean = () => false

	async save(payload: SavePayload): Promise<SendResult> {
		this.requests++
		if (this.down) return { ok: false, status: 0, body: null }
		const refused = payload.changes.filter((change) => this.refuses(change.value))
		if (refused.length > 0) {
			return {
				ok: false,
				status: 400,
				body: {
					error: 'invalid',
					message: 'save.errors.invalid',
					errors: refused.map((c) => ({
						questionId: c.questionId,
						message: 'save.errors.invalidDate',
					})),
				},
			}
		}
		const { writes, revision, applied, conflicts, updates } = planSave({
			revision: this.revision,
			stored: this.answers,
			changes: payload.changes,
			changedSince: this.changedSince(payload.sinceRevision),
		})
		this.revision = revision
		for (const { questionId, newValue } of writes) {
			if (newValue === null) this.answers.delete(questionId)
			else this.answers.set(questionId, { value: newValue, revision, updatedBy: null })
			this.history.push({ revision, questionId })
		}
		return { ok: true, body: { revision, applied, updates, conflicts } }
	}

	/** The answers changed after `sinceRevision`, as stored now (null: cleared). */
	private changedSince(sinceRevision: number): AnswerUpdate[] {
		const changed = new Map<string, number>()
		for (const { revision, questionId } of this.history) {
			if (revision > sinceRevision) changed.set(questionId, revision)
		}
		return [...changed].map(([questionId, revision]) => ({
			questionId,
			value: this.answers.get(questionId)?.value ?? null,
			revision,
		}))
	}
}

class MemoryStorage {
	items = new Map<string, string>()
	getItem(key: string) {
		return this.items.get(key) ?? null
	}
	setItem(key: string, value: string) {
		this.items.set(key, value)
	}
	removeItem(key: string) {
		this.items.delete(key)
	}
}

function client(server: FakeServer, storage = new MemoryStorage(), online = { value: true }) {
	const values = new Map<string, unknown>()
	for (const [id, a] of server.answers) values.set(id, a.value)
	const states: SyncState[] = []
	const sync = new DraftSync({
		storageKey: 'draft:r1:u1',
		revision: server.revision,
		known: Object.fromEntries(server.answers),
		getValue: (id) => values.get(id),
		setValue: (id, value) => values.set(id, value),
		send: (payload) => server.save(structuredClone(payload)),
		storage,
		isOnline: () => online.value,
	})
	sync.subscribe(() => states.push(sync.state))
	const type = (id: string, value: unknown) => {
		values.set(id, value)
		sync.markDirty(id)
	}
	return { sync, values, states, type, storage }
}

beforeEach(() => {
	vi.useFakeTimers()
})
afterEach(() => {
	vi.useRealTimers()
})

describe('autosave', () => {
	it('saves about a second after the last keystroke and within two seconds while typing', async () => {
		const server = new FakeServer()
		const { type, sync } = client(server)
		type('q1', 'a')
		await vi.advanceTimersByTimeAsync(500)
		type('q1', 'ab')
		await vi.advanceTimersByTimeAsync(500)
		type('q1', 'abc')
		expect(server.requests).toBe(0)
		await vi.advanceTimersByTimeAsync(1_000)
		expect(server.requests).toBe(1)
		expect(server.answers.get('q1')?.value).toBe('abc')
		expect(sync.state.status).toBe('saved')

		for (let i = 0; i < 10; i++) {
			type('q2', `x${i}`)
			await vi.advanceTimersByTimeAsync(300)
		}
		expect(server.requests).toBeGreaterThanOrEqual(2)
	})

	it('sends nothing for an answer typed back to its saved value, and says all is saved', async () => {
		const server = new FakeServer()
		const { type, sync, storage } = client(server)
		type('q1', 'a')
		await vi.advanceTimersByTimeAsync(2_000)
		expect(server.requests).toBe(1)
		type('q1', 'ab')
		expect(sync.state.status).toBe('pending')
		type('q1', 'a')
		expect(sync.hasUnsavedChanges()).toBe(false)
		await vi.advanceTimersByTimeAsync(2_000)
		expect(server.requests).toBe(1)
		expect(sync.state.status).toBe('saved')
		expect(storage.getItem('draft:r1:u1')).toBeNull()
	})

	it('keeps changes while offline and saves them when the connection returns', async () => {
		const server = new FakeServer()
		const online = { value: true }
		const { type, sync } = client(server, new MemoryStorage(), online)
		server.down = true
		online.value = false
		type('q1', 'typed offline')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(sync.state.status).toBe('offline')
		type('q2', 'more offline typing')
		await vi.advanceTimersByTimeAsync(5_000)
		expect(server.answers.size).toBe(0)
		server.down = false
		online.value = true
		sync.online()
		await vi.advanceTimersByTimeAsync(10)
		expect(server.answers.get('q1')?.value).toBe('typed offline')
		expect(server.answers.get('q2')?.value).toBe('more offline typing')
		expect(sync.state.status).toBe('saved')
	})

	it('retries failed saves with growing delays', async () => {
		const server = new FakeServer()
		const { type, sync } = client(server)
		server.down = true
		type('q1', 'v')
		await vi.advanceTimersByTimeAsync(1_000)
		expect(sync.state).toMatchObject({ status: 'failed', retryInMs: 1_000 })
		await vi.advanceTimersByTimeAsync(1_000)
		expect(sync.state.retryInMs).toBe(2_000)
		server.down = false
		await vi.advanceTimersByTimeAsync(2_000)
		expect(server.answers.get('q1')?.value).toBe('v')
	})

	it('restores unsaved changes after a crash or reload, and saves them', async () => {
		const server = new FakeServer()
		const storage = new MemoryStorage()
		const first = client(server, storage)
		server.down = true
		first.type('q1', 'not yet saved')
		// The tab dies here; a new page load starts from the server state plus storage.
		first.sync.dispose()
		server.down = false
		const second = client(server, storage)
		expect(second.sync.restore()).toEqual(['q1'])
		expect(second.values.get('q1')).toBe('not yet saved')
		await vi.advanceTimersByTimeAsync(10)
		expect(server.answers.get('q1')?.value).toBe('not yet saved')
		expect(storage.items.size).toBe(0)
	})

	it('writes typing to storage within a quarter of a second, even if the tab is then killed', async () => {
		const server = new FakeServer()
		const storage = new MemoryStorage()
		const first = client(server, storage)
		server.down = true
		first.type('q1', 'a')
		first.type('q1', 'ab')
		await vi.advanceTimersByTimeAsync(250)
		// No dispose(): the process is gone; only storage survives.
		server.down = false
		const second = client(server, storage)
		expect(second.sync.restore()).toEqual(['q1'])
		expect(second.values.get('q1')).toBe('ab')
	})

	it('merges edits of different questions from two editors', async () => {
		const server = new FakeServer()
		const alice = client(server)
		const bob = client(server)
		alice.type('q1', 'from alice')
		bob.type('q2', 'from bob')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(server.answers.get('q1')?.value).toBe('from alice')
		expect(server.answers.get('q2')?.value).toBe('from bob')
		// Alice learns about Bob's answer on her next save.
		alice.type('q3', 'x')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(alice.values.get('q2')).toBe('from bob')
	})

	it('reports a conflict with both values when two editors changed the same answer', async () => {
		const server = new FakeServer()
		server.answers.set('q1', { value: 'original', revision: 1, updatedBy: null })
		server.revision = 1
		const alice = client(server)
		const bob = client(server)
		alice.type('q1', 'alice version')
		await vi.advanceTimersByTimeAsync(1_100)
		bob.type('q1', 'bob version')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(server.answers.get('q1')?.value).toBe('alice version')
		expect(bob.sync.state.conflicts).toEqual([
			expect.objectContaining({ questionId: 'q1', yours: 'bob version', theirs: 'alice version' }),
		])
		expect(bob.sync.hasUnsavedChanges()).toBe(true)
		// Nothing is re-sent until Bob chooses.
		const requests = server.requests
		await vi.advanceTimersByTimeAsync(5_000)
		expect(server.requests).toBe(requests)
		bob.sync.resolveConflict('q1', 'mine')
		await vi.advanceTimersByTimeAsync(10)
		expect(server.answers.get('q1')?.value).toBe('bob version')
		expect(bob.sync.state.conflicts).toEqual([])
	})

	it('takes the other value when the user chooses theirs', async () => {
		const server = new FakeServer()
		server.answers.set('q1', { value: 1, revision: 1, updatedBy: null })
		server.revision = 1
		const alice = client(server)
		const bob = client(server)
		alice.type('q1', 2)
		await vi.advanceTimersByTimeAsync(1_100)
		bob.type('q1', 3)
		await vi.advanceTimersByTimeAsync(1_100)
		bob.sync.resolveConflict('q1', 'theirs')
		expect(bob.values.get('q1')).toBe(2)
		expect(bob.sync.hasUnsavedChanges()).toBe(false)
	})

	it('stops saving and says so when the report was submitted meanwhile', async () => {
		const server = new FakeServer()
		server.save = async () => ({
			ok: false,
			status: 409,
			body: { error: 'locked', message: 'save.errors.locked' },
		})
		const { sync, type } = client(server)
		type('q1', 'late')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(sync.state).toMatchObject({ status: 'locked', error: 'save.errors.locked' })
		expect(sync.hasUnsavedChanges()).toBe(true)
	})

	it('keeps a refused answer as typed, with its message, and saves the other answers at once', async () => {
		const server = new FakeServer()
		server.refuses = (value) => value === '2024-13-45'
		const storage = new MemoryStorage()
		const { sync, type, values } = client(server, storage)
		type('date', '2024-13-45')
		type('text', 'kept')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(server.answers.get('text')?.value).toBe('kept')
		expect(server.answers.has('date')).toBe(false)
		expect(values.get('date')).toBe('2024-13-45')
		expect(sync.state).toMatchObject({
			status: 'failed',
			error: 'save.errors.refused',
			refused: [{ questionId: 'date', message: 'save.errors.invalidDate' }],
		})
		expect(sync.hasUnsavedChanges()).toBe(true)
		expect(JSON.parse(storage.getItem('draft:r1:u1')!).dirty.date.value).toBe('2024-13-45')
		// Not sent again while unchanged, even as other answers keep being saved.
		const requests = server.requests
		type('other', 'x')
		await vi.advanceTimersByTimeAsync(5_000)
		expect(server.requests).toBe(requests + 1)
		expect(server.answers.get('other')?.value).toBe('x')
		expect(sync.state.status).toBe('failed')
	})

	it('sends a refused answer again once the user changes it', async () => {
		const server = new FakeServer()
		server.refuses = (value) => value === '2024-13-45'
		const { sync, type } = client(server)
		type('date', '2024-13-45')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(sync.state.refused).toHaveLength(1)
		type('date', '2024-12-15')
		expect(sync.state.refused).toEqual([])
		await vi.advanceTimersByTimeAsync(1_100)
		expect(server.answers.get('date')?.value).toBe('2024-12-15')
		expect(sync.state).toMatchObject({ status: 'saved', error: null })
		expect(sync.hasUnsavedChanges()).toBe(false)
	})

	it('says all is saved when a refused answer is typed back to its saved value', async () => {
		const server = new FakeServer()
		server.answers.set('date', { value: '2024-12-15', revision: 1, updatedBy: null })
		server.revision = 1
		server.refuses = (value) => value === '2024-13-45'
		const { sync, type } = client(server)
		type('date', '2024-13-45')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(sync.state).toMatchObject({ status: 'failed', dirtyCount: 1 })
		type('date', '2024-12-15')
		expect(sync.state.status).toBe('pending')
		await vi.advanceTimersByTimeAsync(1_100)
		expect(sync.state).toMatchObject({ status: 'saved', dirtyCount: 0, refused: [], error: null })
		expect(sync.hasUnsavedChanges()).toBe(false)
	})
})

describe('answers written outside the autosave', () => {
	it('shows an answer taken from another report, sends nothing for it, and saves the next edit on top of it', async () => {
		const server = new FakeServer()
		const { sync, values, type } = client(server)
		// The server writes the reused answer (revision 1) at the user's request.
		server.revision = 1
		server.answers.set('contact', { value: { name: 'Jane' }, revision: 1, updatedBy: null })
		server.history.push({ revision: 1, questionId: 'contact' })
		sync.receive([{ questionId: 'contact', value: { name: 'Jane' }, revision: 1 }])
		expect(values.get('contact')).toEqual({ name: 'Jane' })
		expect(sync.hasUnsavedChanges()).toBe(false)
		await vi.advanceTimersByTimeAsync(2_000)
		expect(server.requests).toBe(0)
		expect(sync.state.status).toBe('saved')

		type('contact', { name: 'Jane Wanjiru' })
		await vi.advanceTimersByTimeAsync(2_000)
		expect(server.requests).toBe(1)
		expect(server.answers.get('contact')?.value).toEqual({ name: 'Jane Wanjiru' })
		expect(sync.state).toMatchObject({ status: 'saved', conflicts: [] })
	})

	it('replaces what was typed there and not saved yet: the user chose the reused answer', async () => {
		const server = new FakeServer()
		const { sync, values, type } = client(server)
		type('contact', { name: 'J' })
		server.revision = 1
		server.answers.set('contact', { value: { name: 'Jane' }, revision: 1, updatedBy: null })
		server.history.push({ revision: 1, questionId: 'contact' })
		sync.receive([{ questionId: 'contact', value: { name: 'Jane' }, revision: 1 }])
		expect(values.get('contact')).toEqual({ name: 'Jane' })
		await vi.advanceTimersByTimeAsync(2_000)
		expect(server.requests).toBe(0)
		expect(sync.state).toMatchObject({ status: 'saved', dirtyCount: 0 })
	})
})
