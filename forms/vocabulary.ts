/**
 * The words every other module of the system builds on, with no imports of their own: the UN
 * languages and the conventions.
 */

/** The six official UN languages, in the UN's order. English is the fallback for every text. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

export const CONVENTIONS = ['stockholm', 'basel', 'rotterdam', 'minamata'] as const
export type Convention = (typeof CONVENTIONS)[number]
