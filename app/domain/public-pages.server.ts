import type { DbHandle } from '#db/queries/handle.ts'
import type { Language } from '../utils/i18n.ts'

/**
 * The public pages' data, computed once per version of what they read (`publicDataVersion`, which
 * the page's middleware reads anyway), page, language and day, and shared by every visitor asking
 * meanwhile: under a crowd of anonymous requests a page costs one query and a rendering. Any change to the published cycles,
 * their reports' states, the Parties' status or the depositary record is a new version, which
 * drops everything kept. Kept per database handle (a transaction, as in the tests, keeps nothing
 * beyond itself), at most `PAGES_KEPT` pages.
 */

type PageCache = { version: string; pages: Map<string, Promise<unknown>> }

const caches = new WeakMap<object, PageCache>()
const PAGES_KEPT = 2000

/** The data of a public page (`page` names it with its parameters) at the data's `version`. */
export async function cachedPublicPage<T>(
	db: DbHandle,
	version: string,
	page: string,
	input: { today: string; language: Language },
	load: () => Promise<T>,
): Promise<T> {
	let cache = caches.get(db)
	if (!cache || cache.version !== version) {
		cache = { version, pages: new Map() }
		caches.set(db, cache)
	}
	const key = `${input.today}|${input.language}|${page}`
	let data = cache.pages.get(key) as Promise<T> | undefined
	if (!data) {
		if (cache.pages.size >= PAGES_KEPT) cache.pages.delete(cache.pages.keys().next().value!)
		const pages = cache.pages
		data = load()
		pages.set(key, data)
		data.catch(() => pages.delete(key))
	}
	return data
}
