import fc from 'fast-check'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stopExportWorker } from '#exports/worker/client.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { insertAttachment } from '#db/queries/attachments.ts'
import { findCycleByCode, listCycles } from '#db/queries/cycles.ts'
import { findReport, setReportStatus } from '#db/queries/reports.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import { installChangeLog } from '#tests/authorization/isolation.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, startTestReport, TEST_ORIGIN } from '#tests/factories.ts'
import {
	formFields,
	hostileJson,
	hostileText,
	pathSegment,
	queryString,
	saveBody,
	type FieldSpec,
} from '#tests/fuzz/payloads.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

/**
 * Input fuzzing over HTTP (issue 11): property-based payloads for the save endpoint, every form
 * action, query strings and ids in URLs, through the whole application. Properties: no response is
 * a 5xx, and a refused request (4xx) writes nothing: no answer, no revision, no row of any table
 * but the bookkeeping of sign-in limits and sessions.
 *
 * `npm test` runs a fixed seed with a few runs per target; `npm run fuzz` runs many more
 * (FUZZ_RUNS, FUZZ_SEED to pick another seed; a failure prints the seed and path to replay it).
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 8)
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121)
/** Per target: many runs of slow targets would exceed the test timeout. */
const TIMEOUT = Math.max(30_000, RUNS * 2_000)

/**
 * Tables written whatever the answer: failed sign-ins and reset requests are counted (that is the
 * throttle), sessions note when they were last seen, export jobs run in the background.
 */
const BOOKKEEPING = new Set(['login_attempt', 'rate_limit_event', 'session', 'export_job'])

let t: TestDatabase
let app: HttpApp
const cookies = new Map<CurrentUser, string>()
let contributor: CurrentUser
let contactPoint: CurrentUser
let reviewer: CurrentUser
let analyst: CurrentUser
let admin: CurrentUser
/** Whose account page and admin page the fuzz changes. */
let accountUser: CurrentUser
let victim: CurrentUser
/** Kenya's draft (saves, files, workflow) and India's report under review (threads, review). */
let kenya: string
let india: string
let indiaFile: string
let kenyaFile: string
let threadId: string
let cycleIds: string[]
let cycleCodes: string[]

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	contactPoint = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	const indian = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	analyst = await createUser(t.db, { roles: ['analyst'] })
	admin = await createUser(t.db, { roles: ['admin'] })
	accountUser = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	victim = await createUser(t.db, { roles: ['contributor'], partyCodes: ['IND'] })
	for (const user of [contributor, contactPoint, reviewer, analyst, admin, accountUser]) {
		cookies.set(user, await signIn(app, user.email))
	}
	const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	const today = '2026-11-21'
	kenya = await startTestReport(t.db, { partyCode: 'KEN', cycle, user: contributor, today })
	india = await startTestReport(t.db, { partyCode: 'IND', cycle, user: indian, today })
	const file = async (reportId: string, user: CurrentUser) =>
		(
			await insertAttachment(t.db, {
				reportId,
				questionId: 'b_attachments',
				fileName: 'law.pdf',
				contentType: 'application/pdf',
				sha256: '0'.repeat(64),
				content: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
				uploadedBy: user.id,
			})
		).id
	kenyaFile = await file(kenya, contributor)
	indiaFile = await file(india, indian)
	await setReportStatus(t.db, india, 'under_review')
	const opened = await post(reviewer, `/reports/${india}/threads`, [
		['intent', 'create'],
		['body', 'Please check the figures.'],
	])
	expect(opened.status).toBe(200)
	threadId = ((await opened.json()) as { threadId: string }).threadId
	const cycles = await listCycles(t.db)
	cycleIds = cycles.map((c) => c.id)
	cycleCodes = cycles.map((c) => c.code)
	await installChangeLog(t.db)
}, 120_000)

afterAll(async () => {
	await app?.close()
	await stopExportWorker()
	await stopVite()
	await t?.destroy()
})

function headers(user: CurrentUser | null, contentType?: string) {
	const out: Record<string, string> = { Origin: TEST_ORIGIN }
	if (contentType) out['Content-Type'] = contentType
	if (user) out.Cookie = cookies.get(user)!
	return out
}

function post(user: CurrentUser | null, path: string, fields: [string, string][]) {
	const body = new URLSearchParams()
	for (const [key, value] of fields) body.append(key, value)
	return app.fetch(path, {
		method: 'POST',
		headers: headers(user, 'application/x-www-form-urlencoded'),
		body: body.toString(),
	})
}

/** Rows the app wrote since the last call, by table (bookkeeping tables left out). */
async function writtenSinceLast() {
	const { rows } = await sql<{ table_name: string; n: number }>`
		delete from matrix_change returning table_name, 1 as n
	`.execute(t.db)
	return [...new Set(rows.map((r) => r.table_name))].filter((table) => !BOOKKEEPING.has(table))
}

/**
 * Sends one request and checks the two properties; returns the status. The body is read so that
 * streamed answers (exports) finish before the next request.
 */
async function check(send: () => Promise<Response>, describe: string) {
	await writtenSinceLast()
	const before = await findReport(t.db, kenya)
	const response = await send()
	const text = await response.text()
	expect(response.status, `${describe}\n→ ${text.slice(0, 300)}`).toBeLessThan(500)
	if (response.status >= 400) {
		expect(await writtenSinceLast(), `${describe} was refused (${response.status})`).toEqual([])
		expect((await findReport(t.db, kenya))!.revision, describe).toBe(before!.revision)
	}
	return response.status
}

const property = <T>(arbitrary: fc.Arbitrary<T>, run: (value: T) => Promise<unknown>) =>
	fc.assert(
		fc.asyncProperty(arbitrary, async (value) => {
			await run(value)
		}),
		{ seed: SEED, numRuns: RUNS, endOnFailure: true },
	)

type FormTarget = {
	name: string
	user: () => CurrentUser | null
	path: () => string
	fields: () => FieldSpec[]
}

const languages = ['en', 'fr', 'ar', 'zh']
const roles = ['contributor', 'contact_point', 'reviewer', 'analyst', 'admin']

/** Every form action, with its fields and values it accepts. */
const FORMS: FormTarget[] = [
	{
		name: 'sign in',
		user: () => null,
		path: () => '/login',
		fields: () => [
			{ name: 'email', known: [contributor.email, 'nobody@example.org'] },
			{ name: 'password', known: ['wrong password'] },
			{ name: 'redirectTo', known: ['/', '/account'] },
		],
	},
	{
		name: 'forgot password',
		user: () => null,
		path: () => '/forgot-password',
		fields: () => [{ name: 'email', known: [victim.email, 'nobody@example.org'] }],
	},
	...(['reset-password', 'invitation'] as const).map((route) => ({
		name: route,
		user: () => null,
		path: () => `/${route}/not-a-token`,
		fields: () => [
			{ name: 'name', known: ['Amina'] },
			{ name: 'password', known: ['a long enough password 1'] },
			{ name: 'confirmPassword', known: ['a long enough password 1'] },
		],
	})),
	{
		name: 'set language',
		user: () => contributor,
		path: () => '/set-language',
		fields: () => [
			{ name: 'language', known: languages },
			{ name: 'redirectTo', known: ['/', `/reports/${kenya}`] },
		],
	},
	{
		name: 'account',
		user: () => accountUser,
		path: () => '/account',
		fields: () => [
			{ name: 'intent', known: ['profile', 'password', 'sign-out-others'] },
			{ name: 'name', known: ['Wanjiru'] },
			{ name: 'preferredLanguage', known: languages },
			{ name: 'reminderEmails', known: ['on'] },
			{ name: 'currentPassword', known: ['wrong password'] },
			{ name: 'password', known: ['a long enough password 1'] },
			{ name: 'confirmPassword', known: ['a long enough password 1'] },
		],
	},
	{
		name: 'start a report',
		user: () => contactPoint,
		path: () => '/countries/KEN',
		fields: () => [
			{ name: 'intent', known: ['start'] },
			{ name: 'cycleId', known: cycleIds },
			{ name: 'mode', known: ['blank', 'prefill'] },
		],
	},
	{
		name: 'threads',
		user: () => reviewer,
		path: () => `/reports/${india}/threads`,
		fields: () => [
			{ name: 'intent', known: ['create', 'reply', 'resolve', 'reopen'] },
			{ name: 'questionId', known: ['b_obstacles_reporting', 'b6_stockpiles'] },
			{ name: 'visibility', known: ['shared', 'secretariat'] },
			{ name: 'body', known: ['A comment.'] },
			{ name: 'threadId', known: [threadId] },
			{ name: 'redirectTo', known: [`/reports/${india}/review`] },
		],
	},
	...['workflow', 'submissions'].map((route) => ({
		name: `workflow (${route})`,
		user: () => contactPoint,
		path: () => `/reports/${kenya}/${route}`,
		fields: () => [
			{
				name: 'intent',
				known: ['submit', 'resubmit', 'recall', 'request_reopen', 'accept', 'reopen'],
			},
			{ name: 'comment', known: ['Because.'] },
			{ name: 'confirm', known: ['yes'] },
			{ name: 'redirectTo', known: [`/reports/${kenya}`] },
		],
	})),
	{
		name: 'review',
		user: () => reviewer,
		path: () => `/reports/${india}/review`,
		fields: () => [
			{ name: 'intent', known: ['start_review', 'accept', 'reopen', 'submit'] },
			{ name: 'comment', known: ['Thank you.'] },
		],
	},
	{
		name: 'explain a warning',
		user: () => contactPoint,
		path: () => `/reports/${kenya}/validation`,
		fields: () => [
			{ name: 'issueKey', known: ['b6_stockpiles/quantity_implausibly_large'] },
			{ name: 'explanation', known: ['It is right.'] },
		],
	},
	{
		name: 'apply an import',
		user: () => contactPoint,
		path: () => `/reports/${kenya}/import`,
		fields: () => [
			{ name: 'intent', known: ['apply', 'upload'] },
			{ name: 'importId', known: [kenyaFile] },
		],
	},
	{
		name: 'enter a report on behalf',
		user: () => reviewer,
		path: () => '/review/enter',
		fields: () => [
			{ name: 'partyCode', known: ['KEN', 'FRA', 'XXX'] },
			{ name: 'cycleId', known: cycleIds },
		],
	},
	{
		name: 'prepare an export',
		user: () => analyst,
		path: () => '/analysis',
		fields: () => [
			{ name: 'intent', known: ['prepare'] },
			{ name: 'format', known: ['csv'] },
			{ name: 'cycle', known: cycleCodes },
			{ name: 'status', known: ['accepted', 'submitted'] },
			{ name: 'questions', known: ['b_obstacles_reporting', 'a_party_code'] },
		],
	},
	{
		name: 'invite a user',
		user: () => admin,
		path: () => '/admin/users/invite',
		fields: () => [
			{ name: 'email', known: ['new.user@example.org', victim.email] },
			{ name: 'name', known: ['New User'] },
			{ name: 'preferredLanguage', known: languages },
			{ name: 'roles', known: roles },
			{ name: 'partyCodes', known: ['KEN', 'IND'] },
		],
	},
	{
		name: 'change a user',
		user: () => admin,
		path: () => `/admin/users/${victim.id}`,
		fields: () => [
			{
				name: 'intent',
				known: ['access', 'deactivate', 'reactivate', 'revoke-sessions', 'send-link'],
			},
			{ name: 'roles', known: roles },
			{ name: 'partyCodes', known: ['KEN', 'IND'] },
		],
	},
	{
		name: "a country's status",
		user: () => admin,
		path: () => '/admin/countries/KEN',
		fields: () => [
			{ name: 'convention', known: ['stockholm', 'basel', 'rotterdam'] },
			{ name: 'status', known: ['party', 'signatory', 'non_party'] },
			{ name: 'consentedOn', known: ['2004-05-17', '2024-13-45', ''] },
			{ name: 'note', known: ['Checked.'] },
		],
	},
	...(['new', 'existing'] as const).map((which) => ({
		name: `cycle (${which})`,
		user: () => admin,
		path: () => `/admin/cycles/${which === 'new' ? 'new' : cycleIds[0]}`,
		fields: () => [
			{ name: 'code', known: ['fuzz-cycle', cycleCodes[0]!] },
			{ name: 'convention', known: ['stockholm'] },
			{ name: 'form', known: ['stockholm-art15@6', 'ddt@1', 'stockholm-art15@99999999999'] },
			{ name: 'titleEn', known: ['A cycle'] },
			{ name: 'titleFr', known: ['Un cycle'] },
			{ name: 'periodStart', known: ['2024-01-01', '2024-13-45'] },
			{ name: 'periodEnd', known: ['2025-12-31', '2023-02-29'] },
			{ name: 'opensOn', known: ['2026-01-01'] },
			{ name: 'deadline', known: ['2026-12-31', '9999-99-99'] },
		],
	})),
	{
		name: 'depositary record',
		user: () => admin,
		path: () => '/admin/code-lists',
		fields: () => [
			{ name: 'kind', known: ['communication', 'ratification', 'declaration'] },
			{ name: 'amendment', known: ['SC-4/17', 'original'] },
			{ name: 'partyCode', known: ['KEN', 'ken'] },
			{ name: 'date', known: ['2010-08-26', '2024-13-45'] },
			{ name: 'chemicals', known: ['PFOS', 'DDT'] },
			{ name: 'reference', known: ['C.N.524.2009'] },
			{ name: 'source', known: ['The depositary notification'] },
			{ name: 'note', known: ['Checked.'] },
			{ name: 'verified', known: ['yes'] },
		],
	},
]

describe(`input fuzzing (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}; seed ${SEED}, ${RUNS} runs per target)`, () => {
	it(
		'the save endpoint: no 5xx, and a refused save changes nothing',
		async () => {
			const definition = requireFormDefinition('stockholm-art15', 6)
			const statuses = new Map<number, number>()
			let revision = (await findReport(t.db, kenya))!.revision
			const body = saveBody(
				{ definition, ownFiles: [kenyaFile], otherFiles: [indiaFile], partyCode: 'KEN' },
				() => revision,
			)
			await fc.assert(
				fc.asyncProperty(body, async (text) => {
					const status = await check(
						() =>
							app.fetch(`/reports/${kenya}/answers`, {
								method: 'POST',
								headers: headers(contributor, 'application/json'),
								body: text,
							}),
						`save ${text.slice(0, 500)}`,
					)
					statuses.set(status, (statuses.get(status) ?? 0) + 1)
					revision = (await findReport(t.db, kenya))!.revision
				}),
				{ seed: SEED, numRuns: RUNS * 8, endOnFailure: true },
			)
			// The payloads reach both sides: some saves go through, some are refused.
			expect(statuses.get(200) ?? 0).toBeGreaterThan(0)
			expect(statuses.get(400) ?? 0).toBeGreaterThan(0)
		},
		TIMEOUT * 5,
	)

	it(
		'the presence heartbeat: no 5xx',
		async () => {
			await property(
				fc.oneof(
					hostileJson.map((value) => JSON.stringify({ sectionId: value })),
					hostileText(),
				),
				(text) =>
					check(
						() =>
							app.fetch(`/reports/${kenya}/presence`, {
								method: 'POST',
								headers: headers(contributor, 'application/json'),
								body: text,
							}),
						`presence ${text.slice(0, 200)}`,
					),
			)
		},
		TIMEOUT,
	)

	it.each(FORMS.map((target) => [target.name, target] as const))(
		'the form "%s": no 5xx, and a refused post changes nothing',
		async (_name, target) => {
			await property(formFields(target.fields()), (fields) =>
				check(
					() => post(target.user(), target.path(), fields),
					`POST ${target.path()} ${JSON.stringify(fields).slice(0, 500)}`,
				),
			)
		},
		TIMEOUT,
	)

	it(
		'file uploads (attachments and Excel imports): no 5xx, and a refused upload changes nothing',
		async () => {
			const upload = fc.record({
				route: fc.constantFrom('attachments', 'import'),
				questionId: hostileText(['b_attachments', 'b6_stockpiles']),
				intent: hostileText(['upload']),
				name: hostileText(['law.pdf', 'report.xlsx', 'invoice\u202efdp.exe']),
				bytes: fc.oneof(
					fc.uint8Array({ maxLength: 64 }),
					fc.constantFrom('%PDF-1.4\n%%EOF\n', '<html><script>x</script>', 'PK\u0003\u0004'),
				),
			})
			await property(upload, (file) => {
				const form = new FormData()
				form.set('intent', file.intent)
				form.set('questionId', file.questionId)
				form.set('file', new File([file.bytes], file.name))
				return check(
					async () => {
						// The multipart body as a browser would send it, then sent as bytes.
						const encoded = new Request(`${TEST_ORIGIN}/`, { method: 'POST', body: form })
						return app.fetch(`/reports/${kenya}/${file.route}`, {
							method: 'POST',
							headers: headers(contactPoint, encoded.headers.get('Content-Type')!),
							body: new Uint8Array(await encoded.arrayBuffer()),
						})
					},
					`upload ${JSON.stringify(file).slice(0, 300)}`,
				)
			})
		},
		TIMEOUT,
	)

	/** Query strings of the pages that read them. */
	const QUERIES: [string, () => CurrentUser | null, () => string, () => FieldSpec[]][] = [
		['public overview', () => null, () => '/', () => [{ name: 'cycle', known: cycleCodes }]],
		[
			'analysis',
			() => analyst,
			() => '/analysis',
			() => [
				{ name: 'cycle', known: cycleCodes },
				{ name: 'status', known: ['accepted', 'submitted'] },
				{ name: 'questions', known: ['b_obstacles_reporting', 'b6_stockpiles,a_party_code'] },
			],
		],
		[
			'compiled export',
			() => analyst,
			() => '/analysis/export',
			() => [
				{ name: 'cycle', known: cycleCodes },
				{ name: 'status', known: ['accepted', 'submitted'] },
				{ name: 'questions', known: ['b_obstacles_reporting'] },
				{ name: 'lang', known: languages },
				{ name: 'format', known: ['json', 'ndjson'] },
			],
		],
		[
			'users',
			() => admin,
			() => '/admin/users',
			() => [
				{ name: 'q', known: ['user'] },
				{ name: 'role', known: roles },
				{ name: 'country', known: ['KEN', 'ken'] },
			],
		],
		[
			'outbox',
			() => admin,
			() => '/admin/outbox',
			() => [
				{ name: 'to', known: [victim.email] },
				{ name: 'status', known: ['queued', 'sent', 'failed'] },
				{ name: 'page', known: ['1', '2', String(2 ** 40)] },
			],
		],
		[
			'countries',
			() => admin,
			() => '/admin/countries',
			() => [
				{ name: 'q', known: ['Ken'] },
				{ name: 'region', known: ['africa'] },
			],
		],
		[
			'code lists',
			() => admin,
			() => '/admin/code-lists',
			() => [
				{ name: 'party', known: ['KEN'] },
				{ name: 'recorded', known: ['1', String(2 ** 40)] },
			],
		],
		[
			'review queue',
			() => reviewer,
			() => '/review',
			() => [
				{ name: 'cycle', known: cycleIds },
				{ name: 'status', known: ['submitted', 'under_review'] },
				{ name: 'country', known: ['IND'] },
				{ name: 'sort', known: ['country'] },
				{ name: 'dir', known: ['asc'] },
			],
		],
		[
			'compare',
			() => contributor,
			() => `/reports/${kenya}/compare`,
			() => [
				{ name: 'from', known: ['draft', '1', String(2 ** 31)] },
				{ name: 'to', known: ['draft', '1'] },
				{ name: 'previousCycle', known: ['1'] },
			],
		],
		[
			'history',
			() => contributor,
			() => `/reports/${kenya}/history`,
			() => [{ name: 'question', known: ['b_obstacles_reporting'] }],
		],
		[
			'import page',
			() => contactPoint,
			() => `/reports/${kenya}/import`,
			() => [
				{ name: 'preview', known: [kenyaFile] },
				{ name: 'applied', known: ['3'] },
			],
		],
		[
			// Only refused formats: rendering a whole PDF or workbook per run is for the export tests.
			'report export',
			() => contributor,
			() => `/reports/${kenya}/export?format=docx`,
			() => [
				{ name: 'submission', known: ['1', String(2 ** 40)] },
				{ name: 'lang', known: languages },
			],
		],
	]

	it.each(QUERIES)(
		'the query string of "%s": no 5xx, and nothing written',
		async (_name, user, path, fields) => {
			await property(queryString(fields()), (query) => {
				const base = path()
				const url = `${base}${base.includes('?') ? '&' : '?'}${query}`
				return check(() => app.fetch(url, { headers: headers(user()) }), `GET ${url}`)
			})
		},
		TIMEOUT,
	)

	it(
		'ids in URLs: no 5xx, and nothing written',
		async () => {
			const routes: [() => CurrentUser | null, (id: string) => string][] = [
				[() => reviewer, (id) => `/countries/${id}`],
				[() => null, (id) => `/parties/${id}`],
				[() => null, (id) => `/cycles/${id}`],
				[() => null, (id) => `/parties/KEN/reports/${id}`],
				[() => admin, (id) => `/admin/users/${id}`],
				[() => admin, (id) => `/admin/countries/${id}`],
				[() => admin, (id) => `/admin/cycles/${id}`],
				[() => admin, (id) => `/admin/outbox/${id}`],
				[() => contributor, (id) => `/reports/${id}`],
				[() => contributor, (id) => `/reports/${id}/validation`],
				[() => contributor, (id) => `/reports/${kenya}/sections/${id}`],
				[() => contributor, (id) => `/reports/${kenya}/submissions/${id}`],
				[() => contributor, (id) => `/reports/${kenya}/attachments/${id}`],
				[() => analyst, (id) => `/analysis/jobs/${id}`],
				[() => analyst, (id) => `/analysis/jobs/${id}/download`],
				[() => reviewer, (id) => `/review/cycles/${id}/dashboard`],
				[() => contributor, (id) => `/reset-password/${id}`],
				[() => contributor, (id) => `/invitation/${id}`],
			]
			const known = [kenya, kenyaFile, victim.id, ...cycleIds.slice(0, 1)]
			await property(
				fc.tuple(fc.constantFrom(...routes), pathSegment(known)),
				([[user, path], id]) =>
					check(() => app.fetch(path(id), { headers: headers(user()) }), `GET ${path(id)}`),
			)
		},
		TIMEOUT,
	)
})
