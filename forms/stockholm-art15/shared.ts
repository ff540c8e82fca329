/**
 * Building blocks of the Stockholm Convention Article 15 national report (Parts A, B and C) shared
 * by the 5th-cycle (v5) and 6th-cycle (v6) definitions. The format is the one set by SC-1/22
 * (Part A, the Party; Part B, measures and their effectiveness) and SC-2/18 (Part C, PCB), revised
 * by SC-4/30 and updated for each new listing; the Secretariat's electronic reporting system
 * confirms Part B Sections III (Article 4), IV (Article 5) and V (Article 6) and Part C Section I.
 * Question wording lives in ./i18n. Items marked `reconstructed` could not be checked against the
 * official template: they are inferred from the Convention's obligations and should be checked by
 * the Secretariat (wording can change without touching ids).
 *
 * The 5th-cycle definition is published and pinned by stored reports: whatever the 6th cycle asks
 * differently is switched on by `cycle` (the list is in v6.ts), and v5 stays as published.
 */
import {
	all,
	allRows,
	answered,
	any,
	anyRow,
	cell,
	eq,
	gt,
	gte,
	includes,
	isYes,
	lookup,
	marked,
	noneOf,
	not,
	oneOf,
} from '../dsl.ts'
import { CHEMICALS } from '../codelists/chemicals.ts'
import type { CodeListFilter, Part, Question, Rule, Section, TableColumn } from '../types.ts'
import { CONTACT_FIELDS } from '../contact-fields.ts'

export const FORM_ID = 'stockholm-art15'

/** The reporting cycle a definition is built for (5: as published; 6: see v6.ts). */
export type Cycle = 5 | 6

/** From the 6th cycle, the item describes the reporting period (see `periodBound`). */
function periodBoundFrom6th(cycle: Cycle): { periodBound?: true } {
	return cycle >= 6 ? { periodBound: true } : {}
}

/**
 * A `reconstructed` note the 6th cycle adds where the published 5th-cycle definition had none
 * (v5 stays as published, so it gets no property at all).
 */
function noteFrom6th(cycle: Cycle, text: string): { reconstructed?: string } {
	return cycle >= 6 ? { reconstructed: text } : {}
}

/**
 * A `reconstructed` note. The 5th-cycle notes stay word for word as published, with their pointers
 * to the research note the form was first reconstructed from (it is not in this repository); from
 * the 6th cycle the notes cite the Convention, COP decisions and official documents.
 */
function note(cycle: Cycle, text: string, asPublishedIn5th: string): string {
	return cycle === 5 ? asPublishedIn5th : text
}

/** Codes of the chemicals listed in Annex B by `listDate`: the only ones with acceptable purposes. */
function annexBChemicals(listDate: string): string[] {
	return CHEMICALS.entries
		.filter((entry) => entry.annexes.includes('B') && entry.adoptedOn <= listDate)
		.map((entry) => entry.code)
}

/** Annex C chemicals whose releases are reported together as toxic equivalents (Annex C Part IV). */
const TEQ_CHEMICALS = ['PCDD', 'PCDF']

/** The other Annex C chemicals listed by `listDate`, whose releases are reported as masses. */
function otherUnintentionalPops(listDate: string): string[] {
	return CHEMICALS.entries
		.filter(
			(entry) =>
				entry.annexes.includes('C') &&
				!TEQ_CHEMICALS.includes(entry.code) &&
				entry.adoptedOn <= listDate,
		)
		.map((entry) => entry.code)
}

/**
 * Annex A and/or B chemicals whose listing is in force for the Party, as listed when the form
 * version was prepared.
 */
export function chemicalsAB(adoptedOnOrBefore: string): CodeListFilter {
	return { where: { annexes: ['A', 'B'] }, inForceForParty: true, adoptedOnOrBefore }
}

function chemicalsOfAnnex(annex: 'A' | 'B', adoptedOnOrBefore: string): CodeListFilter {
	return { where: { annexes: [annex] }, inForceForParty: true, adoptedOnOrBefore }
}

const QUANTITY_MARKERS = ['not_available', 'confidential', 'not_applicable'] as const

const STATUS_COLUMNS = ['production', 'use', 'import', 'export'] as const
const anyStatusYes = any(...STATUS_COLUMNS.map((column) => eq(cell(column), 'yes')))

// ---------------------------------------------------------------------------------------------
// Part A
// ---------------------------------------------------------------------------------------------

export function partA(cycle: Cycle): Part {
	return {
		id: 'part_a',
		sections: [
			{
				id: 'a_general',
				reconstructed: 'Field list reconstructed from SC-1/22 (Party, period, submission date).',
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
						id: 'a_period_from',
						type: 'year',
						concept: 'REPORT.PERIOD',
						required: true,
						prefill: 'periodStartYear',
						readOnly: true,
					},
					{
						id: 'a_period_to',
						type: 'year',
						concept: 'REPORT.PERIOD',
						required: true,
						prefill: 'periodEndYear',
						readOnly: true,
					},
					{
						id: 'a_submission_date',
						type: 'date',
						concept: 'REPORT.DATE',
						readOnly: true,
						reconstructed: 'Set by the system on submission; shown for the record.',
					},
					{
						id: 'a_stakeholders_consulted',
						type: 'long_text',
						...periodBoundFrom6th(cycle),
						reconstructed: note(
							cycle,
							'Possibly asked in the official template; Part A (SC-1/22) asks about the Party submitting the report.',
							'Possibly asked in the official template (forms-content §1.4.1).',
						),
					},
				],
			},
			{
				id: 'a_contacts',
				questions: [
					{
						id: 'a_nfp_contact',
						type: 'contact',
						concept: 'CONTACT.NFP',
						required: true,
						fields: CONTACT_FIELDS,
					},
					{ id: 'a_ocp_same_as_nfp', type: 'yes_no', required: true },
					{
						id: 'a_ocp_contact',
						type: 'contact',
						concept: 'CONTACT.OCP',
						required: true,
						visibleIf: eq('a_ocp_same_as_nfp', 'no'),
						fields: CONTACT_FIELDS,
					},
				],
			},
		],
	}
}

// ---------------------------------------------------------------------------------------------
// Part B, Article 3 and Article 15(2)
// ---------------------------------------------------------------------------------------------

function measureColumns(annex: 'A' | 'B'): TableColumn[] {
	const statusColumns: TableColumn[] = STATUS_COLUMNS.map((id) => ({
		id,
		type: 'yes_no_status',
		required: true,
	}))
	return [
		{ id: 'chemical', type: 'chemical', concept: 'CHEM.ID', readOnly: true },
		...statusColumns,
		...(annex === 'B'
			? [
					{
						id: 'acceptable_purposes',
						type: 'long_text',
						required: true,
						visibleIf: any(eq(cell('production'), 'yes'), eq(cell('use'), 'yes')),
					} satisfies TableColumn,
				]
			: []),
		{
			id: 'measure_reference',
			type: 'long_text',
			concept: 'LEG.MEASURE',
			required: true,
			visibleIf: anyStatusYes,
		},
		{ id: 'measure_date', type: 'date', visibleIf: anyStatusYes },
	]
}

function quantityColumn(id: string, concept: string): TableColumn {
	return {
		id,
		type: 'decimal',
		unit: 'kg',
		min: 0,
		concept,
		required: true,
		markers: [...QUANTITY_MARKERS],
	}
}

export function sectionArt3Measures(listDate: string, cycle: Cycle): Section {
	return {
		id: 'b_art3_measures',
		reconstructed: note(
			cycle,
			'Matrix layout (chemical × activity status) inferred from the matrix questions of the electronic reporting system; one row per chemical of Annex A (Art. 3(1)(a)) and Annex B (Art. 3(1)(b)).',
			'Matrix layout (chemical × activity status) inferred from the ERS matrix questions (§1.4.2, 3.1–3.2).',
		),
		questions: [
			{
				id: 'b3_measures_annex_a',
				type: 'table',
				concept: 'LEG.MEASURE',
				required: true,
				rows: {
					kind: 'fixed',
					dimensions: [
						{
							column: 'chemical',
							codeList: 'sc-chemicals',
							filter: chemicalsOfAnnex('A', listDate),
						},
					],
				},
				columns: measureColumns('A'),
			},
			{
				id: 'b3_measures_annex_b',
				type: 'table',
				concept: 'LEG.MEASURE',
				required: true,
				rows: {
					kind: 'fixed',
					dimensions: [
						{
							column: 'chemical',
							codeList: 'sc-chemicals',
							filter: chemicalsOfAnnex('B', listDate),
						},
					],
				},
				columns: measureColumns('B'),
			},
		],
	}
}

/**
 * How the Article 15(2) statistics are asked.
 * - `every_cell` (5th cycle, as published): every Annex A/B chemical whose listing is in force ×
 *   every year of the period, every quantity required.
 * - `activity_first` (6th cycle): per chemical, first "any production, import or export in the
 *   period?"; the quantities are asked only for chemicals answered yes, and only for the years in
 *   which the listing was in force for the Party. "0" and the markers keep their meaning.
 */
export type StatisticsLayout = 'every_cell' | 'activity_first'

function statisticsLayout(cycle: Cycle): StatisticsLayout {
	return cycle >= 6 ? 'activity_first' : 'every_cell'
}

const STATISTICS_ACTIVITY = 'b3_statistics_activity'

function statisticsActivity(listDate: string): Question {
	return {
		id: STATISTICS_ACTIVITY,
		type: 'table',
		required: true,
		reconstructed:
			'The screening question per chemical is ours: it spares Parties a row per chemical and year where nothing happened (Art. 15(2) asks for totals, which are 0 for such chemicals).',
		rows: {
			kind: 'fixed',
			dimensions: [{ column: 'chemical', codeList: 'sc-chemicals', filter: chemicalsAB(listDate) }],
		},
		columns: [
			{ id: 'chemical', type: 'chemical', concept: 'CHEM.ID', readOnly: true },
			{
				id: 'activity',
				type: 'yes_no',
				required: true,
				markers: ['not_available'],
				periodBound: true,
			},
		],
		fillEmpty: [{ value: 'no' }, { marker: 'not_available' }],
	}
}

export function sectionArt15Statistics(listDate: string, cycle: Cycle): Section {
	const layout = statisticsLayout(cycle)
	const partnerChemical: TableColumn = {
		id: 'chemical',
		type: 'chemical',
		concept: 'CHEM.ID',
		required: true,
		filter: chemicalsAB(listDate),
	}
	const activityFirst = layout === 'activity_first'
	return {
		id: 'b_art15_statistics',
		reconstructed: note(
			cycle,
			'Art. 15(2) asks for total quantities of production, import and export of each Annex A and B chemical; the unit (kg) and the figures per calendar year are reconstructed.',
			'Units (kg) and per-year granularity are [R] (forms-content §8 item 2).',
		),
		questions: [
			...(activityFirst ? [statisticsActivity(listDate)] : []),
			{
				id: 'b3_statistics',
				type: 'table',
				required: true,
				...(activityFirst
					? {
							visibleIf: anyRow(STATISTICS_ACTIVITY, isYes(cell('activity'))),
							fillEmpty: [{ value: 0 }, { marker: 'not_available' }, { marker: 'not_applicable' }],
						}
					: {}),
				rows: {
					kind: 'fixed',
					dimensions: [
						{ column: 'chemical', codeList: 'sc-chemicals', filter: chemicalsAB(listDate) },
						activityFirst
							? { column: 'year', periodYears: true, inForceFor: 'chemical' }
							: { column: 'year', periodYears: true },
					],
					...(activityFirst
						? { visibleIf: isYes(lookup(STATISTICS_ACTIVITY, ['chemical'], 'activity')) }
						: {}),
				},
				columns: [
					{ id: 'chemical', type: 'chemical', concept: 'CHEM.ID', readOnly: true },
					{ id: 'year', type: 'year', readOnly: true },
					quantityColumn('production_kg', 'PROD.CHEM'),
					quantityColumn('import_kg', 'TRADE.IMPORT.CHEM'),
					quantityColumn('export_kg', 'TRADE.EXPORT.CHEM'),
					{ id: 'is_estimate', type: 'checkbox' },
				],
			},
			{
				id: 'b3_import_partners',
				type: 'table',
				concept: 'TRADE.IMPORT.CHEM',
				required: true,
				markers: ['not_available'],
				...periodBoundFrom6th(cycle),
				visibleIf: anyRow('b3_statistics', gt(cell('import_kg'), 0)),
				reconstructed: note(
					cycle,
					'Purpose codes for imports are reconstructed from Art. 3(2)(a) (environmentally sound disposal, or a use or purpose permitted for the Party).',
					'Purpose codes for imports are [R] (§1.4.2, 3.4).',
				),
				rows: { kind: 'open' },
				columns: [
					partnerChemical,
					{ id: 'exporting_country', type: 'country', required: true },
					quantityColumn('quantity_kg', 'TRADE.IMPORT.CHEM'),
					{
						id: 'purpose',
						type: 'single_choice',
						options: ['esm_disposal', 'permitted_use'],
						required: true,
					},
				],
			},
			{
				id: 'b3_export_partners',
				type: 'table',
				concept: 'TRADE.EXPORT.CHEM',
				required: true,
				markers: ['not_available'],
				...periodBoundFrom6th(cycle),
				visibleIf: anyRow('b3_statistics', gt(cell('export_kg'), 0)),
				rows: { kind: 'open' },
				columns: [
					partnerChemical,
					{ id: 'importing_country', type: 'country', required: true },
					quantityColumn('quantity_kg', 'TRADE.EXPORT.CHEM'),
					{
						id: 'purpose',
						type: 'single_choice',
						options: ['esm_disposal', 'permitted_use_party', 'non_party_certified'],
						required: true,
					},
					{
						id: 'certification_ref',
						type: 'text',
						required: true,
						visibleIf: eq(cell('purpose'), 'non_party_certified'),
					},
				],
			},
		],
	}
}

export function sectionArt3Trade(cycle: Cycle): Section {
	return {
		id: 'b_art3_trade',
		...noteFrom6th(
			cycle,
			'Items reconstructed from Art. 3(2)(b)(iii) (certification by an importing non-Party), 3(3) and 3(4) (Annex D criteria in the assessment of new and existing chemicals).',
		),
		questions: [
			{
				id: 'b3_exported_to_non_parties',
				type: 'yes_no',
				required: true,
				...periodBoundFrom6th(cycle),
			},
			{
				id: 'b3_certification_transmitted',
				type: 'yes_no',
				required: true,
				...periodBoundFrom6th(cycle),
				visibleIf: isYes('b3_exported_to_non_parties'),
			},
			{
				id: 'b3_certification_date',
				type: 'date',
				required: true,
				...periodBoundFrom6th(cycle),
				visibleIf: isYes('b3_certification_transmitted'),
			},
			{
				id: 'b3_new_chemicals_scheme',
				type: 'yes_no_status',
				concept: 'LEG.MEASURE',
				required: true,
			},
			{
				id: 'b3_new_chemicals_details',
				type: 'long_text',
				required: true,
				visibleIf: isYes('b3_new_chemicals_scheme'),
			},
			{
				id: 'b3_existing_chemicals_scheme',
				type: 'yes_no_status',
				concept: 'LEG.MEASURE',
				required: true,
			},
			{
				id: 'b3_existing_chemicals_details',
				type: 'long_text',
				required: true,
				visibleIf: isYes('b3_existing_chemicals_scheme'),
			},
		],
	}
}

// ---------------------------------------------------------------------------------------------
// Part B, Articles 4 to 7
// ---------------------------------------------------------------------------------------------

/**
 * Article 4: the Party's registrations. From the 6th cycle, a registration is an acceptable purpose
 * only for an Annex B chemical: Annex A (Part I) lists specific exemptions only, so for its
 * chemicals the kind is not asked and the expiry date is (Art. 4(4): five years unless extended).
 */
export function sectionArt4(listDate: string, cycle: Cycle): Section {
	const hasExemptionFor = (codes: string[]) =>
		anyRow('b4_exemptions', oneOf(cell('chemical'), codes))
	const annexB = annexBChemicals(listDate)
	const kindAsked = oneOf(cell('chemical'), annexB)
	const specificExemption =
		cycle >= 6
			? any(
					eq(cell('kind'), 'specific_exemption'),
					all(answered(cell('chemical')), noneOf(cell('chemical'), annexB)),
				)
			: eq(cell('kind'), 'specific_exemption')
	return {
		id: 'b_art4',
		reconstructed: note(
			cycle,
			'Items reconstructed from the columns of the registers of specific exemptions and acceptable purposes (Art. 4) and from the reporting the Annexes ask for (Annex A Parts IV and V, Annex B Part III).',
			'Items reconstructed from the register columns and Annex reporting hooks (§1.4.3, §1.4.6).',
		),
		questions: [
			{ id: 'b4_registered', type: 'yes_no', concept: 'EXEMPTION.REG', required: true },
			{
				id: 'b4_exemptions',
				type: 'table',
				concept: 'EXEMPTION.REG',
				required: true,
				visibleIf: isYes('b4_registered'),
				rows: { kind: 'open' },
				columns: [
					{
						id: 'chemical',
						type: 'chemical',
						concept: 'CHEM.ID',
						required: true,
						filter: chemicalsAB(listDate),
					},
					{
						id: 'kind',
						type: 'single_choice',
						options: ['specific_exemption', 'acceptable_purpose'],
						required: true,
						...(cycle >= 6 ? { visibleIf: kindAsked } : {}),
					},
					{
						id: 'activity',
						type: 'single_choice',
						options: ['production', 'use', 'production_and_use'],
						required: true,
					},
					{ id: 'purpose', type: 'text', required: true },
					{
						id: 'expiry_date',
						type: 'date',
						required: true,
						visibleIf: specificExemption,
					},
					{
						id: 'estimated_kg_per_year',
						type: 'decimal',
						unit: 'kg_per_year',
						min: 0,
						markers: ['not_available'],
					},
					{
						id: 'actual_kg_per_year',
						type: 'decimal',
						unit: 'kg_per_year',
						min: 0,
						required: true,
						concept: 'USE.CHEM',
						markers: ['not_available', 'confidential'],
						...periodBoundFrom6th(cycle),
					},
				],
			},
			{
				id: 'b4_minimisation_measures',
				type: 'long_text',
				required: true,
				visibleIf: isYes('b4_registered'),
			},
			{
				id: 'b4_withdrawal_planned',
				type: 'yes_no',
				required: true,
				visibleIf: isYes('b4_registered'),
			},
			{
				id: 'b4_withdrawal_details',
				type: 'long_text',
				required: true,
				visibleIf: isYes('b4_withdrawal_planned'),
			},
			{ id: 'b4_articles_in_use_notified', type: 'yes_no', required: true },
			{ id: 'b4_closed_system_intermediates_notified', type: 'yes_no', required: true },
			{
				id: 'b4_pfos_progress',
				type: 'long_text',
				required: true,
				visibleIf: hasExemptionFor(['PFOS']),
			},
			{
				id: 'b4_bde_progress',
				type: 'long_text',
				required: true,
				visibleIf: hasExemptionFor(['HEXA_HEPTA_BDE', 'TETRA_PENTA_BDE']),
			},
			{
				id: 'b4_decabde_sccp_information',
				type: 'long_text',
				required: true,
				visibleIf: hasExemptionFor(['DECABDE', 'SCCP']),
			},
		],
	}
}

/** Release vectors of the Toolkit's inventories (the `release-vectors` code list), as columns. */
const RELEASE_VECTOR_COLUMNS = ['air', 'water', 'land', 'product', 'residue'] as const

function releaseColumn(id: string, unit: string): TableColumn {
	return {
		id,
		type: 'decimal',
		unit,
		min: 0,
		required: true,
		markers: ['not_available', 'not_applicable'],
	}
}

/** Schemes of toxic equivalency factors PCDD/PCDF releases can be expressed in. */
const TEQ_SCHEMES = ['who_2005', 'annex_c_who_1998', 'i_teq', 'other']

/**
 * Article 5. The 5th cycle (as published) asks for PCDD/PCDF releases in TEQ by source group and
 * which other Annex C chemicals the inventory covers (a list that also offered PCDD and PCDF). From
 * the 6th cycle: the TEQ scheme the figures are in, a total row, the other chemicals without PCDD
 * and PCDF, and release figures (kg per year) for each of them that the inventory covers.
 */
export function sectionArt5(listDate: string, cycle: Cycle): Section {
	const teqColumn = (id: string) => releaseColumn(id, 'g_teq_per_year')
	const otherUpops = otherUnintentionalPops(listDate)
	const sixth = cycle >= 6
	return {
		id: 'b_art5',
		reconstructed: note(
			cycle,
			'Items reconstructed from Art. 5 (action plan, its review every five years, release inventories, best available techniques) and from the structure of the Standardized Toolkit for Identification and Quantification of Releases (source groups, release vectors).',
			'Items reconstructed from Art. 5 and the UNEP Toolkit structure (§1.4.4).',
		),
		questions: [
			{ id: 'b5_action_plan', type: 'yes_no_status', concept: 'PLAN.NATIONAL', required: true },
			{
				id: 'b5_action_plan_date',
				type: 'date',
				required: true,
				visibleIf: isYes('b5_action_plan'),
			},
			{
				id: 'b5_action_plan_implemented',
				type: 'yes_no',
				required: true,
				visibleIf: isYes('b5_action_plan'),
			},
			{ id: 'b5_review_done', type: 'yes_no', required: true, visibleIf: isYes('b5_action_plan') },
			{
				id: 'b5_review_results',
				type: 'long_text',
				required: true,
				visibleIf: isYes('b5_review_done'),
			},
			{ id: 'b5_inventory_done', type: 'yes_no', concept: 'RELEASE.INV', required: true },
			{
				id: 'b5_inventory_method',
				type: 'single_choice',
				options: ['unep_toolkit', 'other'],
				required: true,
				visibleIf: isYes('b5_inventory_done'),
			},
			{
				id: 'b5_inventory_method_other',
				type: 'text',
				required: true,
				visibleIf: eq('b5_inventory_method', 'other'),
			},
			{
				id: 'b5_inventory_base_year',
				type: 'year',
				min: 1990,
				max: 2100,
				required: true,
				visibleIf: isYes('b5_inventory_done'),
			},
			{
				id: 'b5_inventory_latest_year',
				type: 'year',
				min: 1990,
				max: 2100,
				required: true,
				visibleIf: isYes('b5_inventory_done'),
			},
			...(sixth
				? ([
						{
							id: 'b5_teq_scheme',
							type: 'single_choice',
							options: TEQ_SCHEMES,
							concept: 'RELEASE.INV',
							required: true,
							visibleIf: isYes('b5_inventory_done'),
							reconstructed:
								'Asked because toxic equivalents depend on the factors used: Annex C Part IV defines TEQ with the WHO 1998 factors, while inventories also use the WHO 2005 ones or the older international (I-TEQ) factors.',
						},
						{
							id: 'b5_teq_scheme_other',
							type: 'text',
							required: true,
							visibleIf: eq('b5_teq_scheme', 'other'),
						},
					] satisfies Question[])
				: []),
			{
				id: 'b5_releases',
				type: 'table',
				concept: 'RELEASE.INV',
				required: true,
				visibleIf: isYes('b5_inventory_done'),
				rows: {
					kind: 'fixed',
					dimensions: [{ column: 'source_group', codeList: 'toolkit-source-groups' }],
				},
				columns: [
					{
						id: 'source_group',
						type: 'single_choice',
						codeList: 'toolkit-source-groups',
						readOnly: true,
					},
					...RELEASE_VECTOR_COLUMNS.map(teqColumn),
				],
			},
			...(sixth
				? ([
						{
							id: 'b5_releases_total',
							type: 'table',
							concept: 'RELEASE.INV',
							required: true,
							visibleIf: isYes('b5_inventory_done'),
							reconstructed:
								'The total row is ours: it takes the national total when the source groups are not all known, and the rules check the source groups against it.',
							rows: { kind: 'fixed', dimensions: [{ column: 'scope', codes: ['all_sources'] }] },
							columns: [
								{ id: 'scope', type: 'single_choice', options: ['all_sources'], readOnly: true },
								...RELEASE_VECTOR_COLUMNS.map(teqColumn),
							],
						},
					] satisfies Question[])
				: []),
			{
				id: 'b5_other_upops',
				type: 'chemical',
				multiple: true,
				filter: sixth
					? { where: { code: otherUpops }, adoptedOnOrBefore: listDate }
					: { where: { annexes: ['C'] } },
				visibleIf: isYes('b5_inventory_done'),
			},
			...(sixth
				? ([
						{
							id: 'b5_other_upop_releases',
							type: 'table',
							concept: 'RELEASE.INV',
							required: true,
							visibleIf: answered('b5_other_upops'),
							reconstructed:
								'Release figures per chemical and vector are ours: Art. 5 covers every Annex C chemical, but only PCDD/PCDF are expressed in TEQ, so the others are asked as masses.',
							rows: {
								kind: 'fixed',
								dimensions: [
									{
										column: 'chemical',
										codeList: 'sc-chemicals',
										filter: { where: { code: otherUpops }, adoptedOnOrBefore: listDate },
									},
								],
								visibleIf: {
									left: { question: 'b5_other_upops' },
									op: 'includes',
									right: { cell: 'chemical' },
								},
							},
							columns: [
								{ id: 'chemical', type: 'chemical', concept: 'CHEM.ID', readOnly: true },
								...RELEASE_VECTOR_COLUMNS.map((id) => releaseColumn(id, 'kg_per_year')),
							],
						},
					] satisfies Question[])
				: []),
			{ id: 'b5_bat_new_sources', type: 'yes_no_status', required: true },
			{ id: 'b5_bat_bep_existing_sources', type: 'yes_no_status', required: true },
			{ id: 'b5_substitute_materials', type: 'yes_no_status', required: true },
		],
	}
}

export function sectionArt6(listDate: string, cycle: Cycle): Section {
	return {
		id: 'b_art6',
		reconstructed: note(
			cycle,
			'One item per sub-paragraph of Art. 6(1); the stockpile and disposal tables are reconstructed.',
			'One item per Art. 6 sub-paragraph (§1.4.5); stockpile and disposal tables are [R].',
		),
		questions: [
			{ id: 'b6_stockpile_strategy', type: 'yes_no_status', required: true },
			{ id: 'b6_products_wastes_strategy', type: 'yes_no_status', required: true },
			{ id: 'b6_stockpiles_identified', type: 'yes_no', concept: 'STOCK.CHEM', required: true },
			{
				id: 'b6_stockpiles',
				type: 'table',
				concept: 'STOCK.CHEM',
				required: true,
				visibleIf: isYes('b6_stockpiles_identified'),
				rows: { kind: 'open' },
				columns: [
					{
						id: 'chemical',
						type: 'chemical',
						concept: 'CHEM.ID',
						required: true,
						filter: chemicalsAB(listDate),
					},
					{
						id: 'quantity_kg',
						type: 'decimal',
						unit: 'kg',
						min: 0,
						required: true,
						markers: ['not_available', 'confidential'],
						...periodBoundFrom6th(cycle),
					},
					{
						id: 'status',
						type: 'single_choice',
						options: ['in_use', 'obsolete', 'awaiting_disposal', 'other'],
						required: true,
					},
					{ id: 'location', type: 'text' },
				],
			},
			{
				id: 'b6_stockpiles_managed_esm',
				type: 'yes_no_status',
				required: true,
				visibleIf: isYes('b6_stockpiles_identified'),
			},
			{ id: 'b6_waste_handling_esm', type: 'yes_no_status', required: true },
			{ id: 'b6_waste_disposal_destroyed', type: 'yes_no_status', required: true },
			{ id: 'b6_no_recovery_recycling', type: 'yes_no_status', required: true },
			{ id: 'b6_transboundary_rules', type: 'yes_no_status', required: true },
			{
				id: 'b6_contaminated_sites_strategy',
				type: 'yes_no_status',
				concept: 'CONTAM.SITE',
				required: true,
			},
			{
				id: 'b6_contaminated_sites_count',
				type: 'integer',
				concept: 'CONTAM.SITE',
				min: 0,
				required: true,
				markers: ['not_available'],
				...periodBoundFrom6th(cycle),
				visibleIf: isYes('b6_contaminated_sites_strategy'),
			},
			{
				id: 'b6_remediation_undertaken',
				type: 'yes_no',
				required: true,
				visibleIf: isYes('b6_contaminated_sites_strategy'),
			},
			{
				id: 'b6_waste_disposed',
				type: 'table',
				concept: 'TRADE.EXPORT.WASTE',
				rows: { kind: 'open' },
				columns: [
					{
						id: 'chemical',
						type: 'chemical',
						concept: 'CHEM.ID',
						required: true,
						filter: { adoptedOnOrBefore: listDate },
					},
					{ id: 'year', type: 'year', withinPeriod: true, required: true },
					{
						id: 'quantity_kg',
						type: 'decimal',
						unit: 'kg',
						min: 0,
						required: true,
						markers: ['not_available'],
					},
					{
						id: 'operation',
						type: 'single_choice',
						options: ['destroyed_domestically', 'exported_for_disposal'],
						required: true,
					},
					{
						id: 'destination_country',
						type: 'country',
						required: true,
						visibleIf: eq(cell('operation'), 'exported_for_disposal'),
					},
				],
			},
		],
	}
}

export function sectionArt7(listDate: string, cycle: Cycle): Section {
	return {
		id: 'b_art7',
		...noteFrom6th(
			cycle,
			'Items reconstructed from Art. 7(1)(b) (transmission of the plan) and 7(1)(c) (its review and update).',
		),
		questions: [
			{ id: 'b7_nip_transmitted', type: 'yes_no', concept: 'PLAN.NATIONAL', required: true },
			{
				id: 'b7_nip_date',
				type: 'date',
				concept: 'PLAN.NATIONAL',
				required: true,
				visibleIf: isYes('b7_nip_transmitted'),
			},
			{ id: 'b7_nip_updated', type: 'yes_no_status', concept: 'PLAN.NATIONAL', required: true },
			{
				id: 'b7_nip_update_date',
				type: 'date',
				required: true,
				visibleIf: isYes('b7_nip_updated'),
			},
			{
				id: 'b7_nip_update_chemicals',
				type: 'chemical',
				multiple: true,
				required: true,
				filter: { adoptedOnOrBefore: listDate },
				visibleIf: isYes('b7_nip_updated'),
			},
		],
	}
}

// ---------------------------------------------------------------------------------------------
// Part B, Articles 9 to 16, obstacles
// ---------------------------------------------------------------------------------------------

const withoutNone = (id: string) => all(answered(id), not(includes(id, 'none')))

function assistanceTable(
	id: string,
	concept: string,
	partnerColumn: string,
	visibleCodes: string[],
	question: string,
): Question {
	return {
		id,
		type: 'table',
		concept,
		required: true,
		visibleIf: oneOf(question, visibleCodes),
		rows: { kind: 'open' },
		columns: [
			{ id: partnerColumn, type: 'text', required: true },
			...(id.startsWith('b12')
				? ([
						{
							id: 'assistance_type',
							type: 'single_choice',
							options: ['training', 'equipment', 'expert_advice', 'technology_transfer', 'other'],
							required: true,
						},
						{ id: 'subject', type: 'long_text' },
					] satisfies TableColumn[])
				: ([
						{
							id: 'channel',
							type: 'single_choice',
							options: ['gef', 'bilateral', 'multilateral', 'other'],
							required: true,
						},
						{
							id: 'amount_usd',
							type: 'decimal',
							unit: 'usd',
							min: 0,
							required: true,
							markers: ['not_available', 'confidential'],
						},
						{ id: 'purpose', type: 'long_text' },
					] satisfies TableColumn[])),
			{ id: 'year', type: 'year', withinPeriod: true, required: true },
		],
	}
}

export function sectionsArt9To16(cycle: Cycle): Section[] {
	return [
		{
			id: 'b_art9',
			...noteFrom6th(
				cycle,
				'Items reconstructed from Art. 9 (national focal point, exchange of information).',
			),
			questions: [
				{
					id: 'b9_focal_point_designated',
					type: 'yes_no',
					concept: 'INFO.EXCHANGE',
					required: true,
				},
				{ id: 'b9_mechanism', type: 'yes_no_status', concept: 'INFO.EXCHANGE', required: true },
				{
					id: 'b9_mechanism_details',
					type: 'long_text',
					required: true,
					visibleIf: isYes('b9_mechanism'),
				},
			],
		},
		{
			id: 'b_art10',
			...noteFrom6th(
				cycle,
				'Items reconstructed from Art. 10(1) and 10(5) (public information, awareness and education; pollutant release and transfer registers).',
			),
			questions: [
				{
					id: 'b10_activities',
					type: 'multiple_choice',
					concept: 'AWARENESS',
					required: true,
					options: [
						'policy_maker_awareness',
						'public_information',
						'education_programmes',
						'public_participation',
						'worker_training',
						'none',
					],
				},
				{
					id: 'b10_activities_details',
					type: 'long_text',
					required: true,
					visibleIf: withoutNone('b10_activities'),
				},
				{ id: 'b10_prtr', type: 'yes_no_status', required: true },
			],
		},
		{
			id: 'b_art11',
			...noteFrom6th(
				cycle,
				'Items reconstructed from Art. 11(1) (research, development and monitoring areas).',
			),
			questions: [
				{
					id: 'b11_activities',
					type: 'multiple_choice',
					concept: 'RESEARCH.MON',
					required: true,
					options: [
						'sources_releases',
						'levels_humans_environment',
						'transport',
						'effects',
						'socio_economic',
						'release_reduction',
						'harmonised_methods',
						'none',
					],
				},
				{
					id: 'b11_details',
					type: 'long_text',
					required: true,
					visibleIf: withoutNone('b11_activities'),
				},
			],
		},
		{
			id: 'b_art12',
			...noteFrom6th(cycle, 'Items reconstructed from Art. 12 (technical assistance).'),
			questions: [
				{
					id: 'b12_assistance',
					type: 'single_choice',
					options: ['provided', 'received', 'both', 'none'],
					required: true,
					...periodBoundFrom6th(cycle),
				},
				assistanceTable(
					'b12_provided',
					'TA.PROVIDED',
					'recipient',
					['provided', 'both'],
					'b12_assistance',
				),
				assistanceTable(
					'b12_received',
					'TA.RECEIVED',
					'provider',
					['received', 'both'],
					'b12_assistance',
				),
			],
		},
		{
			id: 'b_art13',
			...noteFrom6th(
				cycle,
				'Items reconstructed from Art. 13(1)–(2) (national support; new and additional financial resources).',
			),
			questions: [
				{ id: 'b13_national_support', type: 'yes_no', required: true },
				{
					id: 'b13_resources',
					type: 'single_choice',
					options: ['provided', 'received', 'both', 'none'],
					required: true,
					...periodBoundFrom6th(cycle),
				},
				assistanceTable(
					'b13_provided',
					'FIN.PROVIDED',
					'recipient',
					['provided', 'both'],
					'b13_resources',
				),
				assistanceTable(
					'b13_received',
					'FIN.RECEIVED',
					'provider',
					['received', 'both'],
					'b13_resources',
				),
			],
		},
		{
			id: 'b_art16',
			...noteFrom6th(
				cycle,
				'Items reconstructed from Art. 16(2) (the global monitoring plan and its core media).',
			),
			questions: [
				{ id: 'b16_gmp_participation', type: 'yes_no', concept: 'EFFECTIVENESS', required: true },
				{
					id: 'b16_monitoring_matrices',
					type: 'multiple_choice',
					concept: 'RESEARCH.MON',
					required: true,
					options: ['air', 'human_milk', 'human_blood', 'water', 'other', 'none'],
				},
				{
					id: 'b16_monitoring_details',
					type: 'long_text',
					visibleIf: withoutNone('b16_monitoring_matrices'),
				},
			],
		},
		{
			id: 'b_obstacles',
			...noteFrom6th(
				cycle,
				'Items reconstructed from Art. 15(1) (effectiveness of the measures) and SC-1/22 (information not available).',
			),
			questions: [
				{ id: 'b_obstacles_implementation', type: 'long_text', concept: 'CHALLENGES' },
				{
					id: 'b_obstacles_reporting',
					type: 'long_text',
					concept: 'CHALLENGES',
					...periodBoundFrom6th(cycle),
				},
				{
					id: 'b_format_comments',
					type: 'long_text',
					concept: 'CHALLENGES',
					...periodBoundFrom6th(cycle),
				},
				{ id: 'b_attachments', type: 'attachment', multiple: true },
			],
		},
	]
}

// ---------------------------------------------------------------------------------------------
// Part C, PCB
// ---------------------------------------------------------------------------------------------

export const PCB_BANDS = ['gt10pct_gt5l', 'pct0_05_to_10_gt5l', 'pct0_005_to_0_05_gt0_05l']

/**
 * Part C sections both cycles share. The equipment table is a state at the end of the period (and
 * removals during it). From the 6th cycle, its tonnes are said to be the weight of the equipment,
 * liquid included, and PCB liquids held and destroyed are asked apart, as progress reports on PCB
 * elimination count equipment and liquids separately (Annex A Part II (a) and (e)).
 */
export function sectionsPcbCommon(cycle: Cycle): Section[] {
	const sixth = cycle >= 6
	const count = (id: string): TableColumn => ({
		id,
		type: 'integer',
		unit: 'count',
		min: 0,
		required: true,
		markers: ['not_available'],
		...periodBoundFrom6th(cycle),
	})
	const tonnes = (id: string): TableColumn => ({
		id,
		type: 'decimal',
		unit: 't',
		min: 0,
		required: true,
		markers: ['not_available'],
		...periodBoundFrom6th(cycle),
	})
	const liquids = (id: string): Question => ({
		id,
		type: 'decimal',
		unit: 't',
		min: 0,
		concept: 'PCB.ELIMINATION',
		required: true,
		markers: ['not_available'],
		periodBound: true,
	})
	return [
		{
			id: 'c_pcb_strategies',
			questions: [
				{
					id: 'c_pcb_stockpile_strategy',
					type: 'yes_no_status',
					concept: 'PCB.ELIMINATION',
					required: true,
				},
				{
					id: 'c_pcb_articles_wastes_strategy',
					type: 'yes_no_status',
					concept: 'PCB.ELIMINATION',
					required: true,
				},
				{
					id: 'c_pcb_strategy_list',
					type: 'table',
					concept: 'LEG.MEASURE',
					required: true,
					visibleIf: any(
						isYes('c_pcb_stockpile_strategy'),
						isYes('c_pcb_articles_wastes_strategy'),
					),
					rows: { kind: 'open' },
					columns: [
						{ id: 'name', type: 'text', required: true },
						{ id: 'description', type: 'long_text', required: true },
						{ id: 'entry_into_force', type: 'date', required: true },
					],
				},
				{
					id: 'c_pcb_esm_measures',
					type: 'multiple_choice',
					concept: 'LEG.MEASURE',
					required: true,
					options: ['handled', 'collected', 'transported', 'stored', 'disposed', 'none'],
				},
			],
		},
		{
			id: 'c_pcb_equipment',
			reconstructed: note(
				cycle,
				'Concentration bands from Annex A Part II (a); the equipment table and the questions on liquids are reconstructed.',
				'Concentration bands from Annex A Part II; the equipment table itself is [R] (§1.4.7).',
			),
			questions: [
				{
					id: 'c_pcb_equipment_table',
					...(sixth ? { textKey: 'c_pcb_equipment_by_weight' } : {}),
					type: 'table',
					concept: 'PCB.ELIMINATION',
					required: true,
					rows: { kind: 'fixed', dimensions: [{ column: 'band', codes: PCB_BANDS }] },
					columns: [
						{ id: 'band', type: 'single_choice', options: PCB_BANDS, readOnly: true },
						count('identified_count'),
						count('labelled_count'),
						count('removed_count'),
						tonnes('in_use_t'),
						tonnes('removed_t'),
						tonnes('destroyed_t'),
					],
				},
				...(sixth ? [liquids('c_pcb_liquids_held_t'), liquids('c_pcb_liquids_destroyed_t')] : []),
				{ id: 'c_pcb_trade_esm_only', type: 'yes_no_status', required: true },
				{ id: 'c_pcb_no_reuse_recovery', type: 'yes_no_status', required: true },
				{ id: 'c_pcb_open_applications', type: 'yes_no_status', required: true },
			],
		},
	]
}

// ---------------------------------------------------------------------------------------------
// Rules shared by both versions
// ---------------------------------------------------------------------------------------------

/**
 * From the 6th cycle, per release vector, the PCDD/PCDF releases of the source groups must not add
 * up to more than the total row, and must add up to it once every source group of the vector is
 * answered and none is "information not available".
 */
function releaseTotalRules(): Rule[] {
	return RELEASE_VECTOR_COLUMNS.flatMap((vector): Rule[] => {
		const bySourceGroup = { table: 'b5_releases', column: vector, groupBy: [] }
		const total = { table: 'b5_releases_total', column: vector, groupBy: [] }
		return [
			{
				id: `releases_${vector}_within_total`,
				kind: 'aggregate',
				severity: 'warning',
				messageKey: 'releases_exceed_total',
				source: bySourceGroup,
				op: 'lte',
				reference: total,
			},
			{
				id: `releases_${vector}_add_up_to_total`,
				kind: 'aggregate',
				severity: 'warning',
				messageKey: 'releases_below_total',
				// Every source group answered with a number or "not applicable" (a blank keeps it open).
				when: allRows(
					'b5_releases',
					any(gte(cell(vector), 0), marked(cell(vector), 'not_applicable')),
				),
				source: bySourceGroup,
				op: 'gte',
				reference: total,
			},
		]
	})
}

export function sharedRules(cycle: Cycle): Rule[] {
	const layout = statisticsLayout(cycle)
	return [
		{
			id: 'export_partners_within_total',
			kind: 'aggregate',
			severity: 'error',
			messageKey: 'partner_exports_exceed_total',
			source: { table: 'b3_export_partners', column: 'quantity_kg', groupBy: ['chemical'] },
			op: 'lte',
			reference: { table: 'b3_statistics', column: 'export_kg', groupBy: ['chemical'] },
		},
		{
			id: 'import_partners_within_total',
			kind: 'aggregate',
			severity: 'error',
			messageKey: 'partner_imports_exceed_total',
			source: { table: 'b3_import_partners', column: 'quantity_kg', groupBy: ['chemical'] },
			op: 'lte',
			reference: { table: 'b3_statistics', column: 'import_kg', groupBy: ['chemical'] },
		},
		...(['production_kg', 'import_kg', 'export_kg'] as const).map((column): Rule => ({
			id: `statistics_${column}_plausible`,
			kind: 'range',
			severity: 'warning',
			messageKey: 'quantity_implausibly_large',
			target: { question: 'b3_statistics', column },
			max: 100_000_000,
		})),
		{
			id: 'non_party_exports_declared',
			kind: 'assert',
			severity: 'warning',
			messageKey: 'non_party_exports_not_declared',
			target: { question: 'b3_exported_to_non_parties' },
			when: anyRow('b3_export_partners', eq(cell('purpose'), 'non_party_certified')),
			assert: isYes('b3_exported_to_non_parties'),
		},
		{
			id: 'inventory_years_ordered',
			kind: 'compare',
			severity: 'error',
			messageKey: 'latest_year_before_base_year',
			target: { question: 'b5_inventory_latest_year' },
			op: 'gte',
			other: { question: 'b5_inventory_base_year' },
		},
		{
			id: 'nip_update_after_nip',
			kind: 'compare',
			severity: 'error',
			messageKey: 'update_before_original',
			target: { question: 'b7_nip_update_date' },
			op: 'gte',
			other: { question: 'b7_nip_date' },
		},
		{
			id: 'explain_unavailable_statistics',
			kind: 'required',
			severity: 'warning',
			messageKey: 'explain_unavailable_data',
			target: { question: 'b_obstacles_reporting' },
			when: any(
				anyRow(
					'b3_statistics',
					any(
						marked(cell('production_kg'), 'not_available'),
						marked(cell('import_kg'), 'not_available'),
						marked(cell('export_kg'), 'not_available'),
					),
				),
				...(layout === 'activity_first'
					? [anyRow(STATISTICS_ACTIVITY, marked(cell('activity'), 'not_available'))]
					: []),
			),
		},
		...(cycle >= 6 ? releaseTotalRules() : []),
	]
}
