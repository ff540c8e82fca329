import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCommonality } from '#app/domain/commonality.server.ts'
import { openOffers } from '#app/domain/report-once.server.ts'
import { loadReportContext } from '#app/domain/report-context.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findReportForCycle } from '#db/queries/reports.ts'
import { findUserByEmail } from '#db/queries/users.ts'
import { seedDemoAccounts } from '#server/demo/accounts.ts'
import { seedDemoReports } from '#server/demo/reports.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'

/**
 * The demo data across conventions (issue #14, "Proof"): Kenya's deliberate inconsistency is in
 * the analysis, and its Minamata full report, still to start, is offered its contacts and legal
 * measures from its Stockholm report.
 */

let t: TestDatabase

beforeAll(async () => {
	t = await createTestDatabase()
	await seedDemoAccounts(t.db)
	await seedDemoReports(t.db)
}, 600_000)
afterAll(async () => {
	await t?.destroy()
})

describe('demo data across conventions', () => {
	it('lists Kenya’s DDT production for 2021 given differently in its DDT questionnaire and its Article 15 report', async () => {
		const analysis = await loadCommonality(t.db, 'en', 'KEN')
		const kenya = (analysis.consistency ?? []).filter((finding) => finding.partyCode === 'KEN')
		expect(kenya).toHaveLength(1)
		expect(kenya[0]).toMatchObject({
			conceptId: 'PROD.CHEM',
			dims: { chemical: 'cas:50-29-3', year: '2021' },
			canonicalUnit: 'kg',
		})
		expect(kenya[0]!.values.map((v) => [v.formId, v.cycleCode, v.amount])).toEqual(
			expect.arrayContaining([
				['ddt', 'sc-ddt-2021-2023', 300_000],
				['stockholm-art15', 'sc-art15-5', 4_000],
			]),
		)
		// The analysis of all Parties lists it beside South Africa's.
		const all = await loadCommonality(t.db, 'en')
		expect(new Set((all.consistency ?? []).map((f) => f.partyCode))).toEqual(
			new Set(['KEN', 'ZAF']),
		)
	})

	it('offers Kenya’s new Minamata full report its focal point and legal measures from its Stockholm report', async () => {
		const cycle = (await findCycleByCode(t.db, 'mc-art21-full-2025'))!
		expect(await findReportForCycle(t.db, 'KEN', cycle.id)).toBeFalsy()
		const ocp = (await findUserByEmail(t.db, 'ocp.kenya@demo.example.org'))!
		const started = await startReport(t.db, {
			partyCode: 'KEN',
			cycle,
			mode: 'blank',
			userId: ocp.id,
			today: '2026-12-04',
		})
		if (!started.ok) throw new Error(started.error)
		const offers = await openOffers(t.db, (await loadReportContext(t.db, started.reportId))!)
		const fromStockholm = offers.filter((offer) => offer.source.cycleCode === 'sc-art15-5')
		expect(fromStockholm.find((o) => o.questionId === 'a_focal_point')?.value).toMatchObject({
			name: 'Jane Wanjiru',
		})
		expect(fromStockholm.find((o) => o.questionId === 'b_legal_measures')?.value).toEqual({
			rows: [
				{
					id: 'reused-1',
					cells: {
						measure_reference:
							'Environmental Management and Co-ordination (Toxic Substances) Regulations',
						measure_date: '2021-06-30',
					},
				},
			],
		})
	})
})
