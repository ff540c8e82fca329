import { questionsOf } from '#forms/question-index.ts'
import { rowsFor } from '#forms/engine/compile.ts'
import type { Answers, FormContext, FormDefinition, TableAnswer } from '#forms/types.ts'

function isTableAnswer(value: unknown): value is TableAnswer {
	return typeof value === 'object' && value !== null && Array.isArray((value as TableAnswer).rows)
}

/**
 * Every fixed-row table with all the rows the Party must see (one per applicable chemical and
 * year, say), in the definition's order: stored rows keep their cells, missing ones are added with
 * only their dimension cells. Rows that no longer apply are kept at the end (the engine flags them),
 * so nothing typed is lost. Tables answered with a marker are left alone.
 */
export function withExpectedRows(def: FormDefinition, answers: Answers, ctx: FormContext): Answers {
	const out: Answers = { ...answers }
	for (const question of questionsOf(def)) {
		if (question.type !== 'table' || question.rows.kind !== 'fixed') continue
		const current = answers[question.id]
		if (current !== undefined && !isTableAnswer(current)) continue
		const stored = new Map((current?.rows ?? []).map((row) => [row.key ?? row.id, row]))
		const expected = rowsFor(def, question, ctx)
		const rows = expected.map((row) => {
			const existing = stored.get(row.key)
			stored.delete(row.key)
			return existing
				? { ...existing, cells: { ...existing.cells, ...row.cells } }
				: { id: row.id, key: row.key, cells: { ...row.cells } }
		})
		out[question.id] = { rows: [...rows, ...stored.values()] }
	}
	return out
}
