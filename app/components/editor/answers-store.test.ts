import { describe, expect, it, vi } from 'vitest'
import type { Answers, TableAnswer } from '#forms/types.ts'
import { AnswersStore } from './answers-store.ts'

const table = (): TableAnswer => ({
	rows: [
		{ id: 'r1', cells: { chemical: 'PFOS', amount: 1 } },
		{ id: 'r2', cells: { chemical: 'DDT' } },
	],
})

function storeWith(answers: Answers = { name: 'Ana', stats: table() }) {
	return new AnswersStore(answers)
}

describe('AnswersStore', () => {
	it('reads answers, cells and row ids', () => {
		const store = storeWith()
		expect(store.get('name')).toBe('Ana')
		expect(store.getCell('stats', 'r1', 'amount')).toBe(1)
		expect(store.getCell('stats', 'missing', 'amount')).toBeUndefined()
		expect(store.rowIds('stats')).toEqual(['r1', 'r2'])
		expect(store.rowIds('name')).toEqual([])
	})

	it('replaces answers without mutating them, keeping unchanged answers as they were', () => {
		const initial: Answers = { name: 'Ana', stats: table() }
		const store = storeWith(initial)
		const before = store.answers
		store.setCell('stats', 'r2', 'amount', 5)
		expect(store.answers).not.toBe(before)
		expect(store.answers.name).toBe(before.name)
		expect(initial.stats).toEqual(table())
		expect(store.getCell('stats', 'r2', 'amount')).toBe(5)
		store.set('name', null)
		expect('name' in store.answers).toBe(false)
	})

	it('empties a cell set to nothing, and ignores cells of rows it does not have', () => {
		const store = storeWith()
		const listener = vi.fn()
		store.onChange(listener)
		store.setCell('stats', 'r1', 'amount', null)
		expect(store.rows('stats')[0]!.cells).toEqual({ chemical: 'PFOS' })
		store.setCell('stats', 'nope', 'amount', 3)
		expect(listener).toHaveBeenCalledTimes(1)
	})

	it('tells a cell about its own changes only, and the question about all of them', () => {
		const store = storeWith()
		const cell1 = vi.fn()
		const cell2 = vi.fn()
		const question = vi.fn()
		const other = vi.fn()
		store.subscribeCell('stats', 'r1', 'amount', cell1)
		store.subscribeCell('stats', 'r2', 'amount', cell2)
		store.subscribe('stats', question)
		store.subscribe('name', other)
		store.setCell('stats', 'r1', 'amount', 2)
		expect([cell1.mock.calls.length, cell2.mock.calls.length]).toEqual([1, 0])
		expect(question).toHaveBeenCalledTimes(1)
		expect(other).not.toHaveBeenCalled()
		// A whole answer replaced reaches every cell of it.
		store.set('stats', table())
		expect([cell1.mock.calls.length, cell2.mock.calls.length]).toEqual([2, 1])
	})

	it('keeps the row ids array until rows are added or removed', () => {
		const store = storeWith()
		const ids = store.rowIds('stats')
		store.setCell('stats', 'r1', 'amount', 9)
		expect(store.rowIds('stats')).toBe(ids)
		store.appendRow('stats', { id: 'r3', cells: {} })
		expect(store.rowIds('stats')).toEqual(['r1', 'r2', 'r3'])
		store.removeRow('stats', 'r1')
		expect(store.rowIds('stats')).toEqual(['r2', 'r3'])
		store.appendRow('fresh', { id: 'a', cells: {} })
		expect(store.get('fresh')).toEqual({ rows: [{ id: 'a', cells: {} }] })
	})

	it('reports each change with its question, row and source', () => {
		const store = storeWith()
		const changes: unknown[] = []
		const stop = store.onChange((change) => changes.push(change))
		store.setCell('stats', 'r1', 'amount', 3)
		store.set('name', 'Bo', 'sync')
		store.removeRow('stats', 'r2')
		stop()
		store.set('name', 'Cy')
		expect(changes).toEqual([
			{ questionId: 'stats', rowId: 'r1', source: 'user' },
			{ questionId: 'name', source: 'sync' },
			{ questionId: 'stats', source: 'user' },
		])
	})

	it('stops telling listeners once they unsubscribe', () => {
		const store = storeWith()
		const listener = vi.fn()
		const stop = store.subscribeCell('stats', 'r1', 'amount', listener)
		stop()
		store.setCell('stats', 'r1', 'amount', 4)
		expect(listener).not.toHaveBeenCalled()
	})
})
