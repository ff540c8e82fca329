/**
 * Localised texts of registered forms, for the server, PDF and Excel exports (and the UI when it
 * may import the registry). See `forms/text-core.ts` for the resolver itself.
 */
import { getCodeList } from './codelists/index.ts'
import { codeListLabelsFor, codeListLabelsIn } from './codelists/labels.ts'
import commonAr from './i18n/ar.json' with { type: 'json' }
import commonEs from './i18n/es.json' with { type: 'json' }
import commonFr from './i18n/fr.json' with { type: 'json' }
import commonRu from './i18n/ru.json' with { type: 'json' }
import commonZh from './i18n/zh.json' with { type: 'json' }
import { getFormTexts } from './registry.ts'
import {
	COMMON_EN,
	formTextFrom,
	type CommonTexts,
	type FormText,
	type FormTexts,
	type ItemTexts,
	type TextExtras,
} from './text-core.ts'
import type { FormDefinition, Language, Question, TableColumn } from './types.ts'
import { LANGUAGES } from './types.ts'

export type { FormText } from './text-core.ts'
export type { CommonTexts, FormTexts, ItemTexts } from './text-core.ts'
export { formTextFrom } from './text-core.ts'
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
	return { common: COMMON[lang], codeListLabels: codeListLabelsIn(lang) }
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
	return missingTextsIn(def, lang, texts ? texts[lang] : getFormTexts(def.formId, lang))
}

/**
 * Text keys a definition needs in one language file that are missing (no English fallback):
 * form title, parts, sections, questions, columns, contact fields, inline options, rule
 * messages, and labels of the code-list entries it uses.
 */
function missingTextsIn(def: FormDefinition, lang: Language, t: FormTexts | undefined): string[] {
	const common = COMMON[lang]
	const codeListLabels = codeListLabelsFor(lang)
	const missing: string[] = []
	const need = (key: string, value: string | undefined) => {
		if (value === undefined || value.trim() === '') missing.push(key)
	}
	const codeLists = new Set<string>()
	need('form.title', t?.form?.title)
	for (const variant of def.variants ?? [])
		need(`variants.${variant.id}`, t?.variants?.[variant.id])
	for (const part of def.parts) {
		need(`parts.${part.id}`, t?.parts?.[part.id]?.label)
		for (const section of part.sections) {
			need(`sections.${section.id}`, t?.sections?.[section.id]?.label)
			for (const question of section.questions) {
				const key = question.textKey ?? question.id
				const questionTexts = t?.questions?.[key]
				need(`questions.${key}`, questionTexts?.label)
				const items: {
					prefix: string
					item: Question | TableColumn
					texts: ItemTexts | undefined
				}[] = [{ prefix: `questions.${key}`, item: question, texts: questionTexts }]
				if (question.type === 'table') {
					for (const column of question.columns) {
						const columnKey = column.textKey ?? column.id
						const columnTexts = questionTexts?.columns?.[columnKey]
						need(`questions.${key}.columns.${columnKey}`, columnTexts?.label)
						items.push({
							prefix: `questions.${key}.columns.${columnKey}`,
							item: column,
							texts: columnTexts,
						})
					}
				}
				if (question.type === 'contact') {
					for (const field of question.fields) {
						need(
							`questions.${key}.fields.${field.id}`,
							questionTexts?.fields?.[field.id]?.label ?? common?.fields[field.id],
						)
					}
				}
				for (const { prefix, item, texts: itemTextsOf } of items) {
					const isChoice = item.type === 'single_choice' || item.type === 'multiple_choice'
					if (isChoice && 'options' in item && item.options) {
						for (const code of item.options)
							need(`${prefix}.options.${code}`, itemTextsOf?.options?.[code])
					}
					if (isChoice && 'codeList' in item && item.codeList) codeLists.add(item.codeList)
					if (item.type === 'country') codeLists.add('countries')
					if (item.type === 'chemical') codeLists.add('sc-chemicals')
					if ((item.type === 'integer' || item.type === 'decimal') && item.unit) {
						const unit = getCodeList('units')?.entries.find((entry) => entry.code === item.unit)
						need(`units.${item.unit}`, unit?.labels[lang] ?? codeListLabels.units?.[item.unit])
					}
				}
			}
		}
	}
	for (const rule of def.rules) {
		need(
			`messages.${rule.messageKey}`,
			t?.messages?.[rule.messageKey] ?? common?.messages[rule.messageKey],
		)
	}
	for (const listId of codeLists) {
		for (const entry of getCodeList(listId)?.entries ?? []) {
			need(
				`codelists.${listId}.${entry.code}`,
				entry.labels[lang] ?? codeListLabels[listId]?.[entry.code],
			)
		}
	}
	return missing
}
