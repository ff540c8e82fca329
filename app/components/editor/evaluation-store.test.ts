import { describe, expect, it } from 'vitest'
import type { Evaluation, Issue } from '#forms/types.ts'
import { EvaluationStore } from './evaluation-store.ts'

const required = (rowId?: string, columnId?: string): Issue => ({
	questionId: 'stats',
	rowId,
	columnId,
	severity: 'error',
	messageKey: 'required',
})

const tooLarge: Issue = {
	questionId: 'stats',
	rowId: 'r1',
	columnId: 'export_kg',
	severity: 'warning',
	messageKey: 'exportAboveProduction',
}

function evaluationWith(issues: Issue[]): Evaluation {
	return {
		questions: { stats: { visible: true, required: true, issues } },
		sections: {},
		parts: {},
		overall: { canSubmit: false },
		issues,
		cells: {},
	} as unknown as Evaluation
}

describe('EvaluationStore', () => {
	it('finds the issues of a question, a row and a cell', () => {
		const issues = [required(), required('r1', 'import_kg'), tooLarge, required('r2', 'import_kg')]
		const store = new EvaluationStore(evaluationWith(issues), true)
		expect(store.issuesAt('stats')).toEqual(issues)
		expect(store.issuesAt('stats', 'r1')).toEqual([required('r1', 'import_kg'), tooLarge])
		expect(store.issuesAt('stats', 'r1', 'export_kg')).toEqual([tooLarge])
		expect(store.issuesAt('stats', 'r3')).toEqual([])
		expect(store.issuesAt('other')).toEqual([])
	})

	it("keeps a table's own issues apart from its rows'", () => {
		const store = new EvaluationStore(evaluationWith([required(), tooLarge]), true)
		expect(store.tableIssuesAt('stats')).toEqual([required()])
		// A keystroke changes a row's issue (its value is a parameter): the table's own stay equal.
		const changed = { ...tooLarge, params: { value: 12 } }
		store.setEvaluation(evaluationWith([required(), changed]))
		expect(store.tableIssuesAt('stats')).toEqual([required()])
		expect(store.issuesAt('stats', 'r1')).toEqual([changed])
		expect(store.tableIssuesAt('other')).toEqual([])
	})

	it('answers from the latest evaluation', () => {
		const store = new EvaluationStore(evaluationWith([tooLarge]), true)
		expect(store.issuesAt('stats', 'r1', 'export_kg')).toEqual([tooLarge])
		store.setEvaluation(evaluationWith([]))
		expect(store.issuesAt('stats', 'r1', 'export_kg')).toEqual([])
	})

	it('shows "required" only for what was touched, unless all missing answers are asked for', () => {
		const store = new EvaluationStore(evaluationWith([]), false)
		const missingCell = required('r1', 'import_kg')
		expect(store.shows(missingCell)).toBe(false)
		expect(store.shows(tooLarge)).toBe(true)
		store.touch('stats/r1')
		expect(store.shows(missingCell)).toBe(true)
		expect(store.shows(required('r2', 'import_kg'))).toBe(false)
		store.setShowMissing(true)
		expect(store.shows(required('r2', 'import_kg'))).toBe(true)
	})

	it('tells subscribers about a new evaluation, not about each touch', () => {
		const store = new EvaluationStore(evaluationWith([]), false)
		let calls = 0
		const unsubscribe = store.subscribe(() => calls++)
		store.touch('stats')
		expect(calls).toBe(0)
		store.setEvaluation(evaluationWith([required()]))
		expect(calls).toBe(1)
		unsubscribe()
		store.setEvaluation(evaluationWith([]))
		expect(calls).toBe(1)
	})
})
