import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { loader } from '#app/routes/review/dashboard.tsx'
import { loadCycleDashboard } from '#app/domain/dashboard.server.ts'
import { timelinessOf } from '#app/domain/dashboard.ts'
import { applyWorkflowAction } from '#app/domain/workflow.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import type { WorkflowAction } from '#app/domain/workflow.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode, type ReportingCycle } from '#db/queries/cycles.ts'
import { firstSubmittedAt, writeRevision } from '#db/queries/reports.ts'
import { listReviewQueue } from '#db/queries/review-queue.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, getRequest, routeContext, settle, statusOf } from '#tests/factories.ts'

let t: TestDatabase
let cycle: ReportingCycle
let reviewer: CurrentUser
let nationalUser: CurrentUser
const contactPoints = new Map<string, CurrentUser>()

async function contactPoint(partyCode: string) {
	let user = contactPoints.get(partyCode)
	if (!user) {
		user = await createUser(t.db, { roles: ['contact_point'], partyCodes: [partyCode] })
		contactPoints.set(partyCode, user)
	}
	return user
}

/** A report with complete answers, still a draft. */
async function draftReport(partyCode: string) {
	const user = await contactPoint(partyCode)
	const started = await startReport(t.db, {
		partyCode,
		cycle,
		mode: 'blank',
		userId: user.id,
		today: '2026-07-01',
	})
	if (!started.ok) throw new Error(started.error)
	const answers = buildCompleteArt15V6Answers(art15V6Context(partyCode))
	await t.db.transaction().execute(async (trx) => {
		await writeRevision(
			trx,
			started.reportId,
			user.id,
			Object.entries(answers).map(([questionId, value]) => ({
				questionId,
				oldValue: null,
				newValue: value,
			})),
		)
	})
	return started.reportId
}

/** Applies a workflow action; submissions are dated `at` (the clock is set for the call). */
async function act(reportId: string, partyCode: string, action: WorkflowAction, at?: string) {
	const national = action === 'submit' || action === 'recall' || action === 'resubmit'
	const actor = national ? await contactPoint(partyCode) : reviewer
	if (at) vi.useFakeTimers({ toFake: ['Date'], now: new Date(at) })
	try {
		const outcome = await applyWorkflowAction(t.db, {
			reportId,
			actor,
			action,
			comment: action === 'return' ? 'Please explain the statistics.' : undefined,
		})
		if (!outcome.ok) throw new Error(`${action}: ${outcome.message}`)
	} finally {
		vi.useRealTimers()
	}
}

async function partyCount(region?: string) {
	const row = await t.db
		.selectFrom('party_convention_status as s')
		.innerJoin('party as p', 'p.code', 's.party_code')
		.where('s.convention', '=', 'stockholm')
		.where('s.status', '=', 'party')
		.$if(region !== undefined, (qb) => qb.where('p.regional_group', '=', region as never))
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

beforeAll(async () => {
	t = await createTestDatabase()
	cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	nationalUser = await contactPoint('KEN')

	// Kenya: on time, under review.
	const ken = await draftReport('KEN')
	await act(ken, 'KEN', 'submit', '2026-08-20T10:00:00Z')
	await act(ken, 'KEN', 'start_review')
	// India: late, accepted.
	const ind = await draftReport('IND')
	await act(ind, 'IND', 'submit', '2026-09-10T09:00:00Z')
	await act(ind, 'IND', 'start_review')
	await act(ind, 'IND', 'accept')
	// France: a draft.
	await draftReport('FRA')
	// Argentina: submitted on time, then recalled: a draft that has not been submitted.
	const arg = await draftReport('ARG')
	await act(arg, 'ARG', 'submit', '2026-08-01T12:00:00Z')
	await act(arg, 'ARG', 'recall')
	// Bangladesh: recalled before the deadline, submitted again after it: late.
	const bgd = await draftReport('BGD')
	await act(bgd, 'BGD', 'submit', '2026-07-15T08:00:00Z')
	await act(bgd, 'BGD', 'recall')
	await act(bgd, 'BGD', 'submit', '2026-09-02T08:00:00Z')
	// Germany: on time (23:30 UTC on deadline day), then returned for clarification.
	const deu = await draftReport('DEU')
	await act(deu, 'DEU', 'submit', '2026-08-31T23:30:00Z')
	await act(deu, 'DEU', 'start_review')
	await act(deu, 'DEU', 'return')
	// The United States signed but is not a Party (Party-status release): its report does not count.
	const usa = await draftReport('USA')
	await act(usa, 'USA', 'submit', '2026-08-02T08:00:00Z')
})

afterAll(async () => {
	await t.destroy()
})

describe('timelinessOf', () => {
	it.each([
		['2026-08-31T23:59:59Z', '2026-11-01', 'on_time'],
		['2026-09-01T00:00:00Z', '2026-11-01', 'late'],
		[null, '2026-08-31', 'pending'],
		[null, '2026-09-01', 'missing'],
	] as const)('first submitted %s, today %s → %s', (submittedAt, today, expected) => {
		expect(timelinessOf(submittedAt, '2026-08-31', today)).toBe(expected)
	})
})

describe('cycle dashboard', () => {
	it('counts the Parties by status, with Parties to the convention as the denominator', async () => {
		const total = await partyCount()
		const dashboard = await loadCycleDashboard(t.db, cycle, { today: '2026-11-21', language: 'en' })
		expect(dashboard.parties).toHaveLength(total)
		expect(dashboard.parties.some((p) => p.code === 'USA')).toBe(false)
		expect(dashboard.byStatus).toEqual({
			not_started: total - 6,
			draft: 2,
			submitted: 1,
			under_review: 1,
			returned: 1,
			accepted: 1,
		})
	})

	it('judges timeliness on the first submission that was not recalled', async () => {
		const total = await partyCount()
		const after = await loadCycleDashboard(t.db, cycle, { today: '2026-11-21', language: 'en' })
		expect(after.timeliness).toEqual({ on_time: 2, late: 2, missing: total - 4, pending: 0 })
		const byCode = new Map(after.parties.map((p) => [p.code, p]))
		expect(byCode.get('KEN')).toMatchObject({ status: 'under_review', timeliness: 'on_time' })
		expect(byCode.get('DEU')).toMatchObject({ status: 'returned', timeliness: 'on_time' })
		expect(byCode.get('BGD')).toMatchObject({
			status: 'submitted',
			timeliness: 'late',
			firstSubmittedAt: '2026-09-02T08:00:00.000Z',
		})
		expect(byCode.get('ARG')).toMatchObject({
			status: 'draft',
			timeliness: 'missing',
			firstSubmittedAt: null,
		})
		expect(byCode.get('FRA')).toMatchObject({ status: 'draft', reportId: expect.any(String) })
		expect(byCode.get('EUU')).toMatchObject({ status: 'not_started', reportId: null })

		const before = await loadCycleDashboard(t.db, cycle, { today: '2026-08-25', language: 'en' })
		expect(before.timeliness.missing).toBe(0)
		expect(before.timeliness.pending).toBe(total - 4)
	})

	it('breaks the figures down by UN regional group, with the EU outside the groups', async () => {
		const dashboard = await loadCycleDashboard(t.db, cycle, { today: '2026-11-21', language: 'en' })
		const regions = Object.fromEntries(dashboard.regions.map((r) => [r.region, r]))
		expect(Object.keys(regions)).toEqual([
			'africa',
			'asia_pacific',
			'eastern_europe',
			'latin_america_caribbean',
			'weog',
			'none',
		])
		for (const region of [
			'africa',
			'asia_pacific',
			'eastern_europe',
			'latin_america_caribbean',
			'weog',
		]) {
			expect(regions[region]!.parties).toBe(await partyCount(region))
		}
		expect(regions.africa!.byStatus.under_review).toBe(1)
		expect(regions.africa!.timeliness).toMatchObject({ on_time: 1, late: 0 })
		expect(regions.asia_pacific!.byStatus).toMatchObject({ accepted: 1, submitted: 1 })
		expect(regions.asia_pacific!.timeliness).toMatchObject({ on_time: 0, late: 2 })
		expect(regions.weog!.byStatus).toMatchObject({ draft: 1, returned: 1 })
		expect(regions.weog!.timeliness).toMatchObject({ on_time: 1, late: 0 })
		expect(regions.latin_america_caribbean!.byStatus.draft).toBe(1)
		expect(regions.eastern_europe!.byStatus.not_started).toBe(regions.eastern_europe!.parties)
		expect(regions.none).toMatchObject({ parties: 1, byStatus: { not_started: 1 } })
	})

	it('charts first submissions per day with a running total', async () => {
		const dashboard = await loadCycleDashboard(t.db, cycle, { today: '2026-11-21', language: 'en' })
		expect(dashboard.submissions).toEqual([
			{ date: '2026-08-20', count: 1, cumulative: 1 },
			{ date: '2026-08-31', count: 1, cumulative: 2 },
			{ date: '2026-09-02', count: 1, cumulative: 3 },
			{ date: '2026-09-10', count: 1, cumulative: 4 },
		])
	})
})

describe('review queue timeliness', () => {
	it('judges first submission and lateness as the dashboard does: recalled submissions do not count', async () => {
		const queue = await t.db.transaction().execute(async (trx) => {
			// A database far east of UTC: the deadline's day still ends at midnight UTC.
			await sql`set local time zone 'Pacific/Auckland'`.execute(trx)
			return listReviewQueue(trx, { cycleId: cycle.id }, cycle.deadline)
		})
		const row = (code: string) => queue.find((r) => r.partyCode === code)!
		const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null
		// Submitted on time, recalled, submitted again after the deadline: late, from the second.
		expect(row('BGD')).toMatchObject({ late: true })
		expect(day(row('BGD').firstSubmittedAt)).toBe('2026-09-02')
		// 23:30 UTC on the deadline's day is on time.
		expect(row('DEU').late).toBe(false)
		expect(row('KEN').late).toBe(false)
		expect(row('IND').late).toBe(true)
		// Recalled and not submitted again: listed (it was submitted), with no counted submission.
		expect(row('ARG')).toMatchObject({ late: false, firstSubmittedAt: null })
		const dashboard = await loadCycleDashboard(t.db, cycle, { today: '2026-11-01', language: 'en' })
		for (const r of queue.filter((q) => q.partyCode !== 'USA')) {
			const party = dashboard.parties.find((p) => p.code === r.partyCode)!
			expect(r.late, r.partyCode).toBe(party.timeliness === 'late')
			expect(await firstSubmittedAt(t.db, r.reportId)).toEqual(r.firstSubmittedAt ?? undefined)
		}
		const late = await listReviewQueue(t.db, { cycleId: cycle.id, late: true }, cycle.deadline)
		expect(late.map((r) => r.partyCode).sort()).toEqual(['BGD', 'IND'])
	})
})

describe('dashboard route', () => {
	async function load(user: CurrentUser | null, cycleId = cycle.id) {
		return settle(() =>
			loader({
				request: getRequest(`/review/cycles/${cycleId}/dashboard`),
				params: { cycleId },
				context: routeContext(t.db, user),
			} as never),
		)
	}

	it('shows reviewers the figures, the map and the table of Parties', async () => {
		const result = await load(reviewer)
		expect(result.thrown).toBe(false)
		const data = result.value as Awaited<ReturnType<typeof loader>>
		const total = await partyCount()
		expect(data.cycle.id).toBe(cycle.id)
		expect(data.dashboard.parties).toHaveLength(total)
		expect(data.dashboard.byStatus.accepted).toBe(1)
		expect(data.dashboard.timeliness.on_time + data.dashboard.timeliness.late).toBe(4)
		// Outlines for the larger countries, circles for small States, the EU only in the table.
		expect(data.map.areas.length).toBeGreaterThan(150)
		expect(data.map.areas.find((a) => a.name === 'Kenya')?.status).toBe('under_review')
		expect(data.map.areas.find((a) => a.name === 'India')?.status).toBe('accepted')
		expect(data.map.areas.every((a) => a.d.startsWith('M'))).toBe(true)
		expect(data.map.points.find((p) => p.name === 'Malta')).toMatchObject({
			status: 'not_started',
		})
		expect(data.map.notOnMap).toContainEqual({ name: 'European Union', status: 'not_started' })
		expect(data.map.areas.length + data.map.points.length + data.map.notOnMap.length).toBe(
			// Non-Party territories (e.g. Greenland) are outlined too, without a status.
			data.map.areas.filter((a) => a.status === null).length + total,
		)
	})

	it('is for the secretariat only', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const analyst = await createUser(t.db, { roles: ['analyst'] })
		expect((await load(admin)).thrown).toBe(false)
		expect(statusOf((await load(nationalUser)).value)).toBe(403)
		expect(statusOf((await load(analyst)).value)).toBe(403)
		const anonymous = await load(null)
		expect(anonymous.thrown).toBe(true)
		expect(statusOf(anonymous.value)).toBe(302)
	})

	it('answers 404 for an unknown cycle', async () => {
		expect(statusOf((await load(reviewer, '00000000-0000-4000-8000-000000000000')).value)).toBe(404)
		expect(statusOf((await load(reviewer, 'not-a-cycle')).value)).toBe(404)
	})
})
