export const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const
export type Language = (typeof LANGUAGES)[number]
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
