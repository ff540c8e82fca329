import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listOutbox } from '#db/queries/outbox.ts'
import type { Route } from './+types/outbox.ts'
import { dbContext } from '../../utils/context.ts'
import { formatDateTime } from '#forms/locale-format.ts'
import { isSmtpConfigured } from '../../utils/mail.server.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const PAGE_SIZE = 50
const FilterSchema = z.object({
	status: z.enum(['queued', 'sent', 'failed']).optional().catch(undefined),
	to: z.string().trim().max(320).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1),
})

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const filter = parseQuery(request, FilterSchema)
	const messages = await listOutbox(context.get(dbContext), {
		status: filter.status,
		to: filter.to || undefined,
		limit: PAGE_SIZE + 1,
		offset: (filter.page - 1) * PAGE_SIZE,
	})
	return {
		filter,
		smtp: isSmtpConfigured(),
		hasMore: messages.length > PAGE_SIZE,
		messages: messages.slice(0, PAGE_SIZE).map((m) => ({
			id: m.id,
			to: m.toAddress,
			subject: m.subject,
			kind: m.kind,
			status: m.status,
			createdAt: m.createdAt.toISOString(),
		})),
	}
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:outbox.title')])

export default function OutboxPage() {
	const { t, i18n } = useTranslation()
	const { filter, smtp, messages, hasMore } = useLoaderData<typeof loader>()
	const pageLink = (page: number) => {
		const params = new URLSearchParams()
		if (filter.status) params.set('status', filter.status)
		if (filter.to) params.set('to', filter.to)
		params.set('page', String(page))
		return `?${params}`
	}
	return (
		<section aria-labelledby="outbox-title" className="stack">
			<h1 id="outbox-title">{t('admin:outbox.title')}</h1>
			<p className="alert">{smtp ? t('admin:outbox.smtpOn') : t('admin:outbox.smtpOff')}</p>
			<Form method="get" className="filters" role="search" aria-label={t('admin:outbox.filter')}>
				<div className="field">
					<label htmlFor="to">{t('admin:outbox.to')}</label>
					<input id="to" name="to" type="search" defaultValue={filter.to ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="status">{t('admin:outbox.status')}</label>
					<select id="status" name="status" defaultValue={filter.status ?? ''}>
						<option value="">{t('admin:outbox.anyStatus')}</option>
						{(['queued', 'sent', 'failed'] as const).map((s) => (
							<option key={s} value={s}>
								{t(`admin:outbox.statuses.${s}`)}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="button button--secondary">
					{t('actions.filter')}
				</button>
			</Form>
			<ScrollRegion labelledBy="outbox-caption">
				<table className="table">
					<caption className="visually-hidden" id="outbox-caption">
						{t('admin:outbox.title')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('admin:outbox.created')}</th>
							<th scope="col">{t('admin:outbox.to')}</th>
							<th scope="col">{t('admin:outbox.subject')}</th>
							<th scope="col">{t('admin:outbox.status')}</th>
						</tr>
					</thead>
					<tbody>
						{messages.map((m) => (
							<tr key={m.id}>
								<td>{formatDateTime(m.createdAt, i18n.language)}</td>
								<td>{m.to}</td>
								<td>
									<Link to={`/admin/outbox/${m.id}`}>{m.subject}</Link>
								</td>
								<td>{t(`admin:outbox.statuses.${m.status}`)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
			{messages.length === 0 ? <p>{t('admin:outbox.empty')}</p> : null}
			<nav aria-label={t('pagination.label')} className="pagination">
				{filter.page > 1 ? (
					<Link to={pageLink(filter.page - 1)}>{t('pagination.previous')}</Link>
				) : null}
				{hasMore ? <Link to={pageLink(filter.page + 1)}>{t('pagination.next')}</Link> : null}
			</nav>
		</section>
	)
}
