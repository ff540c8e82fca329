import { describe, expect, it } from 'vitest'
import { filterCodeList, getCodeList } from '../codelists/index.ts'
import { askedAnswers } from '../engine/asked.ts'
import { rowsFor } from '../engine/compile.ts'
import { evaluate } from '../engine/evaluate.ts'
import { formVersionIdentity, getFormDefinition, getFormTexts } from '../registry.ts'
import { formText } from '../text.ts'
import type { Answers, FormContext, Issue, TableAnswer } from '../types.ts'
import { MINAMATA_ART21_V1 } from './v1.ts'
import { registeredCodeLists } from '../codelists/source.ts'

/** The Minamata Convention Article 21 report (issue #14): full and short variants of one form. */

const def = MINAMATA_ART21_V1
const period = {
	partyCode: 'KEN',
	periodStart: '2021-01-01',
	periodEnd: '2024-12-31',
	codeLists: registeredCodeLists,
}
const full: FormContext = { ...period, formVariant: 'full' }
const short: FormContext = { ...period, formVariant: 'short', periodStart: '2023-01-01' }

const FOCAL_POINT = {
	institution: 'Ministry of Environment',
	name: 'A. Focal',
	address: 'PO Box 1, Nairobi',
	email: 'focal@example.org',
}

/** A short report answering "no" to everything it asks. */
function shortAnswers(): Answers {
	return {
		a_party_code: 'KEN',
		a_period_start: 2023,
		a_period_end: 2024,
		a_focal_point: FOCAL_POINT,
		b3_primary_mining: 'no',
		b3_stocks: 'no',
		b3_exports: 'no',
		b3_imports_non_party: 'no',
	}
}

const code = (row: { cells: Record<string, string | number> }, column: string) =>
	row.cells[column] as string

function issuesOf(answers: Answers, questionId: string, ctx: FormContext = full): Issue[] {
	return evaluate(def, answers, ctx).issues.filter((issue) => issue.questionId === questionId)
}

function visibleQuestions(ctx: FormContext, answers: Answers = {}): string[] {
	const evaluation = evaluate(def, answers, ctx)
	return Object.entries(evaluation.questions)
		.filter(([, state]) => state.visible)
		.map(([id]) => id)
}

describe('Minamata code lists', () => {
	it('Annex A Part I: the 2013 products phase out in 2020, COP-4 additions in 2025, COP-5 lamps in 2026–2027', () => {
		const list = getCodeList('minamata-annex-a')!
		const entry = (productCode: string) =>
			list.entries.find((candidate) => candidate.code === productCode) as unknown as Record<
				string,
				unknown
			>
		expect(list.entries).toHaveLength(21)
		expect(entry('A1_batteries')).toMatchObject({
			phaseOut: '2020-12-31',
			validFrom: '2017-08-16',
		})
		expect(entry('A1_batteries')!.amendment).toBeUndefined()
		expect(entry('A1_photo_film')).toMatchObject({ phaseOut: '2025-12-31', amendment: 'MC-4/3' })
		expect(entry('A1_cfl_ni')).toMatchObject({ phaseOut: '2026-12-31', amendment: 'MC-5/4' })
		expect(list.source).toMatch(/MC-4\/3/)
		expect(list.source).toMatch(/reconstructed/)
		// A form prepared before COP-5 would not ask about the COP-5 lamps.
		expect(
			filterCodeList('minamata-annex-a', { adoptedOnOrBefore: '2022-12-31' }).map((e) => e.code),
		).not.toContain('A1_lfl_t5')
	})

	it('Annex B: chlor-alkali and acetaldehyde phase out (Part I); three processes restricted (Part II)', () => {
		expect(filterCodeList('minamata-annex-b', { where: { part: 'I' } }).map((e) => e.code)).toEqual(
			['B1_chlor_alkali', 'B1_acetaldehyde'],
		)
		expect(filterCodeList('minamata-annex-b', { where: { part: 'II' } })).toHaveLength(3)
	})

	it('Annex D: the five point-source categories of emissions, in English and French', () => {
		const sources = getCodeList('minamata-annex-d')!.entries
		expect(sources.map((entry) => entry.code)).toEqual([
			'D_coal_power',
			'D_coal_boilers',
			'D_non_ferrous',
			'D_waste_incineration',
			'D_cement',
		])
		for (const entry of sources) expect(entry.labels.fr).toBeTruthy()
	})
})

describe('the full and short reports are variants of one definition', () => {
	it('is served as a draft, with both variants named in English and French', () => {
		expect(getFormDefinition('minamata-art21', 1)).toEqual(def)
		expect(formVersionIdentity('minamata-art21', 1)?.status).toBe('draft')
		expect(def.variants?.map((variant) => variant.id)).toEqual(['full', 'short'])
		expect(formText(def, 'en').variant('short')).toBe('Short report')
		expect(formText(def, 'fr').variant('full')).toBe('Rapport complet')
		expect(getFormTexts('minamata-art21', 'fr')?.translation?.status).toBe('draft')
	})

	it('the short report asks the Party, contacts, the four Article 3 questions and the challenges', () => {
		const asked = visibleQuestions(short)
		expect(asked).toEqual([
			'a_party_code',
			'a_period_start',
			'a_period_end',
			'a_focal_point',
			'b3_primary_mining',
			'b3_stocks',
			'b3_exports',
			'b3_imports_non_party',
			'b21_challenges',
		])
		const evaluation = evaluate(def, {}, short)
		expect(evaluation.sections.mb_art7_asgm!.visible).toBe(false)
		expect(evaluation.sections.mb_art3_supply!.visible).toBe(true)
	})

	it('a complete short report can be submitted without any full-report answer', () => {
		const evaluation = evaluate(def, shortAnswers(), short)
		expect(evaluation.overall.missing).toBe(0)
		expect(evaluation.overall.canSubmit).toBe(true)
		// The same answers as a full report leave the other articles to answer.
		const asFull = evaluate(def, { ...shortAnswers(), a_period_start: 2021 }, full)
		expect(asFull.overall.canSubmit).toBe(false)
		expect(asFull.questions.b7_more_than_insignificant!.required).toBe(true)
		expect(asFull.questions.b3_chlor_alkali_excess!.required).toBe(true)
	})

	it('answers to full-report questions stay stored but are not exported from a short report', () => {
		const answers = { ...shortAnswers(), b7_more_than_insignificant: 'yes' }
		expect(askedAnswers(def, answers, short)).not.toHaveProperty('b7_more_than_insignificant')
		expect(askedAnswers(def, answers, full)).toHaveProperty('b7_more_than_insignificant', 'yes')
	})

	it('the full report asks every article', () => {
		const asked = visibleQuestions(full)
		for (const id of [
			'b3_chlor_alkali_excess',
			'b4_products_measures',
			'b4_amalgam_measures',
			'b5_facilities',
			'b7_more_than_insignificant',
			'b8_relevant_sources',
			'b10_interim_storage',
			'b12_site_strategies',
			'b13_financial_received',
			'b18_awareness',
			'b21_effectiveness',
		])
			expect(asked).toContain(id)
	})

	it('the full report lists the legal measures, as the Stockholm report names them (LEG.MEASURE)', () => {
		expect(visibleQuestions(full)).toContain('b_legal_measures')
		expect(visibleQuestions(short)).not.toContain('b_legal_measures')
		const list = evaluate(def, {}, full).issues.filter((i) => i.questionId === 'b_legal_measures')
		expect(list.map((issue) => issue.messageKey)).toContain('required')
		const measures = def.parts
			.flatMap((part) => part.sections)
			.flatMap((section) => section.questions)
			.find((question) => question.id === 'b_legal_measures')
		expect(measures).toMatchObject({
			type: 'table',
			concept: 'LEG.MEASURE',
			rows: { kind: 'open' },
		})
		expect(
			measures?.type === 'table' && measures.columns.map((c) => [c.id, c.type, c.concept]),
		).toEqual([
			['measure_reference', 'long_text', 'LEG.MEASURE'],
			['measure_date', 'date', undefined],
			['summary', 'long_text', undefined],
		])
		for (const lang of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) {
			const text = formText(def, lang)
			expect(text.label('b_legal_measures')).not.toBe('b_legal_measures')
			expect(text.label('b_legal_measures.measure_reference')).not.toBe(
				'b_legal_measures.measure_reference',
			)
		}
	})
})

describe('conditions and rules', () => {
	it('"yes" to exports asks for the partner table; each row needs a partner, tonnes, purpose and consent', () => {
		const answers: Answers = { ...shortAnswers(), b3_exports: 'yes' }
		expect(evaluate(def, answers, short).questions.b3_exports_table).toMatchObject({
			visible: true,
			required: true,
			answered: false,
		})
		answers.b3_exports_table = {
			rows: [{ id: 'r1', cells: { partner: 'KEN', quantity_t: -1, purpose: 'allowed_use' } }],
		}
		const messages = issuesOf(answers, 'b3_exports_table', short).map((issue) => [
			issue.columnId,
			issue.messageKey,
		])
		expect(messages).toEqual(
			expect.arrayContaining([
				['quantity_t', 'below_min'],
				['consent', 'required'],
				['partner', 'partner_is_reporting_party'],
			]),
		)
	})

	it('an export without written consent is a warning to explain (Art. 3(6))', () => {
		const answers: Answers = {
			...shortAnswers(),
			b3_exports: 'yes',
			b3_exports_table: {
				rows: [
					{
						id: 'r1',
						cells: { partner: 'IND', quantity_t: 12, purpose: 'allowed_use', consent: 'no' },
					},
				],
			},
		}
		const issues = issuesOf(answers, 'b3_exports_table', short)
		expect(issues.map((issue) => [issue.ruleId, issue.severity])).toEqual([
			['b3_exports_table_consent', 'warning'],
		])
		expect(formText(def, 'en').message(issues[0]!)).toMatch(/written consent/)
		expect(evaluate(def, answers, short).overall.canSubmit).toBe(true)
	})

	it('a stock of 50 t or less is a warning: only stocks over 50 t are reported', () => {
		const answers: Answers = {
			...shortAnswers(),
			b3_stocks: 'yes',
			b3_stocks_table: {
				rows: [{ id: 's1', cells: { location: 'Mine A', substance: 'mercury', quantity_t: 20 } }],
			},
		}
		expect(issuesOf(answers, 'b3_stocks_table', short).map((issue) => issue.ruleId)).toEqual([
			'b3_stock_over_50_t',
		])
		expect(visibleQuestions(short, answers)).toContain('b3_supply_sources')
	})

	it('ASGM: "more than insignificant" asks for the national action plan, its date only once it exists', () => {
		const asked = (answers: Answers) => visibleQuestions(full, answers)
		expect(asked({ b7_more_than_insignificant: 'no' })).not.toContain('b7_nap')
		expect(asked({ b7_more_than_insignificant: 'yes' })).toContain('b7_nap')
		expect(asked({ b7_more_than_insignificant: 'yes', b7_nap: 'under_development' })).not.toContain(
			'b7_nap_date',
		)
		expect(asked({ b7_more_than_insignificant: 'yes', b7_nap: 'yes' })).toContain('b7_nap_date')
	})

	it('the products table has one row per Annex A product; a measure is asked when the product is not allowed', () => {
		const rows = rowsFor(def, 'b4_products_table', full)
		expect(rows.map((row) => code(row, 'product'))).toEqual(
			getCodeList('minamata-annex-a')!.entries.map((entry) => entry.code),
		)
		const answers: Answers = {
			b4_products_measures: 'yes',
			b4_products_table: {
				rows: rows.map((row) => ({
					id: row.id,
					key: row.key,
					cells: { ...row.cells, status: 'no_measure' },
				})),
			},
		}
		const table = answers.b4_products_table as TableAnswer
		table.rows[0]!.cells.status = 'not_allowed'
		const issues = issuesOf(answers, 'b4_products_table')
		expect(issues.map((issue) => [issue.rowId, issue.columnId, issue.messageKey])).toEqual([
			[rows[0]!.id, 'measure', 'required'],
		])
	})
})
