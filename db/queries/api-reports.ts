import { sql, type ExpressionBuilder } from 'kysely'
import type {
	Convention,
	Database,
	LocalizedNames,
	ReportStatus,
	SubmissionState,
} from '../types.ts'
import type { Answers } from '#forms/types.ts'
import type { DbHandle } from './handle.ts'
import { isUuid } from './cycles.ts'

/**
 * Reports and submissions as the JSON API serves them, to one of two audiences:
 *
 * - `public`: the accepted submissions of cycles the secretariat published (`cycle_publication`,
 *   public from `published_from`, a UTC day, on): a report is public when it has an accepted
 *   submission and its cycle is published on `today`; of its submissions only the accepted ones
 *   are. Never a draft, a working copy, a submission under review or an earlier one.
 * - `secretariat` (tokens with `read:reports`): every report that was submitted (has a submission
 *   that was not recalled), whatever its state, with all its submissions but recalled ones.
 */
export type ApiAudience = { kind: 'public'; today: string } | { kind: 'secretariat' }

export type ApiSubmissionSummary = {
	number: number
	state: SubmissionState
	submittedAt: Date
	sha256: string
	formSha256: string | null
}

export type ApiReportRow = {
	id: string
	partyCode: string
	partyNames: LocalizedNames
	cycleCode: string
	convention: Convention
	formId: string
	formVersion: number
	status: ReportStatus
	/** The latest submission the audience may see. */
	latest: ApiSubmissionSummary
}

type Eb = ExpressionBuilder<Database, 'report' | 'reporting_cycle'>

/** The states of submissions the audience may see. */
function visibleStates(audience: ApiAudience): SubmissionState[] {
	return audience.kind === 'public'
		? ['accepted']
		: ['current', 'superseded', 'accepted', 'returned']
}

/** Reports the audience may see (on `report` joined with its `reporting_cycle`). */
function visibleReport(eb: Eb, audience: ApiAudience) {
	const submitted = eb.exists(
		eb
			.selectFrom('submission as s')
			.whereRef('s.report_id', '=', 'report.id')
			.where('s.state', 'in', visibleStates(audience))
			.select(sql.lit(1).as('one')),
	)
	if (audience.kind === 'secretariat') return submitted
	return eb.and([
		submitted,
		eb.exists(
			eb
				.selectFrom('cycle_publication as p')
				.whereRef('p.cycle_id', '=', 'reporting_cycle.id')
				.where('p.published_from', '<=', audience.today)
				.select(sql.lit(1).as('one')),
		),
	])
}

export type ApiReportFilter = {
	cycleCode?: string
	partyCode?: string
	convention?: Convention
	/** Secretariat only: the reports' working status. */
	statuses?: ReportStatus[]
}

function reportQuery(db: DbHandle, audience: ApiAudience) {
	const states = visibleStates(audience)
	return db
		.selectFrom('report')
		.innerJoin('reporting_cycle', 'reporting_cycle.id', 'report.cycle_id')
		.innerJoin('party', 'party.code', 'report.party_code')
		.where((eb) => visibleReport(eb, audience))
		.select((eb) => [
			'report.id',
			'report.party_code',
			'party.names',
			'reporting_cycle.code as cycle_code',
			'reporting_cycle.convention',
			'report.form_id',
			'report.form_version',
			'report.status',
			eb
				.selectFrom('submission as s')
				.whereRef('s.report_id', '=', 'report.id')
				.where('s.state', 'in', states)
				.select(
					sql<LatestJson>`jsonb_build_object('number', s.number, 'state', s.state, 'submitted_at', s.submitted_at, 'sha256', s.sha256, 'form_sha256', s.form_sha256)`.as(
						'latest',
					),
				)
				.orderBy('s.number', 'desc')
				.limit(1)
				.as('latest'),
		])
}

type LatestJson = {
	number: number
	state: SubmissionState
	submitted_at: string
	sha256: string
	form_sha256: string | null
}

function toReportRow(row: {
	id: string
	party_code: string
	names: LocalizedNames
	cycle_code: string
	convention: Convention
	form_id: string
	form_version: number
	status: ReportStatus
	latest: LatestJson | null
}): ApiReportRow {
	const latest = row.latest!
	return {
		id: row.id,
		partyCode: row.party_code,
		partyNames: row.names,
		cycleCode: row.cycle_code,
		convention: row.convention,
		formId: row.form_id,
		formVersion: row.form_version,
		status: row.status,
		latest: {
			number: latest.number,
			state: latest.state,
			submittedAt: new Date(latest.submitted_at),
			sha256: latest.sha256,
			formSha256: latest.form_sha256,
		},
	}
}

/**
 * A page of the reports the audience may see, ordered by cycle code then Party code, after the
 * report `after` names (the last one of the previous page). Asks for `limit` rows.
 */
export async function listApiReports(
	db: DbHandle,
	audience: ApiAudience,
	filter: ApiReportFilter,
	page: { after?: { cycleCode: string; partyCode: string }; limit: number },
): Promise<ApiReportRow[]> {
	const rows = await reportQuery(db, audience)
		.$if(filter.cycleCode !== undefined, (qb) =>
			qb.where('reporting_cycle.code', '=', filter.cycleCode!),
		)
		.$if(filter.partyCode !== undefined, (qb) =>
			qb.where('report.party_code', '=', filter.partyCode!),
		)
		.$if(filter.convention !== undefined, (qb) =>
			qb.where('reporting_cycle.convention', '=', filter.convention!),
		)
		.$if(Boolean(filter.statuses?.length), (qb) =>
			qb.where('report.status', 'in', filter.statuses!),
		)
		.$if(page.after !== undefined, (qb) =>
			qb.where(
				sql<boolean>`(reporting_cycle.code, report.party_code) > (${page.after!.cycleCode}, ${page.after!.partyCode})`,
			),
		)
		.orderBy('reporting_cycle.code')
		.orderBy('report.party_code')
		.limit(page.limit)
		.execute()
	return rows.map(toReportRow)
}

export async function findApiReport(db: DbHandle, audience: ApiAudience, reportId: string) {
	if (!isUuid(reportId)) return undefined
	const row = await reportQuery(db, audience).where('report.id', '=', reportId).executeTakeFirst()
	return row ? toReportRow(row) : undefined
}

/** The submissions of a report the audience may see, oldest first (the report must be visible). */
export async function listApiSubmissions(
	db: DbHandle,
	audience: ApiAudience,
	reportId: string,
): Promise<ApiSubmissionSummary[]> {
	const rows = await db
		.selectFrom('submission')
		.where('report_id', '=', reportId)
		.where('state', 'in', visibleStates(audience))
		.select(['number', 'state', 'submitted_at', 'sha256', 'form_sha256'])
		.orderBy('number')
		.execute()
	return rows.map((row) => ({
		number: row.number,
		state: row.state,
		submittedAt: row.submitted_at,
		sha256: row.sha256,
		formSha256: row.form_sha256,
	}))
}

/** One submission the audience may see, with its answers as stored (the report must be visible). */
export async function findApiSubmission(
	db: DbHandle,
	audience: ApiAudience,
	reportId: string,
	number: number,
) {
	const row = await db
		.selectFrom('submission')
		.where('report_id', '=', reportId)
		.where('number', '=', number)
		.where('state', 'in', visibleStates(audience))
		.select([
			'number',
			'state',
			'submitted_at',
			'sha256',
			'form_id',
			'form_version',
			'form_sha256',
			'answers',
		])
		.executeTakeFirst()
	if (!row) return undefined
	return {
		formId: row.form_id,
		formVersion: row.form_version,
		number: row.number,
		state: row.state,
		submittedAt: row.submitted_at,
		sha256: row.sha256,
		formSha256: row.form_sha256,
		answers: row.answers as Answers,
	}
}

/** Cycle id → the first day (UTC, `YYYY-MM-DD`) its accepted reports are public. */
export async function listCyclePublications(db: DbHandle): Promise<Map<string, string>> {
	const rows = await db
		.selectFrom('cycle_publication')
		.select(['cycle_id', 'published_from'])
		.execute()
	return new Map(rows.map((row) => [row.cycle_id, row.published_from]))
}
