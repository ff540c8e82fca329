import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listConventionStatus, listParties } from '#db/queries/parties.ts'
import { REGIONAL_GROUPS } from '#db/types.ts'
import type { Route } from './+types/countries.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const FilterSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	region: z.enum(REGIONAL_GROUPS).optional().catch(undefined),
})

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const filter = parseQuery(request, FilterSchema)
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const [parties, statuses] = await Promise.all([
		listParties(db, { query: filter.q || undefined, regionalGroup: filter.region }),
		listConventionStatus(db),
	])
	const stockholm = new Map(
		statuses.filter((s) => s.convention === 'stockholm').map((s) => [s.partyCode, s]),
	)
	return {
		filter,
		parties: parties.map((p) => ({
			code: p.code,
			name: p.names[language] || p.names.en,
			regionalGroup: p.regionalGroup,
			stockholm: stockholm.get(p.code)?.status ?? null,
			stockholmByAdmin: stockholm.get(p.code)?.release === null,
		})),
	}
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:countries.title')])

export default function CountriesPage() {
	const { t } = useTranslation()
	const { filter, parties } = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="countries-title" className="stack">
			<h1 id="countries-title">{t('admin:countries.title')}</h1>
			<Form method="get" className="filters" role="search" aria-label={t('admin:countries.filter')}>
				<div className="field">
					<label htmlFor="q">{t('admin:countries.search')}</label>
					<input id="q" name="q" type="search" defaultValue={filter.q ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="region">{t('admin:countries.region')}</label>
					<select id="region" name="region" defaultValue={filter.region ?? ''}>
						<option value="">{t('admin:countries.anyRegion')}</option>
						{REGIONAL_GROUPS.map((g) => (
							<option key={g} value={g}>
								{t(`regions.${g}`)}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="button button--secondary">
					{t('actions.filter')}
				</button>
			</Form>
			<p>{t('admin:countries.count', { count: parties.length })}</p>
			<ScrollRegion labelledBy="countries-caption">
				<table className="table">
					<caption className="visually-hidden" id="countries-caption">
						{t('admin:countries.title')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('admin:countries.code')}</th>
							<th scope="col">{t('admin:countries.name')}</th>
							<th scope="col">{t('admin:countries.region')}</th>
							<th scope="col">{t('admin:countries.stockholm')}</th>
						</tr>
					</thead>
					<tbody>
						{parties.map((p) => (
							<tr key={p.code}>
								<td>{p.code}</td>
								<td>
									<Link to={`/admin/countries/${p.code}`}>{p.name}</Link>
								</td>
								<td>{p.regionalGroup ? t(`regions.${p.regionalGroup}`) : '—'}</td>
								<td>
									{p.stockholm ? t(`conventionStatus.${p.stockholm}`) : '—'}
									{p.stockholmByAdmin ? (
										<span className="badge">{t('admin:countries.byAdmin')}</span>
									) : null}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</section>
	)
}
