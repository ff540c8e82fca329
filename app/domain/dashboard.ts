import type { PartyReportRow } from '#db/queries/party-reports.ts'
import { REGIONAL_GROUPS } from '#db/types.ts'
import type { Language } from '../utils/i18n.ts'
import { REPORT_STATES } from './workflow.ts'

/**
 * The status dashboard of a reporting cycle: every Party to the cycle's convention (the
 * denominator), the status of its report, and when it first submitted.
 */

/** A Party's report as the dashboard counts it: not started, or in one of the report states. */
export const DASHBOARD_STATUSES = ['not_started', ...REPORT_STATES] as const
export type DashboardStatus = (typeof DASHBOARD_STATUSES)[number]

/**
 * `on_time`: first submitted on or before the deadline (UTC date); `late`: after it; `missing`:
 * not submitted and the deadline has passed; `pending`: not submitted, the deadline is still ahead.
 */
export const TIMELINESS = ['on_time', 'late', 'missing', 'pending'] as const
export type Timeliness = (typeof TIMELINESS)[number]

export const REGIONS = [...REGIONAL_GROUPS, 'none'] as const
export type Region = (typeof REGIONS)[number]

export type DashboardParty = {
	code: string
	name: string
	m49: string | null
	region: Region
	status: DashboardStatus
	reportId: string | null
	/** ISO timestamp of the first submission that was not recalled. */
	firstSubmittedAt: string | null
	timeliness: Timeliness
}

export type Counts<K extends string> = Record<K, number>

export type RegionSummary = {
	region: Region
	parties: number
	byStatus: Counts<DashboardStatus>
	timeliness: Counts<Timeliness>
}

export type SubmissionDay = { date: string; count: number; cumulative: number }

export type CycleDashboard = {
	today: string
	parties: DashboardParty[]
	byStatus: Counts<DashboardStatus>
	timeliness: Counts<Timeliness>
	/** The five UN regional groups, then Parties outside them (the EU) when there are any. */
	regions: RegionSummary[]
	/** First submissions per day, with the running total. */
	submissions: SubmissionDay[]
}

function zero<K extends string>(keys: readonly K[]): Counts<K> {
	return Object.fromEntries(keys.map((key) => [key, 0])) as Counts<K>
}

export function timelinessOf(
	firstSubmittedAt: Date | string | null,
	deadline: string,
	today: string,
): Timeliness {
	if (firstSubmittedAt === null) return today > deadline ? 'missing' : 'pending'
	const day = new Date(firstSubmittedAt).toISOString().slice(0, 10)
	return day <= deadline ? 'on_time' : 'late'
}

/** Aggregates the Parties' rows (pure; the rows come from `partyReportRows`). */
export function summariseCycle(
	rows: readonly PartyReportRow[],
	input: { deadline: string; today: string; language: Language },
): CycleDashboard {
	const byStatus = zero(DASHBOARD_STATUSES)
	const timeliness = zero(TIMELINESS)
	const regions = new Map<Region, RegionSummary>(
		REGIONS.map((region) => [
			region,
			{ region, parties: 0, byStatus: zero(DASHBOARD_STATUSES), timeliness: zero(TIMELINESS) },
		]),
	)
	const perDay = new Map<string, number>()
	const parties = rows.map((row): DashboardParty => {
		const status = row.status ?? 'not_started'
		const when = timelinessOf(row.firstSubmittedAt, input.deadline, input.today)
		const region: Region = row.regionalGroup ?? 'none'
		byStatus[status]++
		timeliness[when]++
		const summary = regions.get(region)!
		summary.parties++
		summary.byStatus[status]++
		summary.timeliness[when]++
		const submittedAt = row.firstSubmittedAt ? new Date(row.firstSubmittedAt).toISOString() : null
		if (submittedAt) {
			const day = submittedAt.slice(0, 10)
			perDay.set(day, (perDay.get(day) ?? 0) + 1)
		}
		return {
			code: row.code,
			name: row.names[input.language] || row.names.en || row.code,
			m49: row.m49,
			region,
			status,
			reportId: row.reportId,
			firstSubmittedAt: submittedAt,
			timeliness: when,
		}
	})
	parties.sort((a, b) => a.name.localeCompare(b.name, input.language))
	let cumulative = 0
	const submissions = [...perDay.entries()]
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([date, count]) => ({ date, count, cumulative: (cumulative += count) }))
	return {
		today: input.today,
		parties,
		byStatus,
		timeliness,
		regions: [...regions.values()].filter((r) => r.region !== 'none' || r.parties > 0),
		submissions,
	}
}

/** A country outline on the world map, with the status of the Party it is (null: no Party's). */
export type MapArea<S extends string = DashboardStatus> = {
	d: string
	status: S | null
	name: string | null
}
export type MapPoint<S extends string = DashboardStatus> = {
	x: number
	y: number
	status: S
	name: string
}

/** The world map coloured by a status of each Party (`S`: the dashboard's statuses, or others). */
export type WorldMapData<S extends string> = {
	width: number
	height: number
	areas: MapArea<S>[]
	/** Parties too small for the outline scale, drawn as circles. */
	points: MapPoint<S>[]
	/**
	 * Parties without a place on the map, listed beside it: a regional economic integration
	 * organisation such as the EU (no M49 code), or a State the map has no geometry for.
	 */
	notOnMap: { name: string; status: S }[]
}

export type DashboardMap = WorldMapData<DashboardStatus>
