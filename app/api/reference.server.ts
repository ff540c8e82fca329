import { getEnv } from '../utils/env.server.ts'
import { openDataLicence } from './licence.server.ts'
import { openApiDocument } from './openapi.server.ts'
import { MAX_PAGE_SIZE } from './pagination.server.ts'
import { PROBLEMS, type ProblemKind } from './problem.server.ts'

/** What the reference page (`/api/v1/docs`) shows: the OpenAPI document, read for people. */
export type ApiReference = {
	title: string
	description: string[]
	server: string
	groups: { tag: string; description: string; operations: ReferenceOperation[] }[]
	problems: { kind: ProblemKind; status: number; title: string }[]
	schemas: { name: string; json: string }[]
	limits: { anonymous: number; token: number; maxPage: number }
	licence: { id: string; url: string }
}

export type ReferenceOperation = {
	id: string
	path: string
	summary: string
	description: string
	/** `public`, or the scope a token needs. */
	access: string
	parameters: { name: string; in: string; required: boolean; type: string; description: string }[]
	responses: {
		status: string
		description: string
		contentTypes: string[]
		schema: string | null
	}[]
}

type JsonSchema = {
	type?: string | string[]
	enum?: unknown[]
	format?: string
	minimum?: number
	maximum?: number
	default?: unknown
	pattern?: string
	$ref?: string
}

/** A parameter's type in a few words: `integer 1–200, default 50`, `en | fr | …`. */
function typeOf(schema: JsonSchema): string {
	const parts: string[] = []
	if (schema.enum) parts.push(schema.enum.map(String).join(' | '))
	else if (schema.type) parts.push([schema.type].flat().join(' | '))
	if (schema.minimum !== undefined || schema.maximum !== undefined)
		parts.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`)
	if (schema.pattern) parts.push(`/${schema.pattern}/`)
	if (schema.default !== undefined) parts.push(`default ${String(schema.default)}`)
	return parts.join(', ')
}

const schemaName = (ref: string | undefined) => ref?.replace('#/components/schemas/', '') ?? null

type Doc = {
	info: { title: string; description: string }
	servers: { url: string }[]
	tags: { name: string; description: string }[]
	paths: Record<string, { get: RawOperation }>
	components: { schemas: Record<string, unknown>; responses: Record<string, RawResponse> }
}
type RawOperation = {
	operationId: string
	tags: string[]
	summary: string
	description: string
	security: Record<string, string[]>[]
	parameters: {
		name: string
		in: string
		required: boolean
		description?: string
		schema: JsonSchema
	}[]
	responses: Record<string, RawResponse | { $ref: string }>
}
type RawResponse = { description: string; content?: Record<string, { schema?: JsonSchema }> }

export function apiReference(): ApiReference {
	const doc = openApiDocument() as unknown as Doc
	const env = getEnv()
	const resolve = (response: RawResponse | { $ref: string }): RawResponse =>
		'$ref' in response
			? doc.components.responses[response.$ref.replace('#/components/responses/', '')]!
			: response
	const operations = Object.entries(doc.paths).map(([path, { get }]) => ({
		tag: get.tags[0]!,
		operation: {
			id: get.operationId,
			path,
			summary: get.summary,
			description: get.description,
			access:
				get.security.find((requirement) => requirement.bearerToken?.length)?.bearerToken?.[0] ??
				'public',
			parameters: get.parameters.map((parameter) => ({
				name: parameter.name,
				in: parameter.in,
				required: parameter.required,
				type: typeOf(parameter.schema),
				description: parameter.description ?? '',
			})),
			responses: Object.entries(get.responses).map(([status, raw]) => {
				const response = resolve(raw)
				const content = response.content ?? {}
				return {
					status,
					description: response.description,
					contentTypes: Object.keys(content),
					schema: schemaName(Object.values(content)[0]?.schema?.$ref),
				}
			}),
		},
	}))
	return {
		title: doc.info.title,
		description: doc.info.description.split('\n\n'),
		server: doc.servers[0]!.url,
		groups: doc.tags.map((tag) => ({
			tag: tag.name,
			description: tag.description,
			operations: operations
				.filter((entry) => entry.tag === tag.name)
				.map((entry) => entry.operation),
		})),
		problems: (Object.keys(PROBLEMS) as ProblemKind[]).map((kind) => ({ kind, ...PROBLEMS[kind] })),
		schemas: Object.entries(doc.components.schemas).map(([name, schema]) => ({
			name,
			json: JSON.stringify(schema, null, 2),
		})),
		limits: {
			anonymous: env.API_RATE_LIMIT_ANONYMOUS,
			token: env.API_RATE_LIMIT_TOKEN,
			maxPage: MAX_PAGE_SIZE,
		},
		licence: { id: openDataLicence().id, url: openDataLicence().url },
	}
}
