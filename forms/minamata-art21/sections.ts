/**
 * Sections of the Minamata Convention national report under Article 21, following the reporting
 * format in the annex to decision MC-1/8 (clarified by MC-4/8, amended by MC-5/13): Party and
 * contacts, then one section per article. Each obligation opens with a yes/no question and asks
 * for the details only on "yes".
 *
 * The short report (every 2 years) asks the questions marked with an asterisk in the full format
 * (every 4 years). Which four they are was not verified: we take the four Article 3 questions on
 * primary mining, stocks and supply sources, exports and imports from non-Parties
 * (reconstructed); the Party and contact section and the closing challenges are asked in both.
 * Question wording is reconstructed from the Convention text throughout.
 */
import { cell, eq, isYes } from '../dsl.ts'
import { CONTACT_FIELDS } from '../contact-fields.ts'
import { QUANTITY_MARKERS, tonnes } from '../quantities.ts'
import type { Condition, Question, Section, TableColumn } from '../types.ts'

const FULL_ONLY = ['full']

/** A yes/no question and, on "yes", the text describing the measures. */
function yesThenDetails(id: string, concept: string, extra: Question[] = []): Question[] {
	return [
		{ id, type: 'yes_no', concept, required: true },
		{ id: `${id}_details`, type: 'long_text', concept, required: true, visibleIf: isYes(id) },
		...extra.map((question) => ({ ...question, visibleIf: whenYes(id, question.visibleIf) })),
	]
}

function whenYes(id: string, own: Condition | undefined): Condition {
	return own ? { all: [isYes(id), own] } : isYes(id)
}

/** Partner Party, quantity and purpose of a movement of mercury (Art. 3(6) and 3(8)). */
function tradeColumns(documentColumn: string): TableColumn[] {
	return [
		{ id: 'partner', type: 'country', required: true },
		tonnes('quantity_t'),
		{
			id: 'purpose',
			type: 'single_choice',
			options: ['allowed_use', 'interim_storage'],
			required: true,
		},
		{ id: documentColumn, type: 'yes_no', required: true },
	]
}

const PARTY: Section = {
	id: 'ma_party',
	questions: [
		{
			id: 'a_party_code',
			type: 'country',
			concept: 'PARTY.ID',
			required: true,
			prefill: 'partyCode',
			readOnly: true,
		},
		{
			id: 'a_period_start',
			type: 'year',
			concept: 'REPORT.PERIOD',
			required: true,
			prefill: 'periodStartYear',
			readOnly: true,
		},
		{
			id: 'a_period_end',
			type: 'year',
			concept: 'REPORT.PERIOD',
			required: true,
			prefill: 'periodEndYear',
			readOnly: true,
		},
		{
			id: 'a_focal_point',
			type: 'contact',
			concept: 'CONTACT.NFP',
			required: true,
			fields: CONTACT_FIELDS,
		},
	],
}

/**
 * The legislative and administrative measures by which the Party implements the Convention, as a
 * list (Article 21(1): "the measures it has taken"). Same shape as the measures the Stockholm
 * report asks (a reference naming the measure, and its date), so that "report once" can offer a
 * Party's chemicals legislation given there (concept `LEG.MEASURE`).
 */
const LEGAL_MEASURES: Section = {
	id: 'mb_legal_measures',
	variants: FULL_ONLY,
	reconstructed:
		'The format asks for measures article by article; one list of the legislative and administrative measures in force, with their reference, date and what they provide on mercury, is ours. Asked in the full report only: the short report asks the four asterisked questions.',
	questions: [
		{
			id: 'b_legal_measures',
			type: 'table',
			concept: 'LEG.MEASURE',
			required: true,
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{ id: 'measure_reference', type: 'long_text', concept: 'LEG.MEASURE', required: true },
				{ id: 'measure_date', type: 'date' },
				{ id: 'summary', type: 'long_text' },
			],
		},
	],
}

/** Article 3: mercury supply sources and trade. */
const ART3: Section = {
	id: 'mb_art3_supply',
	reconstructed:
		'The four questions asked in the short report (primary mining, stocks and sources, exports, imports from non-Parties) are our reading of the asterisked questions; the chlor-alkali question is asked in the full report only.',
	questions: [
		{ id: 'b3_primary_mining', type: 'yes_no', concept: 'PROD.CHEM', required: true },
		{
			id: 'b3_mining_quantity_t',
			type: 'decimal',
			concept: 'PROD.CHEM',
			unit: 't',
			min: 0,
			required: true,
			periodBound: true,
			markers: [...QUANTITY_MARKERS],
			visibleIf: isYes('b3_primary_mining'),
		},
		{ id: 'b3_stocks', type: 'yes_no', concept: 'STOCK.CHEM', required: true },
		{
			id: 'b3_stocks_table',
			type: 'table',
			concept: 'STOCK.CHEM',
			required: true,
			periodBound: true,
			visibleIf: isYes('b3_stocks'),
			rows: { kind: 'open', minRows: 1 },
			columns: [
				{ id: 'location', type: 'text', required: true },
				{
					id: 'substance',
					type: 'single_choice',
					options: ['mercury', 'mercury_compounds'],
					required: true,
				},
				tonnes('quantity_t'),
			],
		},
		{
			id: 'b3_supply_sources',
			type: 'long_text',
			concept: 'PROD.CHEM',
			visibleIf: isYes('b3_stocks'),
		},
		{
			id: 'b3_chlor_alkali_excess',
			type: 'yes_no',
			concept: 'STOCK.CHEM',
			required: true,
			variants: FULL_ONLY,
		},
		{
			id: 'b3_chlor_alkali_details',
			type: 'long_text',
			concept: 'STOCK.CHEM',
			required: true,
			variants: FULL_ONLY,
			visibleIf: isYes('b3_chlor_alkali_excess'),
		},
		{ id: 'b3_exports', type: 'yes_no', concept: 'TRADE.EXPORT.CHEM', required: true },
		{
			id: 'b3_exports_table',
			type: 'table',
			concept: 'TRADE.EXPORT.CHEM',
			required: true,
			periodBound: true,
			visibleIf: isYes('b3_exports'),
			rows: { kind: 'open', minRows: 1 },
			columns: tradeColumns('consent'),
		},
		{ id: 'b3_imports_non_party', type: 'yes_no', concept: 'TRADE.IMPORT.CHEM', required: true },
		{
			id: 'b3_imports_table',
			type: 'table',
			concept: 'TRADE.IMPORT.CHEM',
			required: true,
			periodBound: true,
			visibleIf: isYes('b3_imports_non_party'),
			rows: { kind: 'open', minRows: 1 },
			columns: tradeColumns('certification'),
		},
	],
}

/** Article 4 (Annex A Part I phase-out, Part II dental amalgam) and Article 6 exemptions. */
const ART4: Section = {
	id: 'mb_art4_products',
	variants: FULL_ONLY,
	questions: [
		{ id: 'b4_products_measures', type: 'yes_no', concept: 'MERCURY.PRODUCTS', required: true },
		{
			id: 'b4_products_table',
			type: 'table',
			concept: 'MERCURY.PRODUCTS',
			required: true,
			visibleIf: isYes('b4_products_measures'),
			rows: {
				kind: 'fixed',
				dimensions: [
					{
						column: 'product',
						codeList: 'minamata-annex-a',
						filter: { adoptedOnOrBefore: '2023-11-03' },
					},
				],
			},
			columns: [
				{ id: 'product', type: 'single_choice', codeList: 'minamata-annex-a', readOnly: true },
				{
					id: 'status',
					type: 'single_choice',
					options: ['not_allowed', 'exemption', 'no_measure'],
					required: true,
					markers: ['not_applicable'],
				},
				{
					id: 'measure',
					type: 'text',
					concept: 'LEG.MEASURE',
					required: eq(cell('status'), 'not_allowed'),
					visibleIf: eq(cell('status'), 'not_allowed'),
				},
			],
		},
		{
			id: 'b4_amalgam_measures',
			type: 'multiple_choice',
			concept: 'MERCURY.PRODUCTS',
			required: true,
			options: [
				'national_objectives',
				'promote_prevention',
				'mercury_free_alternatives',
				'research_materials',
				'training',
				'insurance_policies',
				'encapsulated_only',
				'best_practices_facilities',
				'no_bulk_mercury',
				'no_amalgam_children',
			],
			reconstructed:
				'Options follow the measures of Annex A Part II as amended by MC-4/3; their wording is ours.',
		},
		...yesThenDetails('b6_exemptions', 'EXEMPTION.REG'),
	],
}

const ART5: Section = {
	id: 'mb_art5_processes',
	variants: FULL_ONLY,
	questions: [
		{ id: 'b5_facilities', type: 'yes_no', concept: 'MERCURY.PROCESSES', required: true },
		{
			id: 'b5_processes_table',
			type: 'table',
			concept: 'MERCURY.PROCESSES',
			required: true,
			visibleIf: isYes('b5_facilities'),
			rows: { kind: 'fixed', dimensions: [{ column: 'process', codeList: 'minamata-annex-b' }] },
			columns: [
				{ id: 'process', type: 'single_choice', codeList: 'minamata-annex-b', readOnly: true },
				{ id: 'facilities', type: 'integer', min: 0, required: true },
				{ id: 'measures', type: 'long_text', concept: 'LEG.MEASURE' },
			],
		},
		...yesThenDetails('b5_new_facilities_prevented', 'LEG.MEASURE'),
	],
}

const ART7: Section = {
	id: 'mb_art7_asgm',
	variants: FULL_ONLY,
	questions: [
		{ id: 'b7_more_than_insignificant', type: 'yes_no', concept: 'ASGM', required: true },
		{
			id: 'b7_nap',
			type: 'yes_no_status',
			concept: 'PLAN.NATIONAL',
			required: true,
			visibleIf: isYes('b7_more_than_insignificant'),
		},
		{
			id: 'b7_nap_date',
			type: 'date',
			concept: 'PLAN.NATIONAL',
			required: true,
			visibleIf: isYes('b7_nap'),
		},
		{
			id: 'b7_review',
			type: 'yes_no',
			concept: 'PLAN.NATIONAL',
			visibleIf: isYes('b7_nap'),
		},
		{
			id: 'b7_measures',
			type: 'long_text',
			concept: 'ASGM',
			required: true,
			visibleIf: isYes('b7_more_than_insignificant'),
		},
	],
}

const ART8_9: Section = {
	id: 'mb_art8_9_emissions',
	variants: FULL_ONLY,
	questions: [
		{ id: 'b8_relevant_sources', type: 'yes_no', concept: 'EMISSION.CONTROL', required: true },
		{
			id: 'b8_sources_table',
			type: 'table',
			concept: 'EMISSION.CONTROL',
			required: true,
			visibleIf: isYes('b8_relevant_sources'),
			rows: { kind: 'fixed', dimensions: [{ column: 'source', codeList: 'minamata-annex-d' }] },
			columns: [
				{ id: 'source', type: 'single_choice', codeList: 'minamata-annex-d', readOnly: true },
				{ id: 'facilities', type: 'integer', min: 0, required: true },
				{ id: 'bat_new', type: 'yes_no', markers: ['not_applicable'] },
				{
					id: 'existing_measures',
					type: 'multiple_choice',
					options: ['targets', 'limit_values', 'bat_bep', 'multi_pollutant', 'alternative'],
				},
			],
		},
		{ id: 'b8_inventory', type: 'yes_no', concept: 'RELEASE.INV', required: true },
		{
			id: 'b8_inventory_kg',
			type: 'decimal',
			concept: 'RELEASE.INV',
			unit: 'kg_per_year',
			min: 0,
			periodBound: true,
			markers: [...QUANTITY_MARKERS],
			visibleIf: isYes('b8_inventory'),
		},
		...yesThenDetails('b9_release_sources', 'RELEASE.INV'),
	],
}

const ART10_12: Section = {
	id: 'mb_art10_12_storage_wastes_sites',
	variants: FULL_ONLY,
	questions: [
		...yesThenDetails('b10_interim_storage', 'STORAGE.INTERIM'),
		...yesThenDetails('b11_wastes_esm', 'WASTE.ESM'),
		...yesThenDetails('b12_site_strategies', 'CONTAM.SITE', [
			{ id: 'b12_sites_count', type: 'integer', concept: 'CONTAM.SITE', min: 0 },
		]),
	],
}

const ART13_14: Section = {
	id: 'mb_art13_14_support',
	variants: FULL_ONLY,
	questions: [
		...yesThenDetails('b13_financial_received', 'FIN.RECEIVED'),
		...yesThenDetails('b13_financial_provided', 'FIN.PROVIDED'),
		...yesThenDetails('b14_capacity_received', 'TA.RECEIVED'),
		...yesThenDetails('b14_capacity_provided', 'TA.PROVIDED'),
	],
}

const ART16_19: Section = {
	id: 'mb_art16_19_health_information',
	variants: FULL_ONLY,
	questions: [
		...yesThenDetails('b16_health', 'HEALTH'),
		...yesThenDetails('b17_information_exchange', 'INFO.EXCHANGE'),
		...yesThenDetails('b18_awareness', 'AWARENESS'),
		...yesThenDetails('b19_research', 'RESEARCH.MON'),
	],
}

const ART21: Section = {
	id: 'mb_art21_challenges',
	questions: [
		{ id: 'b21_effectiveness', type: 'long_text', concept: 'EFFECTIVENESS', variants: FULL_ONLY },
		{ id: 'b21_challenges', type: 'long_text', concept: 'CHALLENGES' },
	],
}

export const PART_A_SECTIONS: Section[] = [PARTY]
export const PART_B_SECTIONS: Section[] = [
	LEGAL_MEASURES,
	ART3,
	ART4,
	ART5,
	ART7,
	ART8_9,
	ART10_12,
	ART13_14,
	ART16_19,
	ART21,
]
