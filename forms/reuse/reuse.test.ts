import { describe, expect, it } from 'vitest'
import { art15V5Context, buildCompleteArt15V5Answers } from '../fixtures/builders.ts'
import { minamataContext } from '../fixtures/minamata.ts'
import { requireFormDefinition, impliedClassification } from '../registry.ts'
import type { Answers, FormContext, Question } from '../types.ts'
import { disagreements, quantityFacts } from './facts.ts'
import { reuseOffers, type ReuseSource } from './offers.ts'
import { transferAnswer, transferScalar } from './transfer.ts'
import { registeredCodeLists } from '../codelists/source.ts'

const art15 = requireFormDefinition('stockholm-art15', 6)
const ddt = requireFormDefinition('ddt', 1)
const basel = requireFormDefinition('basel-art13', 1)
const minamata = requireFormDefinition('minamata-art21', 1)
const art15v5 = requireFormDefinition('stockholm-art15', 5)
const art15Ctx: FormContext = {
	partyCode: 'KEN',
	periodStart: '2022-01-01',
	periodEnd: '2025-12-31',
	codeLists: registeredCodeLists,
}

const contact = {
	institution: 'Ministry of Environment',
	name: 'Jane Doe',
	address: 'P.O. Box 1, Nairobi',
	email: 'jane@example.org',
	phone: '+254 20 000000',
}

describe('transferScalar', () => {
	const tonnes: Question = { id: 't', type: 'decimal', unit: 't' }
	const kg: Question = { id: 'k', type: 'decimal', unit: 'kg' }
	const kgAi: Question = { id: 'a', type: 'decimal', unit: 'kg_ai' }

	it('converts tonnes to kilograms and says so', () => {
		expect(transferScalar(kg, tonnes, 12.5)).toEqual({
			value: 12500,
			conversion: { from: 't', to: 'kg' },
		})
		expect(transferScalar(kg, tonnes, 0.1)?.value).toBe(100)
	})

	it('never converts across dimensions, nor moves markers', () => {
		expect(transferScalar(kg, kgAi, 5)).toBeUndefined()
		expect(transferScalar(kg, tonnes, { marker: 'confidential' })).toBeUndefined()
	})

	it('moves a yes/no answer into a yes/no/under-development question but not back', () => {
		const yesNo: Question = { id: 'y', type: 'yes_no' }
		const status: Question = { id: 's', type: 'yes_no_status' }
		expect(transferScalar(status, yesNo, 'yes')).toEqual({ value: 'yes' })
		expect(transferScalar(yesNo, status, 'under_development')).toBeUndefined()
	})

	it('moves a choice only when every code is an option of the target', () => {
		const target: Question = { id: 'c', type: 'multiple_choice', options: ['a', 'b'] }
		const source: Question = { id: 'd', type: 'multiple_choice', options: ['a', 'b', 'c'] }
		expect(transferScalar(target, source, ['a', 'b'])).toEqual({ value: ['a', 'b'] })
		expect(transferScalar(target, source, ['a', 'c'])).toBeUndefined()
	})

	it('respects the target text length', () => {
		const short: Question = { id: 's', type: 'text', maxLength: 5 }
		const long: Question = { id: 'l', type: 'long_text' }
		expect(transferScalar(short, long, 'too long for it')).toBeUndefined()
		expect(transferScalar(long, short, 'fits')).toEqual({ value: 'fits' })
	})
})

describe('transferAnswer for tables', () => {
	const source: Question = {
		id: 'exports',
		type: 'table',
		rows: { kind: 'open' },
		columns: [
			{ id: 'partner', type: 'country', concept: 'PARTY.ID' },
			{ id: 'tonnes', type: 'decimal', unit: 't', concept: 'TRADE.EXPORT.WASTE' },
			{ id: 'remark', type: 'text' },
		],
	}
	const target: Question = {
		id: 'waste_exports',
		type: 'table',
		rows: { kind: 'open' },
		columns: [
			{ id: 'destination', type: 'country', concept: 'PARTY.ID' },
			{ id: 'kilograms', type: 'decimal', unit: 'kg', concept: 'TRADE.EXPORT.WASTE' },
		],
	}

	it('maps columns by concept and converts units row by row', () => {
		const moved = transferAnswer(target, source, {
			rows: [
				{ id: 'r1', cells: { partner: 'IND', tonnes: 2, remark: 'x' } },
				{ id: 'r2', cells: { partner: 'UGA', tonnes: { marker: 'not_available' } } },
			],
		})
		expect(moved?.conversions).toEqual([{ from: 't', to: 'kg' }])
		expect(moved?.value).toEqual({
			rows: [
				{ id: 'reused-1', cells: { destination: 'IND', kilograms: 2000 } },
				{ id: 'reused-2', cells: { destination: 'UGA' } },
			],
		})
	})

	it('offers nothing when no answerable column matches', () => {
		const other: Question = {
			id: 'o',
			type: 'table',
			rows: { kind: 'open' },
			columns: [{ id: 'name', type: 'text' }],
		}
		expect(transferAnswer(other, source, { rows: [{ id: 'r', cells: { remark: 'x' } }] })).toBe(
			undefined,
		)
	})
})

describe('reuseOffers over the real definitions', () => {
	const baselSource = (answers: Answers): ReuseSource => ({
		id: 'basel-submission',
		definition: basel,
		answers,
	})

	it('offers the Basel report’s focal point for the Stockholm report’s, field by field', () => {
		const offers = reuseOffers({ definition: art15, answers: {}, ctx: art15Ctx }, [
			baselSource({ i1_changed: 'yes', i1_focal_point: contact }),
		])
		const nfp = offers.filter((offer) => offer.questionId === 'a_nfp_contact')
		expect(nfp.length).toBeGreaterThan(0)
		expect(nfp[0]).toMatchObject({ sourceId: 'basel-submission', flow: 'prefill', value: contact })
	})

	it('offers nothing for a question already answered, nor from the same form', () => {
		const answered = reuseOffers(
			{ definition: art15, answers: { a_nfp_contact: contact }, ctx: art15Ctx },
			[{ id: 'old-art15', definition: art15, answers: { a_nfp_contact: contact } }],
		)
		expect(answered.filter((o) => o.questionId === 'a_nfp_contact')).toEqual([])
	})

	it('offers the same answer once, from the newest source', () => {
		const sources: ReuseSource[] = [
			{ id: 'ddt-new', definition: ddt, answers: { g_contact: contact } },
			{ id: 'ddt-old', definition: ddt, answers: { g_contact: contact } },
		]
		const offers = reuseOffers({ definition: art15, answers: {}, ctx: art15Ctx }, sources).filter(
			(offer) => offer.questionId === 'a_nfp_contact',
		)
		expect(offers.map((offer) => offer.sourceId)).toEqual(['ddt-new'])
	})
})

describe('legal measures from the Stockholm report into the Minamata report', () => {
	const kenyaArt15: ReuseSource = {
		id: 'art15-5th',
		definition: art15v5,
		answers: buildCompleteArt15V5Answers(art15V5Context('KEN')),
	}

	it('offers the measures named per chemical as one list, each measure once, with its date', () => {
		const full = reuseOffers(
			{ definition: minamata, answers: {}, ctx: minamataContext('KEN', 'full') },
			[kenyaArt15],
		).filter((offer) => offer.questionId === 'b_legal_measures')
		// Annex A and Annex B give the same regulation: one offer, one row.
		expect(full).toHaveLength(1)
		expect(full[0]).toMatchObject({
			sourceId: 'art15-5th',
			sourceQuestionId: 'b3_measures_annex_a',
			flow: 'direct',
			value: {
				rows: [
					{
						id: 'reused-1',
						cells: {
							measure_reference:
								'Environmental Management and Co-ordination (Toxic Substances) Regulations',
							measure_date: '2021-06-30',
						},
					},
				],
			},
		})
	})

	it('asks the list in the full report only', () => {
		const short = reuseOffers(
			{ definition: minamata, answers: {}, ctx: minamataContext('KEN', 'short') },
			[kenyaArt15],
		)
		expect(short.some((offer) => offer.questionId === 'b_legal_measures')).toBe(false)
		expect(short.some((offer) => offer.questionId === 'a_focal_point')).toBe(true)
	})

	it('keeps rows that differ in a column the target asks', () => {
		const list: Question = {
			id: 'list',
			type: 'table',
			rows: { kind: 'open' },
			columns: [
				{ id: 'measure_reference', type: 'long_text', concept: 'LEG.MEASURE' },
				{ id: 'measure_date', type: 'date' },
			],
		}
		const perChemical: Question = {
			id: 'per_chemical',
			type: 'table',
			rows: { kind: 'open' },
			columns: [
				{ id: 'chemical', type: 'chemical' },
				{ id: 'measure_reference', type: 'long_text', concept: 'LEG.MEASURE' },
				{ id: 'measure_date', type: 'date' },
			],
		}
		const row = (id: string, chemical: string, date: string) => ({
			id,
			cells: { chemical, measure_reference: 'Act 1', measure_date: date },
		})
		const moved = transferAnswer(list, perChemical, {
			rows: [
				row('a', 'DDT', '2020-01-01'),
				row('b', 'PFOS', '2020-01-01'),
				row('c', 'HCB', '2021-05-01'),
			],
		})
		expect(moved?.value).toEqual({
			rows: [
				{ id: 'reused-1', cells: { measure_reference: 'Act 1', measure_date: '2020-01-01' } },
				{ id: 'reused-2', cells: { measure_reference: 'Act 1', measure_date: '2021-05-01' } },
			],
		})
	})
})

describe('disagreements', () => {
	const statistics = (kg: number) => ({
		b3_statistics: {
			rows: [
				{
					id: 'DDT|2024',
					key: 'DDT|2024',
					cells: { chemical: 'DDT', year: 2024, production_kg: kg, import_kg: 0, export_kg: 0 },
				},
			],
		},
	})
	const ddtProduction = (kgAi: number) => ({
		a_ddt_produced: 'yes',
		a_production: {
			rows: [
				{
					id: '2024',
					key: '2024',
					cells: { year: 2024, quantity_kg_ai: kgAi, formulation: '75% WP' },
				},
			],
		},
	})
	const facts = (art15Kg: number, ddtKg: number) => [
		{ id: 'art15', formId: 'stockholm-art15', facts: quantityFacts(art15, statistics(art15Kg)) },
		{
			id: 'ddt',
			formId: 'ddt',
			facts: quantityFacts(ddt, ddtProduction(ddtKg), { implied: impliedClassification('ddt') }),
		},
	]

	it('finds DDT production given differently in the DDT questionnaire and the Article 15 statistics', () => {
		const found = disagreements(facts(120_000, 95_000))
		expect(found).toHaveLength(1)
		expect(found[0]).toMatchObject({
			concept: 'PROD.CHEM',
			dims: { chemical: 'cas:50-29-3', year: '2024' },
			values: [
				{ formId: 'stockholm-art15', amount: 120_000, questionId: 'b3_statistics' },
				{ formId: 'ddt', amount: 95_000, questionId: 'a_production' },
			],
		})
	})

	it('accepts the same amount, and rounding within half a percent', () => {
		expect(disagreements(facts(120_000, 120_000))).toEqual([])
		expect(disagreements(facts(120_000, 120_400))).toEqual([])
	})

	it('meets tonnes and kilograms in one canonical unit', () => {
		const tonnesForm = {
			...basel,
			formId: 'test-tonnes',
			parts: [
				{
					id: 'p',
					sections: [
						{
							id: 's',
							questions: [
								{
									id: 'q',
									type: 'decimal' as const,
									unit: 't',
									concept: 'WASTE.GEN',
								},
							],
						},
					],
				},
			],
			rules: [],
		}
		const kgForm = {
			...tonnesForm,
			formId: 'test-kg',
			parts: [
				{
					id: 'p',
					sections: [
						{
							id: 's',
							questions: [{ id: 'q', type: 'decimal' as const, unit: 'kg', concept: 'WASTE.GEN' }],
						},
					],
				},
			],
		}
		const period = { periodStart: '2024-01-01', periodEnd: '2024-12-31' }
		const same = disagreements([
			{ id: 'a', formId: 'test-tonnes', facts: quantityFacts(tonnesForm, { q: 3 }, { period }) },
			{ id: 'b', formId: 'test-kg', facts: quantityFacts(kgForm, { q: 3000 }, { period }) },
		])
		expect(same).toEqual([])
		const different = disagreements([
			{ id: 'a', formId: 'test-tonnes', facts: quantityFacts(tonnesForm, { q: 3 }, { period }) },
			{ id: 'b', formId: 'test-kg', facts: quantityFacts(kgForm, { q: 30 }, { period }) },
		])
		expect(different[0]?.dims).toEqual({ year: '2024' })
		// Over several years, a quantity with no year of its own is about the whole period: only
		// the same period's meets it.
		const over = (periodStart: string, periodEnd: string) => ({ periodStart, periodEnd })
		const periods = (a: ReturnType<typeof over>, b: ReturnType<typeof over>) =>
			disagreements([
				{
					id: 'a',
					formId: 'test-tonnes',
					facts: quantityFacts(tonnesForm, { q: 3 }, { period: a }),
				},
				{ id: 'b', formId: 'test-kg', facts: quantityFacts(kgForm, { q: 30 }, { period: b }) },
			])
		expect(periods(over('2018-01-01', '2021-12-31'), over('2021-01-01', '2024-12-31'))).toEqual([])
		expect(
			periods(over('2021-01-01', '2024-12-31'), over('2021-01-01', '2024-12-31')),
		).toHaveLength(1)
	})
})
