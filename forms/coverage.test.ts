import { describe, expect, it } from 'vitest'
import { getFormDefinition, latestVersion, listFormDefinitions, listFormIds } from './registry.ts'
import type { FormDefinition } from './types.ts'

/** Question (or `table.column`) ids of a definition. */
function ids(def: FormDefinition): Set<string> {
	const result = new Set<string>()
	for (const part of def.parts) {
		for (const section of part.sections) {
			for (const question of section.questions) {
				result.add(question.id)
				if (question.type === 'table')
					for (const column of question.columns) result.add(`${question.id}.${column.id}`)
			}
		}
	}
	return result
}

/**
 * Each obligation the report covers (SC-1/22 Parts A and B, SC-2/18 Part C, the Convention's
 * articles and annexes) → the items that model it.
 */
const ART15_ROWS: [string, string[]][] = [
	['Part A (SC-1/22): the Party', ['a_party_code']],
	['Part A: national focal point', ['a_nfp_contact']],
	['Part A: official contact point submitting the report', ['a_ocp_same_as_nfp', 'a_ocp_contact']],
	['Part A: reporting period', ['a_period_from', 'a_period_to']],
	['Part A: date of submission', ['a_submission_date']],
	['Part A: stakeholders consulted [R]', ['a_stakeholders_consulted']],
	[
		'Art. 3(1)(a): Annex A measures + legislation',
		[
			'b3_measures_annex_a',
			'b3_measures_annex_a.measure_reference',
			'b3_measures_annex_a.measure_date',
		],
	],
	[
		'Art. 3(1)(b): Annex B measures + acceptable purposes',
		['b3_measures_annex_b', 'b3_measures_annex_b.acceptable_purposes'],
	],
	[
		'Art. 15(2)(a): production, import, export per chemical and year + estimate flag',
		[
			'b3_statistics.production_kg',
			'b3_statistics.import_kg',
			'b3_statistics.export_kg',
			'b3_statistics.is_estimate',
		],
	],
	[
		'Art. 15(2)(b): States imported from',
		[
			'b3_import_partners.exporting_country',
			'b3_import_partners.quantity_kg',
			'b3_import_partners.purpose',
		],
	],
	[
		'Art. 15(2)(b), Art. 3(2)(b): States exported to + certification',
		[
			'b3_export_partners.importing_country',
			'b3_export_partners.purpose',
			'b3_export_partners.certification_ref',
		],
	],
	[
		'Art. 3(2)(b)(iii): exports to non-Parties, certification transmitted + date',
		['b3_exported_to_non_parties', 'b3_certification_transmitted', 'b3_certification_date'],
	],
	['Art. 3(3): scheme for new chemicals', ['b3_new_chemicals_scheme', 'b3_new_chemicals_details']],
	[
		'Art. 3(4): chemicals in use assessed against Annex D',
		['b3_existing_chemicals_scheme', 'b3_existing_chemicals_details'],
	],
	[
		'Art. 4: registered exemptions / acceptable purposes + register columns',
		['b4_registered', 'b4_exemptions.expiry_date', 'b4_exemptions.estimated_kg_per_year'],
	],
	[
		'Art. 4: actual production/use and minimisation measures',
		['b4_exemptions.actual_kg_per_year', 'b4_minimisation_measures'],
	],
	[
		'Art. 4(8): withdrawal or planned withdrawal',
		['b4_withdrawal_planned', 'b4_withdrawal_details'],
	],
	[
		'Annexes A and B notes: articles in use, closed-system intermediates',
		['b4_articles_in_use_notified', 'b4_closed_system_intermediates_notified'],
	],
	[
		'Art. 5(a): action plan developed, date, implemented',
		['b5_action_plan', 'b5_action_plan_date', 'b5_action_plan_implemented'],
	],
	['Art. 5(a)(v): review every five years', ['b5_review_done', 'b5_review_results']],
	[
		'Art. 5(a)(i): release inventory, method, base/latest year',
		[
			'b5_inventory_done',
			'b5_inventory_method',
			'b5_inventory_base_year',
			'b5_inventory_latest_year',
		],
	],
	[
		'Art. 5, Annex C: PCDD/PCDF releases by vector and Toolkit group',
		[
			'b5_releases.air',
			'b5_releases.water',
			'b5_releases.land',
			'b5_releases.product',
			'b5_releases.residue',
		],
	],
	['Annex C: other unintentional POPs [R]', ['b5_other_upops']],
	[
		'Art. 5(c)–(e): BAT new sources, BAT/BEP existing, substitutes',
		['b5_bat_new_sources', 'b5_bat_bep_existing_sources', 'b5_substitute_materials'],
	],
	['Art. 6(1)(a)(i): strategy for stockpiles', ['b6_stockpile_strategy']],
	['Art. 6(1)(a)(ii): strategy for products, articles and wastes', ['b6_products_wastes_strategy']],
	[
		'Art. 6(1)(b): stockpiles identified',
		['b6_stockpiles_identified', 'b6_stockpiles.quantity_kg', 'b6_stockpiles.status'],
	],
	['Art. 6(1)(c): stockpiles managed ESM', ['b6_stockpiles_managed_esm']],
	[
		'Art. 6(1)(d)(i)–(iv): waste measures',
		[
			'b6_waste_handling_esm',
			'b6_waste_disposal_destroyed',
			'b6_no_recovery_recycling',
			'b6_transboundary_rules',
		],
	],
	[
		'Art. 6(1)(e): contaminated sites',
		['b6_contaminated_sites_strategy', 'b6_contaminated_sites_count', 'b6_remediation_undertaken'],
	],
	[
		'Art. 6(1)(d)(ii): POP wastes disposed of or exported [R]',
		['b6_waste_disposed.operation', 'b6_waste_disposed.destination_country'],
	],
	[
		'Art. 7: NIP + update',
		[
			'b7_nip_transmitted',
			'b7_nip_date',
			'b7_nip_updated',
			'b7_nip_update_date',
			'b7_nip_update_chemicals',
		],
	],
	['Art. 9: information exchange', ['b9_focal_point_designated', 'b9_mechanism']],
	['Art. 10: awareness + PRTR', ['b10_activities', 'b10_prtr']],
	['Art. 11: research and monitoring', ['b11_activities', 'b11_details']],
	['Art. 12: technical assistance', ['b12_assistance', 'b12_provided', 'b12_received']],
	[
		'Art. 13: financial resources',
		['b13_national_support', 'b13_resources', 'b13_provided.amount_usd', 'b13_received.amount_usd'],
	],
	['Art. 16: effectiveness evaluation', ['b16_gmp_participation', 'b16_monitoring_matrices']],
	[
		'Part B: obstacles / comments',
		['b_obstacles_implementation', 'b_obstacles_reporting', 'b_format_comments'],
	],
	['Annex B Part III: PFOS progress', ['b4_pfos_progress']],
	['Annex A Parts IV and V: BDE progress', ['b4_bde_progress']],
	['COP-9: decaBDE and SCCP information', ['b4_decabde_sccp_information']],
	['Part C (SC-2/18): strategy for PCB stockpiles > 50 ppm', ['c_pcb_stockpile_strategy']],
	[
		'Part C: strategy for PCB articles in use and wastes > 50 ppm',
		['c_pcb_articles_wastes_strategy'],
	],
	[
		'Part C: table of strategies',
		[
			'c_pcb_strategy_list.name',
			'c_pcb_strategy_list.description',
			'c_pcb_strategy_list.entry_into_force',
		],
	],
	['Part C: ESM measures checklist', ['c_pcb_esm_measures']],
	[
		'Annex A Part II (a): equipment by concentration band [R]',
		[
			'c_pcb_equipment_table.identified_count',
			'c_pcb_equipment_table.labelled_count',
			'c_pcb_equipment_table.removed_count',
		],
	],
	[
		'Annex A Part II: tonnes in use, removed, destroyed [R]',
		[
			'c_pcb_equipment_table.in_use_t',
			'c_pcb_equipment_table.removed_t',
			'c_pcb_equipment_table.destroyed_t',
		],
	],
	['Annex A Part II (c): import/export only for ESM [R]', ['c_pcb_trade_esm_only']],
	['Annex A Part II (d): no recovery for reuse above 0.005 % [R]', ['c_pcb_no_reuse_recovery']],
	['Annex A Part II (f): open applications identified [R]', ['c_pcb_open_applications']],
	['Annex A Part II (e), SC-9/3: 2028 ESM target', ['c_pcb_plan_2028']],
]

/**
 * The contents of each section of the DDT questionnaire (COP-3 format): the information Annex B
 * Part II para 4 asks for, by section.
 */
const DDT_ROWS: [string, string[]][] = [
	[
		'A DDT produced, quantities per year, formulation, producer',
		[
			'a_ddt_produced',
			'a_production.quantity_kg_ai',
			'a_production.formulation',
			'a_production.producer',
		],
	],
	[
		'A DDT used, quantities, methods, diseases, vectors, structures, rounds',
		[
			'a_ddt_used',
			'a_use.quantity_kg_ai',
			'a_use.methods',
			'a_use.diseases',
			'a_use.vectors',
			'a_use.structures_sprayed',
			'a_use.spray_rounds',
		],
	],
	[
		'A imports and exports with partner countries',
		[
			'a_imports.country',
			'a_imports.quantity_kg_ai',
			'a_exports.country',
			'a_exports.quantity_kg_ai',
		],
	],
	[
		'A stocks incl. obsolete, storage, disposal',
		[
			'a_stocks.stock_kg_ai',
			'a_stocks.obsolete_kg_ai',
			'a_storage_conditions',
			'a_disposal',
			'a_disposal_details',
		],
	],
	['A illegal or non-vector-control use', ['a_illegal_use', 'a_illegal_use_details']],
	[
		'A legal measures (categories + year of adoption)',
		['a_legal_measures.in_place', 'a_legal_measures.year_adopted'],
	],
	['A intention to continue using DDT', ['a_continue_use', 'a_continue_reasons']],
	[
		'B chemical alternatives by class, use, quantity, unit',
		[
			'b_chemical_alternatives.insecticide_class',
			'b_chemical_alternatives.method',
			'b_chemical_alternatives.quantity',
			'b_chemical_alternatives.unit',
		],
	],
	[
		'B non-chemical methods, IVM, registration, obstacles, costs',
		[
			'b_non_chemical_methods',
			'b_ivm_strategy',
			'b_alternatives_registered',
			'b_switch_obstacles',
			'b_alternative_costs',
		],
	],
	[
		'C exposure measures, monitoring, incidents, containers',
		['c_exposure_measures', 'c_monitoring', 'c_incidents', 'c_container_management'],
	],
	[
		'D capacity, entomological and resistance surveillance, plan, epidemiology, coordination, data, research',
		[
			'd_programme_capacity',
			'd_entomological_surveillance',
			'd_resistance_monitoring',
			'd_resistance_plan',
			'd_cases.cases',
			'd_intersectoral_coordination',
			'd_data_management',
			'd_research',
		],
	],
]

describe('coverage of the reporting obligations', () => {
	it.each([5, 6])('Article 15 v%s models every obligation listed', (version) => {
		const present = ids(getFormDefinition('stockholm-art15', version)!)
		const missing = ART15_ROWS.flatMap(([row, items]) =>
			items.filter((item) => !present.has(item)).map((item) => `${row}: ${item}`),
		)
		expect(missing).toEqual([])
	})

	it('version-specific PCB target items', () => {
		expect(ids(getFormDefinition('stockholm-art15', 5)!).has('c_pcb_plan_2025')).toBe(true)
		const v6 = ids(getFormDefinition('stockholm-art15', 6)!)
		expect(v6.has('c_pcb_use_ended_2025')).toBe(true)
		expect(v6.has('c_pcb_remaining_in_use_t')).toBe(true)
	})

	it('6th-cycle items: Article 5 releases of every unintentional POP, PCB liquids', () => {
		const v5 = ids(getFormDefinition('stockholm-art15', 5)!)
		const v6 = ids(getFormDefinition('stockholm-art15', 6)!)
		for (const id of [
			'b5_teq_scheme',
			'b5_releases_total.air',
			'b5_other_upop_releases.air',
			'c_pcb_liquids_held_t',
			'c_pcb_liquids_destroyed_t',
		]) {
			expect(v6.has(id), id).toBe(true)
			expect(v5.has(id), id).toBe(false)
		}
	})

	it('the DDT questionnaire models the contents of its four sections', () => {
		const present = ids(getFormDefinition('ddt', 1)!)
		const missing = DDT_ROWS.flatMap(([row, items]) =>
			items.filter((item) => !present.has(item)).map((item) => `${row}: ${item}`),
		)
		expect(missing).toEqual([])
	})
})

describe('registry', () => {
	it('lists forms, versions and the latest version', () => {
		expect(listFormIds()).toEqual([
			'stockholm-art15',
			'ddt',
			'basel-art13',
			'rotterdam-report',
			'minamata-art21',
		])
		expect(listFormDefinitions().map((def) => `${def.formId}@${def.version}`)).toEqual([
			'stockholm-art15@5',
			'stockholm-art15@6',
			'ddt@1',
			'basel-art13@1',
			'rotterdam-report@1',
			'minamata-art21@1',
		])
		expect(latestVersion('stockholm-art15')).toBe(6)
		expect(latestVersion('ddt')).toBe(1)
		expect(latestVersion('basel-art13')).toBe(1)
		expect(latestVersion('rotterdam-report')).toBe(1)
		expect(latestVersion('basel')).toBeUndefined()
		expect(getFormDefinition('stockholm-art15', 4)).toBeUndefined()
	})

	it('definitions state their period, deadline and what is reconstructed', () => {
		expect(getFormDefinition('stockholm-art15', 5)).toMatchObject({
			deadline: '2022-08-31',
			reportingPeriod: { startYear: 2018, endYear: 2021 },
		})
		expect(getFormDefinition('stockholm-art15', 6)).toMatchObject({
			deadline: '2026-08-31',
			reportingPeriod: { startYear: 2022, endYear: 2025 },
		})
		expect(getFormDefinition('ddt', 1)).toMatchObject({
			reportingPeriod: { startYear: 2024, endYear: 2026 },
		})
		for (const def of listFormDefinitions()) expect(def.reportingPeriod.reconstructed).toBeTruthy()
	})
})
