/**
 * The words every other module of the system builds on, with no imports of their own: the UN
 * languages, the conventions and the codes of yes/no questions.
 */

/** The six official UN languages, in the UN's order. English is the fallback for every text. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const
export type Language = (typeof LANGUAGES)[number]

export const CONVENTIONS = ['stockholm', 'basel', 'rotterdam', 'minamata'] as const
export type Convention = (typeof CONVENTIONS)[number]

/** The codes a `yes_no` question offers, in the order it shows them. */
export const YES_NO = ['yes', 'no'] as const
/** The codes a `yes_no_status` question offers: yes/no, or where the measure stands. */
export const YES_NO_STATUS = ['yes', 'no', 'not_applicable', 'under_development'] as const
