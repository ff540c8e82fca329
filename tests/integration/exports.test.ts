import ExcelJS from 'exceljs'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveAnswers } from '#app/domain/answers.server.ts'
import { applyWorkflowAction } from '#app/domain/workflow.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { runExportJob } from '#app/jobs/export-jobs.server.ts'
import { action as analysisAction, loader as analysisLoader } from '#app/routes/analysis/index.tsx'
import { loader as compiledLoader } from '#app/routes/analysis/export.tsx'
import { loader as jobDownloadLoader } from '#app/routes/analysis/job-download.tsx'
import { loader as jobLoader } from '#app/routes/analysis/job.tsx'
import { loader as exportLoader } from '#app/routes/reports/export.tsx'
import { action as importAction, loader as importLoader } from '#app/routes/reports/import.tsx'
import { loader as templateLoader } from '#app/routes/reports/template.tsx'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findExportJob, insertExportJob } from '#db/queries/exports.ts'
import { findReport, loadAnswers } from '#db/queries/reports.ts'
import { fill, load, save } from '#exports/excel/test-support.ts'
import { extractText } from '#exports/pdf/typesetting/pdf-inspection.ts'
import { stopExportWorker } from '#exports/worker/client.ts'
import { DDT_V1 } from '#forms/ddt/v1.ts'
import {
	art15V6Context,
	buildCompleteArt15V6Answers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import type { Answers, TableAnswer } from '#forms/types.ts'
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
let kenOcp: CurrentUser
let kenContributor: CurrentUser
let indOcp: CurrentUser
let reviewer: CurrentUser
let analyst: CurrentUser
let otherAnalyst: CurrentUser
/** Accepted 6th-cycle report of Kenya, submitted report of India, draft of Uganda. */
let kenReport: string
let indReport: string
let ugaReport: string
/** Kenya's DDT questionnaire, a draft: the Excel import target. */
let ddtReport: string

const HIDDEN = 98765.4321

async function start(partyCode: string, cycleCode: string, user: CurrentUser) {
	const cycle = (await findCycleByCode(t.db, cycleCode))!
	const outcome = await startReport(t.db, {
		partyCode,
		cycle,
		mode: 'blank',
		userId: user.id,
		today: '2026-11-21',
	})
	if (!outcome.ok) throw new Error(outcome.error)
	return outcome.reportId
}

async function fillReport(reportId: string, user: CurrentUser, answers: Answers) {
	const report = (await findReport(t.db, reportId))!
	const withFiles = await withStoredFiles(t.db, reportId, user, answers)
	const outcome = await saveAnswers(t.db, {
		reportId,
		userId: user.id,
		payload: {
			sinceRevision: report.revision,
			changes: Object.entries(withFiles).map(([questionId, value]) => ({
				questionId,
				baseRevision: report.revision,
				value,
			})),
		},
	})
	if (outcome.kind !== 'saved') throw new Error(`save failed: ${outcome.kind}`)
}

async function act(
	reportId: string,
	actor: CurrentUser,
	action: 'submit' | 'start_review' | 'accept',
) {
	const outcome = await applyWorkflowAction(t.db, { reportId, actor, action })
	if (!outcome.ok) throw new Error(`${action}: ${outcome.message}`)
}

beforeAll(async () => {
	t = await createTestDatabase()
	kenOcp = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['KEN'] })
	kenContributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	indOcp = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	analyst = await createUser(t.db, { roles: ['analyst'] })
	otherAnalyst = await createUser(t.db, { roles: ['analyst'] })
	const ugaOcp = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['UGA'] })

	kenReport = await start('KEN', 'sc-art15-6', kenOcp)
	// The hidden answer stays in the submission but never reaches an export; so does a figure
	// typed for a chemical later answered "no" (its rows are not asked).
	const kenAnswers = buildCompleteArt15V6Answers(art15V6Context('KEN'))
	;(kenAnswers.b3_statistics as TableAnswer).rows.find(
		(row) => row.id === 'ALDRIN|2023',
	)!.cells.import_kg = 999
	await fillReport(kenReport, kenOcp, { ...kenAnswers, c_pcb_remaining_in_use_t: HIDDEN })
	await act(kenReport, kenOcp, 'submit')
	await act(kenReport, reviewer, 'start_review')
	await act(kenReport, reviewer, 'accept')

	indReport = await start('IND', 'sc-art15-6', indOcp)
	const indAnswers = buildCompleteArt15V6Answers(art15V6Context('IND'))
	// Estimate boxes never touched: the rows are stored without the cell.
	for (const row of (indAnswers.b3_statistics as TableAnswer).rows) delete row.cells.is_estimate
	await fillReport(indReport, indOcp, indAnswers)
	await act(indReport, indOcp, 'submit')

	ugaReport = await start('UGA', 'sc-art15-6', ugaOcp)
	await fillReport(ugaReport, ugaOcp, buildCompleteArt15V6Answers(art15V6Context('UGA')))

	ddtReport = await start('KEN', 'sc-ddt-2024-2026', kenContributor)
}, 120_000)

afterAll(async () => {
	await stopExportWorker()
	await t.destroy()
})

function call<T>(
	loader: (args: never) => Promise<T> | T,
	user: CurrentUser | null,
	path: string,
	params: Record<string, string> = {},
) {
	return settle(() =>
		loader({ request: getRequest(path), params, context: routeContext(t.db, user) } as never),
	)
}

async function bodyOf(response: unknown): Promise<Uint8Array> {
	expect(response).toBeInstanceOf(Response)
	return new Uint8Array(await (response as Response).arrayBuffer())
}

function pdfText(bytes: Uint8Array): Promise<string> {
	return extractText(bytes)
}

async function changeCount(reportId: string) {
	const row = await t.db
		.selectFrom('report_change')
		.where('report_id', '=', reportId)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

async function snapshot(reportId: string) {
	const report = (await findReport(t.db, reportId))!
	const answers = Object.fromEntries(
		Object.entries(await loadAnswers(t.db, reportId)).map(([id, a]) => [id, a.value]),
	)
	return { revision: report.revision, changes: await changeCount(reportId), answers }
}

describe(`report exports (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('gives the country its accepted report as PDF and Excel, with the submission on the cover', async () => {
		const pdf = await call(
			exportLoader,
			kenContributor,
			`/reports/${kenReport}/export?format=pdf&lang=fr`,
			{
				reportId: kenReport,
			},
		)
		expect(pdf.thrown).toBe(false)
		const response = pdf.value as Response
		expect(response.headers.get('Content-Type')).toBe('application/pdf')
		expect(response.headers.get('Content-Disposition')).toContain(
			'KEN-stockholm-art15-v6-s1-fr.pdf',
		)
		const text = await pdfText(await bodyOf(response))
		const submission = await t.db
			.selectFrom('submission')
			.where('report_id', '=', kenReport)
			.select('sha256')
			.executeTakeFirstOrThrow()
		expect(text).toContain('Kenya')
		expect(text).toContain('Accepté')
		expect(text.replace(/\s/g, '')).toContain(submission.sha256)
		expect(text).not.toContain('98 765,4321')

		const xlsx = await call(exportLoader, reviewer, `/reports/${kenReport}/export?format=xlsx`, {
			reportId: kenReport,
		})
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load((await bodyOf(xlsx.value)) as never)
		expect(workbook.worksheets.length).toBeGreaterThan(20)

		const audit = await t.db
			.selectFrom('audit_event')
			.where('action', '=', 'report.exported')
			.where('subject_id', '=', kenReport)
			.select('details')
			.execute()
		expect(audit.map((event) => (event.details as { format: string }).format).sort()).toEqual([
			'pdf',
			'xlsx',
		])
	})

	it('hides other countries’ reports, and individual reports from analysts (404)', async () => {
		for (const user of [indOcp, analyst]) {
			const result = await call(exportLoader, user, `/reports/${kenReport}/export`, {
				reportId: kenReport,
			})
			expect(statusOf(result.value)).toBe(404)
		}
		const missing = await call(exportLoader, kenOcp, `/reports/${kenReport}/export?submission=7`, {
			reportId: kenReport,
		})
		expect(statusOf(missing.value)).toBe(404)
		const anonymous = await call(exportLoader, null, `/reports/${kenReport}/export`, {
			reportId: kenReport,
		})
		expect(statusOf(anonymous.value)).toBe(302)
	})

	it('prints a draft as a draft', async () => {
		const result = await call(
			exportLoader,
			reviewer,
			`/reports/${ugaReport}/export?format=pdf&lang=en`,
			{ reportId: ugaReport },
		)
		const text = await pdfText(await bodyOf(result.value))
		expect(text).toContain('Uganda')
		expect(text).toContain('Draft')
		// No submission fingerprint; the fingerprint of the form version it is printed with.
		expect(text).not.toContain('Submission fingerprint')
		expect(text).toContain('Form fingerprint (SHA-256)')
		expect(text).toContain(requireFormSha256('stockholm-art15', 6))
	})
})

// ---------------------------------------------------------------------------------------------

function uploadRequest(reportId: string, bytes: Uint8Array, name = 'template.xlsx') {
	const form = new FormData()
	form.append('intent', 'check')
	form.append(
		'file',
		new File([bytes as BlobPart], name, {
			type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		}),
	)
	return new Request(`${TEST_ORIGIN}/reports/${reportId}/import`, {
		method: 'POST',
		headers: { Origin: TEST_ORIGIN },
		body: form,
	})
}

async function upload(user: CurrentUser, reportId: string, bytes: Uint8Array) {
	return settle(() =>
		importAction({
			request: uploadRequest(reportId, bytes),
			params: { reportId },
			context: routeContext(t.db, user),
		} as never),
	)
}

async function apply(user: CurrentUser, reportId: string, importId: string) {
	return settle(() =>
		importAction({
			request: formRequest(`/reports/${reportId}/import`, { intent: 'apply', importId }),
			params: { reportId },
			context: routeContext(t.db, user),
		} as never),
	)
}

function formErrorOf(value: unknown): string | undefined {
	return (value as { data?: { formError?: string } }).data?.formError
}

async function template(user: CurrentUser, reportId: string, mode: 'blank' | 'prefilled') {
	const result = await call(
		templateLoader,
		user,
		`/reports/${reportId}/template?mode=${mode}&lang=en`,
		{ reportId },
	)
	expect(result.thrown).toBe(false)
	return bodyOf(result.value)
}

async function filledTemplate(answers: Answers) {
	const { workbook, layout } = await load(await template(kenContributor, ddtReport, 'blank'))
	fill(workbook, layout, { definition: DDT_V1, formContext: ddtContext('KEN') }, answers)
	return save(workbook)
}

describe(`Excel import (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	const complete = buildCompleteDdtAnswers(ddtContext('KEN'))

	it('checks a filled template without changing anything, then applies it as one audited save', async () => {
		const before = await snapshot(ddtReport)
		const checked = await upload(kenContributor, ddtReport, await filledTemplate(complete))
		expect(statusOf(checked.value)).toBe(302)
		const location = (checked.value as Response).headers.get('Location')!
		const importId = new URL(location, TEST_ORIGIN).searchParams.get('preview')!
		// The dry run changed nothing.
		expect(await snapshot(ddtReport)).toEqual(before)

		const page = await call(importLoader, kenContributor, location, { reportId: ddtReport })
		const preview = (page.value as Awaited<ReturnType<typeof importLoader>>).preview!
		expect(preview.canApply).toBe(true)
		expect(preview.preview.counts.problems).toBe(0)
		const rows = preview.preview.sections.flatMap((section) => section.rows)
		expect(rows.find((row) => row.questionId === 'a_ddt_used')).toMatchObject({
			change: 'added',
			incoming: 'Yes',
		})
		expect(rows.find((row) => row.questionId === 'a_use')?.change).toBe('added')

		const applied = await apply(kenContributor, ddtReport, importId)
		expect(statusOf(applied.value)).toBe(302)
		const after = await snapshot(ddtReport)
		expect(after.revision).toBe(before.revision + 1)
		for (const [questionId, value] of Object.entries(complete)) {
			if (['g_party_code', 'g_period_from', 'g_period_to'].includes(questionId)) continue
			expect(after.answers[questionId], questionId).toEqual(value)
		}
		const history = await t.db
			.selectFrom('report_change')
			.where('report_id', '=', ddtReport)
			.where('revision', '=', after.revision)
			.select(['source', 'question_id'])
			.execute()
		expect(history.length).toBe(preview.changeCount)
		expect(new Set(history.map((row) => row.source))).toEqual(new Set(['excel_import']))
		const audit = await t.db
			.selectFrom('audit_event')
			.where('action', '=', 'report.answers_excel_import')
			.where('subject_id', '=', ddtReport)
			.select('actor_user_id')
			.execute()
		expect(audit).toEqual([{ actor_user_id: kenContributor.id }])

		// A second click changes nothing.
		const again = await apply(kenContributor, ddtReport, importId)
		expect(statusOf(again.value)).toBe(409)
		expect(formErrorOf(again.value)).toBe('exports:import.applyErrors.already_applied')
		expect((await snapshot(ddtReport)).revision).toBe(after.revision)

		// A prefilled template of the report as it is now round-trips to no change at all.
		const unchanged = await upload(
			kenContributor,
			ddtReport,
			await template(kenContributor, ddtReport, 'prefilled'),
		)
		const unchangedPage = await call(
			importLoader,
			kenContributor,
			(unchanged.value as Response).headers.get('Location')!,
			{
				reportId: ddtReport,
			},
		)
		const unchangedPreview = (unchangedPage.value as Awaited<ReturnType<typeof importLoader>>)
			.preview!
		expect(unchangedPreview.changeCount).toBe(0)
		expect(unchangedPreview.canApply).toBe(false)
	})

	it('rejects bad files with a reason and without any change', async () => {
		const before = await snapshot(ddtReport)
		const zeros = new Uint8Array(60 * 1024 * 1024)
		const skeleton = {
			'[Content_Types].xml': strToU8('<Types/>'),
			'xl/workbook.xml': strToU8('<workbook'),
		}
		const otherFormTemplate = await template(kenOcp, kenReport, 'blank')
		const indiaDdt = await start('IND', 'sc-ddt-2024-2026', indOcp)
		const otherReportTemplate = await template(indOcp, indiaDdt, 'prefilled')
		const cases: [string, Uint8Array][] = [
			['notXlsx', strToU8('just some text, not a workbook')],
			['zipBomb', zipSync({ ...skeleton, 'xl/worksheets/sheet1.xml': zeros }, { level: 9 })],
			['malformed', zipSync(skeleton)],
			['wrongForm', otherFormTemplate],
			['wrongReport', otherReportTemplate],
			['tooLarge', new Uint8Array(6 * 1024 * 1024)],
		]
		for (const [reason, bytes] of cases) {
			const result = await upload(kenContributor, ddtReport, bytes)
			expect(statusOf(result.value), reason).toBeGreaterThanOrEqual(400)
			expect(formErrorOf(result.value)).toBe(`exports:import.fileErrors.${reason}`)
		}
		expect(await snapshot(ddtReport)).toEqual(before)
	})

	it('shows every problem of a file with formulas, wrong types and unknown codes, and refuses to apply it', async () => {
		const before = await snapshot(ddtReport)
		const { workbook, layout } = await load(await template(kenContributor, ddtReport, 'prefilled'))
		fill(
			workbook,
			layout,
			{ definition: DDT_V1, formContext: ddtContext('KEN') },
			{ ...complete, a_continue_use: 'yes' },
		)
		const cell = (ref: string) => {
			const entry = layout.entries.find((e) => e.kind === 'scalar' && e.ref === ref)!
			if (entry.kind !== 'scalar') throw new Error(ref)
			return workbook.getWorksheet(entry.sheet)!.getCell(entry.row, 3)
		}
		cell('a_continue_use').value = 'Perhaps'
		cell('a_storage_conditions').value = { formula: 'CONCAT("a","b")', result: 'ab' } as never
		const use = layout.entries.find((e) => e.kind === 'table' && e.questionId === 'a_use')!
		if (use.kind !== 'table') throw new Error('a_use')
		workbook.getWorksheet(use.sheet)!.getCell(use.headerRow + 1, 3).value = 'a lot'
		const result = await upload(kenContributor, ddtReport, await save(workbook))
		const location = (result.value as Response).headers.get('Location')!
		const page = await call(importLoader, kenContributor, location, { reportId: ddtReport })
		const preview = (page.value as Awaited<ReturnType<typeof importLoader>>).preview!
		expect(preview.canApply).toBe(false)
		const problems = preview.preview.sections
			.flatMap((s) => s.rows)
			.flatMap((row) => row.problems.map((p) => [row.questionId, p.code]))
		expect(problems).toEqual(
			expect.arrayContaining([
				['a_continue_use', 'unknownCode'],
				['a_storage_conditions', 'formula'],
				['a_use', 'invalidNumber'],
			]),
		)
		const applied = await apply(kenContributor, ddtReport, preview.id)
		expect(formErrorOf(applied.value)).toBe('exports:import.applyErrors.has_problems')
		expect(await snapshot(ddtReport)).toEqual(before)
	})

	it('refuses to apply a check made before someone else saved', async () => {
		const answers = { ...complete, a_storage_conditions: 'Stored centrally in a locked warehouse.' }
		const result = await upload(kenContributor, ddtReport, await filledTemplate(answers))
		const importId = new URL(
			(result.value as Response).headers.get('Location')!,
			TEST_ORIGIN,
		).searchParams.get('preview')!
		await fillReport(ddtReport, kenOcp, { d_research: 'Changed by someone else in the meantime.' })
		const before = await snapshot(ddtReport)
		const applied = await apply(kenContributor, ddtReport, importId)
		expect(formErrorOf(applied.value)).toBe('exports:import.applyErrors.changed_since_preview')
		expect(await snapshot(ddtReport)).toEqual(before)
	})

	it('is only for the country’s own users, and only while the report is editable', async () => {
		const bytes = await filledTemplate(complete)
		expect(statusOf((await upload(indOcp, ddtReport, bytes)).value)).toBe(404)
		expect(
			statusOf(
				(await call(importLoader, indOcp, `/reports/${ddtReport}/import`, { reportId: ddtReport }))
					.value,
			),
		).toBe(404)
		expect(statusOf((await upload(reviewer, ddtReport, bytes)).value)).toBe(403)
		expect(statusOf((await upload(analyst, ddtReport, bytes)).value)).toBe(404)
		const submitted = await upload(
			kenOcp,
			kenReport,
			await template(kenOcp, kenReport, 'prefilled'),
		)
		expect(formErrorOf(submitted.value)).toBe('exports:import.fileErrors.notEditable')
	})
})

// ---------------------------------------------------------------------------------------------

async function compiled(user: CurrentUser, query: string) {
	return call(compiledLoader, user, `/analysis/export?${query}`)
}

async function ndjson(user: CurrentUser, query: string) {
	const result = await compiled(user, `${query}&format=ndjson`)
	expect(result.thrown).toBe(false)
	const text = new TextDecoder().decode(await bodyOf(result.value))
	return text
		.trim()
		.split('\n')
		.map((line) => JSON.parse(line))
}

describe(`compiled data for analysts (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('contains submitted reports only, never drafts, and no hidden answers', async () => {
		const accepted = await ndjson(analyst, 'cycle=sc-art15-6&status=accepted')
		expect(accepted[0]).toMatchObject({
			type: 'meta',
			form_version: 6,
			status_filter: 'accepted',
			report_count: 1,
		})
		expect(accepted.slice(1).map((line) => line.party_code)).toEqual(['KEN'])
		expect(accepted[1].answers).not.toHaveProperty('c_pcb_remaining_in_use_t')
		expect(accepted[1].answers.b6_contaminated_sites_count).toBe(14)

		const submitted = await ndjson(reviewer, 'cycle=sc-art15-6&status=submitted')
		expect(submitted.slice(1).map((line) => [line.party_code, line.report_status])).toEqual([
			['IND', 'submitted'],
			['KEN', 'accepted'],
		])

		const selection = await ndjson(
			analyst,
			'cycle=sc-art15-6&status=submitted&questions=b6_contaminated_sites_count,b3_statistics',
		)
		expect(Object.keys(selection[1].answers).sort()).toEqual([
			'b3_statistics',
			'b6_contaminated_sites_count',
		])

		const json = await compiled(analyst, 'cycle=sc-art15-6&status=submitted&format=json')
		const parsed = JSON.parse(new TextDecoder().decode(await bodyOf(json.value)))
		expect(parsed.reports.map((report: { party_code: string }) => report.party_code)).toEqual([
			'IND',
			'KEN',
		])
	})

	it('builds the compiled XLSX and CSV files in the export worker', async () => {
		const xlsx = await compiled(analyst, 'cycle=sc-art15-6&status=submitted&format=xlsx&lang=fr')
		const response = xlsx.value as Response
		expect(response.headers.get('Content-Disposition')).toMatch(
			/sc-art15-6-submitted-\d{4}-\d{2}-\d{2}\.xlsx/,
		)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load((await bodyOf(response)) as never)
		const answers = workbook.getWorksheet('answers')!
		expect(answers.getRow(2).getCell(1).value).toBe('IND')
		expect(answers.getRow(3).getCell(1).value).toBe('KEN')
		expect(answers.getRow(3).getCell(2).value).toBe('Kenya')
		// A header, then the rows asked of each country: Kenya, five chemicals with trade × four
		// years; India (an Art. 25(4) Party with no deposit in the built-in depositary record), DDT
		// only. Rows of chemicals answered "no" stay out of compiled data.
		expect(workbook.getWorksheet('b3_statistics')!.rowCount).toBe(1 + 5 * 4 + 1 * 4)

		const csv = await compiled(analyst, 'cycle=sc-art15-6&status=accepted&format=csv')
		const files = unzipSync(await bodyOf(csv.value))
		expect(new TextDecoder().decode(files['answers.csv']).split('\r\n')[1]).toMatch(
			/^KEN,Kenya,accepted,1,accepted,/,
		)
	})

	it('writes CSV files Excel reads as UTF-8, with one way of writing checkboxes for every country', async () => {
		const csv = await compiled(analyst, 'cycle=sc-art15-6&status=submitted&format=csv')
		const files = unzipSync(await bodyOf(csv.value))
		for (const [name, bytes] of Object.entries(files)) {
			if (name.endsWith('.csv')) expect([...bytes.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf])
		}
		const lines = new TextDecoder()
			.decode(files['tables/b3_statistics.csv'])
			.trim()
			.split('\r\n')
			.map((line) => line.split(','))
		const estimate = lines[0]!.indexOf('is_estimate')
		const byCountry = new Map<string, Set<string>>()
		for (const line of lines.slice(1)) {
			const values = byCountry.get(line[0]!) ?? new Set<string>()
			values.add(line[estimate]!)
			byCountry.set(line[0]!, values)
		}
		expect([...byCountry.keys()]).toEqual(['IND', 'KEN'])
		expect([...byCountry.get('IND')!]).toEqual(['false'])
		for (const values of byCountry.values()) {
			expect([...values].every((value) => value === 'true' || value === 'false')).toBe(true)
		}

		const json = await ndjson(analyst, 'cycle=sc-art15-6&status=submitted&questions=b3_statistics')
		const india = json.find((line) => line.party_code === 'IND')
		const cells = (india.answers.b3_statistics as TableAnswer).rows.map(
			(row) => row.cells.is_estimate,
		)
		expect(new Set(cells)).toEqual(new Set([false]))
	})

	it('is for analysts and the secretariat only, with clear errors for bad parameters', async () => {
		expect(statusOf((await compiled(kenOcp, 'cycle=sc-art15-6&format=json')).value)).toBe(403)
		expect(statusOf((await compiled(analyst, 'cycle=nope&format=json')).value)).toBe(404)
		expect(statusOf((await compiled(analyst, 'cycle=sc-art15-6&format=pdf')).value)).toBe(400)
		expect(
			statusOf((await compiled(analyst, 'cycle=sc-art15-6&questions=no_such_question')).value),
		).toBe(404)
	})

	it('previews answers and draws charts of numeric tables on the analysis page', async () => {
		const result = await call(
			analysisLoader,
			analyst,
			'/analysis?cycle=sc-art15-6&status=submitted&questions=b6_contaminated_sites_count&questions=b3_statistics',
		)
		const view = (result.value as Awaited<ReturnType<typeof analysisLoader>>).view!
		expect(view.reportCount).toBe(2)
		expect(view.preview.columns.map((column) => column.id)).toEqual(['b6_contaminated_sites_count'])
		expect(view.preview.rows.map((row) => [row.partyCode, row.cells[0]])).toEqual([
			['IND', '14'],
			['KEN', '14'],
		])
		const byChemical = view.charts.find((chart) => chart.kind === 'byCategory')!
		const ddt = byChemical.categories.findIndex((category) => category.key === 'DDT')
		expect(byChemical.series[0]!.values[ddt]).toBe(2 * (1000 + 2000 + 3000 + 4000))
		// Aldrin was answered "no": its figure typed earlier is not asked, so not charted.
		expect(byChemical.categories.map((category) => category.key)).not.toContain('ALDRIN')
	})

	it('opens the analysis page on the most recent cycle that has submitted reports', async () => {
		const result = await call(analysisLoader, analyst, '/analysis')
		const page = result.value as Awaited<ReturnType<typeof analysisLoader>>
		// The DDT cycle is the most recent Stockholm cycle, but only has a draft; the other
		// conventions' cycles have no reports at all.
		const stockholm = page.cycles.filter((cycle) => cycle.code.startsWith('sc-'))
		expect(
			page.cycles.filter((c) => !c.code.startsWith('sc-')).every((c) => c.submitted === 0),
		).toBe(true)
		expect(stockholm.map((cycle) => [cycle.code, cycle.submitted, cycle.accepted])).toEqual([
			['sc-ddt-2024-2026', 0, 0],
			['sc-art15-6', 2, 1],
			['sc-art15-5', 0, 0],
		])
		expect(page.selection).toEqual({ cycle: 'sc-art15-6', status: 'accepted', questions: [] })
		expect(page.view?.reportCount).toBe(1)
	})

	it('keeps the question list of the chosen cycle, leaving out questions of another form', async () => {
		const result = await call(
			analysisLoader,
			analyst,
			'/analysis?cycle=sc-ddt-2024-2026&status=submitted&questions=b6_contaminated_sites_count&questions=a_use',
		)
		const page = result.value as Awaited<ReturnType<typeof analysisLoader>>
		expect(page.error).toBeNull()
		expect(page.selection).toEqual({
			cycle: 'sc-ddt-2024-2026',
			status: 'submitted',
			questions: ['a_use'],
		})
		expect(page.droppedQuestions).toEqual(['b6_contaminated_sites_count'])
		const questionIds = page.sections.flatMap((section) => section.questions.map((q) => q.id))
		expect(questionIds).toContain('a_use')
		expect(questionIds).not.toContain('b6_contaminated_sites_count')
		// The export links keep refusing unknown questions: only the page forgives a stale selection.
		expect(
			statusOf(
				(await compiled(analyst, 'cycle=sc-ddt-2024-2026&questions=b6_contaminated_sites_count'))
					.value,
			),
		).toBe(404)
	})

	it('prepares large exports in the background with progress, for the analyst who asked', async () => {
		const started = await settle(() =>
			analysisAction({
				request: formRequest('/analysis', {
					intent: 'prepare',
					format: 'xlsx',
					cycle: 'sc-art15-6',
					status: 'submitted',
				}),
				params: {},
				context: routeContext(t.db, analyst),
			} as never),
		)
		expect(statusOf(started.value)).toBe(302)
		const jobId = (started.value as Response).headers.get('Location')!.split('/').pop()!
		let job = await findExportJob(t.db, jobId)
		for (
			let waited = 0;
			job?.state !== 'done' && job?.state !== 'failed' && waited < 60_000;
			waited += 200
		) {
			await new Promise((resolve) => setTimeout(resolve, 200))
			job = await findExportJob(t.db, jobId)
		}
		expect(job).toMatchObject({ state: 'done', progressTotal: expect.any(Number) })
		const page = await call(jobLoader, analyst, `/analysis/jobs/${jobId}`, { jobId })
		expect((page.value as Awaited<ReturnType<typeof jobLoader>>).job.state).toBe('done')
		const download = await call(jobDownloadLoader, analyst, `/analysis/jobs/${jobId}/download`, {
			jobId,
		})
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load((await bodyOf(download.value)) as never)
		expect(workbook.getWorksheet('answers')!.rowCount).toBe(3)
		const otherPage = await call(jobLoader, otherAnalyst, `/analysis/jobs/${jobId}`, { jobId })
		expect(statusOf(otherPage.value)).toBe(404)
		const otherDownload = await call(
			jobDownloadLoader,
			otherAnalyst,
			`/analysis/jobs/${jobId}/download`,
			{
				jobId,
			},
		)
		expect(statusOf(otherDownload.value)).toBe(404)
	})

	it('lets only one instance claim a job', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const jobId = await insertExportJob(t.db, {
			requestedBy: analyst.id,
			cycleId: cycle.id,
			format: 'csv',
			params: { status: 'accepted', questions: [], lang: 'en' },
		})
		const runs = await Promise.all([runExportJob(t.db, jobId), runExportJob(t.db, jobId)])
		expect(runs.filter(Boolean)).toHaveLength(1)
		expect((await findExportJob(t.db, jobId))?.state).toBe('done')
	})
})
