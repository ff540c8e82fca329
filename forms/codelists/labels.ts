import type { Language } from '../types.ts'
import { countryNames } from './country-names.ts'
import ar from './i18n/ar.json' with { type: 'json' }
import es from './i18n/es.json' with { type: 'json' }
import ru from './i18n/ru.json' with { type: 'json' }
import zh from './i18n/zh.json' with { type: 'json' }
import { listCodeLists } from './index.ts'

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

const resolved = new Map<Language, CodeListLabels>()

/**
 * The label of every entry of every code list in a language: the list's own label, else the
 * extra labels, else English (`TextExtras.codeListLabels`). Cached per language.
 */
export function codeListLabelsIn(lang: Language): CodeListLabels {
	let labels = resolved.get(lang)
	if (!labels) {
		const extra = codeListLabelsFor(lang)
		labels = Object.fromEntries(
			listCodeLists().map((list) => [
				list.id,
				Object.fromEntries(
					list.entries.map((entry) => [
						entry.code,
						entry.labels[lang] ?? extra[list.id]?.[entry.code] ?? entry.labels.en,
					]),
				),
			]),
		)
		resolved.set(lang, labels)
	}
	return labels
}

/** A code's label in a language: the list's own label, else the extra labels, else English. */
export function codeLabel(listId: string, code: string, lang: Language): string {
	return codeListLabelsIn(lang)[listId]?.[code] ?? codeListLabelsFor(lang)[listId]?.[code] ?? code
}
