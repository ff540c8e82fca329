import { useTranslation } from '../utils/use-translation.tsx'
import { data, Form, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listUserApiTokens } from '#db/queries/api-tokens.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { listUserSessions, revokeUserSessions } from '#db/queries/sessions.ts'
import { findUserById, setPasswordHash, updateUserProfile } from '#db/queries/users.ts'
import type { Route } from './+types/account.ts'
import { ApiTokensSection } from '../components/api-tokens.tsx'
import {
	createApiToken,
	CreateTokenSchema,
	revokeOwnApiToken,
	scopesFor,
} from '../domain/api-tokens.server.ts'
import { Field, FormError, SelectField } from '../components/forms.tsx'
import { NewPasswordFields } from '../components/new-password-fields.tsx'
import { clientIpContext, dbContext } from '../utils/context.ts'
import { formatDateTime } from '#forms/locale-format.ts'
import { LANGUAGE_NAMES, LANGUAGES } from '../utils/i18n.ts'
import { attemptLogin } from '../utils/auth.server.ts'
import { hashPassword, NewPasswordSchema } from '../utils/password.server.ts'
import { notFound, requireUser } from '../utils/permissions.server.ts'
import { failure, parseForm, passActionHeaders, tooManyRequests } from '../utils/request.server.ts'
import { ScrollRegion } from '../components/scroll-region.tsx'
import { pageTitle } from '../utils/page-title.ts'

const AccountActionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('profile'),
		name: z.string().trim().min(1, 'auth:errors.nameRequired').max(200),
		preferredLanguage: z.enum(LANGUAGES),
		reminderEmails: z.literal('on').optional(),
	}),
	z
		.object({
			intent: z.literal('password'),
			currentPassword: z.string().min(1, 'auth:errors.passwordRequired').max(1000),
			password: NewPasswordSchema,
			confirmPassword: z.string().max(200),
		})
		.refine((v) => v.password === v.confirmPassword, {
			path: ['confirmPassword'],
			message: 'auth:errors.passwordsDiffer',
		}),
	z.object({ intent: z.literal('sign-out-others') }),
	CreateTokenSchema.extend({ intent: z.literal('create-token') }),
	z.object({ intent: z.literal('revoke-token'), tokenId: z.string().max(100) }),
])

export async function loader({ request, context }: Route.LoaderArgs) {
	const current = requireUser(context, request)
	const db = context.get(dbContext)
	const user = await findUserById(db, current.id)
	if (!user) throw notFound()
	const sessions = await listUserSessions(db, current.id)
	const tokens = await listUserApiTokens(db, current.id)
	const now = Date.now()
	return {
		user: {
			name: user.name,
			email: user.email,
			roles: user.roles,
			partyCodes: user.partyCodes,
			preferredLanguage: user.preferredLanguage,
			reminderEmails: user.reminderEmails,
		},
		sessions: sessions.map((s) => ({
			current: s.id === current.sessionId,
			lastSeenAt: s.lastSeenAt.toISOString(),
			ip: s.ip,
			userAgent: s.userAgent,
		})),
		apiTokens: {
			allowedScopes: scopesFor(user.roles),
			tokens: tokens.map((token) => ({
				id: token.id,
				name: token.name,
				tokenPrefix: token.tokenPrefix,
				scopes: token.scopes,
				createdAt: token.createdAt.toISOString(),
				expiresAt: token.expiresAt.toISOString(),
				lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
				state: token.revokedAt
					? ('revoked' as const)
					: token.expiresAt.getTime() <= now
						? ('expired' as const)
						: ('active' as const),
			})),
		},
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const current = requireUser(context, request)
	const parsed = await parseForm(request, AccountActionSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const ip = context.get(clientIpContext)
	const input = parsed.data
	switch (input.intent) {
		case 'profile':
			await updateUserProfile(db, current.id, {
				name: input.name,
				preferredLanguage: input.preferredLanguage,
				reminderEmails: input.reminderEmails === 'on',
			})
			return { done: 'account.saved' }
		case 'password': {
			// The current password is checked like a sign-in: wrong guesses lock the account too.
			const check = await attemptLogin(
				db,
				{ email: current.email, password: input.currentPassword, ip },
				'reauthenticate',
			)
			if (!check.ok && check.reason === 'throttled') {
				return tooManyRequests('auth:errors.passwordCheckThrottled', check.retryAfterSeconds)
			}
			if (!check.ok) {
				return failure(400, {
					formError: 'auth:errors.checkFields',
					fieldErrors: { currentPassword: ['auth:errors.wrongPassword'] },
				})
			}
			const hash = await hashPassword(input.password)
			await db.transaction().execute(async (trx) => {
				await setPasswordHash(trx, current.id, hash)
				await revokeUserSessions(trx, current.id, 'password_changed', current.sessionId)
				await recordAuditEvent(trx, {
					actorUserId: current.id,
					action: 'auth.password_changed',
					subjectType: 'user',
					subjectId: current.id,
					ip,
				})
			})
			return { done: 'account.passwordChanged' }
		}
		case 'sign-out-others':
			await revokeUserSessions(db, current.id, 'signed_out_elsewhere', current.sessionId)
			return { done: 'account.signedOutOthers' }
		case 'create-token': {
			// Only analysts and the secretariat hold tokens; what a role may not read is refused.
			if (scopesFor(current.roles).length === 0)
				throw data({ message: 'errors.forbidden' }, { status: 403 })
			const { intent: _, ...request } = input
			const created = await createApiToken(db, current, request, ip)
			if (!created.ok) {
				return failure(403, {
					formError: 'account.tokens.scopeNotAllowed',
					formErrorParams: { scopes: created.scopes.join(', ') },
				})
			}
			return {
				done: 'account.tokens.created',
				createdToken: { name: request.name, token: created.token },
			}
		}
		case 'revoke-token':
			if (!(await revokeOwnApiToken(db, current.id, input.tokenId, ip))) throw notFound()
			return { done: 'account.tokens.revoked' }
	}
}

export const headers = passActionHeaders

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('account.title')])

export default function AccountPage() {
	const { t, i18n } = useTranslation()
	const { user, sessions, apiTokens } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const failure = result && 'fieldErrors' in result ? result : undefined
	return (
		<section aria-labelledby="account-title" className="stack">
			<h1 id="account-title">{t('account.title')}</h1>
			{result && 'done' in result ? (
				<p role="status" className="alert alert--success">
					{t(result.done)}
				</p>
			) : null}
			<FormError failure={failure} />
			<dl className="summary-list">
				<dt>{t('account.email')}</dt>
				<dd>{user.email}</dd>
				<dt>{t('account.roles')}</dt>
				<dd>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
				{user.partyCodes.length > 0 ? (
					<>
						<dt>{t('account.countries')}</dt>
						<dd>{user.partyCodes.join(', ')}</dd>
					</>
				) : null}
			</dl>

			<h2>{t('account.profile')}</h2>
			<Form method="post" className="stack">
				<input type="hidden" name="intent" value="profile" />
				<Field
					label={t('account.name')}
					name="name"
					defaultValue={user.name}
					required
					autoComplete="name"
				/>
				<SelectField
					label={t('account.language')}
					name="preferredLanguage"
					defaultValue={user.preferredLanguage}
					options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
				/>
				<label className="checkbox">
					<input type="checkbox" name="reminderEmails" defaultChecked={user.reminderEmails} />
					{t('account.reminderEmails')}
				</label>
				<button type="submit" className="button">
					{t('actions.save')}
				</button>
			</Form>

			<h2>{t('account.changePassword')}</h2>
			<Form method="post" className="stack">
				<input type="hidden" name="intent" value="password" />
				<Field
					label={t('account.currentPassword')}
					name="currentPassword"
					type="password"
					autoComplete="current-password"
					required
					errors={failure?.fieldErrors?.currentPassword}
				/>
				<NewPasswordFields failure={failure} />
				<button type="submit" className="button">
					{t('account.changePassword')}
				</button>
			</Form>

			<h2>{t('account.sessions')}</h2>
			<ScrollRegion labelledBy="sessions-caption">
				<table className="table">
					<caption className="visually-hidden" id="sessions-caption">
						{t('account.sessions')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('account.lastSeen')}</th>
							<th scope="col">{t('account.address')}</th>
							<th scope="col">{t('account.browser')}</th>
						</tr>
					</thead>
					<tbody>
						{sessions.map((s, i) => (
							<tr key={i}>
								<td>
									{formatDateTime(s.lastSeenAt, i18n.language)}
									{s.current ? ` (${t('account.thisSession')})` : ''}
								</td>
								<td>{s.ip}</td>
								<td>{s.userAgent}</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
			<Form method="post">
				<input type="hidden" name="intent" value="sign-out-others" />
				<button type="submit" className="button button--secondary">
					{t('account.signOutOthers')}
				</button>
			</Form>

			<ApiTokensSection
				{...apiTokens}
				created={result && 'createdToken' in result ? result.createdToken : undefined}
				failure={failure}
			/>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../components/error-boundary.tsx'
