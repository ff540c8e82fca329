import countries from 'i18n-iso-countries'
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' }
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' }
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' }
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' }
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' }
import type { Language } from '../types.ts'
import { COUNTRY_ROWS } from './country-data.ts'

/**
 * Country names in the six UN languages (i18n-iso-countries). Server side only: pages receive the
 * names of their language from their loader, so the browser never downloads all six.
 */
for (const locale of [ar, zh, en, fr, ru, es]) countries.registerLocale(locale)

const cache = new Map<Language, Record<string, string>>()

/** alpha-3 code → name in `lang` (English where the language has no name). */
export function countryNames(lang: Language): Record<string, string> {
	let names = cache.get(lang)
	if (!names) {
		names = Object.fromEntries(
			COUNTRY_ROWS.map(([alpha3, alpha2, , english]) => [
				alpha3,
				countries.getName(alpha2, lang) ?? english,
			]),
		)
		cache.set(lang, names)
	}
	return names
}

export function countryName(code: string, lang: Language): string | undefined {
	return countryNames(lang)[code]
}
