import { z } from 'zod'
import {
	findApiReport,
	findApiSubmission,
	listApiReports,
	listApiSubmissions,
	type ApiAudience,
	type ApiReportRow,
	type ApiSubmissionSummary,
} from '#db/queries/api-reports.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { visibleAnswers } from '#exports/compiled/dataset.ts'
import { getFormDefinition } from '#forms/registry.ts'
import type { Language } from '#forms/types.ts'
import { CONVENTIONS } from '#forms/vocabulary.ts'
import { loadDepositaryRecord } from '../../domain/depositary-record.server.ts'
import { formContextFor } from '../../domain/report-context.server.ts'
import { apiUrl, LangParam, nameIn } from '../common.server.ts'
import { defineOperation, type Access } from '../operation.server.ts'
import { decodeCursor, pageOf, PageParams } from '../pagination.server.ts'
import { ApiProblem } from '../problem.server.ts'
import { ReportDetailSchema, ReportPage, SubmissionSchema } from '../schemas.ts'

/**
 * The reports and submissions operations, for the public (accepted reports of published cycles,
 * anyone) and for the secretariat (every submitted report, tokens with `read:reports`): the same
 * resources under two prefixes, `/reports` and `/secretariat/reports` (db/queries/api-reports.ts
 * says what each audience sees).
 */
type Variant = {
	kind: ApiAudience['kind']
	prefix: string
	access: Access
	idPrefix: string
	tag: string
	who: string
}

const PUBLIC: Variant = {
	kind: 'public',
	prefix: '/reports',
	access: 'public',
	idPrefix: '',
	tag: 'Reports',
	who: 'Accepted reports of the cycles the secretariat published: only their accepted submissions.',
}

const SECRETARIAT: Variant = {
	kind: 'secretariat',
	prefix: '/secretariat/reports',
	access: 'read:reports',
	idPrefix: 'secretariat',
	tag: 'Reports of the secretariat',
	who: 'Every submitted report, whatever its state (submitted, under review, returned, accepted), and all its submissions but recalled ones. Needs a token with read:reports.',
}

const ReportId = z.uuid()
const operationId = (variant: Variant, name: string) =>
	variant.idPrefix ? `${variant.idPrefix}${name[0]!.toUpperCase()}${name.slice(1)}` : name

function audienceOf(variant: Variant, today: string): ApiAudience {
	return variant.kind === 'public' ? { kind: 'public', today } : { kind: 'secretariat' }
}

function submissionSummary(variant: Variant, reportId: string, submission: ApiSubmissionSummary) {
	return {
		number: submission.number,
		state: submission.state as z.output<typeof SubmissionSchema>['state'],
		submitted_at: submission.submittedAt.toISOString(),
		sha256: submission.sha256,
		form_sha256: submission.formSha256,
		links: { self: apiUrl(`${variant.prefix}/${reportId}/submissions/${submission.number}`) },
	}
}

function reportBody(variant: Variant, row: ApiReportRow, lang: Language) {
	return {
		id: row.id,
		party_code: row.partyCode,
		party_name: nameIn(row.partyNames, lang, row.partyCode),
		cycle_code: row.cycleCode,
		convention: row.convention,
		form_id: row.formId,
		form_version: row.formVersion,
		status: variant.kind === 'public' ? ('accepted' as const) : row.status,
		latest_submission: submissionSummary(variant, row.id, row.latest),
		links: {
			self: apiUrl(`${variant.prefix}/${row.id}`),
			party: apiUrl(`/parties/${row.partyCode}`),
			cycle: apiUrl(`/cycles/${encodeURIComponent(row.cycleCode)}`),
		},
	}
}

const REPORT_STATUSES = ['submitted', 'under_review', 'returned', 'accepted', 'draft'] as const

function listOperation(variant: Variant) {
	return defineOperation({
		id: operationId(variant, 'listReports'),
		path: variant.prefix,
		tag: variant.tag,
		summary: variant.kind === 'public' ? 'Public reports' : 'Submitted reports',
		description: `${variant.who} Ordered by cycle code, then Party code.`,
		access: variant.access,
		params: {},
		query: {
			...PageParams,
			lang: LangParam,
			cycle: z.string().max(100).optional().describe('only the reports of this cycle (its code)'),
			party: z
				.string()
				.regex(/^[A-Z]{3}$/)
				.optional()
				.describe('only the reports of this Party (ISO 3166-1 alpha-3)'),
			convention: z.enum(CONVENTIONS).optional().describe('only the reports under this convention'),
			...(variant.kind === 'secretariat'
				? {
						status: z
							.enum(REPORT_STATUSES)
							.optional()
							.describe('only the reports in this working status'),
					}
				: {}),
		},
		response: { schema: ReportPage, description: 'A page of reports' },
		problems: [400],
		async handle({ db, query, url, today }) {
			const after = decodeCursor(query.cursor, 2)
			const status =
				'status' in query ? (query.status as (typeof REPORT_STATUSES)[number]) : undefined
			const rows = await listApiReports(
				db,
				audienceOf(variant, today),
				{
					cycleCode: query.cycle,
					partyCode: query.party,
					convention: query.convention,
					statuses: status ? [status] : undefined,
				},
				{
					after: after ? { cycleCode: after[0]!, partyCode: after[1]! } : undefined,
					limit: query.limit + 1,
				},
			)
			const page = pageOf(rows, query.limit, (row) => [row.cycleCode, row.partyCode], url)
			return {
				kind: 'json',
				body: { ...page, data: page.data.map((row) => reportBody(variant, row, query.lang)) },
			}
		},
	})
}

function getOperation(variant: Variant) {
	return defineOperation({
		id: operationId(variant, 'getReport'),
		path: `${variant.prefix}/{reportId}`,
		tag: variant.tag,
		summary: variant.kind === 'public' ? 'A public report' : 'A submitted report',
		description: `A report and the submissions of it this audience may see. ${variant.who}`,
		access: variant.access,
		params: { reportId: ReportId },
		query: { lang: LangParam },
		response: { schema: ReportDetailSchema, description: 'The report' },
		problems: [400, 404],
		async handle({ db, params, query, today }) {
			const audience = audienceOf(variant, today)
			const row = await findApiReport(db, audience, params.reportId)
			if (!row) throw new ApiProblem('not-found', 'There is no such report.')
			const submissions = await listApiSubmissions(db, audience, row.id)
			return {
				kind: 'json',
				body: {
					...reportBody(variant, row, query.lang),
					submissions: submissions.map((submission) =>
						submissionSummary(variant, row.id, submission),
					),
				},
			}
		},
	})
}

function submissionOperation(variant: Variant) {
	return defineOperation({
		id: operationId(variant, 'getSubmission'),
		path: `${variant.prefix}/{reportId}/submissions/{number}`,
		tag: variant.tag,
		summary: 'A submission and its answers',
		description:
			'An immutable submission: its answers in the value model, as the form asked them (answers hidden by its conditions are left out, as in every export), and the SHA-256 recorded when it was submitted.',
		access: variant.access,
		params: { reportId: ReportId, number: z.coerce.number().int().positive().max(100_000) },
		query: {},
		response: { schema: SubmissionSchema, description: 'The submission' },
		problems: [404],
		async handle({ db, params, today }) {
			const audience = audienceOf(variant, today)
			const report = await findApiReport(db, audience, params.reportId)
			const submission = report && (await findApiSubmission(db, audience, report.id, params.number))
			const cycle = report && (await findCycleByCode(db, report.cycleCode))
			const definition = submission && getFormDefinition(submission.formId, submission.formVersion)
			if (!report || !submission || !cycle || !definition) {
				throw new ApiProblem('not-found', 'There is no such submission.')
			}
			const formContext = formContextFor(report.partyCode, cycle, await loadDepositaryRecord(db))
			return {
				kind: 'json',
				body: {
					...submissionSummary(variant, report.id, submission),
					report_id: report.id,
					party_code: report.partyCode,
					cycle_code: report.cycleCode,
					form_id: submission.formId,
					form_version: submission.formVersion,
					answers: visibleAnswers(definition, { answers: submission.answers, formContext }),
				},
			}
		},
	})
}

export const listReports = listOperation(PUBLIC)
export const getReport = getOperation(PUBLIC)
export const getSubmission = submissionOperation(PUBLIC)
export const listSecretariatReports = listOperation(SECRETARIAT)
export const getSecretariatReport = getOperation(SECRETARIAT)
export const getSecretariatSubmission = submissionOperation(SECRETARIAT)
