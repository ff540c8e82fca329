import { COUNTRY_ROWS } from './country-data.ts'
import type { CodeList, CodeListEntry } from './types.ts'

export interface CountryEntry extends CodeListEntry {
	alpha2: string
	numeric: string
}

/**
 * ISO 3166-1 countries keyed by alpha-3 code. Entries carry the English name; names in the other
 * UN languages come from `countryNames(lang)` (`country-names.ts`, server side) and reach the
 * browser with the page that needs them.
 */
export const COUNTRIES: CodeList<CountryEntry> = {
	id: 'countries',
	version: 'iso3166-i18n-iso-countries-7.14.0',
	date: '2025-01-01',
	source: 'ISO 3166-1 via the i18n-iso-countries package (names in ar, zh, en, fr, ru, es).',
	entries: COUNTRY_ROWS.map(([code, alpha2, numeric, en]) => ({
		code,
		alpha2,
		numeric,
		labels: { en },
	})),
}
