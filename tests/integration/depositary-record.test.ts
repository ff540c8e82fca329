import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadReportContext } from '#app/domain/report-context.server.ts'
import { action, loader } from '#app/routes/admin/code-lists.tsx'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { listAuditEvents } from '#db/queries/audit.ts'
import { findCycleByCode, insertCycle, type ReportingCycle } from '#db/queries/cycles.ts'
import { rowsFor } from '#forms/engine/index.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	createUser,
	formRequest,
	getRequest,
	routeContext,
	settle,
	startTestReport,
	statusOf,
} from '#tests/factories.ts'

let t: TestDatabase
let admin: CurrentUser
let reviewer: CurrentUser
let contactPointKen: CurrentUser
let contactPointArg: CurrentUser
/** A 7th cycle on the 6th-cycle form (frozen definition), covering 2026–2029. */
let nextCycle: ReportingCycle
let sixthCycle: ReportingCycle

const SOURCE = 'UN Treaty Collection, XXVII-15 (test)'

beforeAll(async () => {
	t = await createTestDatabase()
	admin = await createUser(t.db, { roles: ['admin'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	contactPointKen = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	contactPointArg = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['ARG'] })
	const id = await insertCycle(t.db, {
		code: 'sc-art15-7-test',
		convention: 'stockholm',
		formId: 'stockholm-art15',
		formVersion: 6,
		title: { en: 'Article 15, 2026–2029 (test)' },
		periodStart: '2026-01-01',
		periodEnd: '2029-12-31',
		opensOn: '2026-01-01',
		deadline: '2030-08-31',
	})
	nextCycle = (await findCycleByCode(t.db, 'sc-art15-7-test'))!
	expect(nextCycle.id).toBe(id)
	sixthCycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
})
afterAll(async () => {
	await t.destroy()
})

function record(fields: Record<string, string | string[]>, user: CurrentUser = admin) {
	return settle(() =>
		action({
			request: formRequest('/admin/code-lists', fields),
			params: {},
			context: routeContext(t.db, user),
		} as never),
	)
}

async function page(query = '') {
	return loader({
		request: getRequest(`/admin/code-lists${query}`),
		params: {},
		context: routeContext(t.db, admin),
	} as never)
}

async function releaseCount() {
	const { rows } = await sql<{ n: number }>`
		select count(*)::int as n from code_list_release
	`.execute(t.db)
	return rows[0]!.n
}

/** The years of the statistics table a Party is asked for one chemical. */
async function yearsAsked(reportId: string, chemical: string) {
	const context = (await loadReportContext(t.db, reportId))!
	return rowsFor(context.definition, 'b3_statistics', context.formContext)
		.filter((row) => row.cells.chemical === chemical)
		.map((row) => row.cells.year)
}

async function chemicalsAsked(reportId: string) {
	const context = (await loadReportContext(t.db, reportId))!
	return rowsFor(context.definition, 'b3_statistics_activity', context.formContext).map(
		(row) => row.id,
	)
}

function failureOf(value: unknown) {
	return (value as { data: { formError?: string; fieldErrors: Record<string, string[]> } }).data
}

describe(`the depositary record as code-list releases (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	let kenReport: string
	let argReport: string

	beforeAll(async () => {
		kenReport = await startTestReport(t.db, {
			partyCode: 'KEN',
			cycle: nextCycle,
			user: contactPointKen,
			today: '2026-06-01',
		})
		argReport = await startTestReport(t.db, {
			partyCode: 'ARG',
			cycle: sixthCycle,
			user: contactPointArg,
			today: '2025-10-01',
		})
	})

	it('shows the COP-12 listings as adopted, not in force, and does not ask them', async () => {
		const view = await page()
		expect(view.amendments.find((a) => a.id === 'sc12-2025')).toMatchObject({
			status: 'adopted',
			entryIntoForce: null,
			communication: null,
		})
		// Later changes of listings: UV-328's is adopted, not in force; PFOS's (SC-9/4) is in force.
		expect(view.pendingChanges).toEqual([
			expect.objectContaining({ decision: 'SC-12/14', status: 'adopted' }),
			expect.objectContaining({ decision: 'SC-9/4', status: 'in_force' }),
		])
		expect(view.releases).toEqual([])
		const asked = await chemicalsAsked(kenReport)
		for (const chemical of ['CHLORPYRIFOS', 'MCCP', 'LCPFCA']) expect(asked).not.toContain(chemical)
		expect(asked).toContain('PFHXS')
	})

	it('refuses the record to everyone but administrators, and writes nothing', async () => {
		const fields = {
			kind: 'communication',
			amendment: 'sc12-2025',
			date: '2026-02-10',
			source: SOURCE,
		}
		for (const user of [reviewer, contactPointKen]) {
			const refused = await record(fields, user)
			expect(statusOf(refused.value)).toBe(403)
		}
		const anonymous = await settle(() =>
			action({
				request: formRequest('/admin/code-lists', fields),
				params: {},
				context: routeContext(t.db, null),
			} as never),
		)
		expect(statusOf(anonymous.value)).toBe(302)
		const page = await settle(() =>
			loader({
				request: getRequest('/admin/code-lists'),
				params: {},
				context: routeContext(t.db, reviewer),
			} as never),
		)
		expect(statusOf(page.value)).toBe(403)
		expect(await releaseCount()).toBe(0)
	})

	it('records a communication as release 1, audited; the listings bind a year later', async () => {
		const recorded = await record({
			kind: 'communication',
			amendment: 'sc12-2025',
			date: '2026-02-10',
			reference: 'C.N.100.2026.TREATIES-XXVII.15',
			source: SOURCE,
			verified: 'yes',
		})
		expect(statusOf(recorded.value)).toBe(302)
		expect((recorded.value as Response).headers.get('Location')).toBe(
			'/admin/code-lists?recorded=1',
		)

		const view = await page('?party=KEN')
		expect(view.version).toBe(1)
		expect(view.amendments.find((a) => a.id === 'sc12-2025')).toMatchObject({
			entryIntoForce: '2027-02-10',
			communication: { date: '2026-02-10', reference: 'C.N.100.2026.TREATIES-XXVII.15' },
		})
		expect(view.releases).toEqual([
			expect.objectContaining({
				version: 1,
				recordedBy: admin.name,
				events: [expect.objectContaining({ kind: 'communication', amendment: 'sc12-2025' })],
			}),
		])
		expect(view.partyView?.chemicals.find((c) => c.code === 'MCCP')).toMatchObject({
			basis: 'default',
			inForceFrom: '2027-02-10',
		})

		const [audit] = await listAuditEvents(t.db, { subjectType: 'code_list_release' })
		expect(audit).toMatchObject({
			action: 'code_list.release_recorded',
			subjectId: 'sc-depositary-record@1',
			actorEmail: admin.email,
			details: {
				version: 1,
				events: [expect.objectContaining({ amendment: 'sc12-2025', date: '2026-02-10' })],
			},
		})

		// The same frozen definition now asks the COP-12 listings, from the year they bind Kenya.
		expect(await chemicalsAsked(kenReport)).toEqual(
			expect.arrayContaining(['CHLORPYRIFOS', 'MCCP', 'LCPFCA']),
		)
		expect(await yearsAsked(kenReport, 'MCCP')).toEqual([2027, 2028, 2029])
		expect(await yearsAsked(kenReport, 'PFHXS')).toEqual([2026, 2027, 2028, 2029])
	})

	it('corrects a communication only when asked to, keeping every release', async () => {
		const fields = {
			kind: 'communication',
			amendment: 'sc12-2025',
			date: '2026-03-02',
			source: SOURCE,
			note: 'The notification is dated 2 March.',
		}
		const unconfirmed = await record(fields)
		expect(statusOf(unconfirmed.value)).toBe(400)
		expect(failureOf(unconfirmed.value).formError).toBe(
			'admin:depositary.errors.alreadyCommunicated',
		)
		expect(
			(unconfirmed.value as { data: { values: Record<string, unknown> } }).data.values,
		).toMatchObject({ date: '2026-03-02', note: 'The notification is dated 2 March.' })
		expect(await releaseCount()).toBe(1)

		const confirmed = await record({ ...fields, confirmCorrection: 'yes' })
		expect(statusOf(confirmed.value)).toBe(302)
		const view = await page()
		expect(view.amendments.find((a) => a.id === 'sc12-2025')?.entryIntoForce).toBe('2027-03-02')
		expect(view.releases.map((release) => release.version)).toEqual([2, 1])
		expect(await yearsAsked(kenReport, 'MCCP')).toEqual([2027, 2028, 2029])
	})

	it('binds an opt-in Party from its own deposit, not from the general date', async () => {
		// Argentina (Art. 25(4)) has no deposit for the 2022 amendment: PFHxS is not asked at all.
		expect(await chemicalsAsked(argReport)).not.toContain('PFHXS')
		expect(await yearsAsked(argReport, 'PFOA')).toEqual([2023, 2024, 2025])

		const deposited = await record({
			kind: 'ratification',
			partyCode: 'ARG',
			amendment: 'sc10-2022',
			date: '2024-03-01',
			source: SOURCE,
			verified: 'yes',
		})
		expect(statusOf(deposited.value)).toBe(302)
		// In force for Argentina on 30 May 2024 (90 days), not 16 November 2023.
		expect(await yearsAsked(argReport, 'PFHXS')).toEqual([2024, 2025])
		const view = await page('?party=ARG')
		expect(view.partyView?.chemicals.find((c) => c.code === 'PFHXS')).toMatchObject({
			basis: 'opt_in_ratified',
			inForceFrom: '2024-05-30',
		})
		expect(view.declarations.find((d) => d.partyCode === 'ARG')?.deposits).toContainEqual(
			expect.objectContaining({ amendment: 'sc10-2022', date: '2024-03-01' }),
		)
	})

	it('leaves out a Party that notified non-acceptance until it withdraws it', async () => {
		const notified = await record({
			kind: 'non_acceptance',
			partyCode: 'KEN',
			amendment: 'sc12-2025',
			date: '2026-09-01',
			source: SOURCE,
		})
		expect(statusOf(notified.value)).toBe(302)
		expect(await chemicalsAsked(kenReport)).not.toContain('MCCP')

		const withdrawn = await record({
			kind: 'withdrawal',
			partyCode: 'KEN',
			amendment: 'sc12-2025',
			date: '2026-11-20',
			source: SOURCE,
		})
		expect(statusOf(withdrawn.value)).toBe(302)
		expect(await yearsAsked(kenReport, 'MCCP')).toEqual([2027, 2028, 2029])
	})

	it('refuses entries the record or the Convention rules out, with a clear message', async () => {
		const before = await releaseCount()
		const cases: [Record<string, string | string[]>, string, string][] = [
			[
				{ kind: 'ratification', partyCode: 'KEN', amendment: 'sc10-2022', date: '2024-03-01' },
				'partyCode',
				'admin:depositary.errors.notOptIn',
			],
			[
				{ kind: 'ratification', partyCode: 'ZZZ', amendment: 'sc10-2022', date: '2024-03-01' },
				'partyCode',
				'admin:depositary.errors.party',
			],
			[
				{ kind: 'communication', amendment: 'sc11-2023', date: '2999-01-01' },
				'date',
				'admin:depositary.errors.futureDate',
			],
			[
				{ kind: 'communication', amendment: 'sc12-2025', date: '2025-01-01' },
				'date',
				'admin:depositary.errors.beforeAdoption',
			],
			[
				{ kind: 'communication', amendment: 'original', date: '2025-01-01' },
				'amendment',
				'admin:depositary.errors.amendment',
			],
			[
				{
					kind: 'ratification',
					partyCode: 'ARG',
					amendment: 'sc11-2023',
					date: '2025-01-01',
					chemicals: ['PFHXS'],
				},
				'chemicals',
				'admin:depositary.errors.chemicalNotInAmendment',
			],
			[
				{ kind: 'withdrawal', partyCode: 'GHA', amendment: 'sc11-2023', date: '2025-01-01' },
				'amendment',
				'admin:depositary.errors.noNonAcceptance',
			],
			[
				{ kind: 'declaration', partyCode: 'ARG' },
				'partyCode',
				'admin:depositary.errors.alreadyOptIn',
			],
			[{ kind: 'treaty', amendment: 'sc11-2023' }, 'kind', 'admin:depositary.errors.kind'],
		]
		for (const [fields, field, message] of cases) {
			const refused = await record({ source: SOURCE, ...fields })
			expect(statusOf(refused.value), JSON.stringify(fields)).toBe(400)
			expect(failureOf(refused.value).fieldErrors[field], JSON.stringify(fields)).toContain(message)
		}
		const late = await record({
			kind: 'non_acceptance',
			partyCode: 'GHA',
			amendment: 'sc11-2023',
			date: '2025-06-01',
			source: SOURCE,
		})
		expect(failureOf(late.value).formError).toBe('admin:depositary.errors.nonAcceptanceOutsideYear')
		const noSource = await record({ kind: 'declaration', partyCode: 'GHA' })
		expect(failureOf(noSource.value).fieldErrors.source).toEqual([
			'admin:depositary.errors.sourceRequired',
		])
		expect(await releaseCount()).toBe(before)
	})

	it('keeps releases append-only', async () => {
		await expect(sql`update code_list_release set note = 'x'`.execute(t.db)).rejects.toThrow(
			/append-only/,
		)
		await expect(sql`delete from code_list_release`.execute(t.db)).rejects.toThrow(/append-only/)
	})
})
