import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyWorkflowAction } from '#app/domain/workflow.server.ts'
import {
	dueReminderOffset,
	reminderDedupeKey,
	sendDeadlineReminders,
} from '#app/domain/reminders.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { createDatabase } from '#db/connect.ts'
import { findCycleByCode, type ReportingCycle } from '#db/queries/cycles.ts'
import { writeRevision } from '#db/queries/reports.ts'
import { updateUserProfile } from '#db/queries/users.ts'
import type { Database } from '#db/types.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'

const OFFSETS = [60, 30, 7, -7]

describe('dueReminderOffset', () => {
	const deadline = '2026-08-31'
	const cases: [today: string, offsets: number[], due: number | undefined, why: string][] = [
		['2026-06-01', OFFSETS, undefined, 'three months ahead: nothing yet'],
		['2026-07-01', OFFSETS, undefined, '61 days ahead'],
		['2026-07-02', OFFSETS, 60, 'the 60-day mark'],
		['2026-07-15', OFFSETS, 60, 'after the 60-day mark (catch-up)'],
		['2026-08-01', OFFSETS, 30, 'the 30-day mark'],
		['2026-08-05', OFFSETS, 30, 'missed days: the nearest reached offset, never the superseded 60'],
		['2026-08-24', OFFSETS, 7, 'the 7-day mark'],
		['2026-08-31', OFFSETS, 7, 'deadline day'],
		['2026-09-06', OFFSETS, 7, 'six days late: not yet overdue'],
		['2026-09-07', OFFSETS, -7, 'seven days late: overdue'],
		['2026-10-07', OFFSETS, -7, 'overdue, at the end of the catch-up window'],
		['2026-10-08', OFFSETS, undefined, 'beyond the catch-up window: the cycle is long past'],
		['2026-08-01', [7, -7, 60, 30], 30, 'offsets in any order'],
		['2026-07-17', [60], 60, 'a lone offset within the catch-up window'],
		['2026-08-02', [60], undefined, 'a lone offset past the catch-up window'],
		['2026-08-01', [], undefined, 'no offsets configured'],
	]
	it.each(cases)('%s with %j → %s (%s)', (today, offsets, expected) => {
		expect(dueReminderOffset(deadline, today, offsets)).toBe(expected)
	})
})

describe('sendDeadlineReminders', () => {
	let t: TestDatabase
	let second: Kysely<Database> | undefined
	let cycle: ReportingCycle
	let kenContactPoint: CurrentUser
	let kenContributorFr: CurrentUser
	let kenOptedOut: CurrentUser
	let kenInactive: CurrentUser
	let indContactPoint: CurrentUser
	let usaContactPoint: CurrentUser
	let kenReportId: string
	let argContactPoint: CurrentUser

	beforeAll(async () => {
		t = await createTestDatabase()
		// A second, independent pool on the same database stands for a second app instance.
		second = t.url ? createDatabase({ kind: 'postgres', url: t.url, poolSize: 5 }) : undefined
		cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		kenContactPoint = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
		kenContributorFr = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		await updateUserProfile(t.db, kenContributorFr.id, { preferredLanguage: 'fr' })
		kenOptedOut = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		await updateUserProfile(t.db, kenOptedOut.id, { reminderEmails: false })
		kenInactive = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
		await t.db
			.updateTable('app_user')
			.set({ is_active: false })
			.where('id', '=', kenInactive.id)
			.execute()
		indContactPoint = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
		// The United States signed but is not a Party (Party-status release): not expected to report.
		usaContactPoint = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['USA'] })
		await createUser(t.db, { roles: ['reviewer'] })

		const ken = await startReport(t.db, {
			partyCode: 'KEN',
			cycle,
			mode: 'blank',
			userId: kenContactPoint.id,
			today: '2026-07-01',
		})
		if (!ken.ok) throw new Error(ken.error)
		kenReportId = ken.reportId

		// India has submitted: no reminders.
		const ind = await startReport(t.db, {
			partyCode: 'IND',
			cycle,
			mode: 'blank',
			userId: indContactPoint.id,
			today: '2026-07-01',
		})
		if (!ind.ok) throw new Error(ind.error)
		const answers = buildCompleteArt15V6Answers(art15V6Context('IND'))
		await t.db.transaction().execute(async (trx) => {
			await writeRevision(
				trx,
				ind.reportId,
				indContactPoint.id,
				Object.entries(answers).map(([questionId, value]) => ({
					questionId,
					oldValue: null,
					newValue: value,
				})),
			)
		})
		const submitted = await applyWorkflowAction(t.db, {
			reportId: ind.reportId,
			actor: indContactPoint,
			action: 'submit',
		})
		expect(submitted.ok).toBe(true)
	})

	afterAll(async () => {
		await second?.destroy()
		await t.destroy()
	})

	async function reminders() {
		return t.db
			.selectFrom('outbox_message')
			.where('kind', 'like', 'reminder.%')
			.select(['to_address', 'subject', 'body_text', 'kind', 'dedupe_key'])
			.orderBy('dedupe_key')
			.execute()
	}

	it('queues each due reminder exactly once, even from two instances at the same time', async () => {
		const today = '2026-07-02'
		const runs = await Promise.all([
			sendDeadlineReminders(t.db, { today, offsets: OFFSETS }),
			sendDeadlineReminders(second ?? t.db, { today, offsets: OFFSETS }),
		])
		expect(runs[0].due).toEqual({ 'sc-art15-6': 60 })
		expect(runs[0].queued + runs[1].queued).toBe(2)

		const queued = await reminders()
		expect(queued.map((m) => m.dedupe_key)).toEqual(
			[
				reminderDedupeKey(cycle.id, 'KEN', 60, kenContactPoint.id),
				reminderDedupeKey(cycle.id, 'KEN', 60, kenContributorFr.id),
			].sort(),
		)
		expect(queued.map((m) => m.to_address).sort()).toEqual(
			[kenContactPoint.email, kenContributorFr.email].sort(),
		)
		const english = queued.find((m) => m.to_address === kenContactPoint.email)!
		expect(english.kind).toBe('reminder.deadline')
		expect(english.subject).toContain('6th cycle')
		expect(english.body_text).toContain('(60 days left)')
		expect(english.body_text).toContain('Kenya')
		expect(english.body_text).toContain('Draft')
		expect(english.body_text).toContain(`/reports/${kenReportId}`)
		const french = queued.find((m) => m.to_address === kenContributorFr.email)!
		expect(french.body_text).toContain('Brouillon')
		expect(french.subject).toContain('6e cycle')
	})

	it('sends nothing more while the same reminder stays due', async () => {
		const again = await sendDeadlineReminders(t.db, { today: '2026-07-03', offsets: OFFSETS })
		expect(again).toEqual({ due: { 'sc-art15-6': 60 }, queued: 0 })
		expect(await reminders()).toHaveLength(2)
	})

	it('sends the next kind when a nearer offset is reached', async () => {
		const run = await sendDeadlineReminders(t.db, { today: '2026-08-01', offsets: OFFSETS })
		expect(run).toEqual({ due: { 'sc-art15-6': 30 }, queued: 2 })
		const keys = (await reminders()).map((m) => m.dedupe_key)
		expect(keys).toContain(reminderDedupeKey(cycle.id, 'KEN', 30, kenContactPoint.id))
		expect(keys).toContain(reminderDedupeKey(cycle.id, 'KEN', 30, kenContributorFr.id))
	})

	it('reminds Parties whose report was returned, and links Parties without a report to their page', async () => {
		await t.db
			.updateTable('report')
			.set({ status: 'returned' })
			.where('id', '=', kenReportId)
			.execute()
		argContactPoint = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['ARG'] })
		const run = await sendDeadlineReminders(t.db, { today: '2026-08-24', offsets: OFFSETS })
		expect(run).toEqual({ due: { 'sc-art15-6': 7 }, queued: 3 })
		const keys = (await reminders()).map((m) => m.dedupe_key)
		expect(keys).toContain(reminderDedupeKey(cycle.id, 'KEN', 7, kenContactPoint.id))
		expect(keys).toContain(reminderDedupeKey(cycle.id, 'KEN', 7, kenContributorFr.id))
		const argentina = (await reminders()).filter((m) => m.to_address === argContactPoint.email)
		expect(argentina).toHaveLength(1)
		expect(argentina[0]!.body_text).toContain('/countries/ARG')
		expect(argentina[0]!.body_text).toContain('Not started')
		const kenKey = reminderDedupeKey(cycle.id, 'KEN', 7, kenContactPoint.id)
		const ken = (await reminders()).find((m) => m.dedupe_key === kenKey)!
		expect(ken.body_text).toContain('Returned for clarification')
	})

	it('sends overdue reminders to contact points only', async () => {
		const run = await sendDeadlineReminders(t.db, { today: '2026-09-08', offsets: OFFSETS })
		expect(run).toEqual({ due: { 'sc-art15-6': -7 }, queued: 2 })
		const overdue = (await reminders()).filter((m) => m.kind === 'reminder.overdue')
		expect(overdue.map((m) => m.to_address).sort()).toEqual(
			[kenContactPoint.email, argContactPoint.email].sort(),
		)
		expect(overdue[0]!.subject).toMatch(/^Overdue/)
	})

	it('never writes to users who turned reminders off, inactive users, submitted or non-Parties', async () => {
		const addresses = new Set((await reminders()).map((m) => m.to_address))
		for (const user of [kenOptedOut, kenInactive, indContactPoint, usaContactPoint]) {
			expect(addresses.has(user.email)).toBe(false)
		}
	})
})
