import { useTranslation } from 'react-i18next'
import { Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { findCycle, listCycles } from '#db/queries/cycles.ts'
import type { Route } from './+types/dashboard.ts'
import { CycleDeadline } from '../../components/cycle-deadline.tsx'
import { SubmissionsChart } from '../../components/review/submissions-chart.tsx'
import { STATUS_ORDER, StatusSwatch, WorldMap } from '../../components/review/world-map.tsx'
import {
	dashboardMap,
	loadCycleDashboard,
	type DashboardStatus,
	type Timeliness,
} from '../../domain/dashboard.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { formatDate, todayIso } from '../../utils/dates.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'

const ParamsSchema = z.object({ cycleId: z.string().uuid() })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'reviewer', 'admin')
	const parsed = ParamsSchema.safeParse(params)
	if (!parsed.success) throw notFound()
	const db = context.get(dbContext)
	const cycle = await findCycle(db, parsed.data.cycleId)
	if (!cycle) throw notFound()
	const language = context.get(languageContext)
	const today = todayIso()
	const dashboard = await loadCycleDashboard(db, cycle, { today, language })
	const cycles = await listCycles(db, { openOn: today })
	const titleOf = (c: typeof cycle) => c.title[language] ?? c.title.en ?? c.code
	return {
		cycle: {
			id: cycle.id,
			title: titleOf(cycle),
			convention: cycle.convention,
			opensOn: cycle.opensOn,
			deadline: cycle.deadline,
		},
		otherCycles: cycles
			.filter((c) => c.id !== cycle.id)
			.map((c) => ({ id: c.id, title: titleOf(c) })),
		dashboard,
		map: dashboardMap(dashboard.parties),
	}
}

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: data ? `${data.cycle.title} — status` : 'Status' },
]

const SUBMITTED: readonly DashboardStatus[] = ['submitted', 'under_review', 'returned', 'accepted']

export default function CycleDashboardPage() {
	const { t, i18n } = useTranslation('review-dashboard')
	const { cycle, otherCycles, dashboard, map } = useLoaderData<typeof loader>()
	const language = i18n.language
	const total = dashboard.parties.length
	const number = new Intl.NumberFormat(`${language}-u-nu-latn`)
	const percent = new Intl.NumberFormat(`${language}-u-nu-latn`, {
		style: 'percent',
		maximumFractionDigits: 0,
	})
	const share = (count: number) => (total === 0 ? '—' : percent.format(count / total))
	const date = (value: string) => formatDate(value, language)
	const month = new Intl.DateTimeFormat(language, {
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC',
	})
	const statusLabel = (status: DashboardStatus) => t(`status.${status}`)
	const statusLabels = Object.fromEntries(
		STATUS_ORDER.map((status) => [status, statusLabel(status)]),
	) as Record<DashboardStatus, string>
	const regionLabel = (region: string) =>
		region === 'none' ? t('region.none') : t(`common:regions.${region}`)
	const deadlinePassed = dashboard.today > cycle.deadline
	const timelinessShown: Timeliness[] = ['on_time', 'late', deadlinePassed ? 'missing' : 'pending']
	const submitted = SUBMITTED.reduce((sum, status) => sum + dashboard.byStatus[status], 0)
	const { submissions } = dashboard

	const chartSummary = [
		t('chart.summary', {
			submitted: number.format(submitted),
			total: number.format(total),
			onTime: number.format(dashboard.timeliness.on_time),
			late: number.format(dashboard.timeliness.late),
			deadline: date(cycle.deadline),
		}),
		submissions.length > 0
			? t('chart.summaryFirst', {
					first: date(submissions[0]!.date),
					last: date(submissions[submissions.length - 1]!.date),
				})
			: t('chart.empty'),
	].join(' ')
	const mapSummary = t('map.summary', {
		counts: STATUS_ORDER.map(
			(status) => `${statusLabel(status)} ${number.format(dashboard.byStatus[status])}`,
		).join(', '),
	})

	return (
		<section aria-labelledby="dashboard-title" className="stack dashboard">
			<p>
				<Link to="/review">{t('backToQueue')}</Link>
			</p>
			<h1 id="dashboard-title">{t('title', { cycle: cycle.title })}</h1>
			<p>
				{t('intro', {
					convention: t(`common:conventions.${cycle.convention}`),
					today: date(dashboard.today),
				})}
			</p>
			<CycleDeadline deadline={cycle.deadline} today={dashboard.today} />
			{otherCycles.length > 0 ? (
				<nav aria-label={t('otherCycles')}>
					<h2 className="visually-hidden">{t('otherCycles')}</h2>
					<ul className="dashboard__cycles">
						{otherCycles.map((other) => (
							<li key={other.id}>
								<Link to={`/review/cycles/${other.id}/dashboard`}>{other.title}</Link>
							</li>
						))}
					</ul>
				</nav>
			) : null}

			<section aria-labelledby="dashboard-figures">
				<h2 id="dashboard-figures">{t('figures.heading')}</h2>
				<dl className="dashboard__figures">
					<div>
						<dt>{t('figures.parties')}</dt>
						<dd>{number.format(total)}</dd>
					</div>
					<div>
						<dt>{t('figures.submitted')}</dt>
						<dd>
							{number.format(submitted)} <span className="muted">({share(submitted)})</span>
						</dd>
					</div>
					<div>
						<dt>{t('figures.accepted')}</dt>
						<dd>
							{number.format(dashboard.byStatus.accepted)}{' '}
							<span className="muted">({share(dashboard.byStatus.accepted)})</span>
						</dd>
					</div>
					<div>
						<dt>{t('figures.onTime')}</dt>
						<dd>
							{number.format(dashboard.timeliness.on_time)}{' '}
							<span className="muted">({share(dashboard.timeliness.on_time)})</span>
						</dd>
					</div>
				</dl>
			</section>

			<div className="dashboard__tables">
				<section aria-labelledby="dashboard-status">
					<h2 id="dashboard-status">{t('status.heading')}</h2>
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('table.status')}</th>
								<th scope="col">{t('table.count')}</th>
								<th scope="col">{t('table.share')}</th>
							</tr>
						</thead>
						<tbody>
							{STATUS_ORDER.map((status) => (
								<tr key={status}>
									<th scope="row">
										<StatusSwatch status={status} /> {statusLabel(status)}
									</th>
									<td className="numeric">{number.format(dashboard.byStatus[status])}</td>
									<td className="numeric">{share(dashboard.byStatus[status])}</td>
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr>
								<th scope="row">{t('table.total')}</th>
								<td className="numeric">{number.format(total)}</td>
								<td className="numeric">{share(total)}</td>
							</tr>
						</tfoot>
					</table>
				</section>

				<section aria-labelledby="dashboard-timeliness">
					<h2 id="dashboard-timeliness">{t('timeliness.heading')}</h2>
					<p className="muted">{t('timeliness.intro')}</p>
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('table.timeliness')}</th>
								<th scope="col">{t('table.count')}</th>
								<th scope="col">{t('table.share')}</th>
							</tr>
						</thead>
						<tbody>
							{timelinessShown.map((key) => (
								<tr key={key}>
									<th scope="row">{t(`timeliness.${key}`)}</th>
									<td className="numeric">{number.format(dashboard.timeliness[key])}</td>
									<td className="numeric">{share(dashboard.timeliness[key])}</td>
								</tr>
							))}
						</tbody>
					</table>
				</section>
			</div>

			<section aria-labelledby="dashboard-regions">
				<h2 id="dashboard-regions">{t('region.heading')}</h2>
				<div
					className="table-scroll"
					role="region"
					tabIndex={0}
					aria-labelledby="dashboard-regions"
				>
					<table className="table">
						<thead>
							<tr>
								<th scope="col">{t('table.region')}</th>
								<th scope="col">{t('table.count')}</th>
								{STATUS_ORDER.map((status) => (
									<th key={status} scope="col">
										{statusLabel(status)}
									</th>
								))}
								{timelinessShown.map((key) => (
									<th key={key} scope="col">
										{t(`timeliness.${key}`)}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{dashboard.regions.map((region) => (
								<tr key={region.region}>
									<th scope="row">{regionLabel(region.region)}</th>
									<td className="numeric">{number.format(region.parties)}</td>
									{STATUS_ORDER.map((status) => (
										<td key={status} className="numeric">
											{number.format(region.byStatus[status])}
										</td>
									))}
									{timelinessShown.map((key) => (
										<td key={key} className="numeric">
											{number.format(region.timeliness[key])}
										</td>
									))}
								</tr>
							))}
						</tbody>
						<tfoot>
							<tr>
								<th scope="row">{t('table.total')}</th>
								<td className="numeric">{number.format(total)}</td>
								{STATUS_ORDER.map((status) => (
									<td key={status} className="numeric">
										{number.format(dashboard.byStatus[status])}
									</td>
								))}
								{timelinessShown.map((key) => (
									<td key={key} className="numeric">
										{number.format(dashboard.timeliness[key])}
									</td>
								))}
							</tr>
						</tfoot>
					</table>
				</div>
			</section>

			<SubmissionsChart
				points={submissions}
				opensOn={cycle.opensOn}
				deadline={cycle.deadline}
				today={dashboard.today}
				formatDate={date}
				formatMonth={(time) => month.format(time)}
				labels={{
					heading: t('chart.heading'),
					summary: chartSummary,
					deadline: t('chart.deadline'),
					axis: t('chart.axis'),
					dataTable: t('chart.dataTable'),
					date: t('chart.date'),
					onDay: t('chart.onDay'),
					cumulative: t('chart.cumulative'),
				}}
			/>

			<WorldMap
				map={map}
				counts={dashboard.byStatus}
				labels={{
					heading: t('map.heading'),
					summary: mapSummary,
					legend: t('map.legend'),
					status: statusLabels,
					other: t('map.other'),
					markers: t('map.markers'),
					notOnMap:
						map.notOnMap.length > 0 ? t('map.notOnMap', { names: map.notOnMap.join(', ') }) : null,
				}}
			/>

			<section aria-labelledby="dashboard-parties">
				<h2 id="dashboard-parties">{t('parties.heading')}</h2>
				<div
					className="table-scroll"
					role="region"
					tabIndex={0}
					aria-labelledby="dashboard-parties"
				>
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
							{dashboard.parties.map((party) => (
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
									<td>{regionLabel(party.region)}</td>
									<td>{statusLabel(party.status)}</td>
									<td>
										{party.firstSubmittedAt
											? date(party.firstSubmittedAt)
											: t('table.notSubmitted')}
									</td>
									<td>{t(`timeliness.${party.timeliness}`)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
		</section>
	)
}
