import { describe, expect, it } from 'vitest'
import { filterCodeList } from '../codelists/index.ts'
import { evaluate } from '../engine/evaluate.ts'
import { buildCompleteDdtAnswers, ddtContext } from '../fixtures/builders.ts'
import { migrateAnswers } from '../migrations/index.ts'
import { formText } from '../text.ts'
import type { Answers, Issue, TableAnswer, TableRow } from '../types.ts'
import { DDT_V1 } from './v1.ts'
import { registeredCodeLists } from '../codelists/source.ts'

/** The DDT questionnaire's content (issue #13), on a complete, valid questionnaire. */

const ctx = ddtContext('IND')

function rowsOf(answers: Answers, tableId: string): TableRow[] {
	return (answers[tableId] as TableAnswer).rows
}

function issuesOf(answers: Answers, questionId: string): Issue[] {
	return evaluate(DDT_V1, answers, ctx).issues.filter((issue) => issue.questionId === questionId)
}

describe('DDT questionnaire', () => {
	it('uses the official titles of the four sections', () => {
		const en = formText(DDT_V1, 'en')
		expect(
			['ddt_part_a', 'ddt_part_b', 'ddt_part_c', 'ddt_part_d'].map((id) => en.label(id)),
		).toEqual([
			'Section A. Production and Use of DDT',
			'Section B. DDT Alternatives (insecticides, methods and strategies)',
			'Section C. General Human and Environmental Safety Issues',
			'Section D. Systems Strengthening in Disease Vector Control',
		])
	})

	it('takes every application method of a year, not only one', () => {
		const answers = buildCompleteDdtAnswers(ctx)
		expect(rowsOf(answers, 'a_use')[0]!.cells.methods).toEqual(['irs', 'space_spraying'])
		expect(issuesOf(answers, 'a_use')).toEqual([])
		rowsOf(answers, 'a_use')[1]!.cells.methods = []
		expect(issuesOf(answers, 'a_use')).toMatchObject([
			{ rowId: '2025', columnId: 'methods', messageKey: 'required' },
		])
	})

	it('asks the cases of each disease and year, naming the "other" one when it has cases', () => {
		const answers = buildCompleteDdtAnswers(ctx)
		expect(rowsOf(answers, 'd_cases').map((row) => row.id)).toEqual([
			'malaria|2024',
			'malaria|2025',
			'malaria|2026',
			'leishmaniasis|2024',
			'leishmaniasis|2025',
			'leishmaniasis|2026',
			'other|2024',
			'other|2025',
			'other|2026',
		])
		expect(issuesOf(answers, 'd_cases')).toEqual([])
		const other = rowsOf(answers, 'd_cases').find((row) => row.id === 'other|2025')!
		other.cells.cases = 40
		expect(issuesOf(answers, 'd_cases')).toMatchObject([
			{ rowId: 'other|2025', columnId: 'disease_name', messageKey: 'required' },
		])
		other.cells.disease_name = 'Chikungunya'
		expect(issuesOf(answers, 'd_cases')).toEqual([])
	})

	it('offers no invented disease or vector codes: dengue, Aedes and Culex are "other"', () => {
		const codes = (list: string) => filterCodeList(list, undefined).map((entry) => entry.code)
		expect(codes('ddt-diseases')).toEqual(['malaria', 'leishmaniasis', 'other'])
		expect(codes('ddt-vectors')).toEqual(['anopheles', 'sand_flies', 'other'])
		const answers = buildCompleteDdtAnswers(ctx)
		rowsOf(answers, 'a_use')[0]!.cells.diseases = ['dengue']
		expect(issuesOf(answers, 'a_use')).toMatchObject([
			{ rowId: '2024', columnId: 'diseases', messageKey: 'invalid_option' },
		])
	})

	it('a questionnaire started from the previous one offers the answers about that period', () => {
		const next = {
			partyCode: 'IND',
			periodStart: '2027-01-01',
			periodEnd: '2029-12-31',
			codeLists: registeredCodeLists,
		}
		const { answers, report } = migrateAnswers(DDT_V1, DDT_V1, buildCompleteDdtAnswers(ctx), next)
		for (const id of [
			'a_ddt_produced',
			'a_ddt_used',
			'a_ddt_exported',
			'a_disposal',
			'c_incidents',
		])
			expect(answers[id], id).toBeUndefined()
		expect(report.find((entry) => entry.source.questionId === 'a_ddt_used')).toMatchObject({
			outcome: 'to_confirm',
			previous: 'yes',
		})
		// What does not depend on the period is carried.
		expect(answers.a_storage_conditions).toBe('Locked, ventilated district stores with spill kits.')
		expect(answers.b_ivm_strategy).toBe('yes')
	})
})
