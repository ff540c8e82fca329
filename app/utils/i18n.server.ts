import { createCookie } from 'react-router'
import Negotiator from 'negotiator'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import {
	DEFAULT_LANGUAGE,
	isLanguage,
	LANGUAGES,
	NAMESPACES,
	type Language,
	type Namespace,
	type Resources,
} from './i18n.ts'
import { createTranslator, type TFunction, type Translator } from './translator.ts'

const LOCALES_DIR = process.env.LOCALES_DIR ?? path.resolve('locales')

/**
 * UI strings are read from `locales/<lang>/<namespace>.json` once per process. Reading the files
 * (rather than bundling them) works the same in the built app, in background jobs run from source,
 * and in tests.
 */
function loadLanguage(language: Language): Resources {
	const resources: Record<string, unknown> = {}
	for (const namespace of NAMESPACES) {
		const file = path.join(LOCALES_DIR, language, `${namespace}.json`)
		if (existsSync(file)) resources[namespace] = JSON.parse(readFileSync(file, 'utf8'))
	}
	return resources as Resources
}

const byLanguage = new Map<Language, Resources>()
function own(language: Language): Resources {
	let resources = byLanguage.get(language)
	if (!resources) {
		resources = loadLanguage(language)
		byLanguage.set(language, resources)
	}
	return resources
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>) {
	const out: Record<string, unknown> = { ...base }
	for (const [key, value] of Object.entries(over)) {
		const existing = out[key]
		out[key] = isPlainObject(existing) && isPlainObject(value) ? deepMerge(existing, value) : value
	}
	return out
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const mergedCache = new Map<Language, Resources>()

/** The language's UI strings, with English filling any key the language does not have yet. */
export function resourcesFor(language: Language): Resources {
	const cached = mergedCache.get(language)
	if (cached) return cached
	const english = own(DEFAULT_LANGUAGE) as Record<string, unknown>
	const merged = (
		language === DEFAULT_LANGUAGE
			? english
			: deepMerge(english, own(language) as Record<string, unknown>)
	) as Resources
	mergedCache.set(language, merged)
	return merged
}

export const languageCookie = createCookie('lng', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

/**
 * The language of a request: the signed-in user's preference (stored on the account, changed by
 * the language switcher), then the `lng` cookie (the switcher's choice before signing in), then
 * Accept-Language, then English.
 */
export async function detectLanguage(
	request: Request,
	userPreference?: string | null,
): Promise<Language> {
	if (isLanguage(userPreference)) return userPreference
	const fromCookie: unknown = await languageCookie.parse(request.headers.get('Cookie'))
	if (isLanguage(fromCookie)) return fromCookie
	const acceptLanguage = request.headers.get('Accept-Language')
	if (!acceptLanguage) return DEFAULT_LANGUAGE
	const negotiated = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language(
		NEGOTIATION_ORDER,
	)
	return isLanguage(negotiated) ? negotiated : DEFAULT_LANGUAGE
}

/** Where the browser accepts any language (`*`), English. */
const NEGOTIATION_ORDER = [DEFAULT_LANGUAGE, ...LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)]

export { LANGUAGES }

const translators = new Map<Language, Translator>()

/**
 * A translator for server-side text such as emails and files, in the recipient's language: keys
 * without a namespace are looked up in `namespace` (`common` unless told), under `keyPrefix.`.
 */
export function serverTranslator(
	language: Language,
	namespace: Namespace = 'common',
	keyPrefix?: string,
): TFunction {
	let translator = translators.get(language)
	if (!translator) {
		translator = createTranslator(language, resourcesFor(language))
		translators.set(language, translator)
	}
	return translator.scoped(namespace, keyPrefix)
}
