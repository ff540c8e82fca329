import { describe, expect, it } from 'vitest'
import { filterCodeList, getCodeList } from '../codelists/index.ts'
import { evaluate } from '../engine/evaluate.ts'
import { baselContext, buildCompleteBaselAnswers } from '../fixtures/builders.ts'
import { migrateAnswers } from '../migrations/index.ts'
import { formVersionIdentity, getFormTexts } from '../registry.ts'
import { formText } from '../text.ts'
import type { Answers, CellValue, FormContext, Issue, TableAnswer, TableRow } from '../types.ts'
import { BASEL_ART13_V1 } from './v1.ts'

/** The Basel Convention Article 13(3) report (issue #14), on a complete, valid report. */

const ctx = baselContext('KEN', 2025)

function rowsOf(answers: Answers, tableId: string): TableRow[] {
	return (answers[tableId] as TableAnswer).rows
}

function issuesOf(answers: Answers, questionId: string, context: FormContext = ctx): Issue[] {
	return evaluate(BASEL_ART13_V1, answers, context).issues.filter(
		(issue) => issue.questionId === questionId,
	)
}

function setCells(answers: Answers, tableId: string, cells: Record<string, CellValue>, row = 0) {
	Object.assign(rowsOf(answers, tableId)[row]!.cells, cells)
}

const codes = (listId: string) => filterCodeList(listId, undefined).map((entry) => entry.code)

describe('Basel code lists', () => {
	it('Y1–Y45 in Annex I since 1992; Y46–Y49 in Annex II, Y48 from 2021 and Y49 from 2025', () => {
		const list = getCodeList('basel-y')!
		expect(list.entries.map((entry) => entry.code)).toEqual(
			Array.from({ length: 49 }, (_, i) => `Y${i + 1}`),
		)
		const meta = (code: string) =>
			list.entries.find((entry) => entry.code === code) as unknown as Record<string, unknown>
		expect(filterCodeList('basel-y', { where: { annex: 'I' } })).toHaveLength(45)
		expect(filterCodeList('basel-y', { where: { annex: 'II' } }).map((e) => e.code)).toEqual([
			'Y46',
			'Y47',
			'Y48',
			'Y49',
		])
		expect(meta('Y1')).toMatchObject({ validFrom: '1992-05-05', group: 'waste_stream' })
		expect(meta('Y19')).toMatchObject({ group: 'constituent' })
		expect(meta('Y48')).toMatchObject({ validFrom: '2021-01-01', amendment: 'BC-14/12' })
		expect(meta('Y49')).toMatchObject({ validFrom: '2025-01-01', amendment: 'BC-15/18' })
		expect(list.source).toMatch(/Annex I/)
	})

	it('the fourteen Annex III characteristics, H1 to H13 (there is no H2, H7 or H9)', () => {
		expect(codes('basel-h')).toEqual([
			'H1',
			'H3',
			'H4.1',
			'H4.2',
			'H4.3',
			'H5.1',
			'H5.2',
			'H6.1',
			'H6.2',
			'H8',
			'H10',
			'H11',
			'H12',
			'H13',
		])
	})

	it('Annex IV: D1–D15 (Section A) and R1–R13 (Section B)', () => {
		expect(codes('basel-d')).toEqual(Array.from({ length: 15 }, (_, i) => `D${i + 1}`))
		expect(codes('basel-r')).toEqual(Array.from({ length: 13 }, (_, i) => `R${i + 1}`))
	})

	it('Annex VIII/IX: a partial list that says so, with the amended entries dated', () => {
		const list = getCodeList('basel-annex-viii-ix')!
		expect(list.source).toMatch(/^PARTIAL/)
		const entry = (code: string) =>
			list.entries.find((candidate) => candidate.code === code) as unknown as Record<
				string,
				unknown
			>
		expect(entry('A1180')).toMatchObject({ annex: 'VIII', validUntil: '2024-12-31' })
		expect(entry('A1181')).toMatchObject({ annex: 'VIII', validFrom: '2025-01-01' })
		expect(entry('A3210')).toMatchObject({ validFrom: '2021-01-01' })
		expect(entry('B3011')).toMatchObject({ annex: 'IX', validFrom: '2021-01-01' })
		expect(entry('B1110')).toMatchObject({ validUntil: '2024-12-31' })
		expect(entry('B4030')).toMatchObject({ validUntil: '2024-12-31' })
	})

	it('every entry has a French label, and the form texts say the French is a draft', () => {
		for (const id of ['basel-y', 'basel-h', 'basel-d', 'basel-r', 'basel-annex-viii-ix'])
			for (const entry of getCodeList(id)!.entries) expect(entry.labels.fr, entry.code).toBeTruthy()
		expect(getFormTexts('basel-art13', 'fr')?.translation?.status).toBe('draft')
		expect(formText(BASEL_ART13_V1, 'fr').option('basel-r', 'R4')).toMatch(/^Recyclage/)
	})
})

describe('Basel report: a complete report', () => {
	it('validates with no errors and no warnings', () => {
		const evaluation = evaluate(BASEL_ART13_V1, buildCompleteBaselAnswers(ctx), ctx)
		expect(evaluation.issues).toEqual([])
		expect(evaluation.overall).toMatchObject({ canSubmit: true, missing: 0, completeness: 1 })
	})

	it('is a draft version, not published', () => {
		expect(formVersionIdentity('basel-art13', 1)?.status).toBe('draft')
	})

	it('asks every other waste of Annex II the reporting year knows, and no more', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		expect(rowsOf(answers, 'ii_generation_other').map((row) => row.id)).toEqual([
			'Y46',
			'Y47',
			'Y48',
			'Y49',
		])
		const on2023 = baselContext('KEN', 2023)
		expect(evaluate(BASEL_ART13_V1, answers, on2023).hiddenRows.ii_generation_other).toEqual([
			'Y49',
		])
		expect(evaluate(BASEL_ART13_V1, answers, ctx).hiddenRows.ii_generation_other).toEqual([])
	})
})

describe('Part I: changes since the last report', () => {
	it('asks the details only when something changed, and keeps them when nothing did', () => {
		const answers: Answers = { ...buildCompleteBaselAnswers(ctx), i1_changed: 'no' }
		const evaluation = evaluate(BASEL_ART13_V1, answers, ctx)
		expect(evaluation.questions.i1_competent_authorities!.visible).toBe(false)
		expect(evaluation.questions.i1_focal_point!.visible).toBe(false)
		expect(evaluation.issues).toEqual([])
		expect(answers.i1_focal_point).toBeDefined()
	})

	it('a report started from last year’s carries the information and asks again what changed', () => {
		const next = baselContext('KEN', 2026)
		const { answers, report } = migrateAnswers(
			BASEL_ART13_V1,
			BASEL_ART13_V1,
			buildCompleteBaselAnswers(ctx),
			next,
		)
		for (const id of ['i1_changed', 'i3_changed', 'ii_exported', 'ii_generation_total'])
			expect(answers[id], id).toBeUndefined()
		expect(report.find((entry) => entry.source.questionId === 'i1_changed')).toMatchObject({
			outcome: 'to_confirm',
			previous: 'yes',
		})
		expect(answers.i1_focal_point).toMatchObject({ name: 'Grace Wanjiru' })
		expect(rowsOf(answers, 'ii8b_facilities')).toHaveLength(1)
	})

	it('a restriction in force needs the wastes and its legal reference', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		const transit = rowsOf(answers, 'i3_restrictions').find((row) => row.id === 'transit')!
		transit.cells.scope = 'partial'
		expect(issuesOf(answers, 'i3_restrictions')).toMatchObject([
			{ rowId: 'transit', columnId: 'wastes', messageKey: 'required' },
			{ rowId: 'transit', columnId: 'legal_reference', messageKey: 'required' },
		])
	})

	it('asks the other languages only when "other" is ticked', () => {
		const answers = { ...buildCompleteBaselAnswers(ctx), i4b_languages_transit: ['en', 'other'] }
		expect(issuesOf(answers, 'i4b_other_languages')).toMatchObject([{ messageKey: 'required' }])
	})

	it('an agreement cannot end before it starts', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		setCells(answers, 'i8_agreements', { valid_until: '1990-01-01' })
		expect(issuesOf(answers, 'i8_agreements')).toMatchObject([
			{ columnId: 'valid_until', messageKey: 'agreement_ends_before_start', severity: 'error' },
		])
	})
})

describe('Part II: Table 4 rows', () => {
	it('needs exactly one operation: D or R', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		setCells(answers, 'ii_exports', { d_code: 'D10' })
		expect(issuesOf(answers, 'ii_exports')).toMatchObject([
			{
				rowId: 'exp-001',
				columnId: 'd_code',
				severity: 'error',
				messageKey: 'disposal_and_recovery_both_given',
			},
		])
		delete rowsOf(answers, 'ii_exports')[0]!.cells.d_code
		delete rowsOf(answers, 'ii_exports')[0]!.cells.r_code
		expect(issuesOf(answers, 'ii_exports')).toMatchObject([
			{ rowId: 'exp-001', columnId: 'd_code', messageKey: 'required' },
			{ rowId: 'exp-001', columnId: 'r_code', messageKey: 'required' },
		])
	})

	it('takes several transit countries and hazardous characteristics, in tonnes never below 0', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		expect(rowsOf(answers, 'ii_exports')[0]!.cells).toMatchObject({
			transit: ['TZA', 'MOZ'],
			h_codes: ['H8', 'H11'],
		})
		setCells(answers, 'ii_exports', { quantity_t: -1 })
		expect(issuesOf(answers, 'ii_exports')).toMatchObject([
			{ columnId: 'quantity_t', messageKey: 'below_min' },
		])
		const column = BASEL_ART13_V1.parts[1]!.sections[1]!.questions[1]
		expect(
			column?.type === 'table' && column.columns.find((c) => c.id === 'quantity_t'),
		).toMatchObject({ unit: 't', min: 0 })
	})

	it('asks hazardous characteristics of Annex I wastes, not of the other wastes of Annex II', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		delete rowsOf(answers, 'ii_exports')[0]!.cells.h_codes
		expect(issuesOf(answers, 'ii_exports')).toMatchObject([
			{ rowId: 'exp-001', columnId: 'h_codes', messageKey: 'required' },
		])
		// Row 4 is plastic waste (Y48): no characteristic asked.
		expect(rowsOf(answers, 'ii_exports')[3]!.cells.h_codes).toBeUndefined()
	})

	it('the partner is another country', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		setCells(answers, 'ii_imports', { origin: 'KEN' })
		expect(issuesOf(answers, 'ii_imports')).toMatchObject([
			{ columnId: 'origin', messageKey: 'partner_is_reporting_party', severity: 'error' },
		])
	})

	it('uses the codes of the Annexes as they stood in the reporting year', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		// A1180 was replaced by A1181 on 1 January 2025.
		setCells(answers, 'ii_exports', { annex_code: 'A1180' }, 2)
		expect(issuesOf(answers, 'ii_exports')).toMatchObject([
			{ rowId: 'exp-003', columnId: 'annex_code', messageKey: 'code_deleted_from_2025' },
		])
		// In a report on 2024, A1180 is right and A1181 and Y49 are not yet in the Annexes.
		const on2024 = baselContext('KEN', 2024)
		expect(issuesOf(answers, 'ii_exports', on2024)).toEqual([])
		setCells(answers, 'ii_exports', { annex_code: 'A1181', y_code: 'Y49' }, 2)
		expect(
			issuesOf(answers, 'ii_exports', on2024).map((issue) => [issue.columnId, issue.messageKey]),
		).toEqual([
			['y_code', 'code_in_annexes_from_2025'],
			['annex_code', 'code_in_annexes_from_2025'],
		])
		// Plastic waste (Y48) is not an Annex II category before 2021 (nor A1181 before 2025).
		expect(
			issuesOf(buildCompleteBaselAnswers(ctx), 'ii_exports', baselContext('KEN', 2020)).map(
				(issue) => [issue.rowId, issue.columnId, issue.messageKey],
			),
		).toEqual([
			['exp-004', 'y_code', 'code_in_annexes_from_2021'],
			['exp-003', 'annex_code', 'code_in_annexes_from_2025'],
		])
	})
})

describe('Part II: generation totals', () => {
	it('warns when Article 1(1)(a) and 1(1)(b) add up to more than the total', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		setCells(answers, 'ii_generation_total', { quantity_t: 10_000 })
		expect(issuesOf(answers, 'ii_generation_hazardous')).toEqual([
			{
				questionId: 'ii_generation_hazardous',
				columnId: 'quantity_t',
				severity: 'warning',
				messageKey: 'generation_exceeds_total',
				ruleId: 'generation_within_total',
				params: { group: '', total: 13_700, reference: 10_000 },
			},
		])
	})

	it('warns when they add up to less, only once both rows are known', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		setCells(answers, 'ii_generation_total', { quantity_t: 20_000 })
		expect(issuesOf(answers, 'ii_generation_hazardous')).toMatchObject([
			{ ruleId: 'generation_adds_up_to_total', severity: 'warning' },
		])
		setCells(answers, 'ii_generation_hazardous', { quantity_t: { marker: 'not_available' } }, 1)
		expect(issuesOf(answers, 'ii_generation_hazardous')).toEqual([])
	})

	it('warns when the amounts by category exceed the total', () => {
		const answers = buildCompleteBaselAnswers(ctx)
		setCells(answers, 'ii_generation_by_category', { quantity_t: 13_000 })
		expect(issuesOf(answers, 'ii_generation_by_category')).toMatchObject([
			{ messageKey: 'categories_exceed_total', severity: 'warning' },
		])
	})
})
