import { ne } from '../dsl.ts'
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

/** Chemical list state for the 5th cycle: listings adopted up to COP-9 (10 May 2019). */
const LIST_DATE = '2019-05-10'
const CYCLE = 5

/**
 * Stockholm Convention Article 15 national report, 5th cycle (SC-9/16), due 31 August 2022.
 * PCB items ask about plans for the 2025 (end of use in equipment) and 2028 (ESM) targets (SC-9/3).
 *
 * Published and pinned by stored reports: the definition must stay as it is, `reconstructed`
 * notes included (they are the published text; see `note` in ./shared.ts).
 */
export const ART15_V5: FormDefinition = {
	schemaVersion: 1,
	formId: FORM_ID,
	version: 5,
	convention: 'stockholm',
	reportingPeriod: {
		startYear: 2018,
		endYear: 2021,
		rule: 'The four calendar years preceding the reporting year (2022).',
		reconstructed:
			'The exact reporting window is [R] (forms-content Appendix A): check the official template.',
	},
	deadline: '2022-08-31',
	languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
	codeLists: {
		'sc-chemicals': '2025.1',
		countries: 'iso3166-i18n-iso-countries-7.14.0',
		units: '2025.1',
		'toolkit-source-groups': '2013.1',
	},
	reconstructed:
		'Only the Parts and the Part B Sections III–V and Part C Section I are confirmed; question wording and numbering are reconstructed from the Convention text (forms-content §1.4, §8).',
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
					reconstructed:
						'Target questions reconstructed from SC-9/3 and the COP-9 call to report PCB progress.',
					questions: [
						{
							id: 'c_pcb_plan_2025',
							type: 'yes_no_status',
							concept: 'PCB.ELIMINATION',
							required: true,
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
							visibleIf: { any: [ne('c_pcb_plan_2025', 'yes'), ne('c_pcb_plan_2028', 'yes')] },
						},
					],
				},
			],
		},
	],
	rules: sharedRules(CYCLE),
}
