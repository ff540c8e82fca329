import { sql } from 'kysely'
import type { RegionalGroup, ReportStatus } from '../types.ts'
import type { DbHandle } from './handle.ts'
import { firstSubmittedAtOf } from './reports.ts'

export type QueueFilter = {
	cycleId: string
	status?: ReportStatus
	region?: RegionalGroup
	partyCode?: string
	late?: boolean
	sort?: 'submitted' | 'country' | 'status' | 'threads'
	direction?: 'asc' | 'desc'
}

export type QueueRow = {
	reportId: string
	partyCode: string
	names: Record<string, string>
	regionalGroup: RegionalGroup | null
	status: ReportStatus
	firstSubmittedAt: Date | null
	lastSubmittedAt: Date | null
	late: boolean
	openThreads: number
	reopenRequested: boolean
}

/**
 * Every report of a cycle that has been submitted at least once, with what a reviewer sorts by:
 * country, UN region, first and last submission, on time or late (judged, as on the dashboard, on
 * the first submission that was not recalled: `firstSubmittedAtOf`), status, open threads.
 */
export async function listReviewQueue(
	db: DbHandle,
	filter: QueueFilter,
	deadline: string,
): Promise<QueueRow[]> {
	const firstSubmitted = firstSubmittedAtOf(sql.ref('r.id'))
	const lastSubmitted = sql<Date | null>`(select max(s.submitted_at) from submission s where s.report_id = r.id)`
	const openThreads = sql<number>`(select count(*) from review_thread t where t.report_id = r.id and t.status = 'open')`
	// Late: first submitted after the deadline's day, in UTC (as `timelinessOf` judges it).
	const isLate = sql<boolean>`coalesce(${firstSubmitted} >= ((${deadline}::date + 1)::timestamp at time zone 'UTC'), false)`
	const direction = filter.direction ?? 'asc'
	const rows = await db
		.selectFrom('report as r')
		.innerJoin('party as p', 'p.code', 'r.party_code')
		.where('r.cycle_id', '=', filter.cycleId)
		.where((eb) =>
			eb.exists(
				eb.selectFrom('submission as s').whereRef('s.report_id', '=', 'r.id').select('s.id'),
			),
		)
		.$if(Boolean(filter.status), (qb) => qb.where('r.status', '=', filter.status!))
		.$if(Boolean(filter.region), (qb) => qb.where('p.regional_group', '=', filter.region!))
		.$if(Boolean(filter.partyCode), (qb) => qb.where('r.party_code', '=', filter.partyCode!))
		.$if(filter.late === true, (qb) => qb.where(isLate, '=', true))
		.select([
			'r.id as report_id',
			'r.party_code',
			'p.names',
			'p.regional_group',
			'r.status',
			'r.reopen_requested_at',
			firstSubmitted.as('first_submitted_at'),
			lastSubmitted.as('last_submitted_at'),
			openThreads.as('open_threads'),
			isLate.as('late'),
		])
		.$call((qb) => {
			switch (filter.sort) {
				case 'country':
					return qb.orderBy(sql`p.names->>'en'`, direction)
				case 'status':
					return qb.orderBy('r.status', direction).orderBy(sql`p.names->>'en'`)
				case 'threads':
					return qb.orderBy(openThreads, direction).orderBy(sql`p.names->>'en'`)
				default:
					return qb.orderBy(lastSubmitted, direction).orderBy(sql`p.names->>'en'`)
			}
		})
		.execute()
	return rows.map((r) => ({
		reportId: r.report_id,
		partyCode: r.party_code,
		names: r.names as Record<string, string>,
		regionalGroup: r.regional_group,
		status: r.status,
		firstSubmittedAt: r.first_submitted_at,
		lastSubmittedAt: r.last_submitted_at,
		late: Boolean(r.late),
		openThreads: Number(r.open_threads),
		reopenRequested: r.reopen_requested_at !== null,
	}))
}
