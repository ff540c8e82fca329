import type { LocalizedNames, RegionalGroup, ReportStatus } from '../types.ts'
import type { ReportingCycle } from './cycles.ts'
import type { DbHandle } from './handle.ts'
import { firstSubmittedAtOf } from './reports.ts'

/** A Party to a cycle's convention with its report for the cycle, if it has one. */
export type PartyReportRow = {
	code: string
	names: LocalizedNames
	m49: string | null
	regionalGroup: RegionalGroup | null
	reportId: string | null
	status: ReportStatus | null
	/** Its first submission that was not recalled. */
	firstSubmittedAt: Date | null
}

/**
 * Every Party to the cycle's convention (the dashboard's denominator, the reminders' recipients)
 * with its report for the cycle (if any) and the time of its first submission that was not
 * recalled.
 */
export async function partyReportRows(
	db: DbHandle,
	cycle: Pick<ReportingCycle, 'id' | 'convention'>,
): Promise<PartyReportRow[]> {
	const rows = await db
		.selectFrom('party as p')
		.innerJoin('party_convention_status as cs', (join) =>
			join
				.onRef('cs.party_code', '=', 'p.code')
				.on('cs.convention', '=', cycle.convention)
				.on('cs.status', '=', 'party'),
		)
		.leftJoin('report as r', (join) =>
			join.onRef('r.party_code', '=', 'p.code').on('r.cycle_id', '=', cycle.id),
		)
		.select((eb) => [
			'p.code',
			'p.names',
			'p.m49',
			'p.regional_group',
			'r.id as report_id',
			'r.status',
			firstSubmittedAtOf(eb.ref('r.id')).as('first_submitted_at'),
		])
		.orderBy('p.code')
		.execute()
	return rows.map((row) => ({
		code: row.code,
		names: row.names,
		m49: row.m49,
		regionalGroup: row.regional_group,
		reportId: row.report_id,
		status: row.status,
		firstSubmittedAt: row.first_submitted_at ? new Date(row.first_submitted_at) : null,
	}))
}
