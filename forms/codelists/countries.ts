import { COUNTRY_ROWS } from './country-data.ts'
import { COUNTRY_LIST_ID } from './ids.ts'
import type { CodeList, CodeListEntry } from './types.ts'

export interface CountryEntry extends CodeListEntry {
	alpha2: string
	/** UN M49 numeric code; null for the European Union, which has none. */
	numeric: string | null
}

/**
 * ISO 3166-1 countries and areas plus the European Union, keyed by alpha-3 code (`EUU` for the
 * EU). Entries carry the English UN short name; names in the other UN languages come from
 * `countryNames(lang)` (`country-names.ts`, server side) and reach the browser with the page that
 * needs them.
 */
export const COUNTRIES: CodeList<CountryEntry> = {
	id: COUNTRY_LIST_ID,
	version: 'iso3166-i18n-iso-countries-7.14.0+eu+un-m49-names',
	date: '2026-12-04',
	source:
		'Codes: ISO 3166-1 via the i18n-iso-countries package, plus the European Union (EU/EUU). ' +
		'Names: UN short names (UNSD M49, following UNTERM) in ar, zh, en, fr, ru, es; see country-data.ts and country-names-un.ts.',
	entries: COUNTRY_ROWS.map(([code, alpha2, numeric, en]) => ({
		code,
		alpha2,
		numeric,
		labels: { en },
	})),
}
