import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveAnswers } from '#app/domain/answers.server.ts'
import { applyWorkflowAction, submissionFingerprint } from '#app/domain/workflow.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { runThreadCommand } from '#app/domain/threads.server.ts'
import { loadReportContext } from '#app/domain/report-context.server.ts'
import { loader as compiledLoader } from '#app/routes/analysis/export.tsx'
import { loader as countryLoader } from '#app/routes/countries/country.tsx'
import { loader as carriedOverLoader } from '#app/routes/reports/carried-over.tsx'
import { loader as compareLoader } from '#app/routes/reports/compare.tsx'
import { loader as exportLoader } from '#app/routes/reports/export.tsx'
import { loader as layoutLoader } from '#app/routes/reports/layout.tsx'
import { loader as receiptLoader } from '#app/routes/reports/receipt.tsx'
import { action as workflowAction } from '#app/routes/reports/workflow.tsx'
import { todayIso } from '#app/utils/dates.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findAttachment } from '#db/queries/attachments.ts'
import { findCycleByCode, insertCycle, type ReportingCycle } from '#db/queries/cycles.ts'
import { findReport, listSaves, loadAnswers } from '#db/queries/reports.ts'
import { extractText } from '#exports/pdf/typesetting/pdf-inspection.ts'
import { stopExportWorker } from '#exports/worker/client.ts'
import { validateForSubmission } from '#forms/engine/index.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import type { MigrationReportEntry } from '#forms/migrations/index.ts'
import { requireFormDefinition, requireFormSha256 } from '#forms/registry.ts'
import type { Answers, AttachmentRef, FormContext, TableAnswer } from '#forms/types.ts'
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
import { registeredCodeLists } from '#forms/codelists/source.ts'

/**
 * The workflow around a submission: the date of submission the system sets, the confirmation to
 * accept with open threads, the banner of a returned report, the deadline badges, the receipt, and
 * a new cycle on the same form version started from the previous report.
 */

const V6 = requireFormDefinition('stockholm-art15', 6)
const V6_SHA256 = requireFormSha256('stockholm-art15', 6)
const NEW_PERIOD: FormContext = {
	partyCode: 'KEN',
	periodStart: '2026-01-01',
	periodEnd: '2029-12-31',
	codeLists: registeredCodeLists,
}

let t: TestDatabase
let ocp: CurrentUser
let contributor: CurrentUser
let reviewer: CurrentUser
let analyst: CurrentUser
let cycle6: ReportingCycle
/** Kenya's 6th report: submitted, commented, returned, resubmitted, accepted over the tests. */
let reportId: string

beforeAll(async () => {
	t = await createTestDatabase()
	ocp = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'], name: 'Rita Reviewer' })
	analyst = await createUser(t.db, { roles: ['analyst'] })
	cycle6 = (await findCycleByCode(t.db, 'sc-art15-6'))!
	reportId = await start(cycle6, 'blank')
	await fill(reportId, buildCompleteArt15V6Answers(art15V6Context('KEN')))
}, 120_000)

afterAll(async () => {
	await stopExportWorker()
	await t.destroy()
})

async function start(cycle: ReportingCycle, mode: 'blank' | 'prefill') {
	const outcome = await startReport(t.db, {
		partyCode: 'KEN',
		cycle,
		mode,
		userId: contributor.id,
		today: '2026-11-21',
	})
	if (!outcome.ok) throw new Error(outcome.error)
	return outcome.reportId
}

async function answersOf(id: string) {
	const stored = await loadAnswers(t.db, id)
	return Object.fromEntries(Object.entries(stored).map(([k, v]) => [k, v.value])) as Answers
}

function save(id: string, changes: { questionId: string; value: unknown }[]) {
	return findReport(t.db, id).then(async (report) => {
		const stored = await loadAnswers(t.db, id)
		return saveAnswers(t.db, {
			reportId: id,
			userId: contributor.id,
			payload: {
				sinceRevision: report!.revision,
				changes: changes.map((change) => ({
					...change,
					baseRevision: stored[change.questionId]?.revision ?? 0,
					base: stored[change.questionId]?.value ?? null,
				})),
			},
		})
	})
}

/** Writes answers as the editor would (what is already stored as it is, is left alone). */
async function fill(id: string, answers: Answers) {
	const withFiles = await withStoredFiles(t.db, id, contributor, answers)
	const outcome = await save(
		id,
		Object.entries(withFiles).map(([questionId, value]) => ({ questionId, value })),
	)
	expect(outcome.kind, JSON.stringify(outcome).slice(0, 300)).toBe('saved')
}

function workflow(user: CurrentUser, fields: Record<string, string>) {
	return settle(() =>
		workflowAction({
			request: formRequest(`/reports/${reportId}/workflow`, fields),
			params: { reportId },
			context: routeContext(t.db, user),
		} as never),
	)
}

function load<T>(
	loader: (args: never) => Promise<T> | T,
	user: CurrentUser,
	path: string,
	params: Record<string, string>,
) {
	return settle(() =>
		loader({ request: getRequest(path), params, context: routeContext(t.db, user) } as never),
	)
}

async function bodyOf(response: unknown): Promise<Uint8Array> {
	expect(response).toBeInstanceOf(Response)
	return new Uint8Array(await (response as Response).arrayBuffer())
}

async function comment(questionId: string, body: string) {
	const context = (await loadReportContext(t.db, reportId))!
	const outcome = await runThreadCommand(t.db, {
		context,
		user: reviewer,
		command: { intent: 'create', questionId, visibility: 'shared', body },
		origin: TEST_ORIGIN,
	})
	if (!outcome.ok) throw new Error(outcome.message)
	return outcome.threadId
}

describe(`date of submission (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('is empty and cannot be changed in a draft', async () => {
		expect((await answersOf(reportId)).a_submission_date).toBeUndefined()
		const typed = await save(reportId, [{ questionId: 'a_submission_date', value: '2026-01-01' }])
		expect(typed).toMatchObject({
			kind: 'invalid',
			status: 400,
			errors: [{ questionId: 'a_submission_date', message: 'save.errors.systemFilled' }],
		})
		const period = await save(reportId, [{ questionId: 'a_period_from', value: 2018 }])
		expect(period).toMatchObject({ kind: 'invalid', status: 400 })
		// Sending back what is stored changes nothing and is not an error.
		expect((await save(reportId, [{ questionId: 'a_period_from', value: 2022 }])).kind).toBe(
			'saved',
		)
		expect((await answersOf(reportId)).a_period_from).toBe(2022)
	})

	it('is set on submission in the stored submission, its fingerprint and the working copy', async () => {
		const submitted = await workflow(ocp, { intent: 'submit', confirm: 'yes' })
		expect(statusOf(submitted.value)).toBe(302)
		const today = todayIso()
		const submission = await t.db
			.selectFrom('submission')
			.where('report_id', '=', reportId)
			.selectAll()
			.executeTakeFirstOrThrow()
		const answers = submission.answers as Answers
		expect(answers.a_submission_date).toBe(today)
		expect(submission.sha256).toBe(
			submissionFingerprint({
				formId: 'stockholm-art15',
				formVersion: 6,
				partyCode: 'KEN',
				cycleCode: 'sc-art15-6',
				answers,
				acknowledgements: [],
			}),
		)
		const { a_submission_date: _date, ...withoutDate } = answers
		expect(submission.sha256).not.toBe(
			submissionFingerprint({
				formId: 'stockholm-art15',
				formVersion: 6,
				partyCode: 'KEN',
				cycleCode: 'sc-art15-6',
				answers: withoutDate,
				acknowledgements: [],
			}),
		)
		const working = await loadAnswers(t.db, reportId)
		expect(working.a_submission_date?.value).toBe(today)
		expect(submission.report_revision).toBe(working.a_submission_date?.revision)
		const saves = await listSaves(t.db, reportId)
		expect(saves.some((s) => s.source === 'workflow')).toBe(true)
	})

	it('is cleared when the report goes back to a draft, and set again on the next submission', async () => {
		expect(statusOf((await workflow(ocp, { intent: 'recall' })).value)).toBe(302)
		expect((await answersOf(reportId)).a_submission_date).toBeUndefined()
		expect(statusOf((await workflow(ocp, { intent: 'submit', confirm: 'yes' })).value)).toBe(302)
		expect((await answersOf(reportId)).a_submission_date).toBe(todayIso())
	})

	it('is printed in the PDF of the submission and exported in the compiled data', async () => {
		const pdf = await load(exportLoader, ocp, `/reports/${reportId}/export?format=pdf&lang=en`, {
			reportId,
		})
		const text = await extractText(await bodyOf(pdf.value))
		expect(text).toContain('Date of submission')
		expect(text).toContain(todayIso())
		expect(text).toContain('Form fingerprint (SHA-256)')
		expect(text).toContain(V6_SHA256)

		const json = await load(
			compiledLoader,
			analyst,
			'/analysis/export?cycle=sc-art15-6&status=submitted&format=json',
			{},
		)
		const parsed = JSON.parse(new TextDecoder().decode(await bodyOf(json.value))) as {
			meta: { form_version: number; form_sha256: string }
			reports: { party_code: string; answers: Answers }[]
		}
		expect(parsed.meta).toMatchObject({ form_version: 6, form_sha256: V6_SHA256 })
		expect(parsed.reports.find((r) => r.party_code === 'KEN')?.answers.a_submission_date).toBe(
			todayIso(),
		)
		const csv = await load(
			compiledLoader,
			analyst,
			'/analysis/export?cycle=sc-art15-6&status=submitted&format=csv&questions=a_submission_date',
			{},
		)
		const files = unzipSync(await bodyOf(csv.value))
		const [header, row] = new TextDecoder().decode(files['answers.csv']).split('\r\n')
		const column = header!.split(',').indexOf('a_submission_date')
		expect(column).toBeGreaterThan(-1)
		expect(row!.split(',')[column]).toBe(todayIso())
	})
})

describe('receipt', () => {
	it('names the country, the cycle and the form, with their codes as secondary text', async () => {
		const result = await load(receiptLoader, ocp, `/reports/${reportId}/submissions/2`, {
			reportId,
			number: '2',
		})
		expect(result.value).toMatchObject({
			party: { code: 'KEN', name: 'Kenya' },
			cycle: { code: 'sc-art15-6', title: expect.stringContaining('6th cycle') },
			formTitle: 'National report under Article 15 of the Stockholm Convention',
			submission: { formId: 'stockholm-art15', formVersion: 6, formSha256: V6_SHA256 },
		})
	})
})

describe('form version fingerprint', () => {
	it('is recorded on the report when it is started and on every submission', async () => {
		expect((await findReport(t.db, reportId))!.formSha256).toBe(V6_SHA256)
		const submissions = await t.db
			.selectFrom('submission')
			.where('report_id', '=', reportId)
			.select(['number', 'form_sha256'])
			.orderBy('number')
			.execute()
		expect(submissions).toEqual([
			{ number: 1, form_sha256: V6_SHA256 },
			{ number: 2, form_sha256: V6_SHA256 },
		])
	})

	it('cannot be changed on a stored submission, and is always a SHA-256', async () => {
		await expect(
			t.db
				.updateTable('submission')
				.set({ form_sha256: '0'.repeat(64) })
				.where('report_id', '=', reportId)
				.execute(),
		).rejects.toThrow(/submitted revisions are immutable/)
		await expect(
			t.db.updateTable('report').set({ form_sha256: 'v6' }).where('id', '=', reportId).execute(),
		).rejects.toThrow(/check constraint/)
		expect((await findReport(t.db, reportId))!.formSha256).toBe(V6_SHA256)
	})
})

describe('returned report and acceptance', () => {
	it('shows the secretariat’s message and the open threads, with links, on the report and the country home', async () => {
		expect(
			(await applyWorkflowAction(t.db, { reportId, actor: reviewer, action: 'start_review' })).ok,
		).toBe(true)
		await comment('b7_nip_date', 'Please give the exact date of transmission.')
		const returned = await workflow(reviewer, {
			intent: 'return',
			comment: 'Two points need clarification.',
		})
		expect(statusOf(returned.value)).toBe(302)

		const layout = await load(layoutLoader, contributor, `/reports/${reportId}/sections`, {
			reportId,
		})
		const notice = (layout.value as Awaited<ReturnType<typeof layoutLoader>>).returned
		expect(notice).toMatchObject({
			returnedBy: 'Rita Reviewer',
			message: 'Two points need clarification.',
			threads: [
				{
					questionLabel: 'Date of transmission',
					href: `/reports/${reportId}/sections/b_art7#q-b7_nip_date-threads`,
					latest: 'Please give the exact date of transmission.',
				},
			],
		})
		const home = await load(countryLoader, contributor, '/countries/KEN', { partyCode: 'KEN' })
		const card = (home.value as Awaited<ReturnType<typeof countryLoader>>).cycles.find(
			(c) => c.report?.id === reportId,
		)
		expect(card?.report?.returned?.message).toBe('Two points need clarification.')
		expect(card?.report?.submittedAt?.slice(0, 10)).toBe(todayIso())
	})

	it('accepts a report with open threads only with the reviewer’s explicit confirmation', async () => {
		expect(statusOf((await workflow(ocp, { intent: 'resubmit', confirm: 'yes' })).value)).toBe(302)
		expect(statusOf((await workflow(reviewer, { intent: 'start_review' })).value)).toBe(302)
		const unconfirmed = await workflow(reviewer, { intent: 'accept' })
		expect(statusOf(unconfirmed.value)).toBe(409)
		expect((unconfirmed.value as { data: { formError: string } }).data.formError).toBe(
			'editor:workflow.openThreadsNeedConfirmation',
		)
		expect((await findReport(t.db, reportId))!.status).toBe('under_review')
		const confirmed = await workflow(reviewer, { intent: 'accept', confirm: 'yes' })
		expect(statusOf(confirmed.value)).toBe(302)
		expect((await findReport(t.db, reportId))!.status).toBe('accepted')
		// The country's page says who last wrote the answers, and when: not the reviewer's decision.
		const [lastSave] = await listSaves(t.db, reportId)
		const home = await load(countryLoader, ocp, '/countries/KEN', { partyCode: 'KEN' })
		const card = (home.value as Awaited<ReturnType<typeof countryLoader>>).cycles.find(
			(c) => c.report?.id === reportId,
		)
		expect(card?.report?.updatedBy).toBe(lastSave!.changedByName)
		expect(card?.report?.updatedAt).toBe(new Date(lastSave!.changedAt).toISOString())

		const layout = await load(layoutLoader, ocp, `/reports/${reportId}/sections`, { reportId })
		const data = layout.value as Awaited<ReturnType<typeof layoutLoader>>
		expect(data.returned).toBeNull()
		// The deadline badge goes by the first submission that was not recalled.
		const first = await t.db
			.selectFrom('submission')
			.where('report_id', '=', reportId)
			.where('state', '<>', 'recalled')
			.select((eb) => eb.fn.min('submitted_at').as('first'))
			.executeTakeFirstOrThrow()
		expect(data.report.submittedAt).toBe(new Date(first.first as Date).toISOString())
	})
})

describe('a new cycle on the same form version, started from the previous report', () => {
	let cycle7: ReportingCycle
	let prefilled: string

	beforeAll(async () => {
		const id = await insertCycle(t.db, {
			code: 'sc-art15-7-test',
			convention: 'stockholm',
			formId: 'stockholm-art15',
			formVersion: 6,
			title: { en: 'Article 15 national report, 7th cycle (test)' },
			periodStart: NEW_PERIOD.periodStart,
			periodEnd: NEW_PERIOD.periodEnd,
			opensOn: '2026-09-01',
			deadline: '2030-08-31',
		})
		cycle7 = (await findCycleByCode(t.db, 'sc-art15-7-test'))!
		expect(cycle7.id).toBe(id)
		prefilled = await start(cycle7, 'prefill')
	})

	it('recomputes what the system fills in and leaves out rows for years of the previous period', async () => {
		const answers = await answersOf(prefilled)
		expect(answers.a_party_code).toBe('KEN')
		expect(answers.a_period_from).toBe(2026)
		expect(answers.a_period_to).toBe(2029)
		expect(answers.a_submission_date).toBeUndefined()
		const statistics = answers.b3_statistics as TableAnswer
		expect(statistics.rows.every((row) => Number(row.cells.year) >= 2026)).toBe(true)
		for (const table of ['b6_waste_disposed', 'b12_received', 'b13_received'])
			expect((answers[table] as TableAnswer).rows, table).toEqual([])
		// Nothing carried refers to the previous period: the only errors are what is left to fill,
		// the rows of the new years and the answers that describe the period (offered, not copied).
		const check = validateForSubmission(V6, answers, NEW_PERIOD)
		expect(check.errors.filter((issue) => issue.messageKey !== 'required')).toEqual([])
		const toFillAgain = new Set([
			'b3_statistics_activity',
			'b3_statistics',
			'b3_exported_to_non_parties',
			'b4_exemptions',
			'b6_stockpiles',
			'b6_contaminated_sites_count',
			'b6_waste_disposed',
			'b12_assistance',
			'b13_resources',
			'c_pcb_equipment_table',
			'c_pcb_liquids_held_t',
			'c_pcb_liquids_destroyed_t',
		])
		expect(check.errors.filter((issue) => !toFillAgain.has(issue.questionId))).toEqual([])
		expect(answers.b6_contaminated_sites_count).toBeUndefined()
	})

	it('keeps the previous report’s files, as copies of its own', async () => {
		const previous = (await answersOf(reportId)).b_attachments as AttachmentRef[]
		const carried = (await answersOf(prefilled)).b_attachments as AttachmentRef[]
		expect(previous.length).toBeGreaterThan(0)
		expect(carried.map((ref) => ref.name)).toEqual(previous.map((ref) => ref.name))
		for (const [i, ref] of carried.entries()) {
			const original = previous[i]!
			expect(ref.attachmentId).not.toBe(original.attachmentId)
			const copy = (await findAttachment(t.db, prefilled, ref.attachmentId))!
			const source = (await findAttachment(t.db, reportId, original.attachmentId))!
			expect(copy).toMatchObject({
				questionId: 'b_attachments',
				fileName: source.fileName,
				contentType: source.contentType,
				sha256: source.sha256,
			})
			expect(Buffer.from(copy.content).equals(Buffer.from(source.content))).toBe(true)
			// Each report reads only its own files.
			expect(await findAttachment(t.db, reportId, ref.attachmentId)).toBeUndefined()
		}
		// Compared with the previous cycle's report, the files are the same.
		const compared = await load(
			compareLoader,
			ocp,
			`/reports/${prefilled}/compare?previousCycle=1`,
			{
				reportId: prefilled,
			},
		)
		expect(compared.thrown).toBe(false)
		const changed = (compared.value as { questions: { questionId: string }[] }).questions
		expect(changed.length).toBeGreaterThan(0)
		expect(changed.map((q) => q.questionId)).not.toContain('b_attachments')
	})

	it('can be submitted once the new period’s figures are in', async () => {
		await fill(prefilled, buildCompleteArt15V6Answers(NEW_PERIOD))
		const outcome = await applyWorkflowAction(t.db, {
			reportId: prefilled,
			actor: ocp,
			action: 'submit',
		})
		expect(outcome).toMatchObject({ ok: true, status: 'submitted' })
	})

	it('lists on the carry-over page what happened to each question, in words', async () => {
		const report = (await findReport(t.db, prefilled))!
		const entries = report.migrationReport as MigrationReportEntry[]
		expect(entries.find((e) => e.source.questionId === 'a_submission_date')).toMatchObject({
			outcome: 'dropped',
			code: 'set_on_submission',
		})
		const page = await load(carriedOverLoader, ocp, `/reports/${prefilled}/carried-over`, {
			reportId: prefilled,
		})
		const data = page.value as Awaited<ReturnType<typeof carriedOverLoader>>
		expect(data.period).toEqual({ start: '2026', end: '2029' })
		const item = (questionId: string) =>
			data.groups.flatMap((g) => g.items).find((i) => i.questionId === questionId)
		expect(item('b12_received')).toMatchObject({
			label: 'Technical assistance received',
			group: 'not_carried',
			lines: [
				{
					subject: 'rows',
					outcome: 'dropped',
					count: 1,
					years: [expect.any(Number)],
					reason: { code: 'outside_period' },
				},
			],
		})
		expect(item('b3_statistics')).toMatchObject({
			group: 'not_carried',
			lines: [{ subject: 'rows', years: [2022, 2023, 2024, 2025] }],
		})
		expect(item('a_submission_date')).toMatchObject({
			label: 'Date of submission',
			group: 'not_carried',
			lines: [{ subject: 'answer', outcome: 'dropped', reason: { code: 'set_on_submission' } }],
		})
		expect(item('a_period_from')).toMatchObject({
			group: 'recomputed',
			lines: [{ subject: 'answer', outcome: 'recomputed', value: 2026 }],
		})
		expect(item('a_nfp_contact')).toMatchObject({ group: 'carried' })
		expect(item('b6_contaminated_sites_count')).toMatchObject({
			group: 'to_confirm',
			lines: [{ subject: 'answer', outcome: 'to_confirm', previous: ['14'] }],
		})
		expect(data.groups.map((g) => g.group)).toEqual([
			'not_carried',
			'to_confirm',
			'recomputed',
			'carried',
		])
		// Every question the previous report answered is accounted for.
		const previous = (
			await t.db
				.selectFrom('submission')
				.where('report_id', '=', reportId)
				.where('state', '=', 'accepted')
				.select('answers')
				.executeTakeFirstOrThrow()
		).answers as Answers
		const listed = new Set(data.groups.flatMap((g) => g.items.map((i) => i.questionId)))
		expect(Object.keys(previous).filter((id) => !listed.has(id))).toEqual([])
	})
})
