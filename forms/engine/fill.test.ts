import { describe, expect, it } from 'vitest'
import { art15V6Context } from '../fixtures/builders.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { TableAnswer } from '../types.ts'
import { evaluate } from './evaluate.ts'
import { fillEmptyCells } from './fill.ts'
import { initialAnswers } from './initial.ts'

const ctx = art15V6Context('KEN')

describe('fillEmptyCells', () => {
	it('answers every remaining chemical at once and keeps the answers given', () => {
		const answers = initialAnswers(ART15_V6, ctx)
		const activity = answers.b3_statistics_activity as TableAnswer
		activity.rows.find((row) => row.id === 'PFOS')!.cells.activity = 'yes'
		const { answer, filled } = fillEmptyCells(
			ART15_V6,
			'b3_statistics_activity',
			activity,
			{ value: 'no' },
			evaluate(ART15_V6, answers, ctx),
			ctx,
		)
		expect(filled).toBe(activity.rows.length - 1)
		expect(answer.rows.find((row) => row.id === 'PFOS')!.cells.activity).toBe('yes')
		expect(answer.rows.filter((row) => row.cells.activity === 'no')).toHaveLength(filled)
		expect(answer.rows.find((row) => row.id === 'ALDRIN')!.cells.chemical).toBe('ALDRIN')
	})

	it('fills only the asked rows and only cells that accept the value', () => {
		const answers = initialAnswers(ART15_V6, ctx)
		for (const row of (answers.b3_statistics_activity as TableAnswer).rows)
			row.cells.activity = row.id === 'PFHXS' ? 'yes' : 'no'
		const statistics = answers.b3_statistics as TableAnswer
		statistics.rows.find((row) => row.id === 'PFHXS|2024')!.cells.import_kg = 12
		const evaluation = evaluate(ART15_V6, answers, ctx)
		const zero = fillEmptyCells(
			ART15_V6,
			'b3_statistics',
			statistics,
			{ value: 0 },
			evaluation,
			ctx,
		)
		// PFHxS 2023–2025 × three quantities, less the one answered; the estimate flag takes no 0.
		expect(zero.filled).toBe(8)
		const pfhxs2024 = zero.answer.rows.find((row) => row.id === 'PFHXS|2024')!.cells
		expect(pfhxs2024).toMatchObject({ import_kg: 12, production_kg: 0, export_kg: 0 })
		expect(pfhxs2024).not.toHaveProperty('is_estimate')
		expect(zero.answer.rows.find((row) => row.id === 'ALDRIN|2022')!.cells).toEqual({
			chemical: 'ALDRIN',
			year: 2022,
		})
		const marker = fillEmptyCells(
			ART15_V6,
			'b3_statistics',
			statistics,
			{ marker: 'not_available' },
			evaluation,
			ctx,
		)
		expect(marker.filled).toBe(8)
		answers.b3_statistics = zero.answer
		expect(evaluate(ART15_V6, answers, ctx).questions.b3_statistics!.answered).toBe(true)
	})
})
