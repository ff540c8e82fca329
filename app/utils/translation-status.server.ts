import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import commonEn from '#forms/i18n/en.json' with { type: 'json' }
import { listCodeLists } from '#forms/codelists/index.ts'
import { codeListTexts } from '#forms/codelists/labels.ts'
import { getFormTexts, listFormDefinitions } from '#forms/registry.ts'
import { getCommonTexts } from '#forms/text.ts'
import {
	LATIN_SCRIPT_LANGUAGES,
	translationMeta,
	translationProblems,
} from '#forms/translation-check.ts'
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, type Language } from './i18n.ts'

const LOCALES_DIR = process.env.LOCALES_DIR ?? path.resolve('locales')

export type TranslationArea = 'ui' | 'form' | 'engine' | 'codeLists'

/** One translated file: where it belongs, its review state and how many checks it fails. */
export interface TranslationFile {
	language: Language
	area: TranslationArea
	/** The UI namespace or the form id; empty for the engine's texts and the code lists. */
	name: string
	status: 'draft' | 'reviewed' | 'missing'
	problems: number
}

function readLocale(language: Language, namespace: string): unknown {
	const file = path.join(LOCALES_DIR, language, `${namespace}.json`)
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined
}

function englishCodeListLabels() {
	const lists: Record<string, Record<string, string>> = {}
	for (const list of listCodeLists())
		if (list.id !== 'countries')
			lists[list.id] = Object.fromEntries(list.entries.map((e) => [e.code, e.labels.en]))
	return { lists }
}

function describe(
	language: Language,
	area: TranslationArea,
	name: string,
	english: unknown,
	translated: unknown,
): TranslationFile {
	const meta = translated === undefined ? undefined : translationMeta(translated)
	return {
		language,
		area,
		name,
		status: !meta ? 'missing' : meta.status === 'reviewed' ? 'reviewed' : 'draft',
		problems:
			translated === undefined
				? 0
				: translationProblems(
						english,
						translated,
						language,
						LATIN_SCRIPT_LANGUAGES.includes(language),
					).length,
	}
}

function listFiles(): TranslationFile[] {
	const formIds = [...new Set(listFormDefinitions().map((def) => def.formId))]
	const files: TranslationFile[] = []
	for (const language of LANGUAGES) {
		if (language === DEFAULT_LANGUAGE) continue
		for (const namespace of NAMESPACES)
			files.push(
				describe(
					language,
					'ui',
					namespace,
					readLocale(DEFAULT_LANGUAGE, namespace),
					readLocale(language, namespace),
				),
			)
		for (const formId of formIds)
			files.push(
				describe(
					language,
					'form',
					formId,
					getFormTexts(formId, DEFAULT_LANGUAGE),
					getFormTexts(formId, language),
				),
			)
		files.push(describe(language, 'engine', '', commonEn, getCommonTexts(language)))
		// French code-list labels are written in the lists themselves (checked with the lists).
		if (language !== 'fr')
			files.push(
				describe(language, 'codeLists', '', englishCodeListLabels(), codeListTexts(language)),
			)
	}
	return files
}

let cached: TranslationFile[] | undefined

/**
 * Every translated file with its review state (`translation.status` at the top of the file) and
 * the number of checks it fails; English is the source and is not listed. Read once per process.
 */
export function translationFiles(): TranslationFile[] {
	cached ??= listFiles()
	return cached
}

/** A language any of whose files nobody has reviewed yet (English never is). */
export function isDraftLanguage(language: Language): boolean {
	return translationFiles().some((file) => file.language === language && file.status !== 'reviewed')
}
