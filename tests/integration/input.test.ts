import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { insertAttachment } from '#db/queries/attachments.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findReport } from '#db/queries/reports.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, saveTestAnswers, startTestReport, TEST_ORIGIN } from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

/**
 * Bad input gets a clear 4xx with a message, never a 500, and writes nothing (issue 11, defects
 * 7, 8 and 13): text the database cannot store (U+0000, lone surrogates), JSON nested without
 * bound, numbers beyond the database's integers, malformed ids in URLs, `__proto__` as a question
 * id, and draft answers that cannot be true (impossible dates, another Party, duplicate rows,
 * another report's files). Driven over HTTP, through the whole application.
 */

let t: TestDatabase
let app: HttpApp
let contributor: CurrentUser
let reviewer: CurrentUser
let analyst: CurrentUser
let admin: CurrentUser
const cookies: Record<string, string> = {}
/** Kenya's 6th report, a draft, with one file attached to it. */
let kenya: string
let kenyaFile: string
/** India's 6th report with a file of its own. */
let india: string
let indiaFile: string

const NUL = 'before\u0000after'
const LONE_HIGH = 'before\ud800after'
const LONE_LOW = '\udc00'

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	const indian = await createUser(t.db, { roles: ['contributor'], partyCodes: ['IND'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	analyst = await createUser(t.db, { roles: ['analyst'] })
	admin = await createUser(t.db, { roles: ['admin'] })
	for (const user of [contributor, reviewer, analyst, admin]) {
		cookies[user.id] = await signIn(app, user.email)
	}
	const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	kenya = await startTestReport(t.db, {
		partyCode: 'KEN',
		cycle,
		user: contributor,
		today: '2026-11-21',
	})
	india = await startTestReport(t.db, {
		partyCode: 'IND',
		cycle,
		user: indian,
		today: '2026-11-21',
	})
	const file = (reportId: string, user: CurrentUser) =>
		insertAttachment(t.db, {
			reportId,
			questionId: 'b_attachments',
			fileName: 'law.pdf',
			contentType: 'application/pdf',
			sha256: '0'.repeat(64),
			content: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
			uploadedBy: user.id,
		})
	kenyaFile = (await file(kenya, contributor)).id
	indiaFile = (await file(india, indian)).id
	await saveTestAnswers(t.db, kenya, contributor, { b_obstacles_reporting: 'Kept as it was.' })
}, 120_000)

afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

async function get(user: CurrentUser | null, path: string) {
	return app.fetch(path, { headers: user ? { Cookie: cookies[user.id]! } : {} })
}

function postForm(
	user: CurrentUser,
	path: string,
	fields: Record<string, string> | [string, string][],
) {
	return app.fetch(path, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Origin: TEST_ORIGIN,
			Cookie: cookies[user.id]!,
		},
		body: new URLSearchParams(fields).toString(),
	})
}

function postJson(user: CurrentUser, path: string, body: string) {
	return app.fetch(path, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Origin: TEST_ORIGIN,
			Cookie: cookies[user.id]!,
		},
		body,
	})
}

/** What the report holds: its revision and every stored answer and change. */
async function snapshot(reportId: string) {
	const [report, answers, changes] = await Promise.all([
		findReport(t.db, reportId),
		t.db
			.selectFrom('report_answer')
			.where('report_id', '=', reportId)
			.select(['question_id', 'revision'])
			.orderBy('question_id')
			.execute(),
		t.db
			.selectFrom('report_change')
			.where('report_id', '=', reportId)
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow(),
	])
	return { revision: report!.revision, answers, changes: Number(changes.n) }
}

type SaveError = {
	error: string
	message: string
	errors?: { questionId: string; message: string }[]
}

/** Posts a save body to Kenya's report; expects a refusal with `status` that wrote nothing. */
async function refusedSave(body: string, status = 400): Promise<SaveError> {
	const before = await snapshot(kenya)
	const response = await postJson(contributor, `/reports/${kenya}/answers`, body)
	const text = await response.text()
	expect(response.status, text.slice(0, 500)).toBe(status)
	expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
	expect(await snapshot(kenya)).toEqual(before)
	return JSON.parse(text) as SaveError
}

async function change(questionId: string, value: unknown, extra: Record<string, unknown> = {}) {
	const { revision } = (await findReport(t.db, kenya))!
	return JSON.stringify({
		sinceRevision: revision,
		changes: [{ questionId, baseRevision: revision, value, ...extra }],
	})
}

/** JSON of `{"rows":[…]}` nested `depth` times (written out: JSON.stringify would recurse). */
function nested(depth: number) {
	return `${'{"rows":['.repeat(depth)}"x"${']}'.repeat(depth)}`
}

describe('text the database cannot store (defect 7)', () => {
	it.each([
		['U+0000', NUL],
		['a lone high surrogate', LONE_HIGH],
		['a lone low surrogate', LONE_LOW],
	])('refuses %s in a saved answer, naming the question', async (_name, text) => {
		const refused = await refusedSave(await change('b_obstacles_reporting', text))
		expect(refused.error).toBe('invalid')
		expect(refused.errors).toEqual([
			{ questionId: 'b_obstacles_reporting', message: 'save.errors.unsafeText' },
		])
	})

	it('refuses it anywhere in the save: table cells, question ids and bases', async () => {
		const cell = await refusedSave(
			await change('b6_stockpiles', {
				rows: [{ id: 'r1', cells: { location: `Mombasa ${LONE_HIGH}` } }],
			}),
		)
		expect(cell.errors).toEqual([
			{ questionId: 'b6_stockpiles', message: 'save.errors.unsafeText' },
		])
		const id = await refusedSave(await change(`b_obstacles${NUL}`, 'text'))
		expect(id.message).toMatch(/^save\.errors\./)
		const base = await refusedSave(await change('b_obstacles_reporting', 'new', { base: NUL }))
		expect(base.errors).toEqual([
			{ questionId: 'b_obstacles_reporting', message: 'save.errors.unsafeText' },
		])
	})

	// Forms cannot carry lone surrogates (URL encoding writes them as U+FFFD); U+0000 they can.
	it('refuses U+0000 in a thread comment, an account name and an admin form, with the field named', async () => {
		await t.db
			.updateTable('report')
			.set({ status: 'under_review' })
			.where('id', '=', india)
			.execute()
		try {
			const thread = await postForm(reviewer, `/reports/${india}/threads`, {
				intent: 'create',
				body: `A question ${NUL}`,
			})
			expect(thread.status).toBe(400)
			expect(await thread.text()).toContain('errors.unsafeText')
		} finally {
			await t.db.updateTable('report').set({ status: 'draft' }).where('id', '=', india).execute()
		}
		const threads = await t.db.selectFrom('review_thread').select('id').execute()
		expect(threads).toEqual([])

		const account = await postForm(contributor, '/account', {
			intent: 'profile',
			name: `Wanjiru ${NUL}`,
			preferredLanguage: 'en',
		})
		expect(account.status).toBe(400)
		expect(await account.text()).toContain('errors.unsafeText')
		const stored = await t.db
			.selectFrom('app_user')
			.where('id', '=', contributor.id)
			.select('name')
			.executeTakeFirstOrThrow()
		expect(stored.name).toBe(contributor.name)

		const invite = await postForm(admin, '/admin/users/invite', {
			email: 'new@example.org',
			name: NUL,
			roles: 'analyst',
		})
		expect(invite.status).toBe(400)
		expect(await invite.text()).toContain('errors.unsafeText')
	})

	it('refuses it in query parameters and route parameters', async () => {
		for (const [user, path, status] of [
			[reviewer, '/countries/%00', 404],
			[admin, '/countries/%00', 404],
			[admin, '/admin/countries/%00', 404],
			[analyst, '/analysis?cycle=%00', 400],
			[analyst, '/analysis/export?cycle=%00&format=json', 400],
			[admin, '/admin/users?q=%00', 400],
			[admin, '/admin/outbox?to=%00', 400],
			[admin, '/admin/countries?q=%00', 400],
			[reviewer, '/review?q=%00', 400],
			[reviewer, `/reports/${kenya}/history?question=%00`, 400],
			[contributor, `/reports/${kenya}/import?preview=%00`, 400],
			[contributor, `/reports/${kenya}/sections/%00`, 404],
			[contributor, `/reports/${kenya}/compare?to=%00`, 400],
		] as const) {
			const response = await get(user, path)
			expect(response.status, path).toBe(status)
		}
	})
})

describe('structure and numbers beyond what is stored (defect 7)', () => {
	it('refuses a base nested 5,000 levels deep without overflowing the stack', async () => {
		const body = (await change('b6_stockpiles', { rows: [] }, { base: '@base' })).replace(
			'"@base"',
			nested(5000),
		)
		const refused = await refusedSave(body)
		expect(refused.message).toBe('save.errors.tooDeep')
	})

	it('refuses a value nested too deep, and a deep body anywhere', async () => {
		const deepValue = (await change('b6_stockpiles', '@value')).replace('"@value"', nested(100))
		expect((await refusedSave(deepValue)).message).toBe('save.errors.tooDeep')
		const deepBody = `{"sinceRevision":0,"changes":[],"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`
		expect((await refusedSave(deepBody)).message).toBe('save.errors.tooDeep')
	})

	it('refuses revisions beyond the database integer (sinceRevision 2^40)', async () => {
		const { revision } = (await findReport(t.db, kenya))!
		const since = await refusedSave(
			JSON.stringify({
				sinceRevision: 2 ** 40,
				changes: [{ questionId: 'b_obstacles_reporting', baseRevision: revision, value: 'x' }],
			}),
		)
		expect(since.error).toBe('malformed')
		const base = await refusedSave(
			JSON.stringify({
				sinceRevision: revision,
				changes: [{ questionId: 'b_obstacles_reporting', baseRevision: 2 ** 31, value: 'x' }],
			}),
		)
		expect(base.error).toBe('malformed')
	})

	it('answers numbers beyond int4 in submission, comparison and export parameters with 404/400', async () => {
		for (const [path, status] of [
			[`/reports/${kenya}/submissions/${2 ** 31}`, 404],
			[`/reports/${kenya}/submissions/99999999999999999999`, 404],
			[`/reports/${kenya}/submissions/1e3`, 404],
			[`/reports/${kenya}/compare?to=${2 ** 40}`, 400],
			[`/reports/${kenya}/compare?from=${2 ** 31}&to=draft`, 400],
			[`/reports/${kenya}/export?submission=${2 ** 40}`, 400],
			[`/reports/${kenya}/export?submission=-1`, 400],
		] as const) {
			const response = await get(contributor, path)
			expect(response.status, path).toBe(status)
		}
	})

	it('answers malformed ids in URLs with 404, as for missing ones', async () => {
		for (const [user, path] of [
			[admin, '/admin/users/------------------------------------'],
			[admin, '/admin/users/00000000-0000-0000-0000-00000000000g'],
			[admin, '/admin/cycles/not-a-cycle'],
			[admin, '/admin/outbox/%00'],
			[reviewer, '/review/cycles/12/dashboard'],
			[contributor, '/reports/------------------------------------'],
			[contributor, '/reports/%00/sections'],
			[contributor, `/reports/${kenya}/attachments/${'-'.repeat(36)}`],
			[analyst, '/analysis/jobs/------------------------------------'],
			[analyst, '/analysis/jobs/%00/download'],
		] as const) {
			const response = await get(user, path)
			expect(response.status, path).toBe(404)
		}
		const refused = await postForm(admin, '/admin/users/------------------------------------', {
			intent: 'deactivate',
		})
		expect(refused.status).toBe(404)
	})
})

describe('question ids that are not questions (defect 8)', () => {
	it.each([
		['__proto__', { polluted: true }],
		['__proto__', 'text'],
		['constructor', 'text'],
		['toString', null],
		['hasOwnProperty', 'text'],
	])('refuses %s as a question id (value %j)', async (questionId, value) => {
		const refused = await refusedSave(await change(questionId, value))
		expect(refused.errors).toEqual([{ questionId, message: 'save.errors.unknownQuestion' }])
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})
})

describe('draft answers that cannot be true (defect 13)', () => {
	it.each(['2024-13-45', '2023-02-29', '2024-00-10', '0000-01-00'])(
		'refuses the date %s, in a question and in a table cell',
		async (date) => {
			const question = await refusedSave(await change('b7_nip_date', date))
			expect(question.errors).toEqual([
				{ questionId: 'b7_nip_date', message: 'save.errors.invalidDate' },
			])
			const cell = await refusedSave(
				await change('c_pcb_strategy_list', {
					rows: [{ id: 'r1', cells: { name: 'Plan', entry_into_force: date } }],
				}),
			)
			expect(cell.errors).toEqual([
				{ questionId: 'c_pcb_strategy_list', message: 'save.errors.invalidDate' },
			])
		},
	)

	it('accepts a real date, 29 February of a leap year', async () => {
		const response = await postJson(
			contributor,
			`/reports/${kenya}/answers`,
			await change('b7_nip_date', '2024-02-29'),
		)
		expect(response.status).toBe(200)
	})

	it("refuses another country's code as the report's Party, answered or cleared", async () => {
		for (const value of ['IND', null]) {
			const refused = await refusedSave(await change('a_party_code', value))
			expect(refused.errors).toEqual([
				{ questionId: 'a_party_code', message: 'save.errors.systemFilled' },
			])
		}
	})

	it('refuses a table with two rows of the same id', async () => {
		const refused = await refusedSave(
			await change('b6_stockpiles', {
				rows: [
					{ id: 'r1', cells: { location: 'Mombasa' } },
					{ id: 'r1', cells: { location: 'Kisumu' } },
				],
			}),
		)
		expect(refused.errors).toEqual([
			{ questionId: 'b6_stockpiles', message: 'save.errors.duplicateRow' },
		])
	})

	it("refuses a reference to another report's file, and to no file at all", async () => {
		for (const attachmentId of [indiaFile, '00000000-0000-4000-8000-000000000000', 'not-a-file']) {
			const refused = await refusedSave(
				await change('b_attachments', [{ attachmentId, name: 'law.pdf' }]),
			)
			expect(refused.errors).toEqual([
				{ questionId: 'b_attachments', message: 'save.errors.unknownAttachment' },
			])
		}
		const own = await postJson(
			contributor,
			`/reports/${kenya}/answers`,
			await change('b_attachments', [{ attachmentId: kenyaFile, name: 'law.pdf' }]),
		)
		expect(own.status).toBe(200)
	})

	it('names every refused question of a save and writes none of them', async () => {
		const { revision } = (await findReport(t.db, kenya))!
		const refused = await refusedSave(
			JSON.stringify({
				sinceRevision: revision,
				changes: [
					{ questionId: 'b_obstacles_implementation', baseRevision: revision, value: 'fine' },
					{ questionId: 'b5_action_plan_date', baseRevision: revision, value: '2021-02-30' },
					{ questionId: '__proto__', baseRevision: revision, value: 'x' },
				],
			}),
		)
		expect(refused.errors).toEqual([
			{ questionId: '__proto__', message: 'save.errors.unknownQuestion' },
			{ questionId: 'b5_action_plan_date', message: 'save.errors.invalidDate' },
		])
	})
})

describe('fields sent twice (found by the fuzz suite)', () => {
	it('shows the cycle form again when a single-valued field comes twice', async () => {
		const response = await postForm(admin, '/admin/cycles/new', [
			['code', 'twice-sent'],
			['convention', 'stockholm'],
			['convention', 'basel'],
		])
		expect(response.status).toBe(400)
		expect(await response.text()).toContain('name="convention"')
	})

	it('stores one explanation for a warning whose key comes twice', async () => {
		const key = 'b6_stockpiles/quantity_implausibly_large'
		const response = await postForm(contributor, `/reports/${kenya}/validation`, [
			['issueKey', key],
			['issueKey', key],
			['explanation', 'The stockpile is that large.'],
		])
		expect(response.status).toBe(200)
		const rows = await t.db
			.selectFrom('warning_acknowledgement')
			.where('report_id', '=', kenya)
			.select('issue_key')
			.execute()
		expect(rows).toEqual([{ issue_key: key }])
	})
})
