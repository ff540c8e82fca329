import { z } from 'zod'
import { publicOrigin } from '../utils/env.server.ts'
import { defineOperation, type ApiOperation } from './operation.server.ts'
import {
	downloadOpenData,
	getCodebook,
	getCompiledData,
	getOpenDataCatalogue,
} from './operations/compiled.server.ts'
import {
	getCycle,
	getParty,
	listCyclesOperation,
	listPartiesOperation,
} from './operations/cycles.server.ts'
import {
	getCodeList,
	getForm,
	listCodeListsOperation,
	listConceptsOperation,
	listForms,
} from './operations/forms.server.ts'
import {
	getReport,
	getSecretariatReport,
	getSecretariatSubmission,
	getSubmission,
	listReports,
	listSecretariatReports,
} from './operations/reports.server.ts'
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemKind } from './problem.server.ts'
import { MAX_PAGE_SIZE } from './pagination.server.ts'
import { apiSchemas } from './schemas.ts'

const OpenApiDocumentSchema = z.record(z.string(), z.unknown()).describe('an OpenAPI 3.1 document')
apiSchemas.add(OpenApiDocumentSchema, { id: 'OpenApiDocument' })

export const getOpenApi = defineOperation({
	id: 'getOpenApi',
	path: '/openapi.json',
	tag: 'About the API',
	summary: 'This description',
	description:
		'The OpenAPI 3.1 document of the API, generated from the schemas its responses are checked against. A readable version is at /api/v1/docs.',
	access: 'public',
	params: {},
	query: {},
	response: { schema: OpenApiDocumentSchema, description: 'The OpenAPI document' },
	problems: [],
	async handle() {
		return { kind: 'json', body: openApiDocument() }
	},
})

/** Every operation of `/api/v1`, in the order the reference lists them. */
export const OPERATIONS: readonly ApiOperation[] = [
	listForms,
	getForm,
	listCodeListsOperation,
	getCodeList,
	listConceptsOperation,
	listCyclesOperation,
	getCycle,
	listPartiesOperation,
	getParty,
	listReports,
	getReport,
	getSubmission,
	getCompiledData,
	getCodebook,
	getOpenDataCatalogue,
	downloadOpenData,
	listSecretariatReports,
	getSecretariatReport,
	getSecretariatSubmission,
	getOpenApi,
] as unknown as readonly ApiOperation[]

const TAGS = [
	['Forms', 'Form definitions, code lists and the concepts shared across conventions'],
	[
		'Cycles and Parties',
		'Reporting cycles, and the Parties with their standing under each convention',
	],
	['Reports', 'Accepted reports of published cycles and their submissions (public)'],
	['Compiled data', 'The data of a cycle, one record per Party, as in the analysis exports'],
	['Open data', 'Files of the published data, with their codebook and licence'],
	['Reports of the secretariat', 'Every submitted report (read:reports)'],
	['About the API', 'This description'],
] as const

const componentRef = (id: string) => ({ $ref: `#/components/schemas/${id}` })

/** JSON Schema of a schema, as an OpenAPI 3.1 Schema Object (no `$schema` or `$id` of its own). */
function schemaObject(schema: z.ZodType, io: 'input' | 'output') {
	const id = apiSchemas.get(schema)?.id
	if (id && io === 'output') return componentRef(id)
	const { $schema: _, ...json } = z.toJSONSchema(schema, {
		target: 'draft-2020-12',
		io,
		unrepresentable: 'any',
	}) as Record<string, unknown>
	return json
}

function components() {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		target: 'draft-2020-12',
		io: 'output',
		unrepresentable: 'any',
		uri: (id) => `#/components/schemas/${id}`,
	}) as { schemas: Record<string, Record<string, unknown>> }
	return Object.fromEntries(
		Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]),
	)
}

const isRequired = (schema: z.ZodType) => !schema.safeParse(undefined).success

function parameters(operation: ApiOperation) {
	const of = (place: 'path' | 'query', shape: Record<string, z.ZodType>) =>
		Object.entries(shape).map(([name, schema]) => ({
			name,
			in: place,
			required: place === 'path' || isRequired(schema),
			...(schema.description ? { description: schema.description } : {}),
			schema: schemaObject(schema, 'input'),
		}))
	return [...of('path', operation.params), ...of('query', operation.query)]
}

const problemResponse = (kind: ProblemKind) => ({
	$ref: `#/components/responses/${kind}`,
})

const RATE_HEADERS = {
	RateLimit: { $ref: '#/components/headers/RateLimit' },
	'RateLimit-Policy': { $ref: '#/components/headers/RateLimit-Policy' },
}

function responses(operation: ApiOperation) {
	const content: Record<string, { schema?: unknown }> = {
		'application/json': { schema: schemaObject(operation.response.schema, 'output') },
	}
	for (const alternate of operation.response.alternates ?? []) {
		content[alternate.mediaType] = alternate.schema
			? { schema: schemaObject(alternate.schema, 'output') }
			: {}
	}
	const problems = new Set<ProblemKind>(['too-many-requests', 'server-error'])
	if (operation.access !== 'public' || operation.problems.includes(401)) {
		problems.add('unauthorized')
		problems.add('insufficient-scope')
	}
	if (operation.problems.includes(400) || Object.keys(operation.query).length > 0)
		problems.add('bad-request')
	if (operation.problems.includes(404) || Object.keys(operation.params).length > 0)
		problems.add('not-found')
	const byStatus = new Map<number, ProblemKind>()
	for (const kind of problems) byStatus.set(PROBLEMS[kind].status, kind)
	return {
		'200': {
			description: operation.response.description,
			headers: { ...RATE_HEADERS, ETag: { $ref: '#/components/headers/ETag' } },
			content,
		},
		'304': { description: 'Not modified: the If-None-Match named the current ETag' },
		...Object.fromEntries(
			[...byStatus]
				.sort(([a], [b]) => a - b)
				.map(([status, kind]) => [String(status), problemResponse(kind)]),
		),
	}
}

function security(operation: ApiOperation) {
	// Public operations take a token too (its own rate limit); others need one with the scope.
	return operation.access === 'public'
		? [{}, { bearerToken: [] }]
		: [{ bearerToken: [operation.access] }]
}

let cached: { origin: string; document: Record<string, unknown> } | undefined

/** The OpenAPI 3.1 document of `/api/v1`, built once per process from the operations. */
export function openApiDocument(): Record<string, unknown> {
	const origin = publicOrigin()
	if (cached?.origin === origin) return cached.document
	const paths: Record<string, Record<string, unknown>> = {}
	for (const operation of OPERATIONS) {
		paths[operation.path] = {
			get: {
				operationId: operation.id,
				tags: [operation.tag],
				summary: operation.summary,
				description: operation.description,
				security: security(operation),
				parameters: parameters(operation),
				responses: responses(operation),
			},
		}
	}
	const document = {
		openapi: '3.1.1',
		info: {
			title: 'Chemicals and waste national reporting API',
			version: '1',
			description: [
				'Read-only JSON API of the national reporting system for the Stockholm, Basel, Rotterdam and Minamata conventions.',
				'Public data (forms, cycles, Parties, accepted reports of published cycles, their compiled data and open-data files) need no credentials. Anything else needs a personal API token (account page), sent as `Authorization: Bearer <token>`; session cookies never grant it.',
				`Lists are paged with an opaque cursor: \`limit\` (at most ${MAX_PAGE_SIZE}) and the \`next\` link. Responses carry an ETag (If-None-Match answers 304) and the RateLimit and RateLimit-Policy headers; past the limit the answer is 429 with Retry-After. Errors are RFC 9457 problem details.`,
			].join('\n\n'),
		},
		servers: [{ url: `${origin}/api/v1` }],
		tags: TAGS.map(([name, description]) => ({ name, description })),
		paths,
		components: {
			schemas: components(),
			securitySchemes: {
				bearerToken: {
					type: 'http',
					scheme: 'bearer',
					description:
						'A personal API token from the account page. Scopes: read:public (public data, with the token’s own rate limit), read:compiled (compiled data of every cycle and status), read:reports (the reports of the secretariat).',
				},
			},
			headers: {
				RateLimit: {
					description:
						'What is left of the quota: `"<policy>";r=<remaining>;t=<seconds until it is whole>` (draft-ietf-httpapi-ratelimit-headers)',
					schema: { type: 'string' },
				},
				'RateLimit-Policy': {
					description:
						'The quota: `"<policy>";q=<requests>;w=<window in seconds>`; per client address without a token (anonymous), per token with one (token)',
					schema: { type: 'string' },
				},
				ETag: { description: 'Validator for If-None-Match', schema: { type: 'string' } },
				'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
			},
			responses: Object.fromEntries(
				(Object.keys(PROBLEMS) as ProblemKind[]).map((kind) => [
					kind,
					{
						description: PROBLEMS[kind].title,
						headers:
							kind === 'too-many-requests'
								? { ...RATE_HEADERS, 'Retry-After': { $ref: '#/components/headers/Retry-After' } }
								: RATE_HEADERS,
						content: { [PROBLEM_CONTENT_TYPE]: { schema: componentRef('Problem') } },
					},
				]),
			),
		},
	}
	cached = { origin, document }
	return document
}
