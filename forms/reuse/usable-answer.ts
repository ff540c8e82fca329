import { isMarked, isTableAnswer } from '../engine/values.ts'
import type { Question } from '../types.ts'

/**
 * Answered with something a reader can use (a table with at least one filled cell besides the
 * `dimensions` that name its rows); a marker ("information not available") is not. Only questions
 * without such an answer are offered one (the editor hides an offer once the question is answered
 * there).
 */
export function hasUsableAnswer(
	question: Question,
	value: unknown,
	dimensions: readonly string[],
): boolean {
	if (value === undefined || value === null || value === '' || isMarked(value)) return false
	if (Array.isArray(value)) return value.length > 0
	if (question.type === 'table') {
		if (!isTableAnswer(value)) return false
		return value.rows.some((row) =>
			Object.entries(row.cells).some(
				([column, cell]) =>
					!dimensions.includes(column) && cell !== null && cell !== '' && cell !== undefined,
			),
		)
	}
	if (typeof value === 'object') return Object.values(value).some((field) => field)
	return true
}
