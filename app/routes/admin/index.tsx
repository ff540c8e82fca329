import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { countRecords } from '#db/queries/overview.ts'
import type { Route } from './+types/index.ts'
import { dbContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	return countRecords(context.get(dbContext))
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:home.title')])

export default function AdminHome() {
	const { t } = useTranslation('admin')
	const counts = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="admin-title" className="stack">
			<h1 id="admin-title">{t('home.title')}</h1>
			<ul className="card-list">
				<li className="card">
					<Link to="/admin/users">{t('home.users', { count: counts.users })}</Link>
				</li>
				<li className="card">
					<Link to="/admin/countries">{t('home.countries', { count: counts.parties })}</Link>
				</li>
				<li className="card">
					<Link to="/admin/cycles">{t('home.cycles', { count: counts.cycles })}</Link>
				</li>
				<li className="card">
					<Link to="/admin/code-lists">{t('home.codeLists')}</Link>
				</li>
				<li className="card">
					<Link to="/admin/outbox">{t('home.outbox', { count: counts.messages })}</Link>
				</li>
			</ul>
		</section>
	)
}
