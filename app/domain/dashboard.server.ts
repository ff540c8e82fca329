import { sql } from 'kysely'
import type { ReportingCycle } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { REGIONAL_GROUPS, type LocalizedNames, type RegionalGroup } from '#db/types.ts'
import type { Language } from '../utils/i18n.ts'
import { worldGeometry } from './world-geometry.server.ts'

/**
 * The status dashboard of a reporting cycle: every Party to the cycle's convention (the
 * denominator), the status of its report, and when it first submitted.
 */

export const DASHBOARD_STATUSES = [
	'not_started',
	'draft',
	'submitted',
	'under_review',
	'returned',
	'accepted',
] as const
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

export type PartyReportRow = {
	code: string
	names: LocalizedNames
	m49: string | null
	regionalGroup: RegionalGroup | null
	reportId: string | null
	status: Exclude<DashboardStatus, 'not_started'> | null
	firstSubmittedAt: Date | null
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

/**
 * Every Party to the cycle's convention with its report for the cycle (if any) and the time of
 * its first submission that was not recalled.
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
			eb
				.selectFrom('submission as s')
				.whereRef('s.report_id', '=', 'r.id')
				.where('s.state', '<>', 'recalled')
				.select(sql<Date>`min(s.submitted_at)`.as('first'))
				.as('first_submitted_at'),
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

export async function loadCycleDashboard(
	db: DbHandle,
	cycle: ReportingCycle,
	input: { today: string; language: Language },
): Promise<CycleDashboard> {
	return summariseCycle(await partyReportRows(db, cycle), { ...input, deadline: cycle.deadline })
}

export type MapArea = { d: string; status: DashboardStatus | null; name: string | null }
export type MapPoint = { x: number; y: number; status: DashboardStatus; name: string }

export type DashboardMap = {
	width: number
	height: number
	areas: MapArea[]
	/** Parties too small for the outline scale, drawn as circles. */
	points: MapPoint[]
	/** Parties without a place on the map (no ISO numeric code, e.g. the EU, or no geometry). */
	notOnMap: string[]
}

/** The world map coloured by the Parties' status (non-Parties and territories: `status` null). */
export function dashboardMap(parties: readonly DashboardParty[]): DashboardMap {
	const world = worldGeometry()
	const byM49 = new Map(parties.filter((p) => p.m49).map((p) => [p.m49!, p]))
	const areas = world.shapes.map((shape) => {
		const party = byM49.get(shape.m49)
		return { d: shape.d, status: party?.status ?? null, name: party?.name ?? null }
	})
	const outlined = new Set(world.shapes.map((shape) => shape.m49))
	const points: MapPoint[] = []
	const notOnMap: string[] = []
	for (const party of parties) {
		if (party.m49 && outlined.has(party.m49)) continue
		const point = party.m49 ? world.points.get(party.m49) : undefined
		if (point) points.push({ ...point, status: party.status, name: party.name })
		else notOnMap.push(party.name)
	}
	return {
		width: world.width,
		height: world.height,
		areas,
		points,
		notOnMap,
	}
}
