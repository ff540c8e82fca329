import type { Language } from '../types.ts'
import { countryNames } from './country-names.ts'
import { getCodeList } from './index.ts'

/** Labels of code lists that do not travel with the list itself (server side). */
export type CodeListLabels = Record<string, Record<string, string>>

/** The extra code-list labels of a language, for `formTextFrom` and for pages that render codes. */
export function codeListLabelsFor(lang: Language): CodeListLabels {
	return { countries: countryNames(lang) }
}

/** A code's label in a language: the list's own label, else the extra labels, else English. */
export function codeLabel(listId: string, code: string, lang: Language): string {
	const entry = getCodeList(listId)?.entries.find((candidate) => candidate.code === code)
	return entry?.labels[lang] ?? codeListLabelsFor(lang)[listId]?.[code] ?? entry?.labels.en ?? code
}
