import { data } from 'react-router'
import type { z } from 'zod'
import { publicOrigin } from './env.server.ts'
import {
	isSafeText,
	jsonProblems,
	MAX_JSON_DEPTH,
	showableText,
	UNSAFE_TEXT,
	type JsonProblem,
} from './input.ts'
import { notFound } from './permissions.server.ts'

export const DEFAULT_FORM_LIMIT_BYTES = 256 * 1024

/** The hidden field naming the page to return to after an action (see `safeRedirectPath`). */
const REDIRECT_FIELD = 'redirectTo'

export type FieldErrors = Record<string, string[]>

export type FormFailure = {
	/** An i18n key for the whole form, with its interpolation parameters. */
	formError?: string
	formErrorParams?: Record<string, string | number>
	fieldErrors: FieldErrors
	/** What the user sent (never passwords or tokens), so the page can show it again. */
	values?: Record<string, unknown>
}

/**
 * Reads a form post, the one place every form's input is read: bodies over `maxBytes` are refused
 * with 413 before being read, unreadable ones with 400, and fields (names or values) holding text
 * the database cannot store (`isSafeText`) with 400 naming each field, its value echoed with the
 * refused characters shown as U+FFFD (never passwords or tokens). `redirectTo` is not checked here:
 * `safeRedirectPath` falls back to a safe page for anything unusual, so a crafted link never stops
 * a user from signing in or changing language.
 */
export async function readFormData(
	request: Request,
	maxBytes = DEFAULT_FORM_LIMIT_BYTES,
): Promise<{ ok: true; formData: FormData } | { ok: false; response: ReturnType<typeof failure> }> {
	const length = Number(request.headers.get('Content-Length') ?? '0')
	if (length > maxBytes)
		return { ok: false, response: failure(413, { formError: 'errors.tooLarge' }) }
	let formData: FormData
	try {
		formData = await request.formData()
	} catch {
		return { ok: false, response: failure(400, { formError: 'errors.malformed' }) }
	}
	const unsafe = [...formData.entries()].filter(
		([key, value]) =>
			!isSafeText(key) ||
			(typeof value === 'string' && key !== REDIRECT_FIELD && !isSafeText(value)),
	)
	if (unsafe.length === 0) return { ok: true, formData }
	const fieldErrors: FieldErrors = {}
	for (const [key] of unsafe) fieldErrors[showableText(key)] = [UNSAFE_TEXT]
	const values: Record<string, unknown> = {}
	for (const [key, value] of formData.entries()) {
		if (typeof value === 'string' && !SECRET_FIELD.test(key))
			values[showableText(key)] = showableText(value)
	}
	return {
		ok: false,
		response: failure(400, { formError: UNSAFE_TEXT, fieldErrors, values }),
	}
}

/** Fields never echoed back to the page. */
const SECRET_FIELD = /password|token/i

export function failure(status: number, body: Partial<FormFailure>, headers?: HeadersInit) {
	return data<FormFailure>({ fieldErrors: {}, ...body }, { status, headers })
}

/**
 * 429 with a Retry-After header (seconds) and a message saying in how many minutes to retry. Routes
 * that answer it export `headers = passActionHeaders`, so the header reaches the browser on
 * document posts and on `.data` requests alike.
 */
export function tooManyRequests(
	formError: string,
	retryAfterSeconds: number,
	values?: Record<string, unknown>,
) {
	const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
	return failure(
		429,
		{ formError, formErrorParams: { minutes: Math.ceil(seconds / 60) }, values },
		{ 'Retry-After': String(seconds) },
	)
}

/**
 * A route `headers` function that keeps the headers an action answered with (Retry-After): React
 * Router passes on only Set-Cookie by itself.
 */
export function passActionHeaders({ actionHeaders }: { actionHeaders: Headers }) {
	return actionHeaders
}

/** Turns form data into a plain object; repeated keys become arrays. */
export function formDataToObject(formData: FormData) {
	const out: Record<string, unknown> = {}
	for (const key of new Set(formData.keys())) {
		const values = formData.getAll(key)
		out[key] = values.length > 1 ? values : values[0]
	}
	return out
}

/** A form post as a plain object (`readFormData`, then `formDataToObject`). */
export async function readFormValues(
	request: Request,
	maxBytes?: number,
): Promise<
	| { ok: true; values: Record<string, unknown> }
	| { ok: false; response: ReturnType<typeof failure> }
> {
	const read = await readFormData(request, maxBytes)
	return read.ok ? { ok: true, values: formDataToObject(read.formData) } : read
}

export type ParseResult<T> =
	{ ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; formError?: string }

export function parseWithSchema<S extends z.ZodType>(
	schema: S,
	input: unknown,
): ParseResult<z.output<S>> {
	const result = schema.safeParse(input)
	if (result.success) return { ok: true, data: result.data }
	const fieldErrors: FieldErrors = {}
	let formError: string | undefined
	for (const issue of result.error.issues) {
		const key = issue.path.map(String).join('.')
		if (!key) {
			formError ??= issue.message
			continue
		}
		;(fieldErrors[key] ??= []).push(issue.message)
	}
	return { ok: false, fieldErrors, formError: formError ?? 'errors.checkFields' }
}

/**
 * Parses a form post with the route's zod schema. Invalid input gets 400 with the errors, and the
 * submitted values (never passwords or tokens) are echoed back so nothing the user typed is lost.
 * Actions return `result.response` when `ok` is false.
 */
export async function parseForm<S extends z.ZodType>(
	request: Request,
	schema: S,
	maxBytes?: number,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: ReturnType<typeof failure> }> {
	const read = await readFormValues(request, maxBytes)
	return read.ok ? parseValues(read.values, schema) : read
}

/**
 * `parseForm` for a form already read (`readFormData`, `formDataToObject`): a route whose forms
 * differ by `intent` reads the post once, then parses it with the schema of its intent.
 */
export function parseValues<S extends z.ZodType>(
	values: Record<string, unknown>,
	schema: S,
): { ok: true; data: z.output<S> } | { ok: false; response: ReturnType<typeof failure> } {
	const parsed = parseWithSchema(schema, values)
	if (parsed.ok) return { ok: true, data: parsed.data }
	const echoed = Object.fromEntries(
		Object.entries(values).filter(([key]) => !SECRET_FIELD.test(key)),
	)
	return {
		ok: false,
		response: failure(400, {
			formError: parsed.formError,
			fieldErrors: parsed.fieldErrors,
			values: echoed,
		}),
	}
}

/** Control characters, whitespace (Unicode included) and backslashes: browsers strip or reinterpret them. */
const UNSAFE_IN_REDIRECT = /[\p{Cc}\p{Cf}\p{Z}\s\\]/u

/**
 * A path on this site to redirect to after an action, or `fallback`. The value must be a relative
 * path ("/…"); it is resolved with the URL parser against the configured public origin and refused
 * if it lands anywhere else. Control characters, whitespace and backslashes are refused outright:
 * browsers drop tabs and newlines ("/\t/evil.example" becomes "//evil.example") and a raw newline in
 * a Location header would be a 500.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.length > 2000) return fallback
	if (UNSAFE_IN_REDIRECT.test(value)) return fallback
	const origin = publicOrigin()
	let url: URL
	try {
		url = new URL(value, origin)
	} catch {
		return fallback
	}
	if (url.origin !== origin) return fallback
	return `${url.pathname}${url.search}${url.hash}`
}

/**
 * A route parameter (an id in the URL) parsed with `schema`. A malformed one is 404, the same
 * answer as for an object that does not exist.
 */
export function routeParam<S extends z.ZodType>(value: string | undefined, schema: S): z.output<S> {
	const parsed = schema.safeParse(value)
	if (!parsed.success) throw notFound()
	return parsed.data
}

/** The query string as an object: a parameter given once is a string, a repeated one an array. */
function queryObject(url: URL) {
	const out: Record<string, string | string[]> = {}
	for (const key of new Set(url.searchParams.keys())) {
		const values = url.searchParams.getAll(key)
		out[key] = values.length > 1 ? values : values[0]!
	}
	return out
}

/**
 * The query string of `request` parsed with `schema`, the one place query parameters are read.
 * Text the database cannot store in any parameter (name or value) is 400 `errors.unsafeText`;
 * what the schema refuses is 400 `errors.malformed` naming the parameters. Pages that fall back to
 * defaults for a malformed parameter say so in their schema (`.catch`).
 */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.output<S> {
	const url = new URL(request.url)
	const unsafe = [...url.searchParams.entries()]
		.filter(([key, value]) => !isSafeText(key) || !isSafeText(value))
		.map(([key]) => showableText(key))
	if (unsafe.length > 0) throw data({ message: UNSAFE_TEXT, params: unsafe }, { status: 400 })
	const parsed = schema.safeParse(queryObject(url))
	if (parsed.success) return parsed.data
	const params = [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.')))]
	throw data({ message: 'errors.malformed', params }, { status: 400 })
}

export type JsonBody =
	| { ok: true; value: unknown }
	| { ok: false; status: 413; reason: 'too_large' }
	| { ok: false; status: 400; reason: 'malformed' }
	| { ok: false; status: 400; reason: 'too_deep'; problems: JsonProblem[] }
	| { ok: false; status: 400; reason: 'unsafe_text'; problems: JsonProblem[]; value: unknown }

/**
 * Reads a JSON body, the one place JSON bodies are read: over `maxBytes` is 413, unparsable is
 * 400, nesting deeper than `MAX_JSON_DEPTH` or text the database cannot store anywhere in it
 * (keys included) is 400 with the paths of the problems (and the value, to name what they belong
 * to). The depth is checked without recursion
 * before anything recursive (zod, merging, canonical JSON) sees the value.
 */
export async function readJson(request: Request, maxBytes: number): Promise<JsonBody> {
	const length = Number(request.headers.get('Content-Length') ?? '0')
	if (length > maxBytes) return { ok: false, status: 413, reason: 'too_large' }
	let value: unknown
	try {
		const text = await request.text()
		if (text.length > maxBytes) return { ok: false, status: 413, reason: 'too_large' }
		value = JSON.parse(text)
	} catch {
		return { ok: false, status: 400, reason: 'malformed' }
	}
	const problems = jsonProblems(value, MAX_JSON_DEPTH)
	if (problems.some((problem) => problem.kind === 'depth'))
		return { ok: false, status: 400, reason: 'too_deep', problems }
	if (problems.length > 0) return { ok: false, status: 400, reason: 'unsafe_text', problems, value }
	return { ok: true, value }
}
