import { z } from 'zod'
import { publicOrigin } from '../utils/env.server.ts'
import { ApiProblem } from './problem.server.ts'

export const MAX_PAGE_SIZE = 200
export const DEFAULT_PAGE_SIZE = 50

/** The query parameters of every list. */
export const PageParams = {
	limit: z.coerce
		.number()
		.int()
		.min(1)
		.max(MAX_PAGE_SIZE)
		.default(DEFAULT_PAGE_SIZE)
		.describe(`items per page, at most ${MAX_PAGE_SIZE}`),
	cursor: z
		.string()
		.max(500)
		.optional()
		.describe('where the page starts: opaque, taken from the `next` link of the previous page'),
}

/**
 * A cursor is the key of the last item of the previous page, as base64url JSON. It is opaque to
 * clients (only `next` links make them) but not secret: it names nothing they have not seen.
 */
export function encodeCursor(key: readonly string[]): string {
	return Buffer.from(JSON.stringify(key)).toString('base64url')
}

const CursorKey = z.array(z.string().max(200)).min(1).max(4)

/** The key a cursor carries, checked to have `length` parts; anything else is a 400. */
export function decodeCursor(cursor: string | undefined, length: number): string[] | undefined {
	if (cursor === undefined) return undefined
	let decoded: unknown
	try {
		decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
	} catch {
		decoded = undefined
	}
	const parsed = CursorKey.safeParse(decoded)
	if (!parsed.success || parsed.data.length !== length) {
		throw new ApiProblem(
			'bad-request',
			'The cursor is not one this API gave: follow the `next` link.',
			{
				errors: [{ parameter: 'cursor', message: 'not a cursor of this list' }],
			},
		)
	}
	return parsed.data
}

/** The absolute URL of the request, on the public origin, with `cursor` set (or removed). */
export function linkTo(url: URL, cursor?: string): string {
	const search = new URLSearchParams(url.search)
	if (cursor === undefined) search.delete('cursor')
	else search.set('cursor', cursor)
	const query = search.toString()
	return `${publicOrigin()}${url.pathname}${query ? `?${query}` : ''}`
}

/**
 * A page from up to `limit + 1` items read after the cursor: the first `limit`, and a `next` link
 * when there was one more.
 */
export function pageOf<T>(
	items: readonly T[],
	limit: number,
	keyOf: (item: T) => readonly string[],
	url: URL,
) {
	const data = items.slice(0, limit)
	const last = data[data.length - 1]
	const next = items.length > limit && last ? linkTo(url, encodeCursor(keyOf(last))) : null
	return { data, links: { self: linkTo(url, url.searchParams.get('cursor') ?? undefined), next } }
}

/** A page of a list held in memory, ordered by a one-part key (ids). */
export function pageOfList<T>(
	items: readonly T[],
	query: { limit: number; cursor?: string },
	keyOf: (item: T) => string,
	url: URL,
) {
	const sorted = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
	const after = decodeCursor(query.cursor, 1)?.[0]
	const rest = after === undefined ? sorted : sorted.filter((item) => keyOf(item) > after)
	return pageOf(rest.slice(0, query.limit + 1), query.limit, (item) => [keyOf(item)], url)
}

/** Keys compare by code unit, as the cursor filter does (never by locale). */
function compareKeys(a: string, b: string) {
	return a < b ? -1 : a > b ? 1 : 0
}
