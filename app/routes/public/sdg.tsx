import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import type { Route } from './+types/sdg.ts'
import { usePublicFormats, type PublicFormats } from '../../components/public/formats.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { cachedPublicPage } from '../../domain/public-pages.server.ts'
import { loadSdgIndicator } from '../../domain/public-portal.server.ts'
import {
	NOT_SCORED_FORMS,
	SCORED_FORMS,
	SDG_12_4_1_SOURCES,
	type SdgIndicator,
} from '../../domain/sdg-12-4-1.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { serverTranslator } from '../../utils/i18n.server.ts'
import { publicPageMiddleware, publicVersion } from '../../utils/public-cache.server.ts'
import { STATIC_FOR_VISITORS } from '../../utils/static-page.ts'
import { pageTitle } from '../../utils/page-title.ts'

export const handle = STATIC_FOR_VISITORS

/** Visitors' pages are cacheable: ETag, 304 (utils/public-cache.server.ts). */
export const middleware: Route.MiddlewareFunction[] = [publicPageMiddleware]

/**
 * `/sdg-12-4-1`, public: the reporting part of SDG indicator 12.4.1 computed from the published
 * cycles (app/domain/sdg-12-4-1.ts), per cycle and per Party, with its method and sources.
 */
export async function loader({ context }: Route.LoaderArgs) {
	const language = context.get(languageContext)
	const today = todayIso()
	const db = context.get(dbContext)
	const input = { today, language }
	const indicator = await cachedPublicPage(db, await publicVersion(context), 'sdg', input, () =>
		loadSdgIndicator(db, input),
	)
	return { indicator, today, pageTitle: serverTranslator(language)('public:sdg.pageTitle') }
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	loaderData ? [{ title: loaderData.pageTitle }] : pageTitle(matches)

function Method() {
	const { t } = useTranslation('public')
	return (
		<section aria-labelledby="method-title" className="stack">
			<h2 id="method-title">{t('sdg.methodHeading')}</h2>
			<p>{t('sdg.definition')}</p>
			<p>{t('sdg.method')}</p>
			<ul>
				{SCORED_FORMS.map((form) => (
					<li key={form.formId}>
						{t(`sdg.items.${form.convention}`)}{' '}
						{form.points
							? t('sdg.points', { item: form.points.item, of: form.points.of })
							: t('sdg.pointsUnknown')}
					</li>
				))}
				{Object.entries(NOT_SCORED_FORMS).map(([formId, reason]) => (
					<li key={formId}>{t(`sdg.notScored.${reason}`)}</li>
				))}
			</ul>
			<h3>{t('sdg.reconstructedHeading')}</h3>
			<ul>
				<li>{t('sdg.reconstructed.late')}</li>
				<li>{t('sdg.reconstructed.points')}</li>
				<li>{t('sdg.reconstructed.parties')}</li>
				<li>{t('sdg.reconstructed.otherItems')}</li>
			</ul>
			<h3>{t('sdg.sourcesHeading')}</h3>
			<ul>
				{SDG_12_4_1_SOURCES.map((source) => (
					<li key={source.key}>
						{t(`sdg.sources.${source.key}`)} <a href={source.url}>{source.url}</a>
					</li>
				))}
			</ul>
		</section>
	)
}

function CycleValues({
	indicator,
	today,
	formats,
}: {
	indicator: SdgIndicator
	today: string
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	return (
		<section aria-labelledby="values-title" className="stack">
			<h2 id="values-title">{t('sdg.valuesHeading')}</h2>
			{indicator.cycles.length === 0 ? (
				<p>{t('sdg.noCycles')}</p>
			) : (
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('table.cycle')}</th>
							<th scope="col">{t('table.deadline')}</th>
							<th scope="col">{t('sdg.scored')}</th>
							<th scope="col">{t('sdg.met')}</th>
							<th scope="col">{t('sdg.share')}</th>
						</tr>
					</thead>
					<tbody>
						{indicator.cycles.map((cycle) => (
							<tr key={cycle.code}>
								<th scope="row">
									<Link to={`/cycles/${cycle.code}`}>{cycle.title}</Link>
								</th>
								<td>
									{formats.date(cycle.deadline)}
									{cycle.deadline >= today ? ` (${t('sdg.provisional')})` : null}
								</td>
								<td className="numeric">{formats.number(cycle.scored)}</td>
								<td className="numeric">{formats.number(cycle.met)}</td>
								<td className="numeric">{formats.percent(cycle.share)}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	)
}

function PartyScores({ indicator, formats }: { indicator: SdgIndicator; formats: PublicFormats }) {
	const { t } = useTranslation('public')
	const score = (value: number | null | undefined) =>
		value === undefined
			? t('sdg.notAsked')
			: value === null
				? t('sdg.notDue')
				: formats.percent(value)
	if (indicator.cycles.length === 0) return null
	return (
		<section aria-labelledby="scores-title" className="stack">
			<h2 id="scores-title">{t('sdg.partiesHeading')}</h2>
			<p>{t('sdg.partiesIntro')}</p>
			<ScrollRegion labelledBy="scores-title">
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('table.party')}</th>
							{indicator.cycles.map((cycle) => (
								<th key={cycle.code} scope="col">
									{cycle.title}
								</th>
							))}
							<th scope="col">{t('sdg.average')}</th>
						</tr>
					</thead>
					<tbody>
						{indicator.parties.map((party) => (
							<tr key={party.code}>
								<th scope="row">
									<Link to={`/parties/${party.code}`}>{party.name}</Link>
								</th>
								{party.scores.map((value, index) => (
									<td key={indicator.cycles[index]!.code} className="numeric">
										{score(value)}
									</td>
								))}
								<td className="numeric">{formats.percent(party.average)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</section>
	)
}

export default function SdgPage() {
	const { t } = useTranslation('public')
	const { indicator, today } = useLoaderData<typeof loader>()
	const formats = usePublicFormats()
	return (
		<article aria-labelledby="sdg-title" className="stack public-page">
			<h1 id="sdg-title">{t('sdg.title')}</h1>
			<p>{t('sdg.intro', { today: formats.date(today) })}</p>
			<CycleValues indicator={indicator} today={today} formats={formats} />
			<Method />
			<PartyScores indicator={indicator} formats={formats} />
		</article>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
