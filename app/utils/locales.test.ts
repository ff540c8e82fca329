import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fromAcceptLanguage, resourcesFor } from './i18n.server.ts'
import { NAMESPACES } from './i18n.ts'

const LOCALES = path.resolve('locales')

function keys(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix]
	return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

function load(language: string, namespace: string) {
	const file = path.join(LOCALES, language, `${namespace}.json`)
	return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
}

describe('UI strings', () => {
	it('has a file per namespace in English, and nothing outside the known namespaces', () => {
		const files = readdirSync(path.join(LOCALES, 'en')).map((f) => f.replace('.json', ''))
		expect(files.sort()).toEqual([...NAMESPACES].sort())
	})

	it.each(NAMESPACES)('French has exactly the English keys in %s', (namespace) => {
		expect(keys(load('fr', namespace)).sort()).toEqual(keys(load('en', namespace)).sort())
	})

	it('falls back to English for keys a language does not have yet', () => {
		const spanish = resourcesFor('es') as Record<string, Record<string, Record<string, string>>>
		expect(spanish.common?.shell?.skipToContent).toBeTruthy()
	})

	it('picks the best supported language from Accept-Language', () => {
		expect(fromAcceptLanguage('de-DE,fr;q=0.8,en;q=0.5')).toBe('fr')
		expect(fromAcceptLanguage('ar-EG')).toBe('ar')
		expect(fromAcceptLanguage('pt-BR')).toBe('en')
		expect(fromAcceptLanguage(null)).toBe('en')
	})
})
