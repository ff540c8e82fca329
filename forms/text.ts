/**
 * Localised texts of registered forms, for the server, PDF and Excel exports (and the UI when it
 * may import the registry). See `forms/text-core.ts` for the resolver itself.
 */
import { codeListLabelsFor } from './codelists/labels.ts'
import commonAr from './i18n/ar.json' with { type: 'json' }
import commonEs from './i18n/es.json' with { type: 'json' }
import commonFr from './i18n/fr.json' with { type: 'json' }
import commonRu from './i18n/ru.json' with { type: 'json' }
import commonZh from './i18n/zh.json' with { type: 'json' }
import { getFormTexts } from './registry.ts'
import {
	COMMON_EN,
	formTextFrom,
	missingTextsIn,
	type CommonTexts,
	type FormText,
	type FormTexts,
	type TextExtras,
} from './text-core.ts'
import type { FormDefinition, Language } from './types.ts'
import { LANGUAGES } from './types.ts'

export type { FormText } from './text-core.ts'
export type { CommonTexts, FormTexts, ItemTexts } from './text-core.ts'
export { formTextFrom, missingTextsIn } from './text-core.ts'
export type { TextExtras } from './text-core.ts'

const COMMON: Partial<Record<Language, CommonTexts>> = {
	en: COMMON_EN,
	fr: commonFr,
	es: commonEs,
	ru: commonRu,
	zh: commonZh,
	ar: commonAr,
}

/** The engine's own texts in a language (structural messages, shared options, contact fields). */
export function getCommonTexts(lang: Language): CommonTexts | undefined {
	return COMMON[lang]
}

/** Everything `formTextFrom` needs besides the form's texts, for one language (server side). */
export function textExtrasFor(lang: Language): TextExtras {
	return { common: COMMON[lang], codeListLabels: codeListLabelsFor(lang) }
}

function registeredTexts(formId: string): Partial<Record<Language, FormTexts>> {
	const texts: Partial<Record<Language, FormTexts>> = {}
	for (const lang of LANGUAGES) {
		const found = getFormTexts(formId, lang)
		if (found) texts[lang] = found
	}
	return texts
}

/**
 * Text accessors for a definition in a language: label, help, option, section, marker, unit and
 * issue message, falling back to English and then to the id. `texts` replaces the registered
 * language files (for forms that are not in the registry, such as test fixtures).
 */
export function formText(
	def: FormDefinition,
	lang: Language,
	texts?: Partial<Record<Language, FormTexts>>,
): FormText {
	return formTextFrom(def, lang, texts ?? registeredTexts(def.formId), textExtrasFor(lang))
}

/**
 * Text keys a definition needs in a language that are missing (no English fallback applied):
 * form title, parts, sections, questions, columns, contact fields, inline options, rule
 * messages, and labels of the code-list entries it uses.
 */
export function missingTexts(
	def: FormDefinition,
	lang: Language,
	texts?: Partial<Record<Language, FormTexts>>,
): string[] {
	return missingTextsIn(
		def,
		lang,
		texts ? texts[lang] : getFormTexts(def.formId, lang),
		textExtrasFor(lang),
	)
}
