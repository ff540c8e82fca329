import { useTranslation } from 'react-i18next'
import { Link, useLoaderData } from 'react-router'
import { listCycles } from '#db/queries/cycles.ts'
import type { Route } from './+types/home.ts'
import { CycleDeadline } from '../components/cycle-deadline.tsx'
import { dbContext, languageContext } from '../utils/context.ts'
import { todayIso } from '../utils/dates.ts'
import { hasRole, isNationalUser } from '../utils/permissions.ts'
import { requireUser } from '../utils/permissions.server.ts'
import { useSentence } from '../components/sentence.tsx'

export const meta: Route.MetaFunction = () => [{ title: 'National reporting' }]

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = requireUser(context, request)
	const today = todayIso()
	const cycles = await listCycles(context.get(dbContext), { openOn: today })
	const language = context.get(languageContext)
	return {
		name: user.name,
		isNational: isNationalUser(user),
		partyCodes: user.partyCodes,
		isReviewer: hasRole(user, 'reviewer', 'admin'),
		isAnalyst: hasRole(user, 'analyst', 'reviewer', 'admin'),
		isAdmin: hasRole(user, 'admin'),
		today,
		cycles: cycles.map((c) => ({
			id: c.id,
			title: c.title[language] ?? c.title.en ?? c.code,
			deadline: c.deadline,
			periodStart: c.periodStart,
			periodEnd: c.periodEnd,
		})),
	}
}

export default function Home() {
	const { t } = useTranslation()
	const sentence = useSentence()
	const data = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="home-title" className="stack">
			<h1 id="home-title">{sentence('home.welcome', { name: data.name })}</h1>
			<h2>{t('home.cycles')}</h2>
			{data.cycles.length === 0 ? (
				<p>{t('home.noCycles')}</p>
			) : (
				<ul className="card-list">
					{data.cycles.map((cycle) => (
						<li key={cycle.id} className="card">
							<h3>{cycle.title}</h3>
							<p>
								{sentence('home.period', {
									start: cycle.periodStart.slice(0, 4),
									end: cycle.periodEnd.slice(0, 4),
								})}
							</p>
							<CycleDeadline deadline={cycle.deadline} today={data.today} />
						</li>
					))}
				</ul>
			)}
			<h2>{t('home.nextSteps')}</h2>
			<ul>
				{data.isNational
					? data.partyCodes.map((code) => (
							<li key={code}>
								<Link to={`/countries/${code}`}>{sentence('home.openCountry', { code })}</Link>
							</li>
						))
					: null}
				{data.isReviewer ? (
					<li>
						<Link to="/review">{t('home.openReview')}</Link>
					</li>
				) : null}
				{data.isAnalyst ? (
					<li>
						<Link to="/analysis">{t('home.openAnalysis')}</Link>
					</li>
				) : null}
				{data.isAdmin ? (
					<li>
						<Link to="/admin">{t('home.openAdmin')}</Link>
					</li>
				) : null}
			</ul>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../components/error-boundary.tsx'
