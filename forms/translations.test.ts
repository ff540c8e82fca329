import { describe, expect, it } from 'vitest'
import commonEn from './i18n/en.json' with { type: 'json' }
import { listCodeLists } from './codelists/index.ts'
import { codeListTexts } from './codelists/labels.ts'
import { getFormTexts, listFormDefinitions } from './registry.ts'
import { getCommonTexts } from './text.ts'
import { LATIN_SCRIPT_LANGUAGES, translationProblems } from './translation-check.ts'
import { LANGUAGES } from './types.ts'

const TRANSLATED = LANGUAGES.filter((language) => language !== 'en')
const FORM_IDS = [...new Set(listFormDefinitions().map((def) => def.formId))]

/** English labels of every code list whose other languages live in `forms/codelists/i18n/`. */
function englishCodeListLabels() {
	const lists: Record<string, Record<string, string>> = {}
	for (const list of listCodeLists()) {
		if (list.id === 'countries') continue
		lists[list.id] = Object.fromEntries(list.entries.map((entry) => [entry.code, entry.labels.en]))
	}
	return { lists }
}

function problems(english: unknown, translated: unknown, language: string) {
	return translationProblems(
		english,
		translated,
		language,
		LATIN_SCRIPT_LANGUAGES.includes(language),
	)
}

describe('translations of the forms', () => {
	it.each(TRANSLATED)('%s has every text of every form, with its placeholders', (language) => {
		for (const formId of FORM_IDS)
			expect(
				problems(getFormTexts(formId, 'en'), getFormTexts(formId, language), language),
				`${formId} (${language})`,
			).toEqual([])
	})

	it.each(TRANSLATED)('%s has every text of the form engine', (language) => {
		expect(problems(commonEn, getCommonTexts(language), language)).toEqual([])
	})

	it.each(TRANSLATED.filter((language) => language !== 'fr'))(
		'%s has a label for every entry of every code list',
		(language) => {
			expect(problems(englishCodeListLabels(), codeListTexts(language), language)).toEqual([])
		},
	)
})
