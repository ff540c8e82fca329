import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dashboardMap, loadCycleDashboard } from '#app/domain/dashboard.server.ts'
import { inviteUser } from '#app/domain/users.server.ts'
import { action as adminCountryAction } from '#app/routes/admin/country.tsx'
import { action as countryAction, loader as countryLoader } from '#app/routes/countries/country.tsx'
import { action as answersAction } from '#app/routes/reports/answers.tsx'
import { action as workflowAction } from '#app/routes/reports/workflow.tsx'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode, type ReportingCycle } from '#db/queries/cycles.ts'
import { listConventionStatus } from '#db/queries/parties.ts'
import { findReport, findReportForCycle, loadAnswers } from '#db/queries/reports.ts'
import { seedParties } from '#db/seed/reference.ts'
import { PARTY_STATUS_RELEASE } from '#forms/codelists/party-status.ts'
import { validateForSubmission } from '#forms/engine/index.ts'
import {
	art15V6Context,
	buildCompleteArt15V6Answers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import { requireFormDefinition } from '#forms/registry.ts'
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

/**
 * Who reports (docs/decisions/009-parties-and-country-codes.md). The European Union, a regional
 * economic integration organisation, reports like a State: its contact point starts, fills and
 * submits the Article 15 report and the DDT questionnaire through the routes, with `EUU` as the
 * Party code, and the dashboard counts it though the map cannot shade it. Kosovo is a country
 * code for trade partners, never a Party.
 */

let t: TestDatabase
let contactPoint: CurrentUser

beforeAll(async () => {
	t = await createTestDatabase()
	contactPoint = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['EUU'] })
}, 120_000)

afterAll(async () => {
	await t.destroy()
})

async function startThroughCountryPage(cycle: ReportingCycle) {
	const started = await settle(() =>
		countryAction({
			request: formRequest('/countries/EUU', { intent: 'start', cycleId: cycle.id, mode: 'blank' }),
			params: { partyCode: 'EUU' },
			context: routeContext(t.db, contactPoint),
		} as never),
	)
	expect(statusOf(started.value)).toBe(302)
	const report = await findReportForCycle(t.db, 'EUU', cycle.id)
	expect(report).toBeDefined()
	return report!.id
}

async function saveThroughEditor(reportId: string, answers: Answers) {
	const report = (await findReport(t.db, reportId))!
	const stored = await loadAnswers(t.db, reportId)
	const withFiles = await withStoredFiles(t.db, reportId, contactPoint, answers)
	const body = JSON.stringify({
		sinceRevision: report.revision,
		changes: Object.entries(withFiles).map(([questionId, value]) => ({
			questionId,
			baseRevision: stored[questionId]?.revision ?? 0,
			base: stored[questionId]?.value ?? null,
			value,
		})),
	})
	const response = (await answersAction({
		request: new Request(`${TEST_ORIGIN}/reports/${reportId}/answers`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'Content-Length': String(new TextEncoder().encode(body).length),
				Origin: TEST_ORIGIN,
			},
			body,
		}),
		params: { reportId },
		context: routeContext(t.db, contactPoint),
	} as never)) as Response
	expect(response.status, await response.clone().text()).toBe(200)
	expect((await response.json()).conflicts).toEqual([])
}

async function submitThroughWorkflow(reportId: string) {
	const submitted = await settle(() =>
		workflowAction({
			request: formRequest(`/reports/${reportId}/workflow`, { intent: 'submit', confirm: 'yes' }),
			params: { reportId },
			context: routeContext(t.db, contactPoint),
		} as never),
	)
	expect(statusOf(submitted.value)).toBe(302)
	return t.db
		.selectFrom('submission')
		.where('report_id', '=', reportId)
		.selectAll()
		.executeTakeFirstOrThrow()
}

describe(`the European Union as a Party (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('is a Party to the four conventions in the seeded status, by approval', async () => {
		const statuses = await listConventionStatus(t.db, 'EUU')
		expect(statuses.map((s) => [s.convention, s.status, s.instrument])).toEqual([
			['basel', 'party', 'approval'],
			['minamata', 'party', 'approval'],
			['rotterdam', 'party', 'approval'],
			['stockholm', 'party', 'approval'],
		])
		expect(statuses.every((s) => s.release !== null)).toBe(true)
	})

	it('has a country page under its UN name', async () => {
		const page = await settle(() =>
			countryLoader({
				request: getRequest('/countries/EUU'),
				params: { partyCode: 'EUU' },
				context: routeContext(t.db, contactPoint),
			} as never),
		)
		expect(page.thrown).toBe(false)
		expect(page.value).toMatchObject({
			party: { code: 'EUU', name: 'European Union' },
			canStart: true,
		})
	})

	it('validates and submits its Article 15 report', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const reportId = await startThroughCountryPage(cycle)
		expect((await loadAnswers(t.db, reportId)).a_party_code?.value).toBe('EUU')
		const answers = buildCompleteArt15V6Answers(art15V6Context('EUU'))
		await saveThroughEditor(reportId, answers)

		const definition = requireFormDefinition('stockholm-art15', 6)
		const stored = Object.fromEntries(
			Object.entries(await loadAnswers(t.db, reportId)).map(([id, a]) => [id, a.value]),
		) as Answers
		const validation = validateForSubmission(definition, stored, art15V6Context('EUU'))
		expect(validation.errors).toEqual([])

		const submission = await submitThroughWorkflow(reportId)
		expect((submission.answers as Answers).a_party_code).toBe('EUU')
		expect((await findReport(t.db, reportId))?.status).toBe('submitted')
	})

	it('validates and submits its DDT questionnaire', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-ddt-2024-2026'))!
		const reportId = await startThroughCountryPage(cycle)
		await saveThroughEditor(reportId, buildCompleteDdtAnswers(ddtContext('EUU')))
		const submission = await submitThroughWorkflow(reportId)
		expect((submission.answers as Answers).g_party_code).toBe('EUU')
	})

	it('is counted on the dashboard and listed beside the map, which cannot shade it', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const dashboard = await loadCycleDashboard(t.db, cycle, { today: '2026-12-01', language: 'fr' })
		const eu = dashboard.parties.find((party) => party.code === 'EUU')
		expect(eu).toMatchObject({ name: 'Union européenne', status: 'submitted', region: 'none' })
		expect(dashboard.regions.find((region) => region.region === 'none')?.parties).toBe(1)
		const map = dashboardMap(dashboard.parties)
		expect(map.notOnMap).toContainEqual({ name: 'Union européenne', status: 'submitted' })
	})
})

describe(`Kosovo is not a Party (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('has no country page and no status row', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const page = await settle(() =>
			countryLoader({
				request: getRequest('/countries/XKK'),
				params: { partyCode: 'XKK' },
				context: routeContext(t.db, admin),
			} as never),
		)
		expect(statusOf(page.value)).toBe(404)
		expect(await listConventionStatus(t.db, 'XKK')).toEqual([])
	})

	it('cannot be given to an account', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const outcome = await inviteUser(
			t.db,
			{
				email: 'kosovo@test.example.org',
				name: 'Not a contact point',
				preferredLanguage: 'en',
				roles: ['contact_point'],
				partyCodes: ['XKK'],
			},
			admin.id,
		)
		expect(outcome).toEqual({
			ok: false,
			field: 'partyCodes',
			error: 'admin:errors.unknownCountry',
		})
	})
})

describe(`the Party-status release in the database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	const statusOfParty = async (code: string, convention: string) =>
		(await listConventionStatus(t.db, code)).find((s) => s.convention === convention)!

	it('is written with its dates and version, the United States a Party to Minamata only', async () => {
		expect(await statusOfParty('USA', 'minamata')).toMatchObject({
			status: 'party',
			instrument: 'acceptance',
			consentedOn: '2013-11-06',
			inForceOn: '2017-08-16',
			release: PARTY_STATUS_RELEASE.version,
		})
		expect((await statusOfParty('USA', 'stockholm')).status).toBe('signatory')
	})

	it('keeps what an administrator entered, and replaces rows of an older release', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const save = (fields: Record<string, string>) =>
			settle(() =>
				adminCountryAction({
					request: formRequest('/admin/countries/NIU', fields),
					params: { partyCode: 'NIU' },
					context: routeContext(t.db, admin),
				} as never),
			)
		const refused = await save({ convention: 'minamata', status: 'party', consentedOn: '1 May' })
		expect(statusOf(refused.value)).toBe(400)
		expect((await statusOfParty('NIU', 'minamata')).release).toBe(PARTY_STATUS_RELEASE.version)

		const saved = await save({
			convention: 'minamata',
			status: 'party',
			consentedOn: '2026-05-01',
			note: 'C.N.1.2026.TREATIES-XXVII.17',
		})
		expect(saved.value).toEqual({ done: 'admin:country.saved' })
		await t.db
			.updateTable('party_convention_status')
			.set({ status: 'non_party', release: 'an-older-release' })
			.where('party_code', '=', 'KEN')
			.where('convention', '=', 'basel')
			.execute()

		await seedParties(t.db)
		expect(await statusOfParty('NIU', 'minamata')).toMatchObject({
			status: 'party',
			consentedOn: '2026-05-01',
			release: null,
			note: 'C.N.1.2026.TREATIES-XXVII.17',
		})
		expect(await statusOfParty('KEN', 'basel')).toMatchObject({
			status: 'party',
			release: PARTY_STATUS_RELEASE.version,
		})
	})
})
