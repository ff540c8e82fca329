import { describe, expect, it } from 'vitest'
import { canonicalJson } from '#forms/canonical.ts'
import { mergeAnswer } from './merge.ts'
import { registeredCodeLists } from '#forms/codelists/source.ts'

const row = (id: string, cells: Record<string, unknown>) => ({ id, cells })

describe('canonical JSON', () => {
	it('sorts keys at every level and drops undefined members', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
			'{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
		)
	})
})

describe('three-way merge of one answer', () => {
	it('treats a base that is not a well-formed table as a plain value: a conflict, never a crash', () => {
		const theirs = { rows: [row('r1', { a: 2 })] }
		const mine = { rows: [row('r1', { a: 3 })] }
		for (const base of [{ rows: [{ id: 'r1' }] }, { rows: [1] }, { rows: [{ cells: {} }] }]) {
			expect(mergeAnswer(base, mine, theirs)).toEqual({ ok: false })
		}
	})

	it('merges a field named __proto__ as a field, without touching any prototype', () => {
		const base = JSON.parse('{"name":"a"}') as Record<string, unknown>
		const mine = JSON.parse('{"name":"a","__proto__":{"polluted":true}}') as Record<string, unknown>
		const theirs = JSON.parse('{"name":"b"}') as Record<string, unknown>
		const merged = mergeAnswer(base, mine, theirs)
		expect(merged.ok).toBe(true)
		const value = (merged as { value: Record<string, unknown> }).value
		expect(Object.keys(value).sort()).toEqual(['__proto__', 'name'])
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
		expect(value.name).toBe('b')
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})

	it('takes mine when they did not change it, and theirs when I did not', () => {
		expect(mergeAnswer('a', 'b', 'a')).toEqual({ ok: true, value: 'b' })
		expect(mergeAnswer('a', 'a', 'c')).toEqual({ ok: true, value: 'c' })
		expect(mergeAnswer('a', 'b', 'b')).toEqual({ ok: true, value: 'b' })
	})

	it('reports a conflict when both changed a scalar differently', () => {
		expect(mergeAnswer('a', 'b', 'c')).toEqual({ ok: false })
		expect(mergeAnswer(undefined, 5, 7)).toEqual({ ok: false })
		expect(mergeAnswer({ marker: 'not_available' }, 1, 2)).toEqual({ ok: false })
	})

	it('merges different cells of the same table row and rows added on both sides', () => {
		const base = { rows: [row('r1', { a: 1, b: 2 })] }
		const mine = { rows: [row('r1', { a: 10, b: 2 }), row('m', { a: 5 })] }
		const theirs = { rows: [row('r1', { a: 1, b: 20 }), row('t', { a: 6 })] }
		expect(mergeAnswer(base, mine, theirs)).toEqual({
			ok: true,
			value: { rows: [row('r1', { a: 10, b: 20 }), row('t', { a: 6 }), row('m', { a: 5 })] },
		})
	})

	it('conflicts when both changed the same cell, or a removed row was changed', () => {
		const base = { rows: [row('r1', { a: 1 })] }
		expect(
			mergeAnswer(base, { rows: [row('r1', { a: 2 })] }, { rows: [row('r1', { a: 3 })] }),
		).toEqual({ ok: false })
		expect(mergeAnswer(base, { rows: [] }, { rows: [row('r1', { a: 3 })] })).toEqual({ ok: false })
		expect(mergeAnswer(base, { rows: [row('r1', { a: 2 })] }, { rows: [] })).toEqual({ ok: false })
	})

	it('removes a row one side deleted and the other left alone', () => {
		const base = { rows: [row('r1', { a: 1 }), row('r2', { a: 2 })] }
		const mine = { rows: [row('r1', { a: 1 })] }
		const theirs = { rows: [row('r1', { a: 9 }), row('r2', { a: 2 })] }
		expect(mergeAnswer(base, mine, theirs)).toEqual({
			ok: true,
			value: { rows: [row('r1', { a: 9 })] },
		})
	})

	it('merges contact blocks field by field', () => {
		expect(mergeAnswer({ name: 'A' }, { name: 'A', email: 'a@x.org' }, { name: 'B' })).toEqual({
			ok: true,
			value: { name: 'B', email: 'a@x.org' },
		})
		expect(mergeAnswer({ name: 'A' }, { name: 'C' }, { name: 'B' })).toEqual({ ok: false })
	})
})

describe('fixed table rows', () => {
	it('adds the rows a Party must see and keeps what was typed', async () => {
		const { withExpectedRows } = await import('./fixed-rows.ts')
		const { getFormDefinition } = await import('#forms/registry.ts')
		const def = getFormDefinition('stockholm-art15', 6)!
		const ctx = {
			partyCode: 'KEN',
			periodStart: '2022-01-01',
			periodEnd: '2025-12-31',
			codeLists: registeredCodeLists,
		}
		const answers = withExpectedRows(
			def,
			{
				b3_statistics: {
					rows: [
						{
							id: 'PFHXS|2023',
							key: 'PFHXS|2023',
							cells: { chemical: 'PFHXS', year: 2023, production_kg: 7 },
						},
					],
				},
			},
			ctx,
		)
		const rows = (
			answers.b3_statistics as { rows: { id: string; cells: Record<string, unknown> }[] }
		).rows
		expect(rows.length).toBeGreaterThan(40)
		expect(rows.find((r) => r.id === 'PFHXS|2023')!.cells.production_kg).toBe(7)
		expect(rows.find((r) => r.id === 'PFHXS|2024')!.cells).toEqual({
			chemical: 'PFHXS',
			year: 2024,
		})
		// The listing was not yet in force for anyone in 2022: no row is asked.
		expect(rows.find((r) => r.id === 'PFHXS|2022')).toBeUndefined()
		expect(
			withExpectedRows(def, { b3_statistics: { marker: 'not_available' } }, ctx).b3_statistics,
		).toEqual({
			marker: 'not_available',
		})
	})
})
