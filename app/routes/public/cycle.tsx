import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/cycle.ts'
import { CycleStatus, RegionRatesTable } from '../../components/public/cycle-status.tsx'
import { usePublicFormats } from '../../components/public/formats.ts'
import { cachedPublicPage } from '../../domain/public-pages.server.ts'
import { loadPublicCycle } from '../../domain/public-portal.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { serverTranslator } from '../../utils/i18n.server.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { publicPageMiddleware, publicVersion } from '../../utils/public-cache.server.ts'
import { routeParam } from '../../utils/request.server.ts'
import { STATIC_FOR_VISITORS } from '../../utils/static-page.ts'
import { pageTitle } from '../../utils/page-title.ts'

export const handle = STATIC_FOR_VISITORS

/** Visitors' pages are cacheable: ETag, 304 (utils/public-cache.server.ts). */
export const middleware: Route.MiddlewareFunction[] = [publicPageMiddleware]

const CycleCode = z.string().regex(/^[a-z0-9][a-z0-9-]{2,59}$/)

/**
 * `/cycles/:cycleCode`, public: a published cycle's reporting status: the map of the Parties by
 * the timeliness of their reports, its table, and the submission rates by UN regional group. A
 * cycle that is not published (or not yet) is 404, as one that does not exist.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	const code = routeParam(params.cycleCode, CycleCode)
	const language = context.get(languageContext)
	const today = todayIso()
	const db = context.get(dbContext)
	const input = { today, language }
	const status = await cachedPublicPage(
		db,
		await publicVersion(context),
		`cycle:${code}`,
		input,
		() => loadPublicCycle(db, code, input),
	)
	if (!status) throw notFound()
	return {
		...status,
		today,
		pageTitle: serverTranslator(language)('public:cycle.pageTitle', { cycle: status.cycle.title }),
	}
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	loaderData ? [{ title: loaderData.pageTitle }] : pageTitle(matches)

export default function PublicCyclePage() {
	const { t } = useTranslation('public')
	const data = useLoaderData<typeof loader>()
	const formats = usePublicFormats()
	const { cycle } = data
	return (
		<article aria-labelledby="cycle-title" className="stack public-page">
			<p>
				<Link to="/">{t('nav.backToOverview')}</Link>
			</p>
			<h1 id="cycle-title">{cycle.title}</h1>
			<p>
				{t('cycle.intro', {
					convention: formats.convention(cycle.convention),
					start: formats.date(cycle.periodStart),
					end: formats.date(cycle.periodEnd),
					deadline: formats.date(cycle.deadline),
					today: formats.date(data.today),
				})}
			</p>
			<CycleStatus status={data} formats={formats} collapsed={false} />
			<RegionRatesTable rates={data.rates} formats={formats} />
		</article>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
