import { z } from 'zod'
import { isUuid } from '#db/uuid.ts'
import { isIsoDate } from '#forms/engine/patterns.ts'

/**
 * What the application accepts from outside, whatever the route: text PostgreSQL can store, JSON
 * of bounded depth, integers that fit its `integer` columns, and well-formed ids. Pure; the request
 * helpers (`request.server.ts`) apply it to every form, query, route parameter and JSON body, so a
 * value that does not fit is a 4xx with a message before any of it reaches the database.
 */

/** The message key of text refused for the characters below. */
export const UNSAFE_TEXT = 'errors.unsafeText'

/**
 * U+0000 (PostgreSQL's text and jsonb cannot hold it) and UTF-16 surrogates that are not part of a
 * pair (not text at all: they cannot be written as UTF-8, and jsonb refuses their escapes).
 */
// eslint-disable-next-line no-control-regex -- U+0000 is one of the characters refused
const UNSAFE = /[\u0000\p{Cs}]/u
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu')

export function isSafeText(value: string) {
	return !UNSAFE.test(value)
}

/** The text with each refused character replaced by U+FFFD, to show the user what was sent. */
export function showableText(value: string) {
	return value.replace(UNSAFE_ALL, '\ufffd')
}

/** Deepest nesting of arrays and objects accepted in a JSON body (an answer needs about 6). */
export const MAX_JSON_DEPTH = 32

export type JsonProblem =
	{ kind: 'depth'; path: (string | number)[] } | { kind: 'text'; path: (string | number)[] }

/**
 * Problems of a parsed JSON value, walked without recursion (so no nesting overflows the stack):
 * nesting deeper than `maxDepth` (reported once, then not walked further) and strings, keys
 * included, that are not safe text. At most `limit` problems, each with its path.
 */
export function jsonProblems(value: unknown, maxDepth = MAX_JSON_DEPTH, limit = 20): JsonProblem[] {
	const problems: JsonProblem[] = []
	const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }]
	while (stack.length > 0 && problems.length < limit) {
		const { value: current, path } = stack.pop()!
		if (typeof current === 'string') {
			if (!isSafeText(current)) problems.push({ kind: 'text', path })
			continue
		}
		if (current === null || typeof current !== 'object') continue
		if (path.length >= maxDepth) {
			problems.push({ kind: 'depth', path })
			continue
		}
		const entries: [string | number, unknown][] = Array.isArray(current)
			? current.map((item, index) => [index, item])
			: Object.entries(current)
		for (let i = entries.length - 1; i >= 0; i--) {
			const [key, item] = entries[i]!
			if (typeof key === 'string' && !isSafeText(key)) {
				problems.push({ kind: 'text', path: [...path, key] })
				continue
			}
			stack.push({ value: item, path: [...path, key] })
		}
	}
	return problems
}

/** PostgreSQL's `integer`. */
export const INT4_MAX = 2_147_483_647

/** A revision of a report: 0 (never saved) up to the largest `integer`. */
export const revisionNumber = z.number().int().min(0).max(INT4_MAX)

/** A positive `integer` written in a URL (a submission number): digits only, no sign, no exponent. */
export const positiveIntText = z
	.string()
	.regex(/^[1-9][0-9]{0,9}$/, 'errors.malformed')
	.transform(Number)
	.refine((n) => n <= INT4_MAX, 'errors.malformed')

export { isUuid }

/** An id of a row (report, user, cycle, file…). */
export const uuidText = z.string().refine(isUuid, 'errors.notFound')

/** A Party's code: three letters, upper-cased (`ken` is Kenya). */
export const partyCodeText = z
	.string()
	.regex(/^[A-Za-z]{3}$/, 'errors.notFound')
	.transform((code) => code.toUpperCase())

/** A calendar date written `YYYY-MM-DD` that exists (no 2024-13-45, no 29 February 2023). */
export const isoDateText = (message = 'errors.invalidDate') => z.string().refine(isIsoDate, message)
