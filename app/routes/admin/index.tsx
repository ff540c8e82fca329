import { sql } from 'kysely'
import { useTranslation } from 'react-i18next'
import { Link, useLoaderData } from 'react-router'
import type { Route } from './+types/index.ts'
import { dbContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const db = context.get(dbContext)
	const count = async (table: 'app_user' | 'party' | 'reporting_cycle' | 'outbox_message') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select(sql<number>`count(*)`.as('n'))
					.executeTakeFirstOrThrow()
			).n,
		)
	return {
		users: await count('app_user'),
		parties: await count('party'),
		cycles: await count('reporting_cycle'),
		messages: await count('outbox_message'),
	}
}

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
					<Link to="/admin/outbox">{t('home.outbox', { count: counts.messages })}</Link>
				</li>
			</ul>
		</section>
	)
}
