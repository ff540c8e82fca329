import type { FormDefinition } from '../types.ts'
import { MINAMATA_RULES } from './rules.ts'
import { PART_A_SECTIONS, PART_B_SECTIONS } from './sections.ts'

/**
 * Minamata Convention national report under Article 21, in the format of the annex to decision
 * MC-1/8 (clarified by MC-4/8, amended by annex I of MC-5/13). One definition, two variants: the
 * full report every four years and the short report every two years (MC-1/8), which asks only the
 * questions marked with an asterisk in the full format; a cycle names its variant.
 *
 * Version 1 is prepared for the full report due 31 December 2025 (period 2021–2024); the period
 * of a report comes from its cycle, so the 2-yearly short reports use the same version.
 *
 * Draft: not published, no cycle uses it yet (docs/decisions/011).
 */
export const MINAMATA_ART21_V1: FormDefinition = {
	schemaVersion: 1,
	formId: 'minamata-art21',
	version: 1,
	convention: 'minamata',
	reportingPeriod: {
		startYear: 2021,
		endYear: 2024,
		rule: 'Full report: the four calendar years since the previous full report; short report: the two calendar years since the previous report.',
		reconstructed:
			'The period and deadline of the next full report (about end-2025) were not verified against the Secretariat’s notification.',
	},
	deadline: '2025-12-31',
	languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
	codeLists: {
		countries: 'iso3166-i18n-iso-countries-7.14.0+eu+un-m49-names',
		units: '2025.2',
		'minamata-annex-a': '2023.1',
		'minamata-annex-b': '2013.1',
		'minamata-annex-d': '2013.1',
	},
	variants: [
		{ id: 'full' },
		{
			id: 'short',
			reconstructed:
				'The short report asks the four questions asterisked in the full format (MC-1/8); which four was not verified: we take the Article 3 questions on primary mining, stocks and supply sources, exports and imports from non-Parties.',
		},
	],
	reconstructed:
		'Confirmed: the articles the report covers (Art. 21(1): Arts. 3, 5, 7, 8 and 9 at least), the full and short reports and their cadence. Question wording, the yes/no → details structure, table columns and units (metric tonnes for trade and stocks, kg per year for emissions) are reconstructed from the Convention text and should be checked against the official format.',
	parts: [
		{ id: 'mc_part_a', sections: PART_A_SECTIONS },
		{ id: 'mc_part_b', sections: PART_B_SECTIONS },
	],
	rules: MINAMATA_RULES,
}
