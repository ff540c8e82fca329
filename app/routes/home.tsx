import { useTranslation } from '../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listCycles } from '#db/queries/cycles.ts'
import type { Route } from './+types/home.ts'
import { CycleDeadline } from '../components/cycle-deadline.tsx'
import { PublicOverview } from '../components/public/overview.tsx'
import { cachedPublicPage } from '../domain/public-pages.server.ts'
import { loadOverview } from '../domain/public-portal.server.ts'
import { dbContext, languageContext, userContext } from '../utils/context.ts'
import { todayIso } from '../utils/dates.ts'
import { serverTranslator } from '../utils/i18n.server.ts'
import { hasRole, isNationalUser } from '../utils/permissions.ts'
import { useSentence } from '../components/sentence.tsx'
import { publicPageMiddleware, publicVersion } from '../utils/public-cache.server.ts'
import { parseQuery } from '../utils/request.server.ts'
import { STATIC_FOR_VISITORS } from '../utils/static-page.ts'
import { pageTitle } from '../utils/page-title.ts'

/** Visitors who are not signed in get the public overview, served without scripts. */
export const handle = STATIC_FOR_VISITORS

/** Visitors' pages are cacheable: ETag, 304 (utils/public-cache.server.ts). */
export const middleware: Route.MiddlewareFunction[] = [publicPageMiddleware]

/** Visitors: the portal's own title; signed-in users: their home page. */
export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	loaderData?.kind === 'public'
		? [{ title: loaderData.pageTitle }]
		: pageTitle(matches, (t) => [t('nav.home')])

/** The overview's cycle; a malformed one falls back to the default cycle. */
const OverviewQuery = z.object({
	cycle: z
		.string()
		.regex(/^[a-z0-9][a-z0-9-]{2,59}$/)
		.optional()
		.catch(undefined),
})

/**
 * `/`: for a visitor, the public overview (published cycles only, `loadOverview`); for a
 * signed-in user, their home: open cycles and where their roles take them.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = context.get(userContext)
	const today = todayIso()
	const language = context.get(languageContext)
	if (!user) {
		const db = context.get(dbContext)
		const cycleCode = parseQuery(request, OverviewQuery).cycle
		const input = { today, language, cycleCode }
		const overview = await cachedPublicPage(
			db,
			await publicVersion(context),
			`overview:${cycleCode ?? ''}`,
			input,
			() => loadOverview(db, input),
		)
		return {
			kind: 'public' as const,
			...overview,
			today,
			pageTitle: serverTranslator(language)('public:overview.pageTitle'),
		}
	}
	const cycles = await listCycles(context.get(dbContext), { openOn: today })
	return {
		kind: 'user' as const,
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
	const data = useLoaderData<typeof loader>()
	return data.kind === 'public' ? <PublicOverview data={data} /> : <UserHome data={data} />
}

function UserHome({
	data,
}: {
	data: Extract<Awaited<ReturnType<typeof loader>>, { kind: 'user' }>
}) {
	const { t } = useTranslation()
	const sentence = useSentence()
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
