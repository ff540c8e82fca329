import { describe, expect, it } from 'vitest'
import { planSave, type SavePlanInput, type StoredAnswerForSave } from './save-plan.ts'

const row = (id: string, cells: Record<string, unknown>) => ({ id, cells })

function plan(
	stored: Record<string, StoredAnswerForSave>,
	changes: SavePlanInput['changes'],
	changedSince: SavePlanInput['changedSince'] = [],
) {
	return planSave({ revision: 7, stored: new Map(Object.entries(stored)), changes, changedSince })
}

describe('planning a save', () => {
	it('writes a change nobody else made at the next revision, and sends nothing back for it', () => {
		const result = plan({ q1: { value: 'old', revision: 3, updatedBy: 'u2' } }, [
			{ questionId: 'q1', baseRevision: 3, base: 'old', value: 'new' },
			{ questionId: 'q2', baseRevision: 0, value: 5 },
		])
		expect(result).toEqual({
			writes: [
				{ questionId: 'q1', oldValue: 'old', newValue: 'new' },
				{ questionId: 'q2', oldValue: null, newValue: 5 },
			],
			conflicts: [],
			revision: 8,
			applied: [
				{ questionId: 'q1', value: 'new', revision: 8 },
				{ questionId: 'q2', value: 5, revision: 8 },
			],
			updates: [],
		})
	})

	it('clears an answer sent as null or undefined, and skips a change that leaves it as stored', () => {
		const result = plan(
			{
				q1: { value: 'a', revision: 2, updatedBy: null },
				q2: { value: 'b', revision: 2, updatedBy: null },
			},
			[
				{ questionId: 'q1', baseRevision: 2, value: undefined },
				{ questionId: 'q2', baseRevision: 2, value: 'b' },
				{ questionId: 'q3', baseRevision: 0, value: null },
			],
		)
		expect(result.writes).toEqual([{ questionId: 'q1', oldValue: 'a', newValue: null }])
		expect(result.applied).toEqual([{ questionId: 'q1', value: null, revision: 8 }])
		expect(result.updates).toEqual([])
	})

	it('keeps the revision and writes nothing when no answer changes', () => {
		const result = plan({ q1: { value: 'a', revision: 2, updatedBy: null } }, [
			{ questionId: 'q1', baseRevision: 1, base: 'old', value: 'a' },
		])
		expect(result).toMatchObject({ writes: [], conflicts: [], revision: 7, applied: [] })
	})

	it('merges a table others changed meanwhile, and sends the merged result back', () => {
		const base = { rows: [row('r1', { a: 1, b: 2 })] }
		const theirs = { rows: [row('r1', { a: 10, b: 2 })] }
		const mine = { rows: [row('r1', { a: 1, b: 20 })] }
		const merged = { rows: [row('r1', { a: 10, b: 20 })] }
		const result = plan({ t: { value: theirs, revision: 5, updatedBy: 'u2' } }, [
			{ questionId: 't', baseRevision: 3, base, value: mine },
		])
		expect(result.writes).toEqual([{ questionId: 't', oldValue: theirs, newValue: merged }])
		expect(result.updates).toEqual([{ questionId: 't', value: merged, revision: 8 }])
	})

	it('leaves an answer both sides changed as stored, and reports the conflict with both values', () => {
		const result = plan({ q1: { value: 'theirs', revision: 5, updatedBy: 'u2' } }, [
			{ questionId: 'q1', baseRevision: 3, base: 'base', value: 'mine' },
		])
		expect(result.writes).toEqual([])
		expect(result.revision).toBe(7)
		expect(result.conflicts).toEqual([
			{ questionId: 'q1', yours: 'mine', theirs: 'theirs', theirsRevision: 5, theirsBy: 'u2' },
		])
	})

	it('sends back what others changed since the sync point, unless this save wrote or sent it', () => {
		const result = plan(
			{ q1: { value: 'x', revision: 6, updatedBy: 'u2' } },
			[
				{ questionId: 'q1', baseRevision: 6, base: 'x', value: 'y' },
				{ questionId: 'q2', baseRevision: 4, base: 'old', value: 'same' },
			],
			[
				{ questionId: 'q1', value: 'x', revision: 6 },
				{ questionId: 'q2', value: 'same', revision: 5 },
				{ questionId: 'q3', value: 'by others', revision: 6 },
			],
		)
		expect(result.updates).toEqual([{ questionId: 'q3', value: 'by others', revision: 6 }])
	})
})
