import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import type { Route } from './+types/party.ts'
import { usePublicFormats, type PublicFormats } from '../../components/public/formats.ts'
import { KeyFigures } from '../../components/public/key-figures.tsx'
import { ReportCells, ReportHeaders } from '../../components/public/status-map.tsx'
import { cachedPublicPage } from '../../domain/public-pages.server.ts'
import { loadPartyProfile } from '../../domain/public-portal.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { serverTranslator } from '../../utils/i18n.server.ts'
import { partyCodeText } from '../../utils/input.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { publicPageMiddleware, publicVersion } from '../../utils/public-cache.server.ts'
import { routeParam } from '../../utils/request.server.ts'
import { STATIC_FOR_VISITORS } from '../../utils/static-page.ts'
import { pageTitle } from '../../utils/page-title.ts'

export const handle = STATIC_FOR_VISITORS

/** Visitors' pages are cacheable: ETag, 304 (utils/public-cache.server.ts). */
export const middleware: Route.MiddlewareFunction[] = [publicPageMiddleware]

/**
 * `/parties/:partyCode`, public: a Party's standing under each convention, its reports in the
 * published cycles (state, date of submission, timeliness, the PDF of an accepted report) and the
 * key figures of its latest accepted reports. Anyone may read it; a code that names no Party is 404.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	const partyCode = routeParam(params.partyCode, partyCodeText)
	const language = context.get(languageContext)
	const today = todayIso()
	const db = context.get(dbContext)
	const input = { today, language }
	const profile = await cachedPublicPage(
		db,
		await publicVersion(context),
		`party:${partyCode}`,
		input,
		() => loadPartyProfile(db, partyCode, input),
	)
	if (!profile) throw notFound()
	return {
		...profile,
		today,
		pageTitle: serverTranslator(language)('public:party.pageTitle', { party: profile.party.name }),
	}
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	loaderData ? [{ title: loaderData.pageTitle }] : pageTitle(matches)

type Profile = Awaited<ReturnType<typeof loader>>

function ConventionStatuses({ profile, formats }: { profile: Profile; formats: PublicFormats }) {
	const { t } = useTranslation('public')
	const date = (value: string | null) => (value ? formats.date(value) : '—')
	return (
		<section aria-labelledby="status-title" className="stack">
			<h2 id="status-title">{t('party.statusHeading')}</h2>
			<table className="table">
				<thead>
					<tr>
						<th scope="col">{t('party.convention')}</th>
						<th scope="col">{t('party.status')}</th>
						<th scope="col">{t('party.signed')}</th>
						<th scope="col">{t('party.consented')}</th>
						<th scope="col">{t('party.inForce')}</th>
					</tr>
				</thead>
				<tbody>
					{profile.statuses.map((row) => (
						<tr key={row.convention}>
							<th scope="row">{formats.convention(row.convention)}</th>
							<td>
								{t(`common:conventionStatus.${row.status}`)}
								{row.enteredByAdministrator ? ` (${t('party.enteredBySecretariat')})` : null}
							</td>
							<td>{date(row.signedOn)}</td>
							<td>
								{row.consentedOn
									? t('party.consentedOn', {
											date: formats.date(row.consentedOn),
											instrument: t(`party.instruments.${row.instrument ?? 'unspecified'}`),
										})
									: '—'}
							</td>
							<td>{date(row.inForceOn)}</td>
						</tr>
					))}
				</tbody>
			</table>
			<p className="muted">
				{t('party.statusSource', {
					version: profile.statusRelease.version,
					date: formats.date(profile.statusRelease.statusAsOf),
				})}
			</p>
			{profile.depositary.length > 0 ? (
				<>
					<h3>{t('party.depositaryHeading')}</h3>
					<ul>
						{profile.depositary.map((entry, index) => (
							<li key={index}>
								{t(`party.depositary.${entry.kind}`, {
									amendment: entry.amendment ? amendmentName(entry.amendment) : '',
									date: entry.date ? formats.date(entry.date) : '—',
								})}
								{entry.verified ? null : ` (${t('party.unverified')})`}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}

/** `sc4-2009` → `SC-4 (2009)`: the meeting of the Conference of the Parties that adopted it. */
function amendmentName(id: string) {
	const match = /^sc(\d+)-(\d{4})$/.exec(id)
	return match ? `SC-${match[1]} (${match[2]})` : id
}

function Reports({ profile, formats }: { profile: Profile; formats: PublicFormats }) {
	const { t } = useTranslation('public')
	return (
		<section aria-labelledby="reports-title" className="stack">
			<h2 id="reports-title">{t('party.reportsHeading')}</h2>
			{profile.reports.length === 0 ? (
				<p>{t('party.noReports')}</p>
			) : (
				<table className="table">
					<thead>
						<tr>
							<th scope="col">{t('table.cycle')}</th>
							<th scope="col">{t('table.deadline')}</th>
							<ReportHeaders />
						</tr>
					</thead>
					<tbody>
						{profile.reports.map(({ cycle, report }) => (
							<tr key={cycle.code} data-cycle={cycle.code}>
								<th scope="row">
									<Link to={`/cycles/${cycle.code}`}>{cycle.title}</Link>
								</th>
								<td>{formats.date(cycle.deadline)}</td>
								<ReportCells
									report={report}
									cycleCode={cycle.code}
									pdfLabel={t('party.pdf', { cycle: cycle.title })}
									formats={formats}
								/>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	)
}

export default function PartyProfile() {
	const { t } = useTranslation('public')
	const profile = useLoaderData<typeof loader>()
	const formats = usePublicFormats()
	return (
		<article aria-labelledby="party-title" className="stack public-page">
			<p>
				<Link to="/">{t('nav.backToOverview')}</Link>
			</p>
			<h1 id="party-title">{profile.party.name}</h1>
			<p className="muted">{t('party.region', { region: formats.region(profile.party.region) })}</p>
			<ConventionStatuses profile={profile} formats={formats} />
			<Reports profile={profile} formats={formats} />
			<KeyFigures reports={profile.keyFigures} formats={formats} />
		</article>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
