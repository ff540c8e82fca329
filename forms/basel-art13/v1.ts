import type { FormDefinition } from '../types.ts'
import { PART_I_SECTIONS } from './part1.ts'
import { PART_II_SECTIONS } from './part2.ts'
import { BASEL_RULES } from './rules.ts'

/**
 * Basel Convention national report under Article 13(3): the information on the previous calendar
 * year that each Party transmits through the Secretariat to the Conference of the Parties, in the
 * questionnaire format adopted at COP-6 (Part I, status of information; Part II, data tables).
 *
 * Annual: a report covers one calendar year N and is due by 31 December N+1. Version 1 is prepared
 * for reporting year 2025, the first with the e-waste amendments in force; the code-validity rules
 * read the year from the report's context, so a cycle may use it for another year from 2021.
 *
 * Draft: not published, no cycle uses it yet (docs/decisions/011).
 */
export const BASEL_ART13_V1: FormDefinition = {
	schemaVersion: 1,
	formId: 'basel-art13',
	version: 1,
	convention: 'basel',
	reportingPeriod: {
		startYear: 2025,
		endYear: 2025,
		rule: 'The previous calendar year (Art. 13(3)): year N is reported by 31 December N+1.',
		reconstructed:
			'The 31 December deadline follows the Secretariat’s yearly request for the report on the previous year; it is not in the Convention text.',
	},
	deadline: '2026-12-31',
	languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
	codeLists: {
		countries: 'iso3166-i18n-iso-countries-7.14.0+eu+un-m49-names',
		units: '2025.2',
		'basel-y': '2025.1',
		'basel-h': '1992.1',
		'basel-d': '1992.1',
		'basel-r': '1992.1',
		'basel-annex-viii-ix': '2025.1',
	},
	reconstructed:
		'Confirmed: the two Parts, Part I questions 1–4e (Sections A–D), Table 4 with the columns of the Secretariat’s data feed, and the numbers of Tables 8A, 8B, 9 and 10. Wording, Part I Sections E–I and the other tables’ columns are reconstructed from Articles 4, 9, 11 and 13 and should be checked against the official questionnaire.',
	parts: [
		{ id: 'basel_part_1', sections: PART_I_SECTIONS },
		{ id: 'basel_part_2', sections: PART_II_SECTIONS },
	],
	rules: BASEL_RULES,
}
