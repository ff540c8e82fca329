/**
 * The JSON API (`/api/v1`) over real HTTP: every resource, what each audience sees, token scopes,
 * revocation and expiry, cursor pagination, ETag/304, rate limits, problem details, and every
 * response checked against the OpenAPI document the API serves (ajv, JSON Schema 2020-12).
 */
// Limits for this file: generous without a token, small per token (the 429 test spends one).
process.env.API_RATE_LIMIT_ANONYMOUS = '100000'
process.env.API_RATE_LIMIT_TOKEN = '40'

import { createHash } from 'node:crypto'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApiToken } from '#app/domain/api-tokens.server.ts'
import { applyWorkflowAction } from '#app/domain/workflow.server.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import type { ApiScope } from '#db/types.ts'
import { stopExportWorker } from '#exports/worker/client.ts'
import { canonicalJson } from '#forms/canonical.ts'
import { buildCompleteDdtAnswers, ddtContext } from '#forms/fixtures/builders.ts'
import type { TableAnswer } from '#forms/types.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, saveTestAnswers, startTestReport } from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

const DDT = 'sc-ddt-2024-2026'
const UNPUBLISHED = 'sc-art15-6'
const CONFIDENTIAL_YEAR = 2025

let t: TestDatabase
let app: HttpApp
let doc: OpenApi
let ajv: InstanceType<typeof Ajv2020>
let reviewer: CurrentUser
let analyst: CurrentUser
/** Kenya's DDT report, accepted; India's, under review; Uganda's, a draft. */
let kenReport: string
let indReport: string
let ugaReport: string

type OpenApi = {
	openapi: string
	paths: Record<string, { get: { operationId: string; responses: Record<string, unknown> } }>
	components: { schemas: Record<string, unknown>; responses: Record<string, unknown> }
}

async function act(
	reportId: string,
	actor: CurrentUser,
	action: 'submit' | 'start_review' | 'accept',
) {
	const outcome = await applyWorkflowAction(t.db, { reportId, actor, action })
	if (!outcome.ok) throw new Error(`${action}: ${outcome.message}`)
}

async function ddtReport(partyCode: string) {
	const ocp = await createUser(t.db, { roles: ['contact_point'], partyCodes: [partyCode] })
	const cycle = (await findCycleByCode(t.db, DDT))!
	const reportId = await startTestReport(t.db, { partyCode, cycle, user: ocp, today: '2026-11-21' })
	return { ocp, reportId }
}

async function tokenFor(user: CurrentUser, scopes: ApiScope[], name = 'test') {
	const created = await createApiToken(t.db, user, { name, scopes, lifetimeDays: 30 }, '127.0.0.1')
	if (!created.ok) throw new Error(`token refused: ${created.scopes.join(', ')}`)
	return created
}

type Got = { status: number; headers: Headers; body: unknown; text: string }

async function get(
	path: string,
	options: { token?: string; headers?: Record<string, string> } = {},
) {
	const headers: Record<string, string> = { ...options.headers }
	if (options.token) headers.Authorization = `Bearer ${options.token}`
	const response = await app.fetch(path, { headers })
	const text = await response.text()
	const type = response.headers.get('Content-Type') ?? ''
	const body = /json/.test(type) && !/ndjson/.test(type) && text ? JSON.parse(text) : undefined
	return { status: response.status, headers: response.headers, body, text }
}

/** The operation of the OpenAPI document a path is answered by. */
function operationFor(path: string) {
	const pathname = new URL(path, 'http://x').pathname.replace(/^\/api\/v1/, '')
	for (const [template, item] of Object.entries(doc.paths)) {
		const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`)
		if (pattern.test(pathname)) return item.get
	}
	return undefined
}

/** Checks a JSON answer against the schema the document gives for its operation and status. */
function expectConforms(path: string, got: Got) {
	const operation = operationFor(path)
	let response = operation?.responses[String(got.status)] as
		{ $ref?: string; content?: Record<string, { schema?: { $ref?: string } }> } | undefined
	if (response?.$ref) {
		response = doc.components.responses[response.$ref.split('/').pop()!] as typeof response
	}
	const type = (got.headers.get('Content-Type') ?? '').split(';')[0]!
	const ref = response?.content?.[type]?.schema?.$ref
	expect(ref, `${path} ${got.status} ${type} is described`).toBeDefined()
	const valid = ajv.validate({ $ref: `openapi.json${ref}` }, got.body)
	expect(ajv.errors ?? [], `${path} matches ${ref}`).toEqual([])
	expect(valid).toBe(true)
}

/** GET, expecting `status`, and checking the answer against the document. */
async function getValid(path: string, status = 200, options: Parameters<typeof get>[1] = {}) {
	const got = await get(path, options)
	expect(got.status, `${path}: ${got.text.slice(0, 300)}`).toBe(status)
	expectConforms(path, got)
	return got
}

function expectProblem(got: Got, status: number, kind: string) {
	expect(got.status).toBe(status)
	expect(got.headers.get('Content-Type')).toBe('application/problem+json')
	const problem = got.body as Record<string, unknown>
	expect(problem).toMatchObject({
		status,
		type: expect.stringMatching(new RegExp(`#problem-${kind}$`)),
	})
	expect(problem.title).toEqual(expect.any(String))
	expect(problem.detail).toEqual(expect.any(String))
	expect(problem.instance).toEqual(expect.stringMatching(/^\/api\/v1/))
}

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	analyst = await createUser(t.db, { roles: ['analyst'] })

	const ken = await ddtReport('KEN')
	kenReport = ken.reportId
	const kenAnswers = buildCompleteDdtAnswers(ddtContext('KEN'))
	const production = kenAnswers.a_production as TableAnswer
	const row = production.rows.find((r) => r.cells.year === CONFIDENTIAL_YEAR) ?? production.rows[0]!
	row.cells.quantity_kg_ai = { marker: 'confidential' }
	await saveTestAnswers(t.db, kenReport, ken.ocp, kenAnswers)
	await act(kenReport, ken.ocp, 'submit')
	await act(kenReport, reviewer, 'start_review')
	await act(kenReport, reviewer, 'accept')

	const ind = await ddtReport('IND')
	indReport = ind.reportId
	await saveTestAnswers(t.db, indReport, ind.ocp, buildCompleteDdtAnswers(ddtContext('IND')))
	await act(indReport, ind.ocp, 'submit')
	await act(indReport, reviewer, 'start_review')

	ugaReport = (await ddtReport('UGA')).reportId

	// The secretariat published the DDT cycle (the portal's admin action writes this row).
	const cycle = (await findCycleByCode(t.db, DDT))!
	await t.db
		.insertInto('cycle_publication')
		.values({ cycle_id: cycle.id, published_from: '2026-01-01', decided_by: reviewer.id })
		.execute()

	doc = (await get('/api/v1/openapi.json')).body as OpenApi
	ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true })
	ajv.addSchema(doc as object, 'openapi.json')
}, 180_000)

afterAll(async () => {
	await app?.close()
	await stopVite()
	await stopExportWorker()
	await t?.destroy()
})

describe('the OpenAPI document and the reference page', () => {
	it('is an OpenAPI 3.1 document of every operation, valid against its own schemas', async () => {
		const got = await getValid('/api/v1/openapi.json')
		expect(doc.openapi).toMatch(/^3\.1\./)
		expect(Object.keys(doc.paths)).toEqual(
			expect.arrayContaining([
				'/forms',
				'/forms/{formId}/{version}',
				'/code-lists/{listId}',
				'/concepts',
				'/cycles/{cycleCode}/data',
				'/cycles/{cycleCode}/codebook',
				'/cycles/{cycleCode}/open-data',
				'/open-data',
				'/parties/{partyCode}',
				'/reports/{reportId}/submissions/{number}',
				'/secretariat/reports',
			]),
		)
		// Every component compiles as JSON Schema 2020-12.
		for (const name of Object.keys(doc.components.schemas)) {
			expect(() => ajv.getSchema(`openapi.json#/components/schemas/${name}`)).not.toThrow()
		}
		expect(got.headers.get('ETag')).toMatch(/^"[0-9a-f]{40}"$/)
	})

	it('is readable at /api/v1/docs: operations, parameters, problems and schemas, without a CDN', async () => {
		const response = await app.fetch('/api/v1/docs')
		expect(response.status).toBe(200)
		const html = await response.text()
		for (const id of [
			'operation-getCompiledData',
			'operation-secretariatListReports',
			'problem-insufficient-scope',
			'schema-Submission',
		]) {
			expect(html).toContain(`id="${id}"`)
		}
		expect(html).toContain('read:reports')
		expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="https?:\/\//)
	})
})

describe('public resources', () => {
	it('serves the form versions, with the SHA-256 of exactly the content it serves', async () => {
		const list = await getValid('/api/v1/forms')
		const forms = (list.body as { data: { form_id: string; version: number }[] }).data
		expect(forms.map((f) => `${f.form_id}@${f.version}`)).toContain('ddt@1')
		const form = await getValid('/api/v1/forms/ddt/1?lang=fr')
		const body = form.body as { sha256: string; content: unknown; texts: { form?: unknown } }
		expect(createHash('sha256').update(canonicalJson(body.content)).digest('hex')).toBe(body.sha256)
		expect(body.texts.form).toBeDefined()
		expectProblem(await getValid('/api/v1/forms/ddt/99', 404), 404, 'not-found')
		expectProblem(await getValid('/api/v1/forms/ddt/one', 404), 404, 'not-found')
	})

	it('serves code lists (current and pinned releases) and the concepts', async () => {
		const lists = await getValid('/api/v1/code-lists?limit=200')
		const ids = (lists.body as { data: { id: string; version: string }[] }).data
		expect(ids.map((l) => l.id)).toContain('units')
		const units = await getValid('/api/v1/code-lists/units?lang=es')
		const body = units.body as { entries: { code: string; label: string }[]; version: string }
		expect(body.entries.find((e) => e.code === 'kg')?.label).toBeTruthy()
		await getValid(`/api/v1/code-lists/units?version=${encodeURIComponent(body.version)}`)
		expectProblem(
			await getValid('/api/v1/code-lists/units?version=no-such-release', 404),
			404,
			'not-found',
		)
		const concepts = await getValid('/api/v1/concepts?limit=5')
		expect((concepts.body as { data: unknown[] }).data).toHaveLength(5)
	})

	it('serves cycles, saying which are published', async () => {
		const cycles = await getValid('/api/v1/cycles?limit=200')
		const all = (cycles.body as { data: { code: string; published: boolean }[] }).data
		expect(all.find((c) => c.code === DDT)?.published).toBe(true)
		expect(all.find((c) => c.code === UNPUBLISHED)?.published).toBe(false)
		const published = await getValid('/api/v1/cycles?published=true')
		expect((published.body as { data: { code: string }[] }).data.map((c) => c.code)).toEqual([DDT])
		const cycle = await getValid(`/api/v1/cycles/${DDT}`)
		expect(cycle.body).toMatchObject({ code: DDT, published_from: '2026-01-01' })
		expectProblem(await getValid('/api/v1/cycles/no-such-cycle', 404), 404, 'not-found')
	})

	it('serves the Parties with their standing under each convention', async () => {
		const kenya = await getValid('/api/v1/parties/KEN?lang=fr')
		expect(kenya.body).toMatchObject({ code: 'KEN', name: 'Kenya' })
		expect((kenya.body as { conventions: unknown[] }).conventions.length).toBeGreaterThan(0)
		expectProblem(await getValid('/api/v1/parties/XXX', 404), 404, 'not-found')
	})

	it('publishes accepted reports of published cycles only, with their accepted submission', async () => {
		const list = await getValid(`/api/v1/reports?cycle=${DDT}`)
		const reports = (list.body as { data: { id: string; party_code: string; status: string }[] })
			.data
		expect(reports.map((r) => r.party_code)).toEqual(['KEN'])
		expect(reports[0]).toMatchObject({ id: kenReport, status: 'accepted' })
		const report = await getValid(`/api/v1/reports/${kenReport}`)
		const submissions = (report.body as { submissions: { number: number; sha256: string }[] })
			.submissions
		expect(submissions).toHaveLength(1)
		const submission = await getValid(`/api/v1/reports/${kenReport}/submissions/1`)
		const stored = await t.db
			.selectFrom('submission')
			.where('report_id', '=', kenReport)
			.select('sha256')
			.executeTakeFirstOrThrow()
		expect(submission.body).toMatchObject({ sha256: stored.sha256, party_code: 'KEN' })
		// A confidential answer is published as the marker only.
		expect(submission.text).toContain('{"marker":"confidential"}')
		// Under review, drafts, and the reports of unpublished cycles are not public.
		for (const id of [indReport, ugaReport]) {
			expectProblem(await getValid(`/api/v1/reports/${id}`, 404), 404, 'not-found')
			expectProblem(await getValid(`/api/v1/reports/${id}/submissions/1`, 404), 404, 'not-found')
		}
	})

	it('answers unknown resources, parameters and methods with problem details', async () => {
		expectProblem(await get('/api/v1/no-such-thing'), 404, 'not-found')
		const bad = await getValid('/api/v1/parties?limit=201&colour=blue', 400)
		expectProblem(bad, 400, 'bad-request')
		expect(
			(bad.body as { errors: { parameter: string }[] }).errors.map((e) => e.parameter).sort(),
		).toEqual(['colour', 'limit'])
		const post = await app.fetch('/api/v1/forms', {
			method: 'POST',
			headers: { Origin: 'http://localhost:3000', 'Content-Type': 'application/json' },
			body: '{}',
		})
		expect(post.status).toBe(405)
		expect(post.headers.get('Allow')).toBe('GET, HEAD')
		expect(post.headers.get('Content-Type')).toBe('application/problem+json')
	})
})

describe('pagination and conditional requests', () => {
	it('pages with an opaque cursor and a next link until the last page', async () => {
		const seen: string[] = []
		let next: string | null = '/api/v1/parties?limit=60'
		let pages = 0
		while (next) {
			const got = await getValid(next.replace(/^https?:\/\/[^/]+/, ''))
			const page = got.body as { data: { code: string }[]; links: { next: string | null } }
			expect(page.data.length).toBeLessThanOrEqual(60)
			seen.push(...page.data.map((p) => p.code))
			next = page.links.next
			pages++
		}
		expect(pages).toBeGreaterThan(2)
		expect(new Set(seen).size).toBe(seen.length)
		expect(seen).toEqual([...seen].sort())
		expect(seen).toContain('KEN')
		expectProblem(await getValid('/api/v1/parties?cursor=not-a-cursor', 400), 400, 'bad-request')
	})

	it('answers If-None-Match with 304 while nothing changed', async () => {
		const first = await get(`/api/v1/cycles/${DDT}`)
		const etag = first.headers.get('ETag')!
		expect(first.headers.get('Cache-Control')).toContain('public')
		const again = await get(`/api/v1/cycles/${DDT}`, { headers: { 'If-None-Match': etag } })
		expect(again.status).toBe(304)
		expect(again.text).toBe('')
		expect(again.headers.get('ETag')).toBe(etag)
		const data = await get(`/api/v1/cycles/${DDT}/data`)
		const weak = data.headers.get('ETag')!
		expect(weak).toMatch(/^W\//)
		expect(
			(await get(`/api/v1/cycles/${DDT}/data`, { headers: { 'If-None-Match': weak } })).status,
		).toBe(304)
	})
})

describe('compiled data and open data', () => {
	it('gives anyone the accepted data of a published cycle, with its licence', async () => {
		const got = await getValid(`/api/v1/cycles/${DDT}/data?limit=1`)
		const page = got.body as {
			meta: { licence?: { id: string }; report_count: number }
			data: { party_code: string }[]
		}
		expect(page.meta.licence?.id).toBe('CC-BY-4.0')
		expect(page.meta.report_count).toBe(1)
		expect(page.data.map((r) => r.party_code)).toEqual(['KEN'])
		const ndjson = await get(`/api/v1/cycles/${DDT}/data?format=ndjson`)
		expect(ndjson.headers.get('Content-Type')).toMatch(/^application\/x-ndjson/)
		const lines = ndjson.text
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as { type: string })
		expect(lines.map((line) => line.type)).toEqual(['meta', 'report'])
		const ok = [
			ajv.validate({ $ref: 'openapi.json#/components/schemas/CompiledMeta' }, lines[0]),
			ajv.validate({ $ref: 'openapi.json#/components/schemas/CompiledReport' }, lines[1]),
		]
		expect(ok).toEqual([true, true])
	})

	it('needs read:compiled for reports under review and for unpublished cycles', async () => {
		const anonymous = await getValid(`/api/v1/cycles/${DDT}/data?status=submitted`, 401)
		expectProblem(anonymous, 401, 'unauthorized')
		expect(anonymous.headers.get('WWW-Authenticate')).toContain('scope="read:compiled"')
		expectProblem(await getValid(`/api/v1/cycles/${UNPUBLISHED}/data`, 401), 401, 'unauthorized')
		const publicOnly = await tokenFor(analyst, ['read:public'])
		const wrongScope = await getValid(`/api/v1/cycles/${DDT}/data?status=submitted`, 403, {
			token: publicOnly.token,
		})
		expectProblem(wrongScope, 403, 'insufficient-scope')
		const compiled = await tokenFor(analyst, ['read:compiled'])
		const got = await getValid(`/api/v1/cycles/${DDT}/data?status=submitted`, 200, {
			token: compiled.token,
		})
		const page = got.body as { meta: { licence?: unknown }; data: { party_code: string }[] }
		expect(page.data.map((r) => r.party_code)).toEqual(['IND', 'KEN'])
		expect(page.meta.licence).toBeUndefined()
		expect(got.headers.get('Cache-Control')).toBe('private, no-cache')
		await getValid(`/api/v1/cycles/${UNPUBLISHED}/data`, 200, { token: compiled.token })
	})

	it('serves the codebook, the catalogue and the files of published cycles', async () => {
		const codebook = await getValid(`/api/v1/cycles/${DDT}/codebook`)
		const book = codebook.body as { tables: { name: string }[]; licence: { id: string } | null }
		expect(book.tables.map((table) => table.name)).toEqual(
			expect.arrayContaining(['answers', 'a_production']),
		)
		expect(book.licence?.id).toBe('CC-BY-4.0')
		const catalogue = await getValid('/api/v1/open-data')
		const entry = (catalogue.body as { cycles: { cycle: string; report_count: number }[] }).cycles
		expect(entry).toEqual([expect.objectContaining({ cycle: DDT, report_count: 1 })])
		const json = await getValid(`/api/v1/cycles/${DDT}/open-data?format=json`)
		expect(json.headers.get('Content-Disposition')).toMatch(/^attachment;/)
		expect((json.body as { meta: { licence: { id: string } } }).meta.licence.id).toBe('CC-BY-4.0')
		const csv = await app.fetch(`/api/v1/cycles/${DDT}/open-data?format=csv`)
		expect(csv.status).toBe(200)
		expect(csv.headers.get('Content-Type')).toBe('application/zip')
		const xlsx = await app.fetch(`/api/v1/cycles/${DDT}/open-data?format=xlsx`)
		expect(xlsx.status).toBe(200)
		expect(new Uint8Array(await xlsx.arrayBuffer()).slice(0, 2)).toEqual(
			new Uint8Array([0x50, 0x4b]),
		)
		expectProblem(await get(`/api/v1/cycles/${UNPUBLISHED}/open-data`), 404, 'not-found')
	})
})

describe('the reports of the secretariat', () => {
	it('need a bearer token: no token, a session cookie or a malformed header get 401', async () => {
		expectProblem(await getValid('/api/v1/secretariat/reports', 401), 401, 'unauthorized')
		const cookie = await signIn(app, reviewer.email)
		const withCookie = await get('/api/v1/secretariat/reports', { headers: { Cookie: cookie } })
		expectProblem(withCookie, 401, 'unauthorized')
		expectProblem(
			await get('/api/v1/secretariat/reports', { headers: { Authorization: 'Basic abc' } }),
			401,
			'invalid-token',
		)
		expectProblem(
			await get('/api/v1/forms', { token: 'chemrep_not-a-real-token' }),
			401,
			'invalid-token',
		)
	})

	it('need read:reports: a token without it is 403, a reviewer holding it sees every submitted report', async () => {
		const analystToken = await tokenFor(analyst, ['read:public', 'read:compiled'])
		expectProblem(
			await getValid('/api/v1/secretariat/reports', 403, { token: analystToken.token }),
			403,
			'insufficient-scope',
		)
		// An analyst may not even be given it.
		const refused = await createApiToken(
			t.db,
			analyst,
			{ name: 'x', scopes: ['read:reports'], lifetimeDays: 30 },
			'127.0.0.1',
		)
		expect(refused).toEqual({ ok: false, error: 'notAllowed', scopes: ['read:reports'] })

		const { token } = await tokenFor(reviewer, ['read:reports'])
		const list = await getValid(`/api/v1/secretariat/reports?cycle=${DDT}`, 200, { token })
		const reports = (list.body as { data: { party_code: string; status: string }[] }).data
		expect(reports.map((r) => [r.party_code, r.status])).toEqual([
			['IND', 'under_review'],
			['KEN', 'accepted'],
		])
		const filtered = await getValid('/api/v1/secretariat/reports?status=under_review', 200, {
			token,
		})
		expect((filtered.body as { data: unknown[] }).data).toHaveLength(1)
		await getValid(`/api/v1/secretariat/reports/${indReport}`, 200, { token })
		const submission = await getValid(
			`/api/v1/secretariat/reports/${indReport}/submissions/1`,
			200,
			{
				token,
			},
		)
		expect(submission.body).toMatchObject({ state: 'current', party_code: 'IND' })
		// A draft was never submitted: not even the secretariat's API has it.
		expectProblem(
			await get(`/api/v1/secretariat/reports/${ugaReport}`, { token }),
			404,
			'not-found',
		)
	})
})

describe('tokens', () => {
	it('record their use: last use and an audit entry', async () => {
		const created = await tokenFor(reviewer, ['read:public'], 'audited')
		await get('/api/v1/concepts?limit=1', { token: created.token })
		const row = await t.db
			.selectFrom('api_token')
			.where('id', '=', created.id)
			.select(['last_used_at', 'last_used_ip', 'token_hash'])
			.executeTakeFirstOrThrow()
		expect(row.last_used_at).not.toBeNull()
		expect(row.token_hash).toBe(createHash('sha256').update(created.token).digest('hex'))
		const events = await t.db
			.selectFrom('audit_event')
			.where('subject_id', '=', created.id)
			.select(['action', 'details'])
			.orderBy('id')
			.execute()
		expect(events.map((e) => e.action)).toEqual(['api_token.created', 'api_token.used'])
		expect(events[1]!.details).toMatchObject({ path: '/api/v1/concepts?limit=1', status: 200 })
	})

	it('stop working once revoked, once expired, or when the role that allowed a scope is gone', async () => {
		const revoked = await tokenFor(reviewer, ['read:reports'])
		await getValid('/api/v1/secretariat/reports', 200, { token: revoked.token })
		await t.db
			.updateTable('api_token')
			.set({ revoked_at: sql`now()` })
			.where('id', '=', revoked.id)
			.execute()
		expectProblem(
			await get('/api/v1/secretariat/reports', { token: revoked.token }),
			401,
			'invalid-token',
		)

		const expired = await tokenFor(reviewer, ['read:reports'])
		await t.db
			.updateTable('api_token')
			.set({ expires_at: new Date(Date.now() - 1000) })
			.where('id', '=', expired.id)
			.execute()
		expectProblem(
			await get('/api/v1/secretariat/reports', { token: expired.token }),
			401,
			'invalid-token',
		)

		const former = await createUser(t.db, { roles: ['reviewer'] })
		const held = await tokenFor(former, ['read:reports'])
		await t.db.deleteFrom('user_role').where('user_id', '=', former.id).execute()
		await t.db.insertInto('user_role').values({ user_id: former.id, role: 'analyst' }).execute()
		expectProblem(
			await get('/api/v1/secretariat/reports', { token: held.token }),
			403,
			'insufficient-scope',
		)
	})

	it('are rate limited per token, with RateLimit headers and 429 + Retry-After', async () => {
		const { token } = await tokenFor(analyst, ['read:public'], 'busy')
		const first = await get('/api/v1/concepts?limit=1', { token })
		expect(first.headers.get('RateLimit-Policy')).toBe('"token";q=40;w=60')
		expect(first.headers.get('RateLimit')).toMatch(/^"token";r=39;t=\d+$/)
		for (let i = 1; i < 40; i++)
			expect((await get('/api/v1/concepts?limit=1', { token })).status).toBe(200)
		const refused = await getValid('/api/v1/concepts?limit=1', 429, { token })
		expectProblem(refused, 429, 'too-many-requests')
		expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0)
		expect(refused.headers.get('RateLimit')).toMatch(/^"token";r=0;t=\d+$/)
		// Other callers keep their own quota.
		const anonymous = await get('/api/v1/concepts?limit=1')
		expect(anonymous.status).toBe(200)
		expect(anonymous.headers.get('RateLimit-Policy')).toBe('"anonymous";q=100000;w=60')
	})
})
