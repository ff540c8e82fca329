import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { findCycle, listCycles } from '#db/queries/cycles.ts'
import type { Route } from './+types/dashboard.ts'
import { CycleDeadline } from '../../components/cycle-deadline.tsx'
import {
	DashboardChart,
	DashboardFigures,
	PartiesTable,
	RegionTable,
	StatusMap,
	StatusTable,
	TimelinessTable,
	useDashboardFormats,
} from '../../components/review/dashboard-sections.tsx'
import type { DashboardStatus, Timeliness } from '../../domain/dashboard.ts'
import { dashboardMap, loadCycleDashboard } from '../../domain/dashboard.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'reviewer', 'admin')
	const cycleId = routeParam(params.cycleId, uuidText)
	const db = context.get(dbContext)
	const cycle = await findCycle(db, cycleId)
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

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		loaderData ? t('review-dashboard:title', { cycle: loaderData.cycle.title }) : undefined,
	])

const SUBMITTED: readonly DashboardStatus[] = ['submitted', 'under_review', 'returned', 'accepted']

function OtherCycles({ cycles }: { cycles: { id: string; title: string }[] }) {
	const { t } = useTranslation('review-dashboard')
	if (cycles.length === 0) return null
	return (
		<nav aria-label={t('otherCycles')}>
			<h2 className="visually-hidden">{t('otherCycles')}</h2>
			<ul className="dashboard__cycles">
				{cycles.map((other) => (
					<li key={other.id}>
						<Link to={`/review/cycles/${other.id}/dashboard`}>{other.title}</Link>
					</li>
				))}
			</ul>
		</nav>
	)
}

export default function CycleDashboardPage() {
	const { t } = useTranslation('review-dashboard')
	const { cycle, otherCycles, dashboard, map } = useLoaderData<typeof loader>()
	const formats = useDashboardFormats(dashboard.parties.length)
	const deadlinePassed = dashboard.today > cycle.deadline
	const timelinessShown: Timeliness[] = ['on_time', 'late', deadlinePassed ? 'missing' : 'pending']
	const submitted = SUBMITTED.reduce((sum, status) => sum + dashboard.byStatus[status], 0)

	return (
		<section aria-labelledby="dashboard-title" className="stack dashboard">
			<p>
				<Link to="/review">{t('backToQueue')}</Link>
			</p>
			<h1 id="dashboard-title">{t('title', { cycle: cycle.title })}</h1>
			<p>
				{t('intro', {
					convention: t(`common:conventions.${cycle.convention}`),
					today: formats.date(dashboard.today),
				})}
			</p>
			<CycleDeadline deadline={cycle.deadline} today={dashboard.today} />
			<OtherCycles cycles={otherCycles} />
			<DashboardFigures dashboard={dashboard} submitted={submitted} formats={formats} />
			<div className="dashboard__tables">
				<StatusTable dashboard={dashboard} formats={formats} />
				<TimelinessTable dashboard={dashboard} shown={timelinessShown} formats={formats} />
			</div>
			<RegionTable dashboard={dashboard} shown={timelinessShown} formats={formats} />
			<DashboardChart dashboard={dashboard} cycle={cycle} submitted={submitted} formats={formats} />
			<StatusMap map={map} counts={dashboard.byStatus} formats={formats} />
			<PartiesTable parties={dashboard.parties} formats={formats} />
		</section>
	)
}
