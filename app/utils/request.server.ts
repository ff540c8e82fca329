import { data } from 'react-router'
import type { z } from 'zod'

export const DEFAULT_FORM_LIMIT_BYTES = 256 * 1024

export type FieldErrors = Record<string, string[]>

export type FormFailure = {
	/** An i18n key for the whole form, with its interpolation parameters. */
	formError?: string
	formErrorParams?: Record<string, string | number>
	fieldErrors: FieldErrors
	/** What the user sent (never passwords or tokens), so the page can show it again. */
	values?: Record<string, unknown>
}

/** Reads a form post; bodies over `maxBytes` are refused with 413 before being read. */
export async function readFormData(
	request: Request,
	maxBytes = DEFAULT_FORM_LIMIT_BYTES,
): Promise<{ ok: true; formData: FormData } | { ok: false; response: ReturnType<typeof failure> }> {
	const length = Number(request.headers.get('Content-Length') ?? '0')
	if (length > maxBytes)
		return { ok: false, response: failure(413, { formError: 'errors.tooLarge' }) }
	try {
		return { ok: true, formData: await request.formData() }
	} catch {
		return { ok: false, response: failure(400, { formError: 'errors.malformed' }) }
	}
}

export function failure(status: number, body: Partial<FormFailure>, headers?: HeadersInit) {
	return data<FormFailure>({ fieldErrors: {}, ...body }, { status, headers })
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
	const read = await readFormData(request, maxBytes)
	if (!read.ok) return read
	const values = formDataToObject(read.formData)
	const parsed = parseWithSchema(schema, values)
	if (parsed.ok) return { ok: true, data: parsed.data }
	const echoed = Object.fromEntries(
		Object.entries(values).filter(([key]) => !/password|token/i.test(key)),
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

/** Only same-site relative paths, so redirects after login cannot be turned into open redirects. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback
	if (value.startsWith('/\\')) return fallback
	return value
}
