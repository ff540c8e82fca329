import { LANGUAGES, type Language } from '#forms/vocabulary.ts'

export { LANGUAGES, type Language }
export const DEFAULT_LANGUAGE: Language = 'en'
export const NAMESPACES = [
	'common',
	'auth',
	'admin',
	'email',
	'editor',
	'exports',
	'review-dashboard',
	'review',
	'public',
] as const
export type Namespace = (typeof NAMESPACES)[number]

/** Each language's own name, as shown in the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	ru: 'Русский',
	zh: '中文',
	ar: 'العربية',
}

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

export function textDirection(language: Language): 'ltr' | 'rtl' {
	return language === 'ar' ? 'rtl' : 'ltr'
}

export type Resources = Partial<Record<Namespace, Record<string, unknown>>>

/**
 * Text stored per language (cycle titles), in the language asked for, else in English (always
 * present), else `fallback`.
 */
export function localizedText(
	texts: Partial<Record<Language, string>>,
	language: Language,
	fallback = '',
): string {
	return texts[language] || texts.en || fallback
}
