import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { findOutboxMessage } from '#db/queries/outbox.ts'
import type { Route } from './+types/outbox-message.ts'
import { dbContext } from '../../utils/context.ts'
import { formatDateTime } from '#forms/locale-format.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const messageId = routeParam(params.messageId, uuidText)
	const message = await findOutboxMessage(context.get(dbContext), messageId)
	if (!message) throw notFound()
	return {
		message: {
			to: message.toAddress,
			subject: message.subject,
			body: message.bodyText,
			status: message.status,
			kind: message.kind,
			attempts: message.attempts,
			lastError: message.lastError,
			createdAt: message.createdAt.toISOString(),
			sentAt: message.sentAt?.toISOString() ?? null,
		},
	}
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [loaderData?.message.subject, t('admin:outbox.title')])

export default function OutboxMessagePage() {
	const { t, i18n } = useTranslation()
	const { message } = useLoaderData<typeof loader>()
	return (
		<article aria-labelledby="message-title" className="stack">
			<p>
				<Link to="/admin/outbox">{t('admin:outbox.back')}</Link>
			</p>
			<h1 id="message-title">{message.subject}</h1>
			<dl className="summary-list">
				<dt>{t('admin:outbox.to')}</dt>
				<dd>{message.to}</dd>
				<dt>{t('admin:outbox.created')}</dt>
				<dd>{formatDateTime(message.createdAt, i18n.language)}</dd>
				<dt>{t('admin:outbox.status')}</dt>
				<dd>
					{t(`admin:outbox.statuses.${message.status}`)}
					{message.sentAt ? ` — ${formatDateTime(message.sentAt, i18n.language)}` : ''}
				</dd>
				{message.lastError ? (
					<>
						<dt>{t('admin:outbox.lastError')}</dt>
						<dd>{message.lastError}</dd>
					</>
				) : null}
			</dl>
			<pre className="message-body">{message.body}</pre>
		</article>
	)
}
