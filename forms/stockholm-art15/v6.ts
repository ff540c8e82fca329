import { all, anyRow, cell, gt, isYes, ne, oneOf } from '../dsl.ts'
import type { FormDefinition } from '../types.ts'
import {
	FORM_ID,
	partA,
	sectionArt15Statistics,
	sectionArt3Measures,
	sectionArt3Trade,
	sectionArt4,
	sectionArt5,
	sectionArt6,
	sectionArt7,
	sectionsArt9To16,
	sectionsPcbCommon,
	sharedRules,
} from './shared.ts'

/** Chemical list state for the 6th cycle: listings adopted up to COP-12 (9 May 2025). */
const LIST_DATE = '2025-05-09'
const CYCLE = 6

/**
 * Stockholm Convention Article 15 national report, 6th cycle (SC-12/19), due 31 August 2026.
 *
 * Differences from version 5:
 * - the chemical list includes PFHxS (in force 16 Nov 2023), Dechlorane Plus, UV-328 and
 *   methoxychlor (in force 2025), and the COP-12 listings (chlorpyrifos, MCCPs, LC-PFCAs), which
 *   appear for a Party once their listing is in force for it;
 * - Art. 15(2) statistics are asked per chemical first ("any production, import or export?"),
 *   then only for the chemicals answered yes and the years their listing was in force;
 * - Art. 4: the kind of registration is asked only for Annex B chemicals, the only ones with
 *   acceptable purposes (Annex A lists specific exemptions only);
 * - Art. 5: the TEQ scheme of the PCDD/PCDF figures, a total row checked against the source
 *   groups, the other Annex C chemicals without PCDD and PCDF, and release figures for each of
 *   them the inventory covers;
 * - Part C: PCB tonnes are the weight of the equipment (liquid included), PCB liquids are asked
 *   apart; the 2025 deadline has passed, so the plan question becomes "has the use ended", with
 *   the quantity still in use when it has not; the 2028 ESM question is unchanged;
 * - answers that describe the reporting period are marked `periodBound`: a report started from
 *   an earlier one offers them for confirmation instead of copying them.
 */
export const ART15_V6: FormDefinition = {
	schemaVersion: 1,
	formId: FORM_ID,
	version: 6,
	convention: 'stockholm',
	reportingPeriod: {
		startYear: 2022,
		endYear: 2025,
		rule: 'The four calendar years preceding the reporting year (2026).',
		reconstructed:
			'The four-year cycle follows SC-1/22 and the deadline SC-12/19; that the report covers the four calendar years before the reporting year is reconstructed: check the official template.',
	},
	deadline: '2026-08-31',
	languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
	codeLists: {
		'sc-chemicals': '2025.3',
		countries: 'iso3166-i18n-iso-countries-7.14.0+eu+un-m49-names',
		units: '2025.2',
		'toolkit-source-groups': '2013.1',
	},
	reconstructed:
		'Only the Parts (SC-1/22, SC-2/18) and Part B Sections III–V and Part C Section I are confirmed by the Secretariat’s electronic reporting system; question wording and numbering are reconstructed from the Convention text.',
	parts: [
		partA(CYCLE),
		{
			id: 'part_b',
			sections: [
				sectionArt3Measures(LIST_DATE, CYCLE),
				sectionArt15Statistics(LIST_DATE, CYCLE),
				sectionArt3Trade(CYCLE),
				sectionArt4(LIST_DATE, CYCLE),
				sectionArt5(LIST_DATE, CYCLE),
				sectionArt6(LIST_DATE, CYCLE),
				sectionArt7(LIST_DATE, CYCLE),
				...sectionsArt9To16(CYCLE),
			],
		},
		{
			id: 'part_c',
			sections: [
				...sectionsPcbCommon(CYCLE),
				{
					id: 'c_pcb_targets',
					reconstructed: 'Target questions reconstructed from SC-9/3 (2025 and 2028 targets).',
					questions: [
						{
							id: 'c_pcb_use_ended_2025',
							type: 'yes_no_status',
							concept: 'PCB.ELIMINATION',
							required: true,
						},
						{
							id: 'c_pcb_remaining_in_use_t',
							type: 'decimal',
							unit: 't',
							min: 0,
							concept: 'PCB.ELIMINATION',
							required: true,
							markers: ['not_available'],
							periodBound: true,
							visibleIf: oneOf('c_pcb_use_ended_2025', ['no', 'under_development']),
						},
						{
							id: 'c_pcb_plan_2028',
							type: 'yes_no_status',
							concept: 'PCB.ELIMINATION',
							required: true,
						},
						{
							id: 'c_pcb_target_obstacles',
							type: 'long_text',
							concept: 'CHALLENGES',
							required: true,
							visibleIf: { any: [ne('c_pcb_use_ended_2025', 'yes'), ne('c_pcb_plan_2028', 'yes')] },
						},
					],
				},
			],
		},
	],
	rules: [
		...sharedRules(CYCLE),
		{
			id: 'pcb_use_ended_consistent',
			kind: 'assert',
			severity: 'warning',
			messageKey: 'pcb_in_use_after_target',
			target: { question: 'c_pcb_use_ended_2025' },
			when: isYes('c_pcb_use_ended_2025'),
			assert: { not: anyRow('c_pcb_equipment_table', all(gt(cell('in_use_t'), 0))) },
		},
	],
}
