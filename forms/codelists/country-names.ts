import countries from 'i18n-iso-countries'
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' }
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' }
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' }
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' }
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' }
import type { Language } from '../types.ts'
import { COUNTRY_ROWS } from './country-data.ts'
import { UN_COUNTRY_NAMES } from './country-names-un.ts'

/**
 * Country names in the six UN languages. Server side only: pages receive the names of their
 * language from their loader, so the browser never downloads all six.
 *
 * English: the UN short name of `country-data.ts`. Other languages: the UN short name of
 * `country-names-un.ts`; for the entries the UN list does not name, and for the known defects of
 * that list below, the CLDR name of i18n-iso-countries; English as the last resort.
 */
for (const locale of [ar, zh, fr, ru, es]) countries.registerLocale(locale)

const UN_LANGUAGE_INDEX = { ar: 0, zh: 1, fr: 2, ru: 3, es: 4 } as const

/**
 * Names of the M49 tables that are not usable as labels (a territory's Russian name left in the
 * genitive, Arabic names cut short or with a word repeated): the CLDR name is used instead.
 */
const M49_NAME_DEFECTS: Readonly<Record<string, readonly Language[]>> = {
	ALA: ['ru'],
	ATF: ['ar'],
	CCK: ['ru'],
	IOT: ['ar'],
	UMI: ['ar'],
}

function nameIn(lang: Language, alpha3: string, alpha2: string, english: string): string {
	if (lang === 'en') return english
	const un = UN_COUNTRY_NAMES[alpha3]
	if (un && !M49_NAME_DEFECTS[alpha3]?.includes(lang)) return un[UN_LANGUAGE_INDEX[lang]]
	return countries.getName(alpha2, lang) ?? english
}

const cache = new Map<Language, Record<string, string>>()

/** Code → name in `lang`. */
export function countryNames(lang: Language): Record<string, string> {
	let names = cache.get(lang)
	if (!names) {
		names = Object.fromEntries(
			COUNTRY_ROWS.map(([alpha3, alpha2, , english]) => [
				alpha3,
				nameIn(lang, alpha3, alpha2, english),
			]),
		)
		cache.set(lang, names)
	}
	return names
}

export function countryName(code: string, lang: Language): string | undefined {
	return countryNames(lang)[code]
}
