import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as answersAction } from '#app/routes/reports/answers.tsx'
import { loader as attachmentLoader } from '#app/routes/reports/attachment.tsx'
import { action as uploadAction } from '#app/routes/reports/attachments.tsx'
import { loader as editorLoader } from '#app/routes/reports/editor.tsx'
import { loader as historyLoader } from '#app/routes/reports/history.tsx'
import { action as workflowAction } from '#app/routes/reports/workflow.tsx'
import { action as countryAction } from '#app/routes/countries/country.tsx'
import { startReport } from '#app/domain/start-report.server.ts'
import type { SavePayload } from '#app/domain/save-protocol.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import {
	findReport,
	listSaves,
	loadAnswers,
	questionHistory,
	setReportStatus,
	writeRevisionIfUnchanged,
} from '#db/queries/reports.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import type { Answers } from '#forms/types.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	createUser,
	formRequest,
	getRequest,
	routeContext,
	settle,
	statusOf,
	TEST_ORIGIN,
	withStoredFiles,
} from '#tests/factories.ts'

let t: TestDatabase
let ocp: CurrentUser
let contributor: CurrentUser
let secondOcp: CurrentUser
let otherCountry: CurrentUser
let reviewer: CurrentUser

beforeAll(async () => {
	t = await createTestDatabase()
	ocp = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	secondOcp = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	otherCountry = await createUser(t.db, {
		roles: ['contributor', 'contact_point'],
		partyCodes: ['IND'],
	})
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
})
afterAll(async () => {
	await t.destroy()
})

async function newReport(partyCode = 'KEN') {
	const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	await sql`delete from report_presence`.execute(t.db)
	const existing = await t.db
		.selectFrom('report')
		.where('party_code', '=', partyCode)
		.where('cycle_id', '=', cycle.id)
		.select('id')
		.executeTakeFirst()
	if (existing) await cleanReport(existing.id)
	const outcome = await startReport(t.db, {
		partyCode,
		cycle,
		mode: 'blank',
		userId: contributor.id,
		today: '2026-11-21',
	})
	if (!outcome.ok) throw new Error(outcome.error)
	return outcome.reportId
}

/** Tests start each report afresh; submissions are immutable, so the report moves to a fresh cycle row. */
async function cleanReport(reportId: string) {
	const cycleCode = `archived-${reportId.slice(0, 8)}-${Date.now()}`
	const source = await t.db
		.selectFrom('report')
		.innerJoin('reporting_cycle as c', 'c.id', 'report.cycle_id')
		.where('report.id', '=', reportId)
		.selectAll('c')
		.executeTakeFirstOrThrow()
	const { id } = await t.db
		.insertInto('reporting_cycle')
		.values({
			...source,
			id: undefined,
			code: cycleCode,
			title: JSON.stringify(source.title),
		} as never)
		.returning('id')
		.executeTakeFirstOrThrow()
	await t.db.updateTable('report').set({ cycle_id: id }).where('id', '=', reportId).execute()
}

function jsonRequest(path: string, body: unknown, init: { contentLength?: number } = {}) {
	const text = JSON.stringify(body)
	return new Request(`${TEST_ORIGIN}${path}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Origin: TEST_ORIGIN,
			'Content-Length': String(init.contentLength ?? Buffer.byteLength(text)),
		},
		body: text,
	})
}

/** Free-text questions of the 6th-cycle report: any text is a valid answer. */
const TEXT_QUESTIONS = [
	'b_obstacles_implementation',
	'b_obstacles_reporting',
	'b_format_comments',
	'b4_minimisation_measures',
]

async function save(user: CurrentUser, reportId: string, payload: SavePayload) {
	const result = await settle(() =>
		answersAction({
			request: jsonRequest(`/reports/${reportId}/answers`, payload),
			params: { reportId },
			context: routeContext(t.db, user),
		} as never),
	)
	const value = result.value as { data: unknown; init: ResponseInit | null } | Response
	if (value instanceof Response) {
		const isJson = value.headers.get('Content-Type')?.startsWith('application/json')
		return { status: value.status, body: (isJson ? await value.json() : null) as never }
	}
	return { status: value.init?.status ?? 200, body: value.data as Record<string, unknown> }
}

async function answersOf(reportId: string) {
	const stored = await loadAnswers(t.db, reportId)
	return Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.value])) as Answers
}

function workflow(user: CurrentUser, reportId: string, fields: Record<string, string>) {
	return settle(() =>
		workflowAction({
			request: formRequest(`/reports/${reportId}/workflow`, fields),
			params: { reportId },
			context: routeContext(t.db, user),
		} as never),
	)
}

/** Writes a complete valid report through the autosave endpoint. */
async function fillCompletely(reportId: string) {
	const complete = await withStoredFiles(
		t.db,
		reportId,
		contributor,
		buildCompleteArt15V6Answers(art15V6Context('KEN')),
	)
	const current = await loadAnswers(t.db, reportId)
	const report = (await findReport(t.db, reportId))!
	const entries = Object.entries(complete)
	for (let i = 0; i < entries.length; i += 100) {
		const { status, body } = await save(contributor, reportId, {
			sinceRevision: report.revision,
			changes: entries.slice(i, i + 100).map(([questionId, value]) => ({
				questionId,
				baseRevision: current[questionId]?.revision ?? 0,
				base: current[questionId]?.value ?? null,
				value,
			})),
		})
		expect(status, JSON.stringify(body)).toBe(200)
	}
	const cleared = Object.keys(current).filter((id) => !(id in complete))
	if (cleared.length) {
		const latest = await loadAnswers(t.db, reportId)
		await save(contributor, reportId, {
			sinceRevision: (await findReport(t.db, reportId))!.revision,
			changes: cleared.map((questionId) => ({
				questionId,
				baseRevision: latest[questionId]!.revision,
				base: latest[questionId]!.value,
				value: null,
			})),
		})
	}
}

describe('starting a report', () => {
	it('starts once per country and cycle, with the context pre-filled and fixed rows in place', async () => {
		const reportId = await newReport()
		const answers = await answersOf(reportId)
		expect(Object.values(answers)).toContain('KEN')
		const statistics = answers.b3_statistics as { rows: { id: string }[] }
		expect(statistics.rows.length).toBeGreaterThan(40)
		expect(statistics.rows.map((r) => r.id)).toContain('PFHXS|2023')
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const again = await startReport(t.db, {
			partyCode: 'KEN',
			cycle,
			mode: 'blank',
			userId: contributor.id,
			today: '2026-11-21',
		})
		expect(again).toMatchObject({ ok: true, reportId, created: false })
	})

	it('refuses to start a report for another country (404)', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const result = await settle(() =>
			countryAction({
				request: formRequest('/countries/KEN', {
					intent: 'start',
					cycleId: cycle.id,
					mode: 'blank',
				}),
				params: { partyCode: 'KEN' },
				context: routeContext(t.db, otherCountry),
			} as never),
		)
		expect(statusOf(result.value)).toBe(404)
	})
})

describe('autosave', () => {
	it('saves per-question patches with their history', async () => {
		const reportId = await newReport()
		const { status, body } = await save(contributor, reportId, {
			sinceRevision: 1,
			changes: [{ questionId: 'b7_nip_transmitted', baseRevision: 0, base: null, value: 'yes' }],
		})
		expect(status).toBe(200)
		expect(body.revision).toBe(2)
		expect((await answersOf(reportId)).b7_nip_transmitted).toBe('yes')
		const history = (await historyLoader({
			request: getRequest(`/reports/${reportId}/history?question=b7_nip_transmitted`),
			params: { reportId },
			context: routeContext(t.db, contributor),
		} as never)) as { kind: string; changes: { old: string; new: string; by: string }[] }
		expect(history.changes[0]).toMatchObject({ old: '—', by: contributor.name })
	})

	it('merges parallel saves of different questions and loses none (many concurrent requests)', async () => {
		const reportId = await newReport()
		const yesNo = [
			'b7_nip_transmitted',
			'b9_focal_point_designated',
			'b13_national_support',
			'b16_gmp_participation',
		]
		const ids = [...yesNo, ...TEXT_QUESTIONS]
		const outcomes = await Promise.all(
			ids.map((questionId) =>
				save(questionId.length % 2 ? contributor : ocp, reportId, {
					sinceRevision: 1,
					changes: [
						{
							questionId,
							baseRevision: 0,
							base: null,
							value: yesNo.includes(questionId) ? 'yes' : `text of ${questionId}`,
						},
					],
				}),
			),
		)
		expect(outcomes.every((o) => o.status === 200)).toBe(true)
		const answers = await answersOf(reportId)
		for (const id of ids) expect(answers[id]).toBeDefined()
		const report = (await findReport(t.db, reportId))!
		expect(report.revision).toBe(1 + ids.length)
	})

	it('writes nothing when the report moved on since the save read it (a later revision or status)', async () => {
		const reportId = await newReport()
		const read = (await findReport(t.db, reportId))!
		const first = await writeRevisionIfUnchanged(t.db, read, ocp.id, [
			{ questionId: 'b_format_comments', oldValue: null, newValue: 'first' },
		])
		expect(first).toBe(read.revision + 1)
		const stale = await writeRevisionIfUnchanged(t.db, read, ocp.id, [
			{ questionId: 'b_format_comments', oldValue: 'first', newValue: null },
			{ questionId: 'b_obstacles_reporting', oldValue: null, newValue: 'second' },
		])
		expect(stale).toBeNull()
		const current = (await findReport(t.db, reportId))!
		await setReportStatus(t.db, reportId, 'submitted')
		const afterSubmission = await writeRevisionIfUnchanged(t.db, current, ocp.id, [
			{ questionId: 'b_obstacles_reporting', oldValue: null, newValue: 'third' },
		])
		expect(afterSubmission).toBeNull()
		const answers = await answersOf(reportId)
		expect(answers.b_format_comments).toBe('first')
		expect(answers.b_obstacles_reporting).toBeUndefined()
		expect((await findReport(t.db, reportId))!.revision).toBe(read.revision + 1)
		const saves = (await listSaves(t.db, reportId)).filter((s) => s.revision > read.revision)
		expect(saves.map((s) => s.questionIds)).toEqual([['b_format_comments']])
	})

	it('saves again from what the server last read, and trusts none of it once the report changed elsewhere', async () => {
		const reportId = await newReport()
		const change = (baseRevision: number, base: unknown, value: unknown) => ({
			sinceRevision: baseRevision,
			changes: [{ questionId: 'b_format_comments', baseRevision, base, value }],
		})
		// The first save reads the report; the next ones are decided on that read and written by
		// the statement that reads.
		const first = await save(contributor, reportId, change(1, null, 'first'))
		expect(first.body).toMatchObject({ revision: 2, conflicts: [] })
		const second = await save(contributor, reportId, change(2, 'first', 'second'))
		expect(second.body).toMatchObject({
			revision: 3,
			applied: [{ questionId: 'b_format_comments', value: 'second', revision: 3 }],
			updates: [],
			conflicts: [],
		})
		// The same value again writes nothing; clearing deletes the answer, both with history.
		expect((await save(contributor, reportId, change(3, 'second', 'second'))).body).toMatchObject({
			revision: 3,
			applied: [],
		})
		expect((await save(contributor, reportId, change(3, 'second', null))).body).toMatchObject({
			revision: 4,
		})
		expect((await answersOf(reportId)).b_format_comments).toBeUndefined()
		const history = await questionHistory(t.db, reportId, 'b_format_comments')
		expect(history.map((h) => [h.revision, h.oldValue, h.newValue])).toEqual([
			[4, 'second', null],
			[3, 'first', 'second'],
			[2, null, 'first'],
		])
		// Someone else's change since the editor's base is merged or a conflict, never overwritten.
		await save(ocp, reportId, change(4, null, 'theirs'))
		const stale = await save(contributor, reportId, change(4, null, 'mine'))
		expect(stale.body).toMatchObject({
			revision: 5,
			conflicts: [{ questionId: 'b_format_comments', yours: 'mine', theirs: 'theirs' }],
		})
		// Racing saves of the same answer, each written by its read statement: one wins.
		const racing = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				save(i % 2 ? contributor : ocp, reportId, change(5, 'theirs', `racer ${i}`)),
			),
		)
		const winners = racing.filter((o) => (o.body.applied as unknown[]).length === 1)
		expect(winners).toHaveLength(1)
		expect(racing.filter((o) => (o.body.conflicts as unknown[]).length === 1)).toHaveLength(5)
		const winner = (winners[0]!.body.applied as { value: string }[])[0]!.value
		expect((await answersOf(reportId)).b_format_comments).toBe(winner)
		// The report left draft behind this server's back (another instance): refused, not written.
		await setReportStatus(t.db, reportId, 'submitted')
		const refused = await save(contributor, reportId, change(6, winner, 'after submission'))
		expect(refused.status).toBe(409)
		expect((await answersOf(reportId)).b_format_comments).toBe(winner)
		expect((await findReport(t.db, reportId))!.revision).toBe(6)
	})

	it('saves every one of many racing saves to one report, each at its own revision', async () => {
		const reportId = await newReport()
		const ids = TEXT_QUESTIONS
		const rounds = 6
		const outcomes = await Promise.all(
			Array.from({ length: rounds * ids.length }, (_, i) =>
				save(i % 2 ? contributor : ocp, reportId, {
					sinceRevision: 1,
					changes: [
						{
							questionId: ids[i % ids.length]!,
							baseRevision: 0,
							base: null,
							value: `text ${i}`,
						},
					],
				}),
			),
		)
		expect(outcomes.every((o) => o.status === 200)).toBe(true)
		// Per question, the first write applies and the rest conflict with it: never overwritten.
		const applied = outcomes.flatMap(
			(o) => (o.body as { applied: { questionId: string; revision: number }[] }).applied,
		)
		const conflicts = outcomes.flatMap((o) => (o.body as { conflicts: unknown[] }).conflicts)
		expect(applied.map((a) => a.questionId).sort()).toEqual([...ids].sort())
		expect(conflicts).toHaveLength((rounds - 1) * ids.length)
		expect(new Set(applied.map((a) => a.revision)).size).toBe(ids.length)
		const report = (await findReport(t.db, reportId))!
		expect(report.revision).toBe(1 + ids.length)
	})

	it('gives exactly one of several parallel saves of the same answer, the others a conflict', async () => {
		const reportId = await newReport()
		const outcomes = await Promise.all(
			Array.from({ length: 8 }, (_, i) =>
				save(i % 2 ? contributor : ocp, reportId, {
					sinceRevision: 1,
					changes: [
						{
							questionId: 'b_obstacles_implementation',
							baseRevision: 0,
							base: null,
							value: `version ${i}`,
						},
					],
				}),
			),
		)
		const applied = outcomes.filter((o) => (o.body.applied as unknown[]).length === 1)
		const conflicted = outcomes.filter((o) => (o.body.conflicts as unknown[]).length === 1)
		expect(applied).toHaveLength(1)
		expect(conflicted).toHaveLength(7)
		const winner = (applied[0]!.body.applied as { value: string }[])[0]!.value
		expect((await answersOf(reportId)).b_obstacles_implementation).toBe(winner)
		expect((conflicted[0]!.body.conflicts as { theirs: string }[])[0]!.theirs).toBe(winner)
	})

	it('merges two editors changing different cells of the same table', async () => {
		const reportId = await newReport()
		const stored = await loadAnswers(t.db, reportId)
		const base = stored.b3_statistics!
		const table = base.value as { rows: { id: string; cells: Record<string, unknown> }[] }
		const edit = (rowId: string, column: string, value: number) => ({
			rows: table.rows.map((r) =>
				r.id === rowId ? { ...r, cells: { ...r.cells, [column]: value } } : r,
			),
		})
		const first = await save(contributor, reportId, {
			sinceRevision: 1,
			changes: [
				{
					questionId: 'b3_statistics',
					baseRevision: base.revision,
					base: base.value,
					value: edit('PFHXS|2023', 'production_kg', 10),
				},
			],
		})
		const second = await save(ocp, reportId, {
			sinceRevision: 1,
			changes: [
				{
					questionId: 'b3_statistics',
					baseRevision: base.revision,
					base: base.value,
					value: edit('PFHXS|2024', 'export_kg', 20),
				},
			],
		})
		expect(first.status).toBe(200)
		expect(second.body.conflicts).toEqual([])
		const merged = (await answersOf(reportId)).b3_statistics as {
			rows: { id: string; cells: Record<string, unknown> }[]
		}
		expect(merged.rows.find((r) => r.id === 'PFHXS|2023')!.cells.production_kg).toBe(10)
		expect(merged.rows.find((r) => r.id === 'PFHXS|2024')!.cells.export_kg).toBe(20)
	})

	it('refuses malformed saves with clear 4xx errors and changes nothing', async () => {
		const reportId = await newReport()
		const before = await findReport(t.db, reportId)
		const cases: [SavePayload | unknown, number, string][] = [
			[
				{
					sinceRevision: 1,
					changes: [{ questionId: 'b7_nip_transmitted', baseRevision: 0, value: 42 }],
				},
				400,
				'invalid',
			],
			[
				{
					sinceRevision: 1,
					changes: [{ questionId: 'no_such_question', baseRevision: 0, value: 'x' }],
				},
				400,
				'invalid',
			],
			[
				{
					sinceRevision: 1,
					changes: [{ questionId: 'b7_nip_transmitted', baseRevision: 0, value: 'perhaps' }],
				},
				400,
				'invalid',
			],
			[
				{
					sinceRevision: 99,
					changes: [{ questionId: 'b7_nip_transmitted', baseRevision: 0, value: 'yes' }],
				},
				400,
				'stale',
			],
			[
				{
					sinceRevision: 1,
					changes: [{ questionId: 'b7_nip_transmitted', baseRevision: 50, value: 'yes' }],
				},
				400,
				'stale',
			],
			[{ sinceRevision: 1, changes: [] }, 400, 'malformed'],
			[{ nonsense: true }, 400, 'malformed'],
		]
		for (const [payload, status, error] of cases) {
			const result = await save(contributor, reportId, payload as SavePayload)
			expect(result.status, JSON.stringify(payload)).toBe(status)
			expect(result.body.error).toBe(error)
		}
		const country = await save(contributor, reportId, {
			sinceRevision: 1,
			changes: [
				{
					questionId: 'b3_import_partners',
					baseRevision: 0,
					value: { rows: [{ id: 'r1', cells: { exporting_country: 'ATLANTIS' } }] },
				},
			],
		})
		expect(country.status).toBe(400)
		const tooLarge = await settle(() =>
			answersAction({
				request: jsonRequest(
					`/reports/${reportId}/answers`,
					{ sinceRevision: 1, changes: [] },
					{ contentLength: 10_000_000 },
				),
				params: { reportId },
				context: routeContext(t.db, contributor),
			} as never),
		)
		expect(statusOf(tooLarge.value)).toBe(413)
		expect((await findReport(t.db, reportId))!.revision).toBe(before!.revision)
	})

	it('keeps other countries out of the report, its history and attachments (404)', async () => {
		const reportId = await newReport()
		for (const run of [
			() =>
				editorLoader({
					request: getRequest(`/reports/${reportId}/sections/a_general`),
					params: { reportId, sectionId: 'a_general' },
					context: routeContext(t.db, otherCountry),
				} as never),
			() =>
				historyLoader({
					request: getRequest(`/reports/${reportId}/history`),
					params: { reportId },
					context: routeContext(t.db, otherCountry),
				} as never),
			() =>
				attachmentLoader({
					request: getRequest(`/reports/${reportId}/attachments/x`),
					params: { reportId, attachmentId: '00000000-0000-0000-0000-000000000000' },
					context: routeContext(t.db, otherCountry),
				} as never),
		] as (() => Promise<unknown>)[]) {
			const result = await settle(run)
			expect(statusOf(result.value)).toBe(404)
		}
		const write = await save(otherCountry, reportId, {
			sinceRevision: 1,
			changes: [{ questionId: 'b_obstacles_implementation', baseRevision: 0, value: 'x' }],
		})
		expect(write.status).toBe(404)
	})

	it('lets the secretariat read a report but not change its answers (403, nothing written)', async () => {
		const reportId = await newReport()
		const before = await answersOf(reportId)
		const write = await save(reviewer, reportId, {
			sinceRevision: 1,
			changes: [{ questionId: 'b_obstacles_implementation', baseRevision: 0, value: 'x' }],
		})
		expect(write.status).toBe(403)
		expect(await answersOf(reportId)).toEqual(before)
	})
})

describe('attachments', () => {
	const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

	function upload(user: CurrentUser, reportId: string, file: File, questionId = 'b_attachments') {
		const form = new FormData()
		form.set('questionId', questionId)
		form.set('file', file)
		const request = new Request(`${TEST_ORIGIN}/reports/${reportId}/attachments`, {
			method: 'POST',
			body: form,
			headers: { Origin: TEST_ORIGIN },
		})
		return settle(() =>
			uploadAction({ request, params: { reportId }, context: routeContext(t.db, user) } as never),
		)
	}

	it('accepts a PDF, checked by content, and lets readers download it', async () => {
		const reportId = await newReport()
		const attachmentQuestion = 'b_attachments'
		const ok = await upload(contributor, reportId, new File([pdf], 'law.pdf'), attachmentQuestion)
		expect(ok.thrown).toBe(false)
		const { attachment } = ok.value as { attachment: { id: string } }
		const download = (await attachmentLoader({
			request: getRequest(`/reports/${reportId}/attachments/${attachment.id}`),
			params: { reportId, attachmentId: attachment.id },
			context: routeContext(t.db, reviewer),
		} as never)) as Response
		expect(download.headers.get('Content-Type')).toBe('application/pdf')
		expect(Buffer.from(await download.arrayBuffer())).toEqual(pdf)
		const foreign = await settle(() =>
			attachmentLoader({
				request: getRequest('/'),
				params: { reportId, attachmentId: attachment.id },
				context: routeContext(t.db, otherCountry),
			} as never),
		)
		expect(statusOf(foreign.value)).toBe(404)
	})

	it('refuses files whose content is not an allowed type, whatever the name', async () => {
		const reportId = await newReport()
		const attachmentQuestion = 'b_attachments'
		const fake = await upload(
			contributor,
			reportId,
			new File([Buffer.from('MZ\x90\x00 this is an executable')], 'law.pdf'),
			attachmentQuestion,
		)
		expect(statusOf(fake.value)).toBe(415)
		const empty = await upload(contributor, reportId, new File([], 'empty.pdf'), attachmentQuestion)
		expect(statusOf(empty.value)).toBe(415)
		const wrongQuestion = await upload(
			contributor,
			reportId,
			new File([pdf], 'law.pdf'),
			'b_obstacles_implementation',
		)
		expect(statusOf(wrongQuestion.value)).toBe(400)
		const count = await t.db
			.selectFrom('attachment')
			.where('report_id', '=', reportId)
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
		expect(Number(count.n)).toBe(0)
	})
})

describe('submission', () => {
	it('blocks submission while errors remain', async () => {
		const reportId = await newReport()
		const result = await workflow(ocp, reportId, { intent: 'submit', confirm: 'yes' })
		if (statusOf(result.value) !== 409) console.log('DEBUG', result.value)
		expect(statusOf(result.value)).toBe(409)
		expect((result.value as { data: { formError: string } }).data.formError).toBe(
			'editor:workflow.errorsRemain',
		)
	})

	it('lets only the contact point submit, exactly once under concurrent clicks, then recall until review', async () => {
		const reportId = await newReport()
		await fillCompletely(reportId)
		const denied = await workflow(contributor, reportId, { intent: 'submit', confirm: 'yes' })
		expect(statusOf(denied.value)).toBe(403)

		const clicks = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				workflow(i % 2 ? ocp : secondOcp, reportId, { intent: 'submit', confirm: 'yes' }),
			),
		)
		const receipts = clicks.filter((c) =>
			(c.value as Response).headers?.get('Location')?.includes('/submissions/1'),
		)
		expect(receipts).toHaveLength(1)
		const submissions = await t.db
			.selectFrom('submission')
			.where('report_id', '=', reportId)
			.selectAll()
			.execute()
		expect(submissions).toHaveLength(1)
		expect(submissions[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
		expect((await findReport(t.db, reportId))!.status).toBe('submitted')

		// Read-only for the country now.
		const edit = await save(contributor, reportId, {
			sinceRevision: 0,
			changes: [{ questionId: 'b_obstacles_implementation', baseRevision: 0, value: 'late' }],
		})
		expect(edit.status).toBe(409)
		await expect(sql`update submission set answers = '{}'::jsonb`.execute(t.db)).rejects.toThrow(
			/immutable/,
		)

		const recalled = await workflow(ocp, reportId, { intent: 'recall' })
		expect((recalled.value as Response).status).toBe(302)
		expect((await findReport(t.db, reportId))!.status).toBe('draft')
		const kept = await t.db
			.selectFrom('submission')
			.where('report_id', '=', reportId)
			.select('state')
			.executeTakeFirstOrThrow()
		expect(kept.state).toBe('recalled')

		await workflow(ocp, reportId, { intent: 'submit', confirm: 'yes' })
		await workflow(reviewer, reportId, { intent: 'start_review' })
		const late = await workflow(ocp, reportId, { intent: 'recall' })
		expect(statusOf(late.value)).toBe(409)
	})

	it('needs the explicit confirmation', async () => {
		const reportId = await newReport()
		const result = await workflow(ocp, reportId, { intent: 'submit' })
		expect(statusOf(result.value)).toBe(400)
	})
})
