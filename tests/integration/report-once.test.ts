import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCommonality } from '#app/domain/commonality.server.ts'
import { decideOffers, openOffers } from '#app/domain/report-once.server.ts'
import { loadReportContext } from '#app/domain/report-context.server.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { loadAnswerValues } from '#db/queries/reports.ts'
import {
	art15V6Context,
	baselContext,
	buildCompleteArt15V6Answers,
	buildCompleteBaselAnswers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import type { Answers } from '#forms/types.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	applyTestWorkflow,
	createUser,
	saveTestAnswers,
	startTestReport,
	TEST_ORIGIN,
	withStoredFiles,
} from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

let t: TestDatabase
let app: HttpApp
let kenya: CurrentUser
let kenyaCookie: string
let indiaCookie: string
let ddtSubmission: string
let art15Report: string
const today = '2026-12-04'

const get = (path: string, cookie: string) => app.fetch(path, { headers: { Cookie: cookie } })
const post = (path: string, cookie: string, fields: Record<string, string>) =>
	app.fetch(path, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Origin: TEST_ORIGIN,
			Cookie: cookie,
		},
		body: new URLSearchParams(fields).toString(),
	})

async function submitted(party: string, user: CurrentUser, cycleCode: string, answers: Answers) {
	const cycle = (await findCycleByCode(t.db, cycleCode))!
	const reportId = await startTestReport(t.db, { partyCode: party, cycle, user, today })
	await saveTestAnswers(t.db, reportId, user, await withStoredFiles(t.db, reportId, user, answers))
	await applyTestWorkflow(t.db, { reportId, actor: user, action: 'submit' })
	const row = await t.db
		.selectFrom('submission')
		.where('report_id', '=', reportId)
		.select('id')
		.executeTakeFirstOrThrow()
	return { reportId, submissionId: row.id }
}

async function context(reportId: string) {
	return (await loadReportContext(t.db, reportId))!
}

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	kenya = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	const india = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
	kenyaCookie = await signIn(app, kenya.email)
	indiaCookie = await signIn(app, india.email)
	ddtSubmission = (
		await submitted('KEN', kenya, 'sc-ddt-2024-2026', buildCompleteDdtAnswers(ddtContext('KEN')))
	).submissionId
	// A draft is no source: only what the Party submitted is offered.
	const basel = (await findCycleByCode(t.db, 'bc-art13-2024'))!
	const baselDraft = await startTestReport(t.db, {
		partyCode: 'KEN',
		cycle: basel,
		user: kenya,
		today,
	})
	await saveTestAnswers(
		t.db,
		baselDraft,
		kenya,
		buildCompleteBaselAnswers(baselContext('KEN', 2024)),
	)
	art15Report = await startTestReport(t.db, {
		partyCode: 'KEN',
		cycle: (await findCycleByCode(t.db, 'sc-art15-6'))!,
		user: kenya,
		today,
	})
}, 240_000)
afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

describe('report once', () => {
	it('offers the focal point Kenya gave in its DDT questionnaire, not its Basel draft', async () => {
		const offers = await openOffers(t.db, await context(art15Report))
		const focalPoint = offers.filter((offer) => offer.questionId === 'a_nfp_contact')
		expect(focalPoint).toHaveLength(1)
		expect(focalPoint[0]).toMatchObject({
			sourceId: ddtSubmission,
			sourceQuestionId: 'g_contact',
			value: { name: 'Asha Rao', email: 'ddt@environment.example.org' },
		})
		expect(offers.every((offer) => offer.source.formId === 'ddt')).toBe(true)
	})

	it('shows each offer beside its question with its source, to the country only', async () => {
		const page = await get(`/reports/${art15Report}/reuse`, kenyaCookie)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain('Answers from your other reports')
		expect(html).toContain('DDT questionnaire, 2024–2026')
		expect(html).toContain('Asha Rao')
		expect((await get(`/reports/${art15Report}/reuse`, indiaCookie)).status).toBe(404)
	})

	it('shows the offer beside its unanswered question in the editor, for the country to use or dismiss', async () => {
		const page = await get(`/reports/${art15Report}/sections/a_contacts`, kenyaCookie)
		expect(page.status).toBe(200)
		const html = await page.text()
		expect(html).toContain(
			'Answer from <bdi>Questionnaire on the production and use of DDT for disease vector control</bdi>, <bdi>DDT questionnaire, 2024–2026</bdi> available:',
		)
		expect(html).toContain('Asha Rao')
		expect(html).toMatch(/<button[^>]*value="accept"[^>]*>Use it<\/button>/)
		expect(html).toMatch(/<button[^>]*value="refuse"[^>]*>Dismiss<\/button>/)
		expect(html).toContain(`action="/reports/${art15Report}/reuse"`)
	})

	it('writes an accepted answer with its source in the history, and offers it no more', async () => {
		const [offer] = (await openOffers(t.db, await context(art15Report))).filter(
			(o) => o.questionId === 'a_nfp_contact',
		)
		const response = await post(`/reports/${art15Report}/reuse`, kenyaCookie, {
			intent: 'accept',
			offerId: offer!.id,
		})
		expect(response.status).toBe(200)
		const answers = await loadAnswerValues(t.db, art15Report)
		expect(answers.a_nfp_contact).toEqual(offer!.value)
		const change = await t.db
			.selectFrom('report_change')
			.where('report_id', '=', art15Report)
			.where('question_id', '=', 'a_nfp_contact')
			.select(['source', 'changed_by'])
			.executeTakeFirstOrThrow()
		expect(change).toEqual({ source: 'reuse', changed_by: kenya.id })
		const history = await get(`/reports/${art15Report}/history?question=a_nfp_contact`, kenyaCookie)
		expect(await history.text()).toContain(
			'reused from Questionnaire on the production and use of DDT for disease vector control, DDT questionnaire, 2024–2026',
		)
		const left = await openOffers(t.db, await context(art15Report))
		expect(left.some((o) => o.questionId === 'a_nfp_contact')).toBe(false)
	})

	it('remembers a refusal, and refuses an offer that does not exist without writing', async () => {
		const offers = await openOffers(t.db, await context(art15Report))
		const refused = offers[0]!
		expect(
			(
				await post(`/reports/${art15Report}/reuse`, kenyaCookie, {
					intent: 'refuse',
					offerId: refused.id,
				})
			).status,
		).toBe(200)
		const after = await openOffers(t.db, await context(art15Report))
		expect(after.map((o) => o.id)).not.toContain(refused.id)
		const before = await loadAnswerValues(t.db, art15Report)
		const bogus = await post(`/reports/${art15Report}/reuse`, kenyaCookie, {
			intent: 'accept',
			offerId: `a_nfp_contact|${ddtSubmission}|nothing`,
		})
		expect(bogus.status).toBe(409)
		expect(await loadAnswerValues(t.db, art15Report)).toEqual(before)
	})
})

describe('deciding offers is one transaction', () => {
	const counts = async (reportId: string) => ({
		changes: (
			await t.db
				.selectFrom('report_change')
				.where('report_id', '=', reportId)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n,
		decisions: (
			await t.db
				.selectFrom('reuse_decision')
				.where('report_id', '=', reportId)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n,
		audit: (
			await t.db
				.selectFrom('audit_event')
				.where('subject_id', '=', reportId)
				.where('action', '=', 'report.answers_reuse')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n,
	})

	it('writes neither the answer nor the decision when recording the decision fails', async () => {
		const offer = (await openOffers(t.db, await context(art15Report)))[0]
		expect(offer).toBeDefined()
		const answersBefore = await loadAnswerValues(t.db, art15Report)
		const countsBefore = await counts(art15Report)
		const revisionBefore = (await context(art15Report)).report.revision
		// The database refuses the decision row, after the answer was saved in the same transaction.
		await sql`create function refuse_reuse_decision() returns trigger language plpgsql as $$
			begin raise exception 'decision refused by the test'; end $$`.execute(t.db)
		await sql`create trigger refuse_reuse_decision before insert on reuse_decision
			for each row execute function refuse_reuse_decision()`.execute(t.db)
		try {
			await expect(
				decideOffers(t.db, {
					context: await context(art15Report),
					userId: kenya.id,
					accept: [offer!.id],
					refuse: [],
				}),
			).rejects.toThrow(/decision refused by the test/)
		} finally {
			await sql`drop trigger refuse_reuse_decision on reuse_decision`.execute(t.db)
			await sql`drop function refuse_reuse_decision()`.execute(t.db)
		}
		expect(await loadAnswerValues(t.db, art15Report)).toEqual(answersBefore)
		expect(await counts(art15Report)).toEqual(countsBefore)
		expect((await context(art15Report)).report.revision).toBe(revisionBefore)

		// Still on offer, and accepting it now writes both.
		const outcome = await decideOffers(t.db, {
			context: await context(art15Report),
			userId: kenya.id,
			accept: [offer!.id],
			refuse: [],
		})
		expect(outcome).toMatchObject({ ok: true, accepted: 1, refused: 0 })
		// What the editor receives to show the answer without a reload.
		expect(outcome.ok && outcome.applied).toEqual([
			{
				questionId: offer!.questionId,
				value: offer!.value,
				revision: (await context(art15Report)).report.revision,
			},
		])
		expect((await loadAnswerValues(t.db, art15Report))[offer!.questionId]).toEqual(offer!.value)
		const countsAfter = await counts(art15Report)
		expect(countsAfter.decisions).toBe(countsBefore.decisions + 1)
		expect(countsAfter.changes).toBe(countsBefore.changes + 1)
		expect(countsAfter.audit).toBe(countsBefore.audit + 1)
	})
})

describe('data consistency in the commonality analysis', () => {
	it('finds India’s DDT production given differently in the DDT questionnaire and Article 15', async () => {
		const india = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
		await submitted('IND', india, 'sc-ddt-2024-2026', buildCompleteDdtAnswers(ddtContext('IND')))
		// While India's Article 15 report is a draft, its checks page warns about the difference.
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const draft = await startTestReport(t.db, { partyCode: 'IND', cycle, user: india, today })
		const answers = buildCompleteArt15V6Answers(art15V6Context('IND'))
		await saveTestAnswers(t.db, draft, india, await withStoredFiles(t.db, draft, india, answers))
		const checks = await (await get(`/reports/${draft}/validation`, indiaCookie)).text()
		expect(checks).toMatch(/\d+ differences? from your other reports/)
		expect(checks).toContain('In <bdi>Questionnaire on the production and use of DDT')
		// The chemical by its name, not its CAS number.
		expect(checks).toContain('DDT (1,1,1-trichloro-2,2-bis(4-chlorophenyl)ethane) · 2024')
		const shown = (html: string) => html.split('<script')[0]!
		expect(shown(checks)).not.toContain('cas:')
		await applyTestWorkflow(t.db, { reportId: draft, actor: india, action: 'submit' })
		const analysis = await loadCommonality(t.db, 'en', 'IND')
		const ddt2024 = analysis.consistency?.find(
			(f) =>
				f.partyCode === 'IND' &&
				f.conceptId === 'PROD.CHEM' &&
				f.dims.year === '2024' &&
				f.dims.chemical === 'cas:50-29-3',
		)
		expect(ddt2024?.canonicalUnit).toBe('kg')
		expect(ddt2024?.values.map((v) => [v.formId, v.itemId, v.amount])).toEqual(
			expect.arrayContaining([
				['ddt', 'a_production.quantity_kg_ai', 300_000],
				['stockholm-art15', 'b3_statistics.production_kg', 3_000],
			]),
		)
		expect(ddt2024?.dimLabels).toEqual({
			chemical: 'DDT (1,1,1-trichloro-2,2-bis(4-chlorophenyl)ethane)',
			year: '2024',
		})
		const analyst = await createUser(t.db, { roles: ['analyst'], partyCodes: [] })
		const page = await (
			await get('/analysis/commonality?party=IND', await signIn(app, analyst.email))
		).text()
		expect(page).toContain(
			'chemical: DDT (1,1,1-trichloro-2,2-bis(4-chlorophenyl)ethane) · year: 2024',
		)
		expect(shown(page)).not.toContain('cas:')
		const french = await loadCommonality(t.db, 'fr', 'IND')
		expect(french.consistency?.[0]?.dimLabels?.chemical).toBe(
			'DDT (1,1,1-trichloro-2,2-bis(4-chlorophényl)éthane)',
		)
		// Kenya's analysis holds only Kenya's findings.
		const kenyaOnly = await loadCommonality(t.db, 'en', 'KEN')
		expect(kenyaOnly.consistency?.every((f) => f.partyCode === 'KEN')).toBe(true)
		expect(kenyaOnly.burden?.some((b) => b.formId === 'stockholm-art15' && b.prefillable > 0)).toBe(
			true,
		)
	})
})
