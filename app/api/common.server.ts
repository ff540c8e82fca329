import { z } from 'zod'
import { LANGUAGES, type Language } from '#forms/types.ts'
import { publicOrigin } from '../utils/env.server.ts'

/** The absolute URL of an API path (`/cycles/sc-art15-6`), on the configured public origin. */
export function apiUrl(path: string, query?: Record<string, string>) {
	const search = query ? `?${new URLSearchParams(query).toString()}` : ''
	return `${publicOrigin()}/api/v1${path}${search}`
}

/** Path segments are codes and ids: anything longer or stranger names nothing. */
export const Segment = z.string().min(1).max(100)

export const LangParam = z
	.enum(LANGUAGES)
	.default('en')
	.describe('language of names and labels (en, fr, es, ru, zh, ar); English fills any gap')

/** A name in `lang`, English when it has none. */
export function nameIn(names: Partial<Record<Language, string>>, lang: Language, fallback = '') {
	return names[lang] || names.en || fallback
}
