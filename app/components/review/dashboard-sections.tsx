import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import type {
	CycleDashboard,
	DashboardMap,
	DashboardParty,
	DashboardStatus,
	Timeliness,
} from '../../domain/dashboard.ts'
import { SubmissionsChart } from './submissions-chart.tsx'
import { DASHBOARD_MAP_STATUSES, STATUS_ORDER, StatusSwatch, WorldMap } from './world-map.tsx'
import { ScrollRegion } from '../scroll-region.tsx'
import { useFormat } from '../../utils/use-format.ts'

/** Numbers, shares of all Parties, dates and labels in the page's language. */
export function useDashboardFormats(total: number) {
	const { t } = useTranslation('review-dashboard')
	const format = useFormat()
	const statusLabel = (status: DashboardStatus) => t(`status.${status}`)
	return {
		count: (value: number) => format.number(value),
		share: (count: number) => (total === 0 ? '—' : format.percent(count / total)),
		date: (value: string) => format.date(value),
		month: (time: number) => format.month(time),
		statusLabel,
		statusLabels: Object.fromEntries(
			STATUS_ORDER.map((status) => [status, statusLabel(status)]),
		) as Record<DashboardStatus, string>,
		regionLabel: (region: string) =>
			region === 'none' ? t('region.none') : t(`common:regions.${region}`),
		timelinessLabel: (key: Timeliness) => t(`timeliness.${key}`),
	}
}

export type DashboardFormats = ReturnType<typeof useDashboardFormats>

function CountWithShare({ count, formats }: { count: number; formats: DashboardFormats }) {
	return (
		<dd>
			{formats.count(count)} <span className="muted">({formats.share(count)})</span>
		</dd>
	)
}

export function DashboardFigures({
	dashboard,
	submitted,
	formats,
}: {
	dashboard: CycleDashboard
	submitted: number
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	return (
		<section aria-labelledby="dashboard-figures">
			<h2 id="dashboard-figures">{t('figures.heading')}</h2>
			<dl className="dashboard__figures">
				<div>
					<dt>{t('figures.parties')}</dt>
					<dd>{formats.count(dashboard.parties.length)}</dd>
				</div>
				<div>
					<dt>{t('figures.submitted')}</dt>
					<CountWithShare count={submitted} formats={formats} />
				</div>
				<div>
					<dt>{t('figures.accepted')}</dt>
					<CountWithShare count={dashboard.byStatus.accepted} formats={formats} />
				</div>
				<div>
					<dt>{t('figures.onTime')}</dt>
					<CountWithShare count={dashboard.timeliness.on_time} formats={formats} />
				</div>
			</dl>
		</section>
	)
}

function CountHeaders() {
	const { t } = useTranslation('review-dashboard')
	return (
		<>
			<th scope="col">{t('table.count')}</th>
			<th scope="col">{t('table.share')}</th>
		</>
	)
}

export function StatusTable({
	dashboard,
	formats,
}: {
	dashboard: CycleDashboard
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	const total = dashboard.parties.length
	return (
		<section aria-labelledby="dashboard-status">
			<h2 id="dashboard-status">{t('status.heading')}</h2>
			<table className="table" aria-labelledby="dashboard-status">
				<thead>
					<tr>
						<th scope="col">{t('table.status')}</th>
						<CountHeaders />
					</tr>
				</thead>
				<tbody>
					{STATUS_ORDER.map((status) => (
						<tr key={status}>
							<th scope="row">
								<StatusSwatch status={status} /> {formats.statusLabel(status)}
							</th>
							<td className="numeric">{formats.count(dashboard.byStatus[status])}</td>
							<td className="numeric">{formats.share(dashboard.byStatus[status])}</td>
						</tr>
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row">{t('table.total')}</th>
						<td className="numeric">{formats.count(total)}</td>
						<td className="numeric">{formats.share(total)}</td>
					</tr>
				</tfoot>
			</table>
		</section>
	)
}

export function TimelinessTable({
	dashboard,
	shown,
	formats,
}: {
	dashboard: CycleDashboard
	shown: readonly Timeliness[]
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	return (
		<section aria-labelledby="dashboard-timeliness">
			<h2 id="dashboard-timeliness">{t('timeliness.heading')}</h2>
			<p className="muted">{t('timeliness.intro')}</p>
			<table className="table" aria-labelledby="dashboard-timeliness">
				<thead>
					<tr>
						<th scope="col">{t('table.timeliness')}</th>
						<CountHeaders />
					</tr>
				</thead>
				<tbody>
					{shown.map((key) => (
						<tr key={key}>
							<th scope="row">{formats.timelinessLabel(key)}</th>
							<td className="numeric">{formats.count(dashboard.timeliness[key])}</td>
							<td className="numeric">{formats.share(dashboard.timeliness[key])}</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	)
}

/** One row of the region table: Parties, then counts per status and per shown timeliness. */
function RegionCells({
	parties,
	byStatus,
	timeliness,
	shown,
	formats,
}: Pick<CycleDashboard['regions'][number], 'parties' | 'byStatus' | 'timeliness'> & {
	shown: readonly Timeliness[]
	formats: DashboardFormats
}) {
	return (
		<>
			<td className="numeric">{formats.count(parties)}</td>
			{STATUS_ORDER.map((status) => (
				<td key={status} className="numeric">
					{formats.count(byStatus[status])}
				</td>
			))}
			{shown.map((key) => (
				<td key={key} className="numeric">
					{formats.count(timeliness[key])}
				</td>
			))}
		</>
	)
}

export function RegionTable({
	dashboard,
	shown,
	formats,
}: {
	dashboard: CycleDashboard
	shown: readonly Timeliness[]
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	return (
		<section aria-labelledby="dashboard-regions">
			<h2 id="dashboard-regions">{t('region.heading')}</h2>
			<ScrollRegion labelledBy="dashboard-regions">
				<table className="table" aria-labelledby="dashboard-regions">
					<thead>
						<tr>
							<th scope="col">{t('table.region')}</th>
							<th scope="col">{t('table.count')}</th>
							{STATUS_ORDER.map((status) => (
								<th key={status} scope="col">
									{formats.statusLabel(status)}
								</th>
							))}
							{shown.map((key) => (
								<th key={key} scope="col">
									{formats.timelinessLabel(key)}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{dashboard.regions.map((region) => (
							<tr key={region.region}>
								<th scope="row">{formats.regionLabel(region.region)}</th>
								<RegionCells {...region} shown={shown} formats={formats} />
							</tr>
						))}
					</tbody>
					<tfoot>
						<tr>
							<th scope="row">{t('table.total')}</th>
							<RegionCells
								parties={dashboard.parties.length}
								byStatus={dashboard.byStatus}
								timeliness={dashboard.timeliness}
								shown={shown}
								formats={formats}
							/>
						</tr>
					</tfoot>
				</table>
			</ScrollRegion>
		</section>
	)
}

export function PartiesTable({
	parties,
	formats,
}: {
	parties: readonly DashboardParty[]
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	return (
		<section aria-labelledby="dashboard-parties">
			<h2 id="dashboard-parties">{t('parties.heading')}</h2>
			<ScrollRegion labelledBy="dashboard-parties">
				<table className="table dashboard__parties">
					<caption className="visually-hidden">{t('parties.caption')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('table.country')}</th>
							<th scope="col">{t('table.region')}</th>
							<th scope="col">{t('table.status')}</th>
							<th scope="col">{t('table.submittedAt')}</th>
							<th scope="col">{t('table.timeliness')}</th>
						</tr>
					</thead>
					<tbody>
						{parties.map((party) => (
							<tr key={party.code} data-status={party.status}>
								<th scope="row">
									<Link
										to={
											party.reportId
												? `/reports/${party.reportId}/review`
												: `/countries/${party.code}`
										}
									>
										{party.name}
									</Link>
								</th>
								<td>{formats.regionLabel(party.region)}</td>
								<td>{formats.statusLabel(party.status)}</td>
								<td>
									{party.firstSubmittedAt
										? formats.date(party.firstSubmittedAt)
										: t('table.notSubmitted')}
								</td>
								<td>{formats.timelinessLabel(party.timeliness)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</section>
	)
}

/** The cumulative submissions chart, summarised in words. */
export function DashboardChart({
	dashboard,
	cycle,
	submitted,
	formats,
}: {
	dashboard: CycleDashboard
	cycle: { opensOn: string; deadline: string }
	submitted: number
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	const { submissions, timeliness } = dashboard
	const summary = [
		t('chart.summarySubmitted', {
			submitted: formats.count(submitted),
			total: formats.count(dashboard.parties.length),
		}),
		t('chart.summaryTimeliness', {
			onTime: formats.count(timeliness.on_time),
			late: formats.count(timeliness.late),
			deadline: formats.date(cycle.deadline),
		}),
		submissions.length > 0
			? t('chart.summaryFirst', {
					first: formats.date(submissions[0]!.date),
					last: formats.date(submissions[submissions.length - 1]!.date),
				})
			: t('chart.empty'),
	].join(' ')
	return (
		<SubmissionsChart
			points={submissions}
			opensOn={cycle.opensOn}
			deadline={cycle.deadline}
			today={dashboard.today}
			formatDate={formats.date}
			formatMonth={formats.month}
			labels={{
				heading: t('chart.heading'),
				summary,
				deadline: t('chart.deadline'),
				axis: t('chart.axis'),
				dataTable: t('chart.dataTable'),
				date: t('chart.date'),
				onDay: t('chart.onDay'),
				cumulative: t('chart.cumulative'),
			}}
		/>
	)
}

/** The world map of the Parties' statuses, summarised in words. */
export function StatusMap({
	map,
	counts,
	formats,
}: {
	map: DashboardMap
	counts: CycleDashboard['byStatus']
	formats: DashboardFormats
}) {
	const { t } = useTranslation('review-dashboard')
	const { statusLabels } = formats
	const summary = t('map.summary', {
		counts: STATUS_ORDER.map(
			(status) => `${statusLabels[status]} ${formats.count(counts[status])}`,
		).join(', '),
	})
	return (
		<WorldMap
			map={map}
			counts={counts}
			statuses={DASHBOARD_MAP_STATUSES}
			labels={{
				heading: t('map.heading'),
				summary,
				legend: t('map.legend'),
				status: statusLabels,
				other: t('map.other'),
				markers: t('map.markers'),
				keyboard: t('map.keyboard'),
				notOnMap:
					map.notOnMap.length > 0
						? t('map.notOnMap', {
								names: map.notOnMap
									.map((party) => `${party.name} (${statusLabels[party.status]})`)
									.join(', '),
							})
						: null,
			}}
		/>
	)
}
