/**
 * Stockholm Convention DDT questionnaire (Annex B Part II para 4: the amount used, the conditions
 * of use and its relevance to the Party's disease-management strategy), in the format adopted at
 * COP-3 (SC-3/2): Section A "Production and Use of DDT", B "DDT Alternatives (insecticides, methods
 * and strategies)", C "General Human and Environmental Safety Issues", D "Systems Strengthening in
 * Disease Vector Control". The four sections and their titles are confirmed; their question lists
 * are reconstructed and should be checked against the 2021–2023 template. Quantities are kg of
 * active ingredient. Answers that describe the three-year period are marked `periodBound`.
 */
import { anyRow, cell, eq, gt, isYes, oneOf } from '../dsl.ts'
import type { ContactField, FormDefinition, TableColumn } from '../types.ts'

const CONTACT_FIELDS: ContactField[] = [
	{ id: 'institution', type: 'text', required: true },
	{ id: 'name', type: 'text', required: true },
	{ id: 'title', type: 'text' },
	{ id: 'address', type: 'long_text', required: true },
	{ id: 'phone', type: 'phone' },
	{ id: 'email', type: 'email', required: true },
]

const kgAi = (id: string, concept?: string): TableColumn => ({
	id,
	type: 'decimal',
	unit: 'kg_ai',
	min: 0,
	required: true,
	markers: ['not_available', 'confidential'],
	...(concept ? { concept } : {}),
})

const yearDimension = {
	kind: 'fixed' as const,
	dimensions: [{ column: 'year', periodYears: true as const }],
}
const yearColumn: TableColumn = { id: 'year', type: 'year', readOnly: true }

export const DDT_V1: FormDefinition = {
	schemaVersion: 1,
	formId: 'ddt',
	version: 1,
	convention: 'stockholm',
	reportingPeriod: {
		startYear: 2024,
		endYear: 2026,
		rule: 'Three calendar years (Annex B Part II para 4); the previous cycle covered 2021–2023.',
		reconstructed:
			'The 2024–2026 window and its deadline follow the three-year rhythm; not confirmed by a source.',
	},
	deadline: '2027-06-30',
	languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
	codeLists: {
		countries: 'iso3166-i18n-iso-countries-7.14.0+eu+un-m49-names',
		units: '2025.2',
		'ddt-diseases': '2024.2',
		'ddt-vectors': '2024.2',
		'ddt-application-methods': '2024.1',
		'insecticide-classes': '2024.1',
		'ddt-legal-measures': '2024.1',
	},
	reconstructed:
		'Section titles are confirmed (the COP-3 format, SC-3/2); all question lists are reconstructed from Annex B Part II paras 2–5 and should be checked against the 2021–2023 template.',
	parts: [
		{
			id: 'ddt_part_general',
			sections: [
				{
					id: 'ddt_general',
					questions: [
						{
							id: 'g_party_code',
							type: 'country',
							concept: 'PARTY.ID',
							required: true,
							prefill: 'partyCode',
							readOnly: true,
						},
						{
							id: 'g_period_from',
							type: 'year',
							concept: 'REPORT.PERIOD',
							required: true,
							prefill: 'periodStartYear',
							readOnly: true,
						},
						{
							id: 'g_period_to',
							type: 'year',
							concept: 'REPORT.PERIOD',
							required: true,
							prefill: 'periodEndYear',
							readOnly: true,
						},
						{
							id: 'g_contact',
							type: 'contact',
							concept: 'CONTACT.NFP',
							required: true,
							fields: CONTACT_FIELDS,
						},
						{
							id: 'g_health_contact',
							type: 'contact',
							required: true,
							fields: CONTACT_FIELDS,
							reconstructed:
								'Health ministry or vector-control programme contact: the information is given to the Secretariat and WHO (Annex B Part II para 4), and vector control is run by the health sector.',
						},
					],
				},
			],
		},
		{
			id: 'ddt_part_a',
			sections: [
				{
					id: 'ddt_a_production',
					reconstructed:
						'Question list reconstructed: production is registered and reported under Annex B Part II paras 1 and 4.',
					questions: [
						{
							id: 'a_ddt_produced',
							type: 'yes_no',
							concept: 'PROD.CHEM',
							required: true,
							periodBound: true,
						},
						{
							id: 'a_production',
							type: 'table',
							concept: 'PROD.CHEM',
							required: true,
							visibleIf: isYes('a_ddt_produced'),
							rows: yearDimension,
							columns: [
								yearColumn,
								kgAi('quantity_kg_ai', 'PROD.CHEM'),
								{ id: 'formulation', type: 'text', required: true },
								{ id: 'producer', type: 'text' },
							],
						},
					],
				},
				{
					id: 'ddt_a_use',
					reconstructed:
						'Question list reconstructed from Annex B Part II para 4 (amount used, conditions of use).',
					questions: [
						{
							id: 'a_ddt_used',
							type: 'yes_no',
							concept: 'USE.CHEM',
							required: true,
							periodBound: true,
						},
						{
							id: 'a_use',
							type: 'table',
							concept: 'USE.CHEM',
							required: true,
							visibleIf: isYes('a_ddt_used'),
							rows: yearDimension,
							columns: [
								yearColumn,
								kgAi('quantity_kg_ai', 'USE.CHEM'),
								{
									id: 'methods',
									type: 'multiple_choice',
									codeList: 'ddt-application-methods',
									required: true,
								},
								{
									id: 'diseases',
									type: 'multiple_choice',
									codeList: 'ddt-diseases',
									required: true,
								},
								{ id: 'vectors', type: 'multiple_choice', codeList: 'ddt-vectors', required: true },
								{
									id: 'structures_sprayed',
									type: 'integer',
									unit: 'structures',
									min: 0,
									required: true,
									markers: ['not_available'],
								},
								{
									id: 'spray_rounds',
									type: 'integer',
									min: 0,
									max: 12,
									markers: ['not_available'],
								},
							],
						},
						{
							id: 'a_use_areas',
							type: 'long_text',
							periodBound: true,
							visibleIf: isYes('a_ddt_used'),
						},
					],
				},
				{
					id: 'ddt_a_trade',
					reconstructed:
						'Question list reconstructed: imports and exports under Art. 3(2) and Art. 15(2).',
					questions: [
						{
							id: 'a_ddt_imported',
							type: 'yes_no',
							concept: 'TRADE.IMPORT.CHEM',
							required: true,
							periodBound: true,
						},
						{
							id: 'a_imports',
							type: 'table',
							concept: 'TRADE.IMPORT.CHEM',
							required: true,
							visibleIf: isYes('a_ddt_imported'),
							rows: { kind: 'open' },
							columns: [
								{ id: 'year', type: 'year', withinPeriod: true, required: true },
								{ id: 'country', type: 'country', required: true },
								kgAi('quantity_kg_ai', 'TRADE.IMPORT.CHEM'),
							],
						},
						{
							id: 'a_ddt_exported',
							type: 'yes_no',
							concept: 'TRADE.EXPORT.CHEM',
							required: true,
							periodBound: true,
						},
						{
							id: 'a_exports',
							type: 'table',
							concept: 'TRADE.EXPORT.CHEM',
							required: true,
							visibleIf: isYes('a_ddt_exported'),
							rows: { kind: 'open' },
							columns: [
								{ id: 'year', type: 'year', withinPeriod: true, required: true },
								{ id: 'country', type: 'country', required: true },
								kgAi('quantity_kg_ai', 'TRADE.EXPORT.CHEM'),
							],
						},
					],
				},
				{
					id: 'ddt_a_stocks',
					reconstructed: 'Question list reconstructed: stockpiles and wastes under Art. 6.',
					questions: [
						{
							id: 'a_stocks',
							type: 'table',
							concept: 'STOCK.CHEM',
							required: true,
							rows: yearDimension,
							columns: [
								yearColumn,
								kgAi('stock_kg_ai', 'STOCK.CHEM'),
								kgAi('obsolete_kg_ai', 'STOCK.CHEM'),
							],
						},
						{ id: 'a_storage_conditions', type: 'long_text', required: true },
						{
							id: 'a_disposal',
							type: 'yes_no',
							concept: 'FACILITY.DISPOSAL',
							required: true,
							periodBound: true,
						},
						{
							id: 'a_disposal_details',
							type: 'long_text',
							required: true,
							periodBound: true,
							visibleIf: isYes('a_disposal'),
						},
					],
				},
				{
					id: 'ddt_a_legal',
					reconstructed:
						'Question list reconstructed: use limited to disease vector control (Annex B Part II para 2).',
					questions: [
						{
							id: 'a_legal_measures',
							type: 'table',
							concept: 'LEG.MEASURE',
							required: true,
							rows: {
								kind: 'fixed',
								dimensions: [{ column: 'measure', codeList: 'ddt-legal-measures' }],
							},
							columns: [
								{
									id: 'measure',
									type: 'single_choice',
									codeList: 'ddt-legal-measures',
									readOnly: true,
								},
								{ id: 'in_place', type: 'yes_no', required: true },
								{
									id: 'year_adopted',
									type: 'year',
									min: 1945,
									max: 2100,
									required: true,
									visibleIf: eq(cell('in_place'), 'yes'),
								},
								{ id: 'reference', type: 'text', visibleIf: eq(cell('in_place'), 'yes') },
							],
						},
						{
							id: 'a_illegal_use',
							type: 'yes_no',
							concept: 'ILLEGAL.TRAFFIC',
							required: true,
							periodBound: true,
						},
						{
							id: 'a_illegal_use_details',
							type: 'long_text',
							required: true,
							periodBound: true,
							visibleIf: isYes('a_illegal_use'),
						},
					],
				},
				{
					id: 'ddt_a_strategy',
					reconstructed:
						'Question list reconstructed from Annex B Part II paras 1, 4 and 5 (register, relevance to the disease-management strategy, action plan).',
					questions: [
						{ id: 'a_continue_use', type: 'yes_no_status', required: true },
						{
							id: 'a_continue_reasons',
							type: 'long_text',
							required: true,
							visibleIf: oneOf('a_continue_use', ['yes', 'under_development']),
						},
						{
							id: 'a_who_guidelines',
							type: 'yes_no',
							required: true,
							visibleIf: isYes('a_ddt_used'),
						},
						{
							id: 'a_action_plan',
							type: 'yes_no_status',
							concept: 'PLAN.NATIONAL',
							required: true,
						},
						{ id: 'a_register_notified', type: 'yes_no', concept: 'EXEMPTION.REG', required: true },
					],
				},
			],
		},
		{
			id: 'ddt_part_b',
			sections: [
				{
					id: 'ddt_b_alternatives',
					reconstructed:
						'Question list reconstructed from Annex B Part II para 5 (alternatives, integrated vector management).',
					questions: [
						{
							id: 'b_chemical_alternatives_used',
							type: 'yes_no',
							concept: 'ALTERNATIVES',
							required: true,
							periodBound: true,
						},
						{
							id: 'b_chemical_alternatives',
							type: 'table',
							concept: 'ALTERNATIVES',
							required: true,
							visibleIf: isYes('b_chemical_alternatives_used'),
							rows: { kind: 'open' },
							columns: [
								{ id: 'insecticide', type: 'text', required: true },
								{ id: 'cas_number', type: 'text' },
								{
									id: 'insecticide_class',
									type: 'single_choice',
									codeList: 'insecticide-classes',
									required: true,
								},
								{
									id: 'method',
									type: 'single_choice',
									codeList: 'ddt-application-methods',
									required: true,
								},
								{ id: 'year', type: 'year', withinPeriod: true, required: true },
								{
									id: 'quantity',
									type: 'decimal',
									min: 0,
									required: true,
									markers: ['not_available', 'confidential'],
								},
								{
									id: 'unit',
									type: 'single_choice',
									codeList: 'units',
									filter: { where: { code: ['kg_ai', 'l', 'count'] } },
									required: true,
								},
							],
						},
						{
							id: 'b_non_chemical_methods',
							type: 'multiple_choice',
							concept: 'ALTERNATIVES',
							required: true,
							options: [
								'environmental_management',
								'biological_control',
								'house_improvement',
								'personal_protection',
								'other',
								'none',
							],
						},
						{
							id: 'b_ivm_strategy',
							type: 'yes_no_status',
							concept: 'ALTERNATIVES',
							required: true,
						},
						{ id: 'b_alternatives_registered', type: 'yes_no_status', required: true },
						{ id: 'b_switch_obstacles', type: 'long_text', concept: 'CHALLENGES' },
						{ id: 'b_alternative_costs', type: 'long_text' },
					],
				},
			],
		},
		{
			id: 'ddt_part_c',
			sections: [
				{
					id: 'ddt_c_safety',
					reconstructed:
						'Question list reconstructed: the conditions of use Annex B Part II para 4 asks about, for people and the environment.',
					questions: [
						{
							id: 'c_exposure_measures',
							type: 'multiple_choice',
							required: true,
							options: [
								'storage',
								'handling',
								'protective_equipment',
								'operator_training',
								'community_information',
								'none',
							],
						},
						{ id: 'c_monitoring', type: 'yes_no', concept: 'RESEARCH.MON', required: true },
						{
							id: 'c_monitoring_details',
							type: 'long_text',
							required: true,
							visibleIf: isYes('c_monitoring'),
						},
						{
							id: 'c_incidents',
							type: 'yes_no',
							concept: 'ACCIDENT',
							required: true,
							periodBound: true,
						},
						{
							id: 'c_incident_details',
							type: 'long_text',
							required: true,
							periodBound: true,
							visibleIf: isYes('c_incidents'),
						},
						{ id: 'c_container_management', type: 'long_text', required: true },
					],
				},
			],
		},
		{
			id: 'ddt_part_d',
			sections: [
				{
					id: 'ddt_d_systems',
					reconstructed:
						'Question list reconstructed from Annex B Part II para 5 (strengthening health care and vector control).',
					questions: [
						{ id: 'd_programme_capacity', type: 'yes_no_status', required: true },
						{
							id: 'd_entomological_surveillance',
							type: 'yes_no_status',
							concept: 'RESEARCH.MON',
							required: true,
						},
						{
							id: 'd_resistance_monitoring',
							type: 'yes_no_status',
							concept: 'RESEARCH.MON',
							required: true,
						},
						{
							id: 'd_resistance_detected',
							type: 'multiple_choice',
							codeList: 'insecticide-classes',
							visibleIf: isYes('d_resistance_monitoring'),
						},
						{ id: 'd_resistance_plan', type: 'yes_no_status', required: true },
						{
							id: 'd_cases',
							type: 'table',
							required: true,
							reconstructed:
								'Yearly cases of each target disease are ours: they show the relevance of DDT to the disease-management strategy that Annex B Part II para 4 asks about.',
							rows: {
								kind: 'fixed',
								dimensions: [
									{ column: 'disease', codeList: 'ddt-diseases' },
									{ column: 'year', periodYears: true },
								],
							},
							columns: [
								{
									id: 'disease',
									type: 'single_choice',
									codeList: 'ddt-diseases',
									readOnly: true,
								},
								yearColumn,
								{
									id: 'cases',
									type: 'integer',
									min: 0,
									required: true,
									markers: ['not_available', 'not_applicable'],
								},
								{
									id: 'disease_name',
									type: 'text',
									visibleIf: eq(cell('disease'), 'other'),
									required: gt(cell('cases'), 0),
								},
							],
							fillEmpty: [{ marker: 'not_applicable' }, { marker: 'not_available' }],
						},
						{ id: 'd_intersectoral_coordination', type: 'yes_no_status', required: true },
						{ id: 'd_data_management', type: 'yes_no_status', required: true },
						{ id: 'd_research', type: 'long_text', concept: 'RESEARCH.MON' },
						{ id: 'd_assistance_needs', type: 'long_text', concept: 'CHALLENGES' },
					],
				},
			],
		},
	],
	rules: [
		{
			id: 'obsolete_within_stock',
			kind: 'compare',
			severity: 'error',
			messageKey: 'obsolete_exceeds_stock',
			target: { question: 'a_stocks', column: 'obsolete_kg_ai' },
			op: 'lte',
			other: { cell: 'stock_kg_ai' },
		},
		{
			id: 'alternative_cas_number',
			kind: 'pattern',
			severity: 'error',
			messageKey: 'invalid_cas',
			target: { question: 'b_chemical_alternatives', column: 'cas_number' },
			pattern: 'cas',
		},
		{
			id: 'use_requires_register',
			kind: 'assert',
			severity: 'warning',
			messageKey: 'use_without_register',
			target: { question: 'a_register_notified' },
			when: { any: [isYes('a_ddt_used'), isYes('a_ddt_produced')] },
			assert: isYes('a_register_notified'),
		},
		{
			id: 'use_quantity_plausible',
			kind: 'range',
			severity: 'warning',
			messageKey: 'quantity_implausibly_large',
			target: { question: 'a_use', column: 'quantity_kg_ai' },
			max: 10_000_000,
		},
		{
			id: 'legal_reference_expected',
			kind: 'required',
			severity: 'warning',
			messageKey: 'legal_reference_expected',
			target: { question: 'a_legal_measures', column: 'reference' },
			when: eq(cell('in_place'), 'yes'),
		},
		{
			id: 'exports_need_production_or_imports',
			kind: 'assert',
			severity: 'warning',
			messageKey: 'exports_without_source',
			target: { question: 'a_ddt_exported' },
			when: isYes('a_ddt_exported'),
			assert: {
				any: [
					isYes('a_ddt_produced'),
					isYes('a_ddt_imported'),
					anyRow('a_stocks', { left: { cell: 'stock_kg_ai' }, op: 'gt', right: 0 }),
				],
			},
		},
	],
}
