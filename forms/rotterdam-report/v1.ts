import type { FormDefinition } from '../types.ts'
import { IMPLEMENTATION_SECTIONS } from './implementation.ts'
import { ROTTERDAM_RULES } from './rules.ts'
import { TRADE_SECTIONS } from './trade.ts'

/**
 * Rotterdam Convention report: what a Party transmitted and did under the Convention in one
 * calendar year (designated national authorities, import responses for Annex III chemicals,
 * notifications of final regulatory action, export notifications sent and received, exports of
 * Annex III chemicals, information to accompany exports, information exchange, implementation,
 * technical assistance and difficulties).
 *
 * The Convention asks no periodic national report; the Secretariat's yearly questionnaire on
 * exports, export notifications and information exchange (RC-7/2, RC-9/1; streamlining asked by
 * RC-12/1) is the nearest periodic instrument, and this form widens it to the other obligations
 * a Party reports on, so that the system can hold and compare them. Version 1 covers the calendar
 * year 2025.
 *
 * Draft: not published, no cycle uses it yet (docs/decisions/011).
 */
export const ROTTERDAM_REPORT_V1: FormDefinition = {
	schemaVersion: 1,
	formId: 'rotterdam-report',
	version: 1,
	convention: 'rotterdam',
	reportingPeriod: {
		startYear: 2025,
		endYear: 2025,
		rule: 'One calendar year: the year before the Secretariat’s request.',
		reconstructed:
			'The Secretariat asked for “Year 2023” on 30 November 2024; the year covered is confirmed, the deadline (31 December of the next year) is ours.',
	},
	deadline: '2026-12-31',
	languages: ['en', 'fr', 'es', 'ar', 'zh', 'ru'],
	codeLists: {
		countries: 'iso3166-i18n-iso-countries-7.14.0+eu+un-m49-names',
		units: '2025.2',
		'rotterdam-annex-iii': '2025.1',
	},
	reconstructed:
		'No official template of a periodic Rotterdam report was read. Confirmed: the subjects of the yearly questionnaire (exports, export notifications sent and received, information exchange), the import response fields (final or interim; consent, no consent, consent with conditions) and the Annex I/Annex V items used as columns. The grouping into parts, the wording, and Articles 13, 15 and 16 and the difficulties are reconstructed from the Convention text.',
	parts: [
		{ id: 'rotterdam_part_a', sections: TRADE_SECTIONS.partA },
		{ id: 'rotterdam_part_b', sections: TRADE_SECTIONS.partB },
		{ id: 'rotterdam_part_c', sections: TRADE_SECTIONS.partC },
		{ id: 'rotterdam_part_d', sections: IMPLEMENTATION_SECTIONS.partD },
		{ id: 'rotterdam_part_e', sections: IMPLEMENTATION_SECTIONS.partE },
	],
	rules: ROTTERDAM_RULES,
}
