import { describe, expect, it } from 'vitest'
import {
	art15V6Context,
	buildCompleteArt15V6Answers,
	depositaryRecordCommunicating,
} from '../fixtures/builders.ts'
import { ART15_V5 } from '../stockholm-art15/v5.ts'
import { ART15_V6 } from '../stockholm-art15/v6.ts'
import type { Answers, TableAnswer } from '../types.ts'
import { rowsFor } from './compile.ts'
import { evaluate } from './evaluate.ts'
import { initialAnswers } from './initial.ts'
import { yearsInForce } from './rows.ts'
import { registeredCodeLists } from '../codelists/source.ts'

const ctx = art15V6Context('KEN')

function statisticsRows(chemical: string, def = ART15_V6, context = ctx) {
	return rowsFor(def, 'b3_statistics', context)
		.filter((row) => row.cells.chemical === chemical)
		.map((row) => row.cells.year)
}

function activity(answers: Answers): TableAnswer {
	return answers.b3_statistics_activity as TableAnswer
}

function setActivity(answers: Answers, chemical: string, value: string) {
	activity(answers).rows.find((row) => row.id === chemical)!.cells.activity = value
}

describe('years asked per chemical (Article 15(2) data once a listing is in force)', () => {
	it('asks only the years in which the listing was in force for the Party on some day', () => {
		// Original listings and PFOA (in force 3 Dec 2020): the whole 2022–2025 period.
		expect(statisticsRows('ALDRIN')).toEqual([2022, 2023, 2024, 2025])
		expect(statisticsRows('PFOA')).toEqual([2022, 2023, 2024, 2025])
		// PFHxS (SC-10/13, in force 16 Nov 2023): 2022 was before the listing bound anyone.
		expect(statisticsRows('PFHXS')).toEqual([2023, 2024, 2025])
		// Dechlorane Plus, UV-328, methoxychlor (SC-11, in force 26 Feb 2025): 2025 only.
		expect(statisticsRows('DECHLORANE_PLUS')).toEqual([2025])
		expect(statisticsRows('UV328')).toEqual([2025])
		expect(yearsInForce('METHOXYCHLOR', ctx)).toEqual([2025])
	})

	it('asks nothing for a listing not in force for the Party (Article 25(4) opt-in)', () => {
		// Argentina has not ratified the SC-11 amendment (see codelists/applicability.ts).
		const argentina = art15V6Context('ARG')
		expect(statisticsRows('DECHLORANE_PLUS', ART15_V6, argentina)).toEqual([])
		expect(
			rowsFor(ART15_V6, 'b3_statistics_activity', argentina).map((row) => row.id),
		).not.toContain('DECHLORANE_PLUS')
	})

	it('asks an opt-in Party only from its own date (90 days after its deposit, Art. 22(4))', () => {
		// Argentina deposited its ratification of the 2019 amendments on 6 January 2023: PFOA binds
		// it from 6 April 2023, so 2022 is not asked, although PFOA binds Kenya since December 2020.
		const argentina = art15V6Context('ARG')
		expect(statisticsRows('PFOA', ART15_V6, argentina)).toEqual([2023, 2024, 2025])
		expect(statisticsRows('PFOA')).toEqual([2022, 2023, 2024, 2025])
	})

	it('asks about a COP-12 listing only once its communication is recorded, from a year later', () => {
		const nextPeriod = {
			partyCode: 'KEN',
			periodStart: '2026-01-01',
			periodEnd: '2029-12-31',
			codeLists: registeredCodeLists,
		}
		expect(statisticsRows('MCCP', ART15_V6, nextPeriod)).toEqual([])
		const recorded = depositaryRecordCommunicating('sc12-2025', '2026-02-10')
		const context = { ...nextPeriod, depositaryRecord: recorded }
		// In force on 10 February 2027: asked from 2027, never for 2026.
		expect(statisticsRows('MCCP', ART15_V6, context)).toEqual([2027, 2028, 2029])
		expect(statisticsRows('CHLORPYRIFOS', ART15_V6, context)).toEqual([2027, 2028, 2029])
		// The definition did not change: the same frozen v6 asks it now.
		expect(rowsFor(ART15_V6, 'b3_statistics_activity', context).map((row) => row.id)).toContain(
			'LCPFCA',
		)
	})

	it('leaves the published 5th-cycle form as it was: every chemical × every year', () => {
		const years = rowsFor(ART15_V5, 'b3_statistics', {
			partyCode: 'KEN',
			periodStart: '2018-01-01',
			periodEnd: '2021-12-31',
			codeLists: registeredCodeLists,
		})
			.filter((row) => row.cells.chemical === 'PFOA')
			.map((row) => row.cells.year)
		expect(years).toEqual([2018, 2019, 2020, 2021])
	})
})

describe('quantities are asked only for chemicals with activity', () => {
	it('a new report asks one question per chemical and no quantities', () => {
		const evaluation = evaluate(ART15_V6, initialAnswers(ART15_V6, ctx), ctx)
		expect(evaluation.questions.b3_statistics!.visible).toBe(false)
		const required = evaluation.issues.filter(
			(issue) => issue.questionId === 'b3_statistics_activity',
		)
		expect(required).toHaveLength(rowsFor(ART15_V6, 'b3_statistics_activity', ctx).length)
		expect(required.every((issue) => issue.columnId === 'activity')).toBe(true)
	})

	it('answering "yes" asks that chemical’s quantities for its years, and nothing else', () => {
		const answers = initialAnswers(ART15_V6, ctx)
		for (const row of activity(answers).rows) row.cells.activity = 'no'
		setActivity(answers, 'PFHXS', 'yes')
		const evaluation = evaluate(ART15_V6, answers, ctx)
		expect(evaluation.questions.b3_statistics).toMatchObject({ visible: true, answered: false })
		const cells = evaluation.questions.b3_statistics!.issues.map(
			(issue) => `${issue.rowId}:${issue.columnId}`,
		)
		expect(cells).toEqual(
			[2023, 2024, 2025].flatMap((year) =>
				['production_kg', 'import_kg', 'export_kg'].map((column) => `PFHXS|${year}:${column}`),
			),
		)
		const hidden = new Set(evaluation.hiddenRows.b3_statistics)
		expect(hidden.has('PFHXS|2024')).toBe(false)
		expect(hidden.has('ALDRIN|2024')).toBe(true)
		expect(hidden.size).toBe(rowsFor(ART15_V6, 'b3_statistics', ctx).length - 3)
	})

	it('a "no" keeps what was typed but no longer checks, counts or sums it', () => {
		const answers = buildCompleteArt15V6Answers(ctx)
		const pfoa = (answers.b3_statistics as TableAnswer).rows.find((row) => row.id === 'PFOA|2023')!
		pfoa.cells.export_kg = -1
		expect(evaluate(ART15_V6, answers, ctx).overall.errors).toBe(1)
		setActivity(answers, 'PFOA', 'no')
		// Partner rows for PFOA remain; the partner total check has no PFOA total to compare with.
		const evaluation = evaluate(ART15_V6, answers, ctx)
		expect(evaluation.issues).toEqual([])
		expect(
			(answers.b3_statistics as TableAnswer).rows.find((row) => row.id === 'PFOA|2023'),
		).toMatchObject({ cells: { export_kg: -1 } })
	})

	it('reads the activity as unanswered when the activity row is hidden or missing', () => {
		const answers = buildCompleteArt15V6Answers(ctx)
		delete answers.b3_statistics_activity
		const evaluation = evaluate(ART15_V6, answers, ctx)
		expect(evaluation.questions.b3_statistics!.visible).toBe(false)
		expect(evaluation.questions.b3_import_partners!.visible).toBe(false)
	})
})
