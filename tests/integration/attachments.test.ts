import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveAnswers } from '#app/domain/answers.server.ts'
import { checkUpload, SOURCE_DOCUMENT } from '#app/domain/attachments.server.ts'
import { applyWorkflowAction } from '#app/domain/workflow.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { loader as attachmentLoader } from '#app/routes/reports/attachment.tsx'
import { action as uploadAction } from '#app/routes/reports/attachments.tsx'
import { action as submitAction } from '#app/routes/reports/submit.tsx'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { insertAttachment } from '#db/queries/attachments.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findReport, latestSubmission, loadAnswers, setReportStatus } from '#db/queries/reports.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	createUser,
	getRequest,
	routeContext,
	settle,
	statusOf,
	TEST_ORIGIN,
	withStoredFiles,
} from '#tests/factories.ts'

/**
 * Who may attach files to a report and when (only the country's users while it is editable; the
 * secretariat only for a report it enters on the country's behalf, its source document only with
 * the submission, in one transaction), and what is stored and served: a name with the extension
 * of the content, no bidi or control characters, no HTML polyglots, always a download.
 */

let t: TestDatabase
let contributor: CurrentUser
let otherCountry: CurrentUser
let reviewer: CurrentUser
let admin: CurrentUser
/** Kenya's own 6th report (a draft unless a test moves it). */
let kenya: string
/** India's 6th report, entered by the secretariat from India's document. */
let india: string

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n')
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
)
/** The 8-byte signature of the container of Word and Excel 97-2003 files. */
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const cfbWith = (...streams: string[]) =>
	new Uint8Array(
		Buffer.concat([
			CFB,
			Buffer.alloc(504),
			...streams.map((name) => Buffer.from(`${name}\0`, 'utf16le')),
		]),
	)

beforeAll(async () => {
	t = await createTestDatabase()
	contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	otherCountry = await createUser(t.db, { roles: ['contact_point'], partyCodes: ['IND'] })
	reviewer = await createUser(t.db, { roles: ['reviewer'] })
	admin = await createUser(t.db, { roles: ['admin'] })
	const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	const started = await Promise.all([
		startReport(t.db, {
			partyCode: 'KEN',
			cycle,
			mode: 'blank',
			userId: contributor.id,
			today: '2026-11-21',
		}),
		startReport(t.db, {
			partyCode: 'IND',
			cycle,
			mode: 'blank',
			userId: reviewer.id,
			today: '2026-11-21',
			onBehalf: true,
		}),
	])
	const [ken, ind] = started.map((outcome) => {
		if (!outcome.ok) throw new Error(outcome.error)
		return outcome.reportId
	})
	kenya = ken!
	india = ind!
}, 60_000)

afterAll(async () => {
	await t.destroy()
})

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

function uploaded(result: Awaited<ReturnType<typeof upload>>) {
	expect(result.thrown, JSON.stringify(result.value)).toBe(false)
	expect(statusOf(result.value) ?? 200).toBe(200)
	return (result.value as { attachment: { id: string; fileName: string; contentType: string } })
		.attachment
}

function errorOf(result: Awaited<ReturnType<typeof upload>>) {
	return (result.value as { data: { error: string } }).data.error
}

function submitOnBehalf(
	user: CurrentUser,
	reportId: string,
	fields: { reason?: string; file?: File },
) {
	const form = new FormData()
	form.set('reason', fields.reason ?? 'The country sent its report by post.')
	form.set('confirm', 'yes')
	if (fields.file) form.set('file', fields.file)
	const request = new Request(`${TEST_ORIGIN}/reports/${reportId}/submit`, {
		method: 'POST',
		body: form,
		headers: { Origin: TEST_ORIGIN },
	})
	return settle(() =>
		submitAction({ request, params: { reportId }, context: routeContext(t.db, user) } as never),
	)
}

async function download(user: CurrentUser, reportId: string, attachmentId: string) {
	return (await attachmentLoader({
		request: getRequest(`/reports/${reportId}/attachments/${attachmentId}`),
		params: { reportId, attachmentId },
		context: routeContext(t.db, user),
	} as never)) as Response
}

async function storedFiles(reportId: string) {
	return t.db
		.selectFrom('attachment')
		.where('report_id', '=', reportId)
		.select(['id', 'question_id', 'file_name', 'content_type'])
		.execute()
}

async function withStatus<T>(
	reportId: string,
	status: 'submitted' | 'draft',
	run: () => Promise<T>,
) {
	const before = (await findReport(t.db, reportId))!.status
	await setReportStatus(t.db, reportId, status)
	try {
		return await run()
	} finally {
		await setReportStatus(t.db, reportId, before)
	}
}

async function fillCompletely(reportId: string, partyCode: string) {
	const report = (await findReport(t.db, reportId))!
	const stored = await loadAnswers(t.db, reportId)
	const answers = buildCompleteArt15V6Answers(art15V6Context(partyCode))
	const outcome = await saveAnswers(t.db, {
		reportId,
		userId: reviewer.id,
		payload: {
			sinceRevision: report.revision,
			changes: Object.entries(await withStoredFiles(t.db, reportId, reviewer, answers)).map(
				([questionId, value]) => ({
					questionId,
					value,
					baseRevision: stored[questionId]?.revision ?? 0,
					base: stored[questionId]?.value ?? null,
				}),
			),
		},
	})
	expect(outcome.kind).toBe('saved')
}

describe('who may attach files, and when', () => {
	it("lets the country's users attach to their draft, and keeps other countries out (404)", async () => {
		const file = uploaded(await upload(contributor, kenya, new File([PDF], 'law.pdf')))
		expect(file.fileName).toBe('law.pdf')
		const foreign = await upload(otherCountry, kenya, new File([PDF], 'law.pdf'))
		expect(statusOf(foreign.value)).toBe(404)
	})

	it("refuses the secretariat's files on a country's own report, source document or not (403)", async () => {
		const before = await storedFiles(kenya)
		for (const user of [reviewer, admin]) {
			for (const questionId of [SOURCE_DOCUMENT, 'b_attachments']) {
				const result = await upload(user, kenya, new File([PDF], 'note.pdf'), questionId)
				expect(statusOf(result.value), `${user.roles[0]} ${questionId}`).toBe(403)
				expect(errorOf(result)).toBe('attachments.notAllowed')
			}
		}
		expect(await storedFiles(kenya)).toEqual(before)
	})

	it('refuses files once the report is no longer editable, for everyone (409)', async () => {
		const before = await storedFiles(kenya)
		await withStatus(kenya, 'submitted', async () => {
			const result = await upload(contributor, kenya, new File([PDF], 'late.pdf'))
			expect(statusOf(result.value)).toBe(409)
			expect(errorOf(result)).toBe('attachments.notEditable')
		})
		await withStatus(india, 'submitted', async () => {
			for (const questionId of [SOURCE_DOCUMENT, 'b_attachments']) {
				const result = await upload(reviewer, india, new File([PDF], 'late.pdf'), questionId)
				expect(statusOf(result.value)).toBe(409)
			}
		})
		expect(await storedFiles(kenya)).toEqual(before)
		expect(await storedFiles(india)).toEqual([])
	})

	it('lets a reviewer attach answer files to a report entered on behalf, but the source document only with the submission', async () => {
		const file = uploaded(await upload(reviewer, india, new File([PDF], 'annex.pdf')))
		expect(file.fileName).toBe('annex.pdf')
		const source = await upload(reviewer, india, new File([PDF], 'letter.pdf'), SOURCE_DOCUMENT)
		expect(statusOf(source.value)).toBe(400)
		expect(errorOf(source)).toBe('attachments.unknownQuestion')
		// An administrator does not enter reports: no files from one either.
		const byAdmin = await upload(admin, india, new File([PDF], 'annex.pdf'))
		expect(statusOf(byAdmin.value)).toBe(403)
		expect((await storedFiles(india)).map((row) => row.question_id)).toEqual(['b_attachments'])
		await t.db.deleteFrom('attachment').where('report_id', '=', india).execute()
	})
})

describe('submission on behalf of a country', () => {
	it('stores the source document only with a submission that succeeds', async () => {
		// Errors remain: three refused submissions leave no file behind.
		for (let attempt = 0; attempt < 3; attempt++) {
			const refused = await submitOnBehalf(reviewer, india, {
				file: new File([PDF], `letter-${attempt}.pdf`),
			})
			expect(statusOf(refused.value)).toBe(409)
			expect((refused.value as { data: { formError: string } }).data.formError).toBe(
				'editor:workflow.errorsRemain',
			)
		}
		expect(await storedFiles(india)).toEqual([])

		await fillCompletely(india, 'IND')
		// The file the complete answers refer to (an answer names only files of its report).
		const answerFiles = await storedFiles(india)
		expect(answerFiles.map((file) => file.question_id)).toEqual(['b_attachments'])
		const accepted = await submitOnBehalf(reviewer, india, {
			file: new File([PDF], 'letter\u202Efdp.exe'),
		})
		expect(accepted.thrown).toBe(true)
		expect(statusOf(accepted.value)).toBe(302)
		const files = (await storedFiles(india)).filter(
			(file) => !answerFiles.some((a) => a.id === file.id),
		)
		expect(files).toEqual([
			expect.objectContaining({
				question_id: SOURCE_DOCUMENT,
				file_name: 'letterfdp.pdf',
				content_type: 'application/pdf',
			}),
		])
		const submission = (await latestSubmission(t.db, india))!
		expect(submission.onBehalf).toEqual({
			reason: 'The country sent its report by post.',
			sourceAttachmentId: files[0]!.id,
			enteredBy: reviewer.id,
		})
		const served = await download(otherCountry, india, files[0]!.id)
		expect(Buffer.from(await served.arrayBuffer())).toEqual(PDF)
		// Submitted: no more files, with the submission or without.
		const again = await submitOnBehalf(reviewer, india, { file: new File([PDF], 'again.pdf') })
		expect(statusOf(again.value)).toBe(409)
		expect(await storedFiles(india)).toHaveLength(answerFiles.length + 1)
	})

	it('refuses a submission on behalf of a report the country entered itself, storing nothing', async () => {
		const refused = await submitOnBehalf(reviewer, kenya, { file: new File([PDF], 'letter.pdf') })
		expect(statusOf(refused.value)).toBe(403)
		// The transaction itself refuses it too, whoever calls it.
		const checked = await checkUpload(new File([PDF], 'letter.pdf'), 1_000_000)
		if (!checked.ok) throw new Error(checked.error)
		const before = await storedFiles(kenya)
		const outcome = await applyWorkflowAction(t.db, {
			reportId: kenya,
			actor: reviewer,
			action: 'submit_on_behalf',
			onBehalf: { reason: 'By post', sourceDocument: checked },
		})
		expect(outcome).toMatchObject({ ok: false, message: 'workflow.notEnteredOnBehalf' })
		expect(await storedFiles(kenya)).toEqual(before)
	})
})

describe('stored and served files', () => {
	it('names the file with the extension of its content, without bidi or control characters', async () => {
		const cases: [string, Uint8Array<ArrayBuffer>, string, string][] = [
			['setup.exe', PDF, 'setup.pdf', 'application/pdf'],
			['report.html', PDF, 'report.pdf', 'application/pdf'],
			['invoice\u202Efdp.exe', PDF, 'invoicefdp.pdf', 'application/pdf'],
			['\u2067scan\u2069 2024\u200B.PDF', PDF, 'scan 2024.pdf', 'application/pdf'],
			['..\\..\\photo.svg', PNG, 'photo.png', 'image/png'],
			['portrait.jpeg.html', PNG, 'portrait.jpeg.png', 'image/png'],
			['CON.pdf', PDF, '_CON.pdf', 'application/pdf'],
			['.htaccess', PDF, 'htaccess.pdf', 'application/pdf'],
			['budget.xls', cfbWith('WordDocument'), 'budget.doc', 'application/msword'],
			['figures', cfbWith('Workbook'), 'figures.xls', 'application/vnd.ms-excel'],
			[
				'memo with chart.doc',
				cfbWith('WordDocument', 'Workbook'),
				'memo with chart.doc',
				'application/msword',
			],
		]
		for (const [name, bytes, fileName, contentType] of cases) {
			const file = uploaded(await upload(contributor, kenya, new File([bytes], name)))
			expect({ name, fileName: file.fileName, contentType: file.contentType }).toEqual({
				name,
				fileName,
				contentType,
			})
			const served = await download(contributor, kenya, file.id)
			expect(served.headers.get('Content-Type')).toBe(contentType)
			expect(served.headers.get('Content-Disposition')).toBe(
				`attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
			)
		}
	})

	it('refuses HTML polyglots and containers that are neither Word nor Excel, storing nothing', async () => {
		const before = await storedFiles(kenya)
		const polyglots = [
			Buffer.concat([PDF, Buffer.from('<html><body><script>alert(document.cookie)</script>')]),
			Buffer.from('%PDF-1.4\n%<!DOCTYPE html>\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
			Buffer.concat([PNG, Buffer.from('<SCRIPT src=//evil.example/x.js></SCRIPT>')]),
			Buffer.concat([PDF, Buffer.from('<iframe src="https://evil.example">')]),
		]
		for (const bytes of polyglots) {
			const result = await upload(contributor, kenya, new File([bytes], 'report.pdf'))
			expect(statusOf(result.value)).toBe(415)
			expect(errorOf(result)).toBe('attachments.activeContent')
		}
		const installer = await upload(
			contributor,
			kenya,
			new File([cfbWith('SummaryInformation')], 'setup.doc'),
		)
		expect(statusOf(installer.value)).toBe(415)
		expect(errorOf(installer)).toBe('attachments.legacyOfficeUnclear')
		expect(await storedFiles(kenya)).toEqual(before)
	})

	it('always serves a download that runs nothing: attachment, nosniff, a sandboxing policy', async () => {
		for (const [name, bytes] of [
			['law.pdf', PDF],
			['map.png', PNG],
		] as const) {
			const file = uploaded(await upload(contributor, kenya, new File([bytes], name)))
			const served = await download(reviewer, kenya, file.id)
			expect(served.headers.get('Content-Disposition')).toMatch(/^attachment; /)
			expect(served.headers.get('X-Content-Type-Options')).toBe('nosniff')
			expect(served.headers.get('Content-Security-Policy')).toBe(
				"default-src 'none'; sandbox; frame-ancestors 'none'",
			)
			expect(served.headers.get('Cache-Control')).toBe('private, no-store')
		}
		// Names beyond ASCII: a plain fallback, and the exact name in UTF-8 (RFC 5987).
		const accented = uploaded(
			await upload(contributor, kenya, new File([PDF], 'Côte d’Ivoire (rapport).pdf')),
		)
		const served = await download(contributor, kenya, accented.id)
		expect(served.headers.get('Content-Disposition')).toBe(
			`attachment; filename="Cote d_Ivoire (rapport).pdf"; filename*=UTF-8''C%C3%B4te%20d%E2%80%99Ivoire%20%28rapport%29.pdf`,
		)
	})

	it('serves files stored before these checks under a safe name and type', async () => {
		const { id } = await insertAttachment(t.db, {
			reportId: kenya,
			questionId: 'b_attachments',
			fileName: "it's (final)\u202Egpj.html",
			contentType: 'application/pdf',
			sha256: 'x',
			content: PDF,
			uploadedBy: contributor.id,
		})
		const served = await download(contributor, kenya, id)
		expect(served.headers.get('Content-Disposition')).toBe(
			`attachment; filename="it's (final)gpj.pdf"; filename*=UTF-8''it%27s%20%28final%29gpj.pdf`,
		)
		await sql`update attachment set content_type = 'text/html' where id = ${id}`.execute(t.db)
		const unknown = await download(contributor, kenya, id)
		expect(unknown.headers.get('Content-Type')).toBe('application/octet-stream')
		expect(unknown.headers.get('Content-Disposition')).toMatch(/filename="it's \(final\)gpj\.bin"/)
	})
})
