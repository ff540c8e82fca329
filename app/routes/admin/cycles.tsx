import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { listCycles } from '#db/queries/cycles.ts'
import { listCyclePublications } from '#db/queries/publication.ts'
import type { Route } from './+types/cycles.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { formatDate } from '#forms/locale-format.ts'
import { localizedText, LANGUAGES } from '../../utils/i18n.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const language = context.get(languageContext)
	const db = context.get(dbContext)
	const cycles = await listCycles(db)
	const publishedFrom = new Map(
		(await listCyclePublications(db)).map((p) => [p.cycleId, p.publishedFrom]),
	)
	return {
		cycles: cycles.map((c) => ({
			...c,
			publishedFrom: publishedFrom.get(c.id) ?? null,
			titleText: localizedText(c.title, language, c.code),
			titleLanguages: LANGUAGES.filter((l) => c.title[l]),
		})),
	}
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:cycles.title')])

export default function CyclesPage() {
	const { t, i18n } = useTranslation()
	const { cycles } = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="cycles-title" className="stack">
			<div className="page-heading">
				<h1 id="cycles-title">{t('admin:cycles.title')}</h1>
				<Link to="/admin/cycles/new" className="button">
					{t('admin:cycles.new')}
				</Link>
			</div>
			<ScrollRegion labelledBy="cycles-caption">
				<table className="table">
					<caption className="visually-hidden" id="cycles-caption">
						{t('admin:cycles.title')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('admin:cycles.name')}</th>
							<th scope="col">{t('admin:cycles.titleLanguages')}</th>
							<th scope="col">{t('admin:cycles.form')}</th>
							<th scope="col">{t('admin:cycles.period')}</th>
							<th scope="col">{t('admin:cycles.opensOn')}</th>
							<th scope="col">{t('admin:cycles.deadline')}</th>
							<th scope="col">{t('public:publication.publishedFrom')}</th>
						</tr>
					</thead>
					<tbody>
						{cycles.map((c) => (
							<tr key={c.id}>
								<td>
									<Link to={`/admin/cycles/${c.id}`}>{c.titleText}</Link>
								</td>
								<td>
									{c.titleLanguages.length === LANGUAGES.length
										? t('admin:cycles.allLanguages')
										: c.titleLanguages.map((l) => t(`admin:cycles.languages.${l}`)).join(', ')}
								</td>
								<td>
									{c.formId} v{c.formVersion}
								</td>
								<td>
									{formatDate(c.periodStart, i18n.language)} –{' '}
									{formatDate(c.periodEnd, i18n.language)}
								</td>
								<td>{formatDate(c.opensOn, i18n.language)}</td>
								<td>{formatDate(c.deadline, i18n.language)}</td>
								<td>
									{c.publishedFrom
										? formatDate(c.publishedFrom, i18n.language)
										: t('public:publication.unpublished')}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</section>
	)
}
