import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadPartyProfile } from '#app/domain/public-portal.server.ts'
import { addDays } from '#forms/codelists/applicability.ts'
import { todayIso } from '#app/utils/dates.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { listAuditEvents } from '#db/queries/audit.ts'
import { findCycleByCode, type ReportingCycle } from '#db/queries/cycles.ts'
import { findCyclePublication } from '#db/queries/publication.ts'
import { comparable, extractText } from '#exports/pdf/typesetting/pdf-inspection.ts'
import { stopExportWorker } from '#exports/worker/client.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import type { Answers, TableAnswer } from '#forms/types.ts'
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

/**
 * The public portal (issue 16) over HTTP, as a visitor's browser and a shared cache see it:
 * publication decided by the secretariat, pages without scripts, caching, and confidentiality.
 *
 * Kenya's report to the 6th Article 15 cycle goes through the whole workflow: first submitted
 * with a value that is later withdrawn (RETURNED_VALUE), returned, resubmitted with quantities
 * marked confidential, accepted, then reopened and changed again in the working copy
 * (WORKING_VALUE). Only the accepted submission may ever be public, and of it never a confidential
 * value: the test looks for the withdrawn and unpublished values in every public page and file.
 */

const RETURNED_VALUE = 98765432
const WORKING_VALUE = 123456789
const RETURNED_TEXT = 'PORTAL-SECRET-RETURNED-SUBMISSION'
const WORKING_TEXT = 'PORTAL-SECRET-WORKING-COPY'
const DRAFT_TEXT = 'PORTAL-SECRET-INDIA-DRAFT'
const ACCEPTED_TEXT = 'PORTAL-PUBLIC-ACCEPTED-TEXT'

let t: TestDatabase
let app: HttpApp
let cycle: ReportingCycle
let admin: CurrentUser
let reviewer: CurrentUser
let kenya: CurrentUser
let adminCookie: string
let reviewerCookie: string
/** Kenya's accepted figures: what the exports of the first chemical would total without markers. */
let acceptedAnswers: Answers

/** The first row of the Article 15 statistics the report gives an export for (an asked row). */
function firstExportRow(answers: Answers) {
	return (answers.b3_statistics as TableAnswer).rows.find(
		(row) => typeof row.cells.export_kg === 'number' && row.cells.export_kg > 0,
	)!
}

/** The answers with that row's `column` set to `value` (a number or a marker). */
function withFirstExport(answers: Answers, value: unknown, column = 'export_kg'): Answers {
	const target = firstExportRow(answers).id
	const table = answers.b3_statistics as TableAnswer
	return {
		...answers,
		b3_statistics: {
			rows: table.rows.map((row) =>
				row.id === target ? { ...row, cells: { ...row.cells, [column]: value as number } } : row,
			),
		},
	}
}

async function buildKenyaReport() {
	const reportId = await startTestReport(t.db, {
		partyCode: 'KEN',
		cycle,
		user: kenya,
		today: '2026-07-01',
	})
	const complete = await withStoredFiles(
		t.db,
		reportId,
		kenya,
		buildCompleteArt15V6Answers(art15V6Context('KEN')),
	)
	await saveTestAnswers(t.db, reportId, kenya, {
		...withFirstExport(complete, RETURNED_VALUE, 'production_kg'),
		b_format_comments: RETURNED_TEXT,
	})
	const at = (date: string) => new Date(`${date}T10:00:00Z`)
	await applyTestWorkflow(t.db, { reportId, actor: kenya, action: 'submit', at: at('2026-08-01') })
	await applyTestWorkflow(t.db, { reportId, actor: reviewer, action: 'start_review' })
	await applyTestWorkflow(t.db, {
		reportId,
		actor: reviewer,
		action: 'return',
		comment: 'Please check the production figures.',
	})
	acceptedAnswers = {
		...withFirstExport(withFirstExport(complete, { marker: 'confidential' }, 'production_kg'), {
			marker: 'confidential',
		}),
		b_format_comments: ACCEPTED_TEXT,
	}
	await saveTestAnswers(t.db, reportId, kenya, acceptedAnswers)
	await applyTestWorkflow(t.db, {
		reportId,
		actor: kenya,
		action: 'resubmit',
		at: at('2026-08-20'),
	})
	await applyTestWorkflow(t.db, { reportId, actor: reviewer, action: 'start_review' })
	await applyTestWorkflow(t.db, {
		reportId,
		actor: reviewer,
		action: 'accept',
		openThreadsConfirmed: true,
	})
	await applyTestWorkflow(t.db, { reportId, actor: reviewer, action: 'reopen' })
	await saveTestAnswers(t.db, reportId, kenya, {
		...withFirstExport(complete, WORKING_VALUE, 'import_kg'),
		b_format_comments: WORKING_TEXT,
	})
}

async function buildIndiaDraft() {
	const india = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
	const reportId = await startTestReport(t.db, {
		partyCode: 'IND',
		cycle,
		user: india,
		today: '2026-07-01',
	})
	await saveTestAnswers(t.db, reportId, india, { b_format_comments: DRAFT_TEXT })
}

beforeAll(async () => {
	t = await createTestDatabase()
	cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	admin = await createUser(t.db, { roles: ['admin'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	kenya = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	await buildKenyaReport()
	await buildIndiaDraft()
	app = await startHttpApp(t.db)
	adminCookie = await signIn(app, admin.email)
	reviewerCookie = await signIn(app, reviewer.email)
}, 180_000)

afterAll(async () => {
	await app?.close()
	await stopVite()
	await stopExportWorker()
	await t?.destroy()
})

/** A post of the cycle page's publication form. */
function publication(fields: Record<string, string>, cookie: string) {
	const body = new URLSearchParams({ intent: 'publication', ...fields }).toString()
	return app.fetch(`/admin/cycles/${cycle.id}`, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Origin: TEST_ORIGIN,
			Cookie: cookie,
		},
		body,
	})
}

const PUBLIC_PAGES = [
	'/',
	'/?cycle=sc-art15-6',
	'/cycles/sc-art15-6',
	'/parties/KEN',
	'/parties/IND',
	'/sdg-12-4-1',
]

async function page(path: string, headers: Record<string, string> = {}) {
	const response = await app.fetch(path, { headers: { 'Accept-Language': 'en', ...headers } })
	return { response, html: response.status === 200 ? await response.text() : '' }
}

describe('publication of a cycle', () => {
	it('keeps an unpublished cycle off every public page, and its reports out of reach', async () => {
		expect((await page('/cycles/sc-art15-6')).response.status).toBe(404)
		expect((await page('/parties/KEN/reports/sc-art15-6')).response.status).toBe(404)
		const overview = await page('/')
		expect(overview.response.status).toBe(200)
		expect(overview.html).toContain('No reporting cycle has been published yet.')
		const profile = await page('/parties/KEN')
		expect(profile.html).toContain('This Party has no report in the published cycles.')
		expect(profile.html).not.toContain('sc-art15-6')
	})

	it('may be decided by administrators only', async () => {
		const refused = await publication(
			{ decision: 'publish', publishedFrom: todayIso() },
			reviewerCookie,
		)
		expect(refused.status).toBe(403)
		expect(await findCyclePublication(t.db, cycle.id)).toBeUndefined()
		const anonymous = await publication({ decision: 'publish', publishedFrom: todayIso() }, '')
		expect(anonymous.status).toBe(302)
		expect(anonymous.headers.get('Location')).toMatch(/^\/login/)
		expect(await findCyclePublication(t.db, cycle.id)).toBeUndefined()
	})

	it('refuses an impossible date and keeps what was typed', async () => {
		const response = await publication(
			{ decision: 'publish', publishedFrom: '2026-02-30' },
			adminCookie,
		)
		expect(response.status).toBe(400)
		expect(await response.text()).toContain('2026-02-30')
		expect(await findCyclePublication(t.db, cycle.id)).toBeUndefined()
	})

	it('publishes from a day ahead: nothing is public before that day', async () => {
		const later = addDays(todayIso(), 30)
		const response = await publication({ decision: 'publish', publishedFrom: later }, adminCookie)
		expect(response.status).toBe(200)
		expect((await findCyclePublication(t.db, cycle.id))?.publishedFrom).toBe(later)
		expect((await page('/cycles/sc-art15-6')).response.status).toBe(404)
	})

	it('publishes from today, audited, and the cycle, its statuses and accepted reports appear', async () => {
		const response = await publication(
			{ decision: 'publish', publishedFrom: todayIso() },
			adminCookie,
		)
		expect(response.status).toBe(200)
		const events = await listAuditEvents(t.db, {
			subjectType: 'reporting_cycle',
			subjectId: cycle.id,
		})
		expect(events.map((event) => event.action)).toEqual(['cycle.published', 'cycle.published'])
		expect(events[0]!.details).toMatchObject({ after: { publishedFrom: todayIso() } })

		const cyclePage = await page('/cycles/sc-art15-6')
		expect(cyclePage.response.status).toBe(200)
		const kenyaRow =
			/<tr[^>]*data-timeliness="([a-z_]+)"[^>]*>\s*<th[^>]*><a href="\/parties\/KEN"/.exec(
				cyclePage.html,
			)
		expect(kenyaRow?.[1]).toBe('on_time')
		expect(cyclePage.html).toContain('href="/parties/KEN/reports/sc-art15-6?lang=en"')
		const profile = await page('/parties/KEN')
		expect(profile.html).toContain('Accepted')
		expect(profile.html).toContain('/parties/KEN/reports/sc-art15-6?lang=en')
		// India's report is a draft: not submitted, and no file.
		const india = await page('/parties/IND')
		expect(india.html).toContain('Not submitted')
		expect(india.html).not.toContain('/parties/IND/reports/sc-art15-6')
		expect((await page('/parties/IND/reports/sc-art15-6')).response.status).toBe(404)
	})
})

describe('pages for visitors', () => {
	it('are served to anyone, without any script, and work with links and GET forms', async () => {
		for (const path of PUBLIC_PAGES) {
			const { response, html } = await page(path)
			expect(response.status, path).toBe(200)
			expect(html, path).not.toMatch(/<script\b/)
			expect(html, path).not.toContain('modulepreload')
		}
		const overview = await page('/')
		expect(overview.html).toMatch(/<form[^>]* action="\/" method="get"/)
		// Without scripts the language switcher has its own button.
		expect(overview.html).toMatch(/<form[^>]*action="\/set-language"[\s\S]*?<button type="submit"/)
	})

	it('are cacheable: public, with an ETag, and 304 when the browser has the current version', async () => {
		for (const path of PUBLIC_PAGES) {
			const first = await page(path)
			expect(first.response.headers.get('Cache-Control'), path).toMatch(/^public, max-age=\d+$/)
			expect(first.response.headers.get('Vary'), path).toContain('Accept-Language')
			const etag = first.response.headers.get('ETag')!
			expect(etag, path).toMatch(/^W\/".+"$/)
			const again = await page(path, { 'If-None-Match': etag })
			expect(again.response.status, path).toBe(304)
			expect(again.response.headers.get('ETag'), path).toBe(etag)
			const stale = await page(path, { 'If-None-Match': 'W/"something-else"' })
			expect(stale.response.status, path).toBe(200)
		}
		// Another language is another version.
		const english = (await page('/parties/KEN')).response.headers.get('ETag')
		const french = await page('/parties/KEN', { 'Accept-Language': 'fr' })
		expect(french.response.headers.get('ETag')).not.toBe(english)
		expect(french.html).toContain('Statut au regard des conventions')
	})

	it('stay private for signed-in users, who get the usual page with its scripts', async () => {
		const { response, html } = await page('/parties/KEN', { Cookie: reviewerCookie })
		expect(response.status).toBe(200)
		expect(response.headers.get('Cache-Control')).toBe('private, no-store')
		expect(response.headers.get('ETag')).toBeNull()
		expect(html).toMatch(/<script\b/)
		const home = await page('/', { Cookie: reviewerCookie })
		expect(home.html).toContain('Welcome')
	})

	it('answer 404 for a Party or cycle that does not exist', async () => {
		expect((await page('/parties/ZZZ')).response.status).toBe(404)
		expect((await page('/parties/%00')).response.status).toBe(404)
		expect((await page('/cycles/no-such-cycle')).response.status).toBe(404)
	})

	it('serve the PDF of the accepted report, cacheable, with 304 on its ETag', async () => {
		const response = await app.fetch('/parties/KEN/reports/sc-art15-6?lang=en')
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/pdf')
		expect(response.headers.get('Cache-Control')).toMatch(/^public, max-age=\d+$/)
		const etag = response.headers.get('ETag')!
		const again = await app.fetch('/parties/KEN/reports/sc-art15-6?lang=en', {
			headers: { 'If-None-Match': etag },
		})
		expect(again.status).toBe(304)
		const french = await app.fetch('/parties/KEN/reports/sc-art15-6?lang=fr', {
			headers: { 'If-None-Match': etag },
		})
		expect(french.status).toBe(200)
	})
})

describe('confidentiality', () => {
	/** How a number could print in any of the portal's languages, in kg or in tonnes. */
	function printedForms(value: number) {
		const kg = String(value)
		const tonnes = String(Math.trunc(value / 1000))
		return [kg, tonnes].flatMap((digits) => [
			digits,
			digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','),
			digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.'),
		])
	}
	const secrets = [
		...printedForms(RETURNED_VALUE),
		...printedForms(WORKING_VALUE),
		RETURNED_TEXT,
		WORKING_TEXT,
		DRAFT_TEXT,
	]
	const leaksIn = (text: string) => secrets.filter((secret) => comparable(text).includes(secret))

	it('publishes no withdrawn, unaccepted or confidential value on any page, in any language', async () => {
		for (const language of ['en', 'fr', 'ar', 'zh']) {
			for (const path of PUBLIC_PAGES) {
				const { html } = await page(path, { 'Accept-Language': language })
				expect(leaksIn(html), `${language} ${path}`).toEqual([])
			}
		}
	})

	it('prints the accepted submission in the PDF, confidential values as the word only', async () => {
		for (const language of ['en', 'fr']) {
			const response = await app.fetch(`/parties/KEN/reports/sc-art15-6?lang=${language}`)
			const text = await extractText(new Uint8Array(await response.arrayBuffer()))
			expect(leaksIn(text), language).toEqual([])
			// The search is not blind: the accepted answers are there, markers as their word.
			expect(comparable(text)).toContain(ACCEPTED_TEXT)
			expect(comparable(text)).toContain(language === 'en' ? 'Confidential' : 'Confidentiel')
		}
	})

	it('counts confidential quantities in the key figures, and leaves them out of every total', async () => {
		const profile = (await loadPartyProfile(t.db, 'KEN', { today: todayIso(), language: 'en' }))!
		const [report] = profile.keyFigures
		expect(report?.cycle.code).toBe('sc-art15-6')
		const exports = report!.figures.find((figure) => figure.concept === 'TRADE.EXPORT.CHEM')!
		const production = report!.figures.find((figure) => figure.concept === 'PROD.CHEM')!
		expect(exports.confidential).toBe(1)
		expect(production.confidential).toBe(1)
		// The total of each year is the sum of the values the Party did not withhold.
		const rows = (acceptedAnswers.b3_statistics as TableAnswer).rows
		const scale = exports.unit === 't' ? 1000 : 1
		for (const [index, column] of exports.columns.entries()) {
			const expected = rows
				.filter((row) => String(row.cells.year) === column.year)
				.reduce(
					(sum, row) => sum + (typeof row.cells.export_kg === 'number' ? row.cells.export_kg : 0),
					0,
				)
			expect(exports.totals[index]).toBeCloseTo(expected / scale, 6)
		}
		const { html } = await page('/parties/KEN')
		expect(html).toContain('1 quantity was marked confidential by the Party')
	})
})

describe('withdrawing a publication', () => {
	it('takes the cycle off the portal again, audited', async () => {
		const response = await publication({ decision: 'withdraw' }, adminCookie)
		expect(response.status).toBe(200)
		expect(await findCyclePublication(t.db, cycle.id)).toBeUndefined()
		const events = await listAuditEvents(t.db, {
			subjectType: 'reporting_cycle',
			subjectId: cycle.id,
		})
		expect(events[0]!.action).toBe('cycle.publication_withdrawn')
		expect((await page('/cycles/sc-art15-6')).response.status).toBe(404)
		expect((await app.fetch('/parties/KEN/reports/sc-art15-6')).status).toBe(404)
	})
})
