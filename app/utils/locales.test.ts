import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { detectLanguage, languageCookie, resourcesFor } from './i18n.server.ts'
import {
	flattenTexts,
	LATIN_SCRIPT_LANGUAGES,
	translationProblems,
} from '#forms/translation-check.ts'
import { LANGUAGES, NAMESPACES } from './i18n.ts'

const LOCALES = path.resolve('locales')

/** `key_one`, `key_other`…: the CLDR plural category of a form. */
const PLURAL_FORM = /_(zero|one|two|few|many|other)$/
/** A figure put before a counted noun outside a plural form ("{{errors}} errors"). */
const COUNTED_NOUN =
	/\{\{\s*\w+\s*\}\}\s+(answers|cells|changes|comments|days|errors|explanations|files|groups|hours|minutes|Parties|questions|reports|rows|sheets|threads|values|warnings)\b/
const LANGUAGES_WITH_FILES = readdirSync(LOCALES).sort()

function load(language: string, namespace: string) {
	const file = path.join(LOCALES, language, `${namespace}.json`)
	if (!existsSync(file)) return {}
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}

describe('UI strings', () => {
	it('has a file per namespace in English, and nothing outside the known namespaces', () => {
		const files = readdirSync(path.join(LOCALES, 'en')).map((f) => f.replace('.json', ''))
		expect(files.sort()).toEqual([...NAMESPACES].sort())
	})

	it.each(LANGUAGES.filter((language) => language !== 'en'))(
		'%s has every English key of every namespace, with its placeholders, its plural forms and no English left',
		(language) => {
			for (const namespace of NAMESPACES) {
				const problems = translationProblems(
					load('en', namespace),
					load(language, namespace),
					language,
					LATIN_SCRIPT_LANGUAGES.includes(language),
				)
				expect(problems, `${language}/${namespace}`).toEqual([])
			}
		},
	)

	it.each(LANGUAGES_WITH_FILES)(
		'every counted string in %s has exactly the plural forms of the language',
		(language) => {
			const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories
			for (const namespace of NAMESPACES) {
				const texts = flattenTexts(load(language, namespace))
				const forms = new Map<string, string[]>()
				for (const key of Object.keys(texts)) {
					const match = PLURAL_FORM.exec(key)
					if (match)
						forms.set(key.slice(0, match.index), [
							...(forms.get(key.slice(0, match.index)) ?? []),
							match[1]!,
						])
				}
				for (const [key, found] of forms)
					expect(found.sort(), `${language}/${namespace}: ${key}`).toEqual([...categories].sort())
				// A count is only interpolated in a plural form (a key of its own, or one nested with
				// `$t(key, {"count": …})`), so "1 errors" cannot happen.
				for (const [key, value] of Object.entries(texts)) {
					if (PLURAL_FORM.test(key)) continue
					const text = value.replace(/\$t\([^)]*\)/g, '')
					expect(text, `${language}/${namespace}: ${key}`).not.toMatch(/\{\{\s*count\s*\}\}/)
					if (language === 'en')
						expect(text, `${language}/${namespace}: ${key}`).not.toMatch(COUNTED_NOUN)
				}
			}
		},
	)

	it('words counts with plural forms, nested in sentences with several counts', async () => {
		const { createTranslator } = await import('./translator.ts')
		const english = createTranslator('en', resourcesFor('en')).t
		expect(english('editor:overall.issues', { missing: 1, errors: 1, warnings: 0 })).toBe(
			'1 question to answer, 1 error, 0 warnings',
		)
		expect(english('common:deadline.submittedLate', { date: '2 Sep 2026', count: 1 })).toBe(
			'Submitted on 2 Sep 2026, 1 day late',
		)
		expect(english('auth:errors.throttled', { minutes: 1 })).toContain('try again in 1 minute,')
		const french = createTranslator('fr', resourcesFor('fr')).t
		expect(french('editor:overall.issues', { missing: 0, errors: 1_000_000, warnings: 2 })).toBe(
			'0 question à renseigner ; 1000000 erreurs ; 2 avertissements',
		)
		expect(french('common:deadline.submittedLate', { date: '2 sept. 2026', count: 3 })).toBe(
			'Soumis le 2 sept. 2026, avec 3 jours de retard',
		)
	})

	it('falls back to English for keys a language does not have yet', () => {
		const spanish = resourcesFor('es') as Record<string, Record<string, Record<string, string>>>
		expect(spanish.common?.shell?.skipToContent).toBeTruthy()
	})

	it('picks the language: the user preference, then the switcher cookie, then Accept-Language', async () => {
		const ask = (headers: Record<string, string>, preference?: string) =>
			detectLanguage(new Request('http://app.test/', { headers }), preference)
		expect(await ask({ 'Accept-Language': 'de-DE,fr;q=0.8,en;q=0.5' })).toBe('fr')
		expect(await ask({ 'Accept-Language': 'ar-EG' })).toBe('ar')
		expect(await ask({ 'Accept-Language': 'pt-BR' })).toBe('en')
		expect(await ask({})).toBe('en')
		expect(await ask({ 'Accept-Language': '*' })).toBe('en')
		const cookie = await languageCookie.serialize('zh')
		expect(await ask({ Cookie: cookie, 'Accept-Language': 'fr' })).toBe('zh')
		expect(await ask({ Cookie: cookie, 'Accept-Language': 'fr' }, 'ru')).toBe('ru')
		expect(await ask({ Cookie: await languageCookie.serialize('xx') })).toBe('en')
	})
})
