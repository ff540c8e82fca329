import type { Language } from '../types.ts'
import { countryNames } from './country-names.ts'
import ar from './i18n/ar.json' with { type: 'json' }
import es from './i18n/es.json' with { type: 'json' }
import ru from './i18n/ru.json' with { type: 'json' }
import zh from './i18n/zh.json' with { type: 'json' }
import { getCodeList } from './index.ts'

/** Labels of code lists that do not travel with the list itself (server side). */
export type CodeListLabels = Record<string, Record<string, string>>

/**
 * A language file of code-list labels (`forms/codelists/i18n/<lang>.json`): list id → code →
 * label, for the languages whose labels are not written in the lists themselves (English and
 * French are). `translation.status` is `draft` until a translator has checked the labels against
 * the official language versions of the Conventions' annexes.
 */
export interface CodeListTexts {
	translation?: { status: string; note?: string }
	lists: CodeListLabels
}

const TRANSLATED: Partial<Record<Language, CodeListTexts>> = { es, ru, zh, ar }

/** The code-list labels file of a language, when it has one. */
export function codeListTexts(lang: Language): CodeListTexts | undefined {
	return TRANSLATED[lang]
}

/** The extra code-list labels of a language, for `formTextFrom` and for pages that render codes. */
export function codeListLabelsFor(lang: Language): CodeListLabels {
	return { ...TRANSLATED[lang]?.lists, countries: countryNames(lang) }
}

/** A code's label in a language: the list's own label, else the extra labels, else English. */
export function codeLabel(listId: string, code: string, lang: Language): string {
	const entry = getCodeList(listId)?.entries.find((candidate) => candidate.code === code)
	return entry?.labels[lang] ?? codeListLabelsFor(lang)[listId]?.[code] ?? entry?.labels.en ?? code
}
