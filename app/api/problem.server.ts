import { publicOrigin } from '../utils/env.server.ts'

/**
 * The kinds of error the API answers with, as RFC 9457 problem details: each has a stable `type`
 * URI (an anchor of the reference page, `/api/v1/docs`), a title and an HTTP status.
 */
export const PROBLEMS = {
	'bad-request': { status: 400, title: 'The request is not valid' },
	unauthorized: { status: 401, title: 'A bearer token is required' },
	'invalid-token': { status: 401, title: 'The bearer token is not valid' },
	'insufficient-scope': { status: 403, title: 'The token does not have the scope this needs' },
	'not-found': { status: 404, title: 'Not found' },
	'method-not-allowed': { status: 405, title: 'The API is read-only' },
	'too-many-requests': { status: 429, title: 'Too many requests' },
	'server-error': { status: 500, title: 'Something went wrong on the server' },
} as const satisfies Record<string, { status: number; title: string }>

export type ProblemKind = keyof typeof PROBLEMS

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

/** The `type` URI of a kind of problem: its anchor on the reference page. */
export function problemType(kind: ProblemKind) {
	return `${publicOrigin()}/api/v1/docs#problem-${kind}`
}

/** An error an API handler throws to answer with a problem; extra members go into the body. */
export class ApiProblem extends Error {
	constructor(
		readonly kind: ProblemKind,
		readonly detail: string,
		readonly extra: Record<string, unknown> = {},
		readonly headers: Record<string, string> = {},
	) {
		super(detail)
	}
}

/** The problem document of a request: `instance` is the path (and query) that was asked for. */
export function problemBody(problem: ApiProblem, request: Request) {
	const url = new URL(request.url)
	const { status, title } = PROBLEMS[problem.kind]
	return {
		type: problemType(problem.kind),
		title,
		status,
		detail: problem.detail,
		instance: `${url.pathname}${url.search}`,
		...problem.extra,
	}
}

export function problemResponse(problem: ApiProblem, request: Request, headers?: HeadersInit) {
	const response = new Response(JSON.stringify(problemBody(problem, request)), {
		status: PROBLEMS[problem.kind].status,
		headers,
	})
	response.headers.set('Content-Type', PROBLEM_CONTENT_TYPE)
	response.headers.set('Cache-Control', 'no-store')
	for (const [name, value] of Object.entries(problem.headers)) response.headers.set(name, value)
	return response
}
