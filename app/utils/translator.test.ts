import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { LANGUAGES, NAMESPACES, type Language, type Resources } from './i18n.ts'
import { resourcesFor } from './i18n.server.ts'
import { createTranslator, type TranslateOptions } from './translator.ts'

/**
 * i18next, set up as the app set it up before ADR 023: the reference for what the locale files'
 * strings mean. A development dependency only, for these tests.
 */
function reference(language: Language, resources: Resources) {
	const instance = i18next.createInstance()
	void instance.init({
		lng: language,
		fallbackLng: 'en',
		ns: [...NAMESPACES],
		defaultNS: 'common',
		resources: { [language]: resources },
		interpolation: { escapeValue: false },
		initAsync: false,
		returnNull: false,
	})
	return instance
}

/** Every string of a namespace, by its dotted key. */
function strings(tree: unknown, prefix = ''): [string, string][] {
	if (typeof tree === 'string') return [[prefix, tree]]
	if (typeof tree !== 'object' || tree === null) return []
	return Object.entries(tree).flatMap(([key, value]) =>
		strings(value, prefix ? `${prefix}.${key}` : key),
	)
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
const COUNTS = [0, 1, 2, 3, 5, 11, 22, 101, 1.5]

/**
 * The options a string is translated with: each variable it names, as text and as numbers. A
 * string that nests another with a count (`$t(key, {"count": {{n}}})`) is always given numbers
 * there, as the app does: i18next and this runtime print different garbage for text.
 */
function optionSets(template: string): TranslateOptions[] {
	const names = [...template.matchAll(/\{\{-?\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!)
	const numbers = COUNTS.map((n) => Object.fromEntries(names.map((name) => [name, n])))
	if (template.includes('$t('))
		return numbers.map((values, i) => ({ ...values, count: COUNTS[i]! }))
	const texts = Object.fromEntries(names.map((name) => [name, `«${name}»`]))
	return [
		...COUNTS.map((count) => ({ ...texts, count })),
		...numbers.map((values, i) => ({ ...values, count: COUNTS[i]! })),
		texts,
		{},
	]
}

describe('the translator reads the locale files as i18next does', () => {
	it.each(LANGUAGES)('every string of %s, with and without counts and values', (language) => {
		const resources = resourcesFor(language)
		const ours = createTranslator(language, resources).t
		const theirs = reference(language, resources).t
		let compared = 0
		for (const namespace of NAMESPACES) {
			const keys = new Map<string, string>()
			for (const [key, template] of strings(resources[namespace])) {
				const base = key.replace(PLURAL_SUFFIX, '')
				keys.set(base, `${keys.get(base) ?? ''} ${template}`)
			}
			for (const [key, templates] of keys) {
				for (const options of optionSets(templates)) {
					const id = `${namespace}:${key}`
					expect(ours(id, { ...options }), `${language} ${id} ${JSON.stringify(options)}`).toBe(
						theirs(id, { ...options }),
					)
					compared++
				}
			}
		}
		expect(compared).toBeGreaterThan(20_000)
	})

	it('treats missing keys, default values, scopes and stray placeholders the same way', () => {
		const resources: Resources = {
			common: {
				greeting: 'Hello {{name}}',
				items_one: '{{count}} item',
				items_other: '{{count}} items',
				items_zero: 'no items',
				nested: 'You have $t(items, {"count": {{n}} }) and $t(review:done)',
				bad: 'Broken $t(items, {"count": oops }) here',
				unescaped: 'Raw {{- html}}',
			},
			review: { done: 'done', deep: { key: 'deep {{x}}' } },
		}
		const ours = createTranslator('en', resources)
		const theirs = reference('en', resources)
		const cases: [string, TranslateOptions?][] = [
			['greeting', { name: 'Ana' }],
			['greeting'],
			['greeting', { name: undefined }],
			['greeting', { name: null }],
			['greeting', { name: '{{name}} $t(review:done)' }],
			['items', { count: 0 }],
			['items', { count: 1 }],
			['items', { count: 7 }],
			['nested', { n: 1 }],
			['nested', { n: 0 }],
			['unescaped', { html: '<b>' }],
			['missing.key'],
			['review:missing'],
			['missing', { defaultValue: 'Default {{x}}', x: 1 }],
			['review:deep.key', { x: 2 }],
		]
		for (const [key, options] of cases)
			expect(ours.t(key, options), key).toBe(theirs.t(key, options))
		expect(ours.scoped('review', 'deep')('key', { x: 3 })).toBe(
			theirs.getFixedT('en', 'review', 'deep')('key', { x: 3 }),
		)
		expect(ours.scoped('review')('common:greeting', { name: 'B' })).toBe('Hello B')
		// Nesting options that are not JSON print as written (i18next prints a mangled key).
		expect(ours.t('bad')).toBe('Broken $t(items, {"count": oops }) here')
		// A key naming a group of strings, not one, prints as the key (i18next prints a warning).
		expect(ours.t('review:deep')).toBe('deep')
	})
})

describe('plural forms by each language’s rules', () => {
	it('chooses Arabic’s six forms and Russian’s four', () => {
		const forms = (language: Language, counts: number[]) => {
			const { t } = createTranslator(language, {
				common: Object.fromEntries(
					['zero', 'one', 'two', 'few', 'many', 'other'].map((form) => [`n_${form}`, form]),
				),
			})
			return counts.map((count) => t('n', { count }))
		}
		expect(forms('ar', [0, 1, 2, 3, 11, 100])).toEqual([
			'zero',
			'one',
			'two',
			'few',
			'many',
			'other',
		])
		expect(forms('ru', [1, 2, 5, 21, 1.5])).toEqual(['one', 'few', 'many', 'one', 'other'])
		expect(forms('zh', [1, 2])).toEqual(['other', 'other'])
		// "_zero" is used for 0 in every language that has the key, as i18next does.
		expect(forms('en', [0, 1, 2])).toEqual(['zero', 'one', 'other'])
	})

	it('prints a value as it was given: text in a value is never read as a placeholder', () => {
		const { t } = createTranslator('fr', { common: { hi: 'Bonjour {{name}}, {{name}}' } })
		expect(t('hi', { name: '$t(hi) {{name}}' })).toBe('Bonjour $t(hi) {{name}}, $t(hi) {{name}}')
	})

	it('stops a string that nests itself', () => {
		const { t } = createTranslator('en', { common: { loop: 'a $t(loop)' } })
		expect(t('loop')).toMatch(/^(a )+\$t\(loop\)$/)
	})
})
