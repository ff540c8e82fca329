import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, useActionData, useLoaderData, useSearchParams } from 'react-router'
import { z } from 'zod'
import { listAuditEvents } from '#db/queries/audit.ts'
import { listUserSessions } from '#db/queries/sessions.ts'
import { findUserById } from '#db/queries/users.ts'
import type { Route } from './+types/user.ts'
import { AccessFields } from './access-fields.tsx'
import { partyOptions } from './party-options.server.ts'
import { FormError } from '../../components/forms.tsx'
import {
	changeUserAccess,
	revokeSessionsAsAdmin,
	setUserActivation,
} from '../../domain/users.server.ts'
import { UserAccessSchema } from '../../domain/user-access.ts'
import { sendAccountLink } from '../../utils/account-tokens.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { uuidText } from '../../utils/input.ts'
import { failure, parseForm, routeParam } from '../../utils/request.server.ts'
import { EventItem } from '../../components/event-item.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const UserActionSchema = z.union([
	z.object({ intent: z.literal('access') }).and(UserAccessSchema),
	z.object({ intent: z.enum(['deactivate', 'reactivate', 'revoke-sessions', 'send-link']) }),
])

async function loadUser(context: Route.LoaderArgs['context'], userId: string) {
	const user = await findUserById(context.get(dbContext), routeParam(userId, uuidText))
	if (!user) throw notFound()
	return user
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const user = await loadUser(context, params.userId)
	const db = context.get(dbContext)
	return {
		user: { ...user, createdAt: user.createdAt.toISOString() },
		sessions: (await listUserSessions(db, user.id)).map((s) => ({
			lastSeenAt: s.lastSeenAt.toISOString(),
			ip: s.ip,
		})),
		events: (await listAuditEvents(db, { subjectType: 'user', subjectId: user.id, limit: 20 })).map(
			(e) => ({
				id: e.id,
				at: e.occurredAt.toISOString(),
				action: e.action,
				actor: e.actorName,
			}),
		),
		parties: await partyOptions(db, context.get(languageContext)),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const user = await loadUser(context, params.userId)
	const parsed = await parseForm(request, UserActionSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const input = parsed.data
	let result: Awaited<ReturnType<typeof changeUserAccess>>
	switch (input.intent) {
		case 'access':
			result = await changeUserAccess(db, user.id, input, admin.id)
			break
		case 'deactivate':
		case 'reactivate':
			result = await setUserActivation(db, user.id, input.intent === 'reactivate', admin.id)
			break
		case 'revoke-sessions':
			await revokeSessionsAsAdmin(db, user.id, admin.id)
			result = { ok: true }
			break
		case 'send-link':
			await sendAccountLink(db, user, user.hasPassword ? 'password_reset' : 'invitation', admin.id)
			result = { ok: true }
			break
	}
	if (!result.ok) {
		return failure(400, {
			formError: result.error,
			fieldErrors: result.field ? { [result.field]: [result.error] } : {},
		})
	}
	return { done: `admin:user.done.${input.intent}` }
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [loaderData?.user.name, t('admin:users.title')])

export default function UserPage() {
	const { t } = useTranslation()
	const { user, sessions, events, parties } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const failure = result && 'fieldErrors' in result ? result : undefined
	return (
		<section aria-labelledby="user-title" className="stack">
			<h1 id="user-title">{user.name}</h1>
			{searchParams.get('invited') ? (
				<p role="status" className="alert alert--success">
					{t('admin:user.invitationSent', { email: user.email })}
				</p>
			) : null}
			{result && 'done' in result ? (
				<p role="status" className="alert alert--success">
					{t(result.done)}
				</p>
			) : null}
			<FormError failure={failure} />
			<dl className="summary-list">
				<dt>{t('admin:users.email')}</dt>
				<dd>{user.email}</dd>
				<dt>{t('admin:users.status')}</dt>
				<dd>
					{!user.isActive
						? t('admin:users.deactivated')
						: user.hasPassword
							? t('admin:users.active')
							: t('admin:users.invited')}
				</dd>
			</dl>

			<h2>{t('admin:user.access')}</h2>
			<Form method="post" className="stack">
				<input type="hidden" name="intent" value="access" />
				<AccessFields
					key={user.id}
					parties={parties}
					roles={user.roles}
					partyCodes={user.partyCodes}
					errors={failure?.fieldErrors}
				/>
				<button type="submit" className="button">
					{t('actions.save')}
				</button>
			</Form>

			<h2>{t('admin:user.accountActions')}</h2>
			<div className="button-row">
				<Form method="post">
					<input type="hidden" name="intent" value="send-link" />
					<button type="submit" className="button button--secondary">
						{user.hasPassword ? t('admin:user.sendReset') : t('admin:user.resendInvitation')}
					</button>
				</Form>
				<Form method="post">
					<input type="hidden" name="intent" value="revoke-sessions" />
					<button type="submit" className="button button--secondary">
						{t('admin:user.revokeSessions', { count: sessions.length })}
					</button>
				</Form>
				<Form method="post">
					<input type="hidden" name="intent" value={user.isActive ? 'deactivate' : 'reactivate'} />
					<button type="submit" className={user.isActive ? 'button button--danger' : 'button'}>
						{user.isActive ? t('admin:user.deactivate') : t('admin:user.reactivate')}
					</button>
				</Form>
			</div>

			<h2>{t('admin:user.history')}</h2>
			<ul className="event-list">
				{events.map((e) => (
					<EventItem
						key={e.id}
						at={e.at}
						what={t(`admin:audit.${e.action}`, { defaultValue: e.action })}
						actor={e.actor}
					/>
				))}
			</ul>
		</section>
	)
}
