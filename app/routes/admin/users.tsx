import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listUsers } from '#db/queries/users.ts'
import { ROLES } from '#db/types.ts'
import type { Route } from './+types/users.ts'
import { dbContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const FilterSchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	role: z.enum(ROLES).optional().catch(undefined),
	country: z
		.string()
		.regex(/^[A-Za-z]{3}$/)
		.transform((v) => v.toUpperCase())
		.optional()
		.catch(undefined),
})

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const filter = parseQuery(request, FilterSchema)
	const users = await listUsers(context.get(dbContext), {
		query: filter.q || undefined,
		role: filter.role,
		partyCode: filter.country,
	})
	return { filter, users }
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:users.title')])

export default function UsersPage() {
	const { t } = useTranslation()
	const { filter, users } = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="users-title" className="stack">
			<div className="page-heading">
				<h1 id="users-title">{t('admin:users.title')}</h1>
				<Link to="/admin/users/invite" className="button">
					{t('admin:users.invite')}
				</Link>
			</div>
			<Form method="get" className="filters" role="search" aria-label={t('admin:users.filter')}>
				<div className="field">
					<label htmlFor="q">{t('admin:users.search')}</label>
					<input id="q" name="q" type="search" defaultValue={filter.q ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="role">{t('admin:users.role')}</label>
					<select id="role" name="role" defaultValue={filter.role ?? ''}>
						<option value="">{t('admin:users.anyRole')}</option>
						{ROLES.map((r) => (
							<option key={r} value={r}>
								{t(`roles.${r}`)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="country">{t('admin:users.country')}</label>
					<input
						id="country"
						name="country"
						defaultValue={filter.country ?? ''}
						maxLength={3}
						size={4}
					/>
				</div>
				<button type="submit" className="button button--secondary">
					{t('actions.filter')}
				</button>
			</Form>
			<ScrollRegion labelledBy="users-caption">
				<table className="table">
					<caption className="visually-hidden" id="users-caption">
						{t('admin:users.title')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('admin:users.name')}</th>
							<th scope="col">{t('admin:users.email')}</th>
							<th scope="col">{t('admin:users.roles')}</th>
							<th scope="col">{t('admin:users.countries')}</th>
							<th scope="col">{t('admin:users.status')}</th>
						</tr>
					</thead>
					<tbody>
						{users.map((u) => (
							<tr key={u.id}>
								<td>
									<Link to={`/admin/users/${u.id}`}>{u.name}</Link>
								</td>
								<td>{u.email}</td>
								<td>{u.roles.map((r) => t(`roles.${r}`)).join(', ')}</td>
								<td>{u.partyCodes.join(', ')}</td>
								<td>
									{!u.isActive
										? t('admin:users.deactivated')
										: u.hasPassword
											? t('admin:users.active')
											: t('admin:users.invited')}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
			{users.length === 0 ? <p>{t('admin:users.none')}</p> : null}
		</section>
	)
}
