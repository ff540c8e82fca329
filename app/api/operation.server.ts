import type { Kysely } from 'kysely'
import type { RouterContextProvider } from 'react-router'
import { z } from 'zod'
import type { Database } from '#db/types.ts'
import {
	auditApiTokenUse,
	authenticateApiToken,
	type ApiCaller,
	type ApiScope,
} from '../domain/api-tokens.server.ts'
import { clientIpContext, dbContext } from '../utils/context.ts'
import { sha256 } from '../utils/crypto.server.ts'
import { todayIso } from '../utils/dates.ts'
import { isSafeText } from '../utils/input.ts'
import { ApiProblem, problemResponse } from './problem.server.ts'
import { ratePolicy, rateLimitHeaders, takeRequest } from './rate-limit.server.ts'

/** Who may call an operation: anyone (a token is optional), or a token with this scope. */
export type Access = 'public' | ApiScope

type Shape = Record<string, z.ZodType>

export type HandlerInput<P extends Shape, Q extends Shape> = {
	db: Kysely<Database>
	params: z.output<z.ZodObject<P>>
	query: z.output<z.ZodObject<Q>>
	/** The token's holder and scopes; null without a token. */
	caller: ApiCaller | null
	url: URL
	/** The UTC day publication is judged on. */
	today: string
}

/**
 * What a handler answers: a JSON body (checked against the operation's schema outside
 * production; its ETag is the hash of its text), or a body built on demand with the validator
 * that identifies it, so a matching `If-None-Match` is answered 304 before anything is read or
 * built: JSON (`lazy-json`, checked the same way) or a file or stream (`file`).
 */
export type HandlerResult =
	| { kind: 'json'; body: unknown }
	| { kind: 'lazy-json'; etag: string; body: () => Promise<unknown> }
	| { kind: 'file'; etag: string; respond: () => Promise<Response> | Response }

/** Another representation an operation serves, for the OpenAPI document. */
export type AlternateContent = { mediaType: string; description: string; schema?: z.ZodType }

export type ApiOperation<P extends Shape = Shape, Q extends Shape = Shape> = {
	/** The OpenAPI operationId. */
	id: string
	/** OpenAPI path template under /api/v1, e.g. `/cycles/{cycleCode}`. */
	path: string
	tag: string
	summary: string
	description: string
	access: Access
	params: P
	query: Q
	response: { schema: z.ZodType; description: string; alternates?: AlternateContent[] }
	/** Problems the operation itself may answer besides the common ones (404, 401, 403…). */
	problems: readonly (400 | 401 | 403 | 404)[]
	handle: (input: HandlerInput<P, Q>) => Promise<HandlerResult>
}

/** Declares an operation (the identity function, typed). */
export function defineOperation<P extends Shape, Q extends Shape>(
	operation: ApiOperation<P, Q>,
): ApiOperation<P, Q> {
	return operation
}

/** 401 without a token, 403 with one that lacks `scope`. */
export function requireScope(caller: ApiCaller | null, scope: ApiScope, what: string) {
	if (!caller) {
		throw new ApiProblem(
			'unauthorized',
			`${what} needs a personal API token with the scope ${scope}, sent as Authorization: Bearer <token>.`,
			{ scope },
			{ 'WWW-Authenticate': `Bearer realm="api", scope="${scope}"` },
		)
	}
	if (!caller.scopes.includes(scope)) {
		throw new ApiProblem(
			'insufficient-scope',
			`${what} needs the scope ${scope}; this token has ${caller.scopes.join(', ') || 'none its holder may use'}.`,
			{ scope },
			{ 'WWW-Authenticate': `Bearer realm="api", error="insufficient_scope", scope="${scope}"` },
		)
	}
}

const BEARER = /^Bearer +([\w.~+/-]+=*) *$/i

/** The query string as an object: a parameter given once is a string, a repeated one an array. */
function queryObject(url: URL) {
	const out: Record<string, string | string[]> = {}
	url.searchParams.forEach((value, key) => {
		const seen = out[key]
		out[key] = seen === undefined ? value : [seen, value].flat()
	})
	return out
}

function issuesOf(error: z.ZodError) {
	return error.issues.map((issue) => ({
		parameter: issue.path.map(String).join('.'),
		message: issue.message,
	}))
}

const inputSchemas = new WeakMap<ApiOperation, { path: z.ZodObject; query: z.ZodObject }>()

/** The operation's path and query schemas, built once per operation rather than per request. */
function inputSchemasOf(operation: ApiOperation) {
	let schemas = inputSchemas.get(operation)
	if (!schemas) {
		schemas = { path: z.object(operation.params), query: z.object(operation.query) }
		inputSchemas.set(operation, schemas)
	}
	return schemas
}

function parseInput(operation: ApiOperation, params: Record<string, string>, url: URL) {
	const schemas = inputSchemasOf(operation)
	const path = schemas.path.safeParse(params)
	// A path that names nothing is a resource that does not exist.
	if (!path.success) throw new ApiProblem('not-found', 'There is no such resource.')
	const raw = queryObject(url)
	const unknown = Object.keys(raw).filter((key) => !(key in operation.query))
	const unsafe = Object.entries(raw)
		.filter(([, value]) => [value].flat().some((text) => !isSafeText(text)))
		.map(([key]) => key)
	const query = schemas.query.safeParse(raw)
	const errors = [
		...unknown.map((parameter) => ({ parameter, message: 'not a parameter of this operation' })),
		...unsafe.map((parameter) => ({ parameter, message: 'holds characters that cannot be read' })),
		...(query.success ? [] : issuesOf(query.error)),
	]
	if (errors.length > 0 || !query.success) {
		throw new ApiProblem(
			'bad-request',
			`Check the parameters: ${errors.map((e) => e.parameter).join(', ')}.`,
			{ errors },
		)
	}
	return { params: path.data, query: query.data }
}

/** Does `If-None-Match` name this entity tag (weak comparison, RFC 9110 13.1.2)? */
export function matchesIfNoneMatch(request: Request, etag: string) {
	const header = request.headers.get('If-None-Match')
	if (!header) return false
	if (header.trim() === '*') return true
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
	return header.split(',').some((tag) => opaque(tag) === opaque(etag))
}

const VALIDATE_RESPONSES = process.env.NODE_ENV !== 'production'

/** An operation a request asks for, with the path parameters its URL gives. */
export type Matched = { operation: ApiOperation; params: Record<string, string> }

/**
 * Answers a request to the API: rate limit (per token, or per client address without one), the
 * bearer token (cookies never count), the operation (none: 404), its scope, its parameters, the
 * handler, and the conditional request (ETag, If-None-Match → 304). Every error is a problem
 * document; every request made with a token is audited with the status it got.
 */
export async function runOperation(
	matched: Matched | undefined,
	args: { request: Request; context: Readonly<RouterContextProvider> },
): Promise<Response> {
	const { request } = args
	const db = args.context.get(dbContext)
	const ip = args.context.get(clientIpContext)
	const url = new URL(request.url)
	const authorization = request.headers.get('Authorization')
	const bearer = authorization === null ? undefined : BEARER.exec(authorization)?.[1]
	const decision = takeRequest(
		ratePolicy(bearer ? 'token' : 'anonymous'),
		bearer ? sha256(bearer) : ip,
	)
	const headers = new Headers({ ...rateLimitHeaders(decision), Vary: 'Authorization' })
	let caller: ApiCaller | null = null
	let response: Response
	try {
		if (!decision.allowed) {
			throw new ApiProblem(
				'too-many-requests',
				`At most ${decision.policy.quota} requests a minute ${bearer ? 'per token' : 'per client address without a token'}; try again in ${decision.resetSeconds} s.`,
				{},
				{ 'Retry-After': String(decision.resetSeconds) },
			)
		}
		if (authorization !== null && !bearer) {
			throw new ApiProblem(
				'invalid-token',
				'The Authorization header must be "Bearer <token>".',
				{},
				{ 'WWW-Authenticate': 'Bearer realm="api", error="invalid_request"' },
			)
		}
		if (bearer) {
			caller = (await authenticateApiToken(db, bearer)) ?? null
			if (!caller) {
				throw new ApiProblem(
					'invalid-token',
					'The token is unknown, revoked or expired, or its account is deactivated.',
					{},
					{ 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' },
				)
			}
		}
		if (!matched)
			throw new ApiProblem('not-found', 'The API has no such resource: see /api/v1/docs.')
		const { operation } = matched
		if (operation.access !== 'public') requireScope(caller, operation.access, 'This resource')
		const input = parseInput(operation, matched.params, url)
		const result = await operation.handle({
			db,
			...input,
			caller,
			url,
			today: todayIso(new Date()),
		})
		response = await respond(operation, request, result, headers, caller)
	} catch (error) {
		if (!(error instanceof ApiProblem)) console.error(`API ${url.pathname} failed:`, error)
		const problem =
			error instanceof ApiProblem
				? error
				: new ApiProblem('server-error', 'Please try again later.')
		response = problemResponse(problem, request, headers)
	}
	if (caller) {
		await auditApiTokenUse(db, caller, {
			ip,
			method: request.method,
			path: `${url.pathname}${url.search}`,
			status: response.status,
		})
	}
	return response
}

/** What answering needs of an operation. */
type Answering = Pick<ApiOperation, 'id' | 'response'>

async function respond(
	operation: Answering,
	request: Request,
	result: HandlerResult,
	headers: Headers,
	caller: ApiCaller | null,
): Promise<Response> {
	// Anonymous answers are public data: shared caches may keep them a minute. Answers to a token
	// are revalidated every time (the ETag makes that cheap).
	headers.set(
		'Cache-Control',
		caller ? 'private, no-cache' : 'public, max-age=60, stale-while-revalidate=60',
	)
	const text = result.kind === 'json' ? checkedJson(operation, result.body) : undefined
	const etag = result.kind === 'json' ? `"${sha256(text!).slice(0, 40)}"` : result.etag
	headers.set('ETag', etag)
	if (matchesIfNoneMatch(request, etag)) return new Response(null, { status: 304, headers })
	if (result.kind === 'file') {
		const file = await result.respond()
		for (const [name, value] of headers) file.headers.set(name, value)
		return file
	}
	headers.set('Content-Type', 'application/json; charset=utf-8')
	const json = result.kind === 'json' ? text! : checkedJson(operation, await result.body())
	return new Response(json, { headers })
}

/** The body's JSON text, once it is checked against the operation's schema (not in production). */
function checkedJson(operation: Answering, body: unknown) {
	if (VALIDATE_RESPONSES) {
		const checked = operation.response.schema.safeParse(body)
		if (!checked.success) {
			throw new Error(
				`${operation.id}: the response does not match its schema: ${z.prettifyError(checked.error)}`,
			)
		}
	}
	return JSON.stringify(body)
}

/** The action of every API route: the API is read-only. */
export function readOnlyAction({ request }: { request: Request }) {
	return problemResponse(
		new ApiProblem(
			'method-not-allowed',
			`The API only reads: ${request.method} is not allowed here.`,
			{},
			{ Allow: 'GET, HEAD' },
		),
		request,
	)
}
