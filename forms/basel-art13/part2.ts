/**
 * Part II of the Basel Convention national report: the data of the year reported on, in metric
 * tonnes. Table 4 (exports), Tables 8A/8B (facilities), Table 9 (disposals that did not proceed as
 * intended) and Table 10 (accidents) are the numbers the Secretariat's systems use; the columns
 * of Table 4 are those of its data feed (destination, transit, waste, Y code, Annex VIII/IX code,
 * national code, H codes, D or R operation, amount). The generation rows, the import table (Table 5
 * in the compilations, not confirmed), the columns of Tables 8A–10 and the illegal traffic table
 * are reconstructed from Art. 13(3)(b), (f) and (g) and Art. 9.
 */
import { all, any, cell, eq, gte, isYes, noneOf, unanswered } from '../dsl.ts'
import { otherWasteCodes } from '../codelists/basel.ts'
import { QUANTITY_MARKERS, tonnes } from '../quantities.ts'
import type { Question, Section, TableColumn } from '../types.ts'

/** A "did this happen in the year?" question and the table it opens. */
function occurredWithTable(
	id: string,
	concept: string,
	table: Omit<Extract<Question, { type: 'table' }>, 'visibleIf' | 'concept' | 'required'>,
): Question[] {
	return [
		{ id, type: 'yes_no', concept, required: true, periodBound: true },
		{ ...table, concept, required: true, visibleIf: isYes(id) },
	]
}

const reportingYearFrom = (year: number) => gte({ context: 'periodEndYear' }, year)

/**
 * Generation: hazardous wastes under Art. 1(1)(a) and 1(1)(b), their total, and the other wastes
 * of Annex II (Y48 asked from reporting year 2021, Y49 from 2025), as the Basel country fact
 * sheets show them; optionally broken down by Annex I category.
 */
const GENERATION: Section = {
	id: 'bii_generation',
	reconstructed:
		'The rows follow the Secretariat’s country fact sheets (Art. 1(1)(a), 1(1)(b), total, other wastes); their numbering in the questionnaire is reconstructed.',
	questions: [
		{
			id: 'ii_generation_hazardous',
			type: 'table',
			concept: 'WASTE.GEN',
			required: true,
			periodBound: true,
			rows: {
				kind: 'fixed',
				dimensions: [{ column: 'basis', codes: ['art_1_1_a', 'art_1_1_b'] }],
			},
			columns: [
				{
					id: 'basis',
					type: 'single_choice',
					options: ['art_1_1_a', 'art_1_1_b'],
					readOnly: true,
				},
				{ ...tonnes('quantity_t'), markers: [...QUANTITY_MARKERS, 'not_applicable'] },
			],
		},
		{
			id: 'ii_generation_total',
			type: 'table',
			concept: 'WASTE.GEN',
			required: true,
			periodBound: true,
			rows: { kind: 'fixed', dimensions: [{ column: 'scope', codes: ['total'] }] },
			columns: [
				{ id: 'scope', type: 'single_choice', options: ['total'], readOnly: true },
				tonnes('quantity_t'),
			],
		},
		{
			id: 'ii_generation_other',
			type: 'table',
			concept: 'WASTE.GEN',
			required: true,
			periodBound: true,
			rows: {
				kind: 'fixed',
				dimensions: [{ column: 'y_code', codeList: 'basel-y', filter: { where: { annex: 'II' } } }],
				visibleIf: any(
					noneOf(cell('y_code'), ['Y48', 'Y49']),
					all(eq(cell('y_code'), 'Y48'), reportingYearFrom(2021)),
					all(eq(cell('y_code'), 'Y49'), reportingYearFrom(2025)),
				),
			},
			columns: [
				{ id: 'y_code', type: 'single_choice', codeList: 'basel-y', readOnly: true },
				tonnes('quantity_t'),
			],
		},
		{
			id: 'ii_generation_by_category',
			type: 'table',
			concept: 'WASTE.GEN',
			periodBound: true,
			rows: { kind: 'open' },
			columns: [
				{
					id: 'y_code',
					type: 'single_choice',
					codeList: 'basel-y',
					filter: { where: { annex: 'I' } },
					required: true,
				},
				tonnes('quantity_t'),
			],
		},
	],
}

/**
 * The columns of a movement table (Table 4 and its mirror for imports): partner country, transit
 * countries, the waste and its codes, the operation (D or R, exactly one) and the amount.
 */
function movementColumns(partner: 'destination' | 'origin'): TableColumn[] {
	return [
		{ id: partner, type: 'country', required: true },
		{ id: 'transit', type: 'country', multiple: true },
		{ id: 'waste_description', type: 'text', required: true },
		{ id: 'y_code', type: 'single_choice', codeList: 'basel-y', required: true },
		{ id: 'annex_code', type: 'single_choice', codeList: 'basel-annex-viii-ix' },
		{ id: 'national_code', type: 'text' },
		{
			id: 'h_codes',
			type: 'multiple_choice',
			codeList: 'basel-h',
			// No hazardous characteristic is asked of the "other wastes" of Annex II.
			required: noneOf(cell('y_code'), otherWasteCodes()),
		},
		{
			id: 'd_code',
			type: 'single_choice',
			codeList: 'basel-d',
			required: unanswered(cell('r_code')),
		},
		{
			id: 'r_code',
			type: 'single_choice',
			codeList: 'basel-r',
			required: unanswered(cell('d_code')),
		},
		tonnes('quantity_t'),
	]
}

const EXPORTS: Section = {
	id: 'bii_exports',
	questions: occurredWithTable('ii_exported', 'TRADE.EXPORT.WASTE', {
		id: 'ii_exports',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: movementColumns('destination'),
	}),
}

const IMPORTS: Section = {
	id: 'bii_imports',
	reconstructed:
		'The import table mirrors Table 4 with the country of origin; its number (Table 5) is not confirmed.',
	questions: occurredWithTable('ii_imported', 'TRADE.IMPORT.WASTE', {
		id: 'ii_imports',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: movementColumns('origin'),
	}),
}

/** Tables 8A (disposal, D codes) and 8B (recovery, R codes): operated within national jurisdiction. */
function facilityQuestions(table: '8a' | '8b', operations: 'basel-d' | 'basel-r'): Question[] {
	const exists = `ii${table}_facilities_exist`
	return [
		{ id: exists, type: 'yes_no', concept: 'FACILITY.DISPOSAL', required: true },
		{
			id: `ii${table}_facilities`,
			type: 'table',
			concept: 'FACILITY.DISPOSAL',
			required: true,
			visibleIf: isYes(exists),
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{ id: 'name', type: 'text', required: true },
				{ id: 'address', type: 'long_text', required: true },
				{ id: 'operations', type: 'multiple_choice', codeList: operations, required: true },
				{ id: 'waste_categories', type: 'multiple_choice', codeList: 'basel-y', required: true },
				tonnes('capacity_t', false),
				{ id: 'accepts_imports', type: 'yes_no' },
			],
		},
	]
}

const FACILITIES: Section = {
	id: 'bii_facilities',
	reconstructed:
		'Tables 8A and 8B are confirmed (prefilled from the previous report); their columns are reconstructed. The capacity is in tonnes a year.',
	questions: [...facilityQuestions('8a', 'basel-d'), ...facilityQuestions('8b', 'basel-r')],
}

const NOT_AS_INTENDED: Section = {
	id: 'bii_not_as_intended',
	reconstructed:
		'Table 9 is confirmed; its columns are reconstructed from Art. 8 and Art. 13(3)(b)(iii).',
	questions: occurredWithTable('ii9_occurred', 'WASTE.MOVEMENT.FAILED', {
		id: 'ii9_cases',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: [
			{ id: 'date', type: 'date', required: true },
			{ id: 'direction', type: 'single_choice', options: ['export', 'import'], required: true },
			{ id: 'partner', type: 'country', required: true },
			{ id: 'y_code', type: 'single_choice', codeList: 'basel-y', required: true },
			{ id: 'h_codes', type: 'multiple_choice', codeList: 'basel-h' },
			tonnes('quantity_t'),
			{ id: 'reason', type: 'long_text', required: true },
			{ id: 'action_taken', type: 'long_text', required: true },
		],
	}),
}

const ACCIDENTS: Section = {
	id: 'bii_accidents',
	reconstructed:
		'Table 10 is confirmed; its columns are reconstructed from Art. 13(1) and 13(3)(f).',
	questions: occurredWithTable('ii10_occurred', 'ACCIDENT', {
		id: 'ii10_accidents',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: [
			{ id: 'date', type: 'date', required: true },
			{ id: 'place', type: 'text', required: true },
			{ id: 'y_code', type: 'single_choice', codeList: 'basel-y', required: true },
			tonnes('quantity_t'),
			{ id: 'description', type: 'long_text', required: true },
			{ id: 'measures', type: 'long_text', required: true },
		],
	}),
}

const ILLEGAL_TRAFFIC: Section = {
	id: 'bii_illegal_traffic',
	reconstructed:
		'Where the questionnaire asks about illegal traffic (Art. 9) is not confirmed; the table is ours.',
	questions: occurredWithTable('ii11_occurred', 'ILLEGAL.TRAFFIC', {
		id: 'ii11_cases',
		type: 'table',
		rows: { kind: 'open', minRows: 1 },
		columns: [
			{ id: 'date', type: 'date', required: true },
			{
				id: 'direction',
				type: 'single_choice',
				options: ['export', 'import', 'transit'],
				required: true,
			},
			{ id: 'partner', type: 'country', required: true },
			{ id: 'y_code', type: 'single_choice', codeList: 'basel-y', required: true },
			tonnes('quantity_t'),
			{ id: 'description', type: 'long_text', required: true },
			{ id: 'action_taken', type: 'long_text', required: true },
		],
	}),
}

export const PART_II_SECTIONS: Section[] = [
	GENERATION,
	EXPORTS,
	IMPORTS,
	FACILITIES,
	NOT_AS_INTENDED,
	ACCIDENTS,
	ILLEGAL_TRAFFIC,
]
