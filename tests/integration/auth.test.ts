import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sessionMiddleware } from '#app/middleware/session.server.ts'
import { originCheck } from '#app/middleware/origin.server.ts'
import { action as forgotAction } from '#app/routes/auth/forgot-password.tsx'
import { action as invitationAction } from '#app/routes/auth/invitation.tsx'
import { action as loginAction } from '#app/routes/auth/login.tsx'
import { action as logoutAction } from '#app/routes/auth/logout.tsx'
import { action as resetAction } from '#app/routes/auth/reset-password.tsx'
import { action as inviteAction } from '#app/routes/admin/user-invite.tsx'
import { action as userAction } from '#app/routes/admin/user.tsx'
import { languageContext, userContext } from '#app/utils/context.ts'
import { languageCookie } from '#app/utils/i18n.server.ts'
import { userFromRequest } from '#app/utils/session.server.ts'
import { findUserByEmail, updateUserProfile } from '#db/queries/users.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	cookieFrom,
	createUser,
	formRequest,
	getRequest,
	routeContext,
	settle,
	statusOf,
	TEST_PASSWORD,
} from '#tests/factories.ts'

let t: TestDatabase
beforeAll(async () => {
	t = await createTestDatabase()
})
afterAll(async () => {
	await t.destroy()
})

async function login(
	email: string,
	password = TEST_PASSWORD,
	options: { cookie?: string; ip?: string } = {},
) {
	const request = formRequest(
		'/login',
		{ email, password, redirectTo: '/countries/KEN' },
		{ cookie: options.cookie },
	)
	return loginAction({
		request,
		params: {},
		context: routeContext(t.db, null, options.ip ?? '10.0.0.1'),
	} as never) as Promise<Response | { data: unknown; init: ResponseInit | null }>
}

async function signedInCookie(email: string) {
	const response = (await login(email)) as Response
	expect(response.status).toBe(302)
	return cookieFrom(response)
}

function lastOutboxLink(to: string) {
	return t.db
		.selectFrom('outbox_message')
		.where('to_address', '=', to)
		.select('body_text')
		.orderBy('created_at', 'desc')
		.executeTakeFirstOrThrow()
		.then((m) => /https?:\/\/\S+\/(?:reset-password|invitation)\/([\w-]+)/.exec(m.body_text)?.[1])
}

describe('sign-in and sessions', () => {
	it('stores passwords as argon2id hashes', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const row = await findUserByEmail(t.db, user.email)
		expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$/)
	})

	it('signs in with a secure session cookie and sends the user back where they were going', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const response = (await login(user.email)) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/countries/KEN')
		const setCookie = response.headers.get('Set-Cookie')!
		expect(setCookie).toMatch(/HttpOnly/i)
		expect(setCookie).toMatch(/SameSite=Lax/i)
		const current = await userFromRequest(t.db, getRequest('/', { cookie: cookieFrom(response) }))
		expect(current?.id).toBe(user.id)
		// Only the token's hash is stored.
		const token = decodeURIComponent(cookieFrom(response).split('=')[1]!)
		const stored = await t.db.selectFrom('session').where('id', '=', token).select('id').execute()
		expect(stored).toEqual([])
	})

	it('refuses a wrong password with one message for wrong email or password', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		const wrong = (await login(user.email, 'not the password')) as {
			data: { formError: string }
			init: ResponseInit
		}
		expect(wrong.init.status).toBe(401)
		expect(wrong.data.formError).toBe('auth:errors.invalidCredentials')
		const unknown = (await login('nobody@example.org', 'whatever')) as {
			data: { formError: string }
		}
		expect(unknown.data.formError).toBe('auth:errors.invalidCredentials')
	})

	it('throttles repeated failures per account, even with the right password, and says when to retry', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		for (let i = 0; i < 5; i++) await login(user.email, 'wrong password', { ip: `10.1.0.${i}` })
		const locked = (await login(user.email)) as {
			data: { formError: string; formErrorParams: { minutes: number } }
			init: ResponseInit
		}
		expect(locked.init.status).toBe(429)
		expect(locked.data.formError).toBe('auth:errors.throttled')
		expect(locked.data.formErrorParams.minutes).toBeGreaterThanOrEqual(14)
	})

	it('throttles repeated failures from one address across accounts', async () => {
		for (let i = 0; i < 30; i++) await login(`probe${i}@example.org`, 'guess', { ip: '10.9.9.9' })
		const user = await createUser(t.db, { roles: ['analyst'] })
		const locked = (await login(user.email, TEST_PASSWORD, { ip: '10.9.9.9' })) as {
			init: ResponseInit
		}
		expect(locked.init.status).toBe(429)
		const elsewhere = (await login(user.email, TEST_PASSWORD, { ip: '10.9.9.10' })) as Response
		expect(elsewhere.status).toBe(302)
	})

	it('rotates the session on login and ends it on logout', async () => {
		const user = await createUser(t.db, { roles: ['reviewer'] })
		const first = await signedInCookie(user.email)
		const second = cookieFrom(
			(await login(user.email, TEST_PASSWORD, { cookie: first })) as Response,
		)
		expect(second).not.toBe(first)
		expect(await userFromRequest(t.db, getRequest('/', { cookie: first }))).toBeNull()
		expect((await userFromRequest(t.db, getRequest('/', { cookie: second })))?.id).toBe(user.id)

		const response = (await logoutAction({
			request: formRequest('/logout', {}, { cookie: second }),
			params: {},
			context: routeContext(t.db, null),
		} as never)) as Response
		expect(response.headers.get('Location')).toBe('/login')
		expect(await userFromRequest(t.db, getRequest('/', { cookie: second }))).toBeNull()
	})

	it('expires idle sessions and sessions past their absolute lifetime', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		const idle = await signedInCookie(user.email)
		await sql`update session set last_seen_at = now() - interval '3 hours' where user_id = ${user.id}`.execute(
			t.db,
		)
		expect(await userFromRequest(t.db, getRequest('/', { cookie: idle }))).toBeNull()

		const old = await signedInCookie(user.email)
		await sql`update session set expires_at = now() - interval '1 minute' where user_id = ${user.id} and revoked_at is null`.execute(
			t.db,
		)
		expect(await userFromRequest(t.db, getRequest('/', { cookie: old }))).toBeNull()
	})

	it('stops a revoked session at once (admin revocation and deactivation)', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['IND'] })
		const cookie = await signedInCookie(user.email)
		expect(await userFromRequest(t.db, getRequest('/', { cookie }))).not.toBeNull()
		await userAction({
			request: formRequest(`/admin/users/${user.id}`, { intent: 'revoke-sessions' }),
			params: { userId: user.id },
			context: routeContext(t.db, admin),
		} as never)
		expect(await userFromRequest(t.db, getRequest('/', { cookie }))).toBeNull()

		const again = await signedInCookie(user.email)
		await userAction({
			request: formRequest(`/admin/users/${user.id}`, { intent: 'deactivate' }),
			params: { userId: user.id },
			context: routeContext(t.db, admin),
		} as never)
		expect(await userFromRequest(t.db, getRequest('/', { cookie: again }))).toBeNull()
		const blocked = (await login(user.email)) as { init: ResponseInit }
		expect(blocked.init.status).toBe(401)
	})

	it('loads the user and language into the router context', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const cookie = await signedInCookie(user.email)
		const context = routeContext(t.db, null)
		await sessionMiddleware(
			{ request: getRequest('/', { cookie: `${cookie}; lng=fr` }), context, params: {} } as never,
			async () => new Response('ok'),
		)
		expect(context.get(userContext)?.id).toBe(user.id)
	})

	it('speaks the account’s language once signed in, else the cookie’s, else the browser’s', async () => {
		const languageOf = async (cookie: string, acceptLanguage?: string) => {
			const context = routeContext(t.db, null)
			const request = getRequest('/', { cookie })
			if (acceptLanguage) request.headers.set('Accept-Language', acceptLanguage)
			await sessionMiddleware({ request, context, params: {} } as never, async () => new Response())
			return context.get(languageContext)
		}
		const english = (await languageCookie.serialize('en')).split(';')[0]!
		const spanish = (await languageCookie.serialize('es')).split(';')[0]!
		const user = await createUser(t.db, { roles: ['analyst'] })
		await updateUserProfile(t.db, user.id, { preferredLanguage: 'fr' })
		// Signed in on a browser where the login page was shown in English.
		const session = await signedInCookie(user.email)
		expect(await languageOf(`${session}; ${english}`, 'en-GB')).toBe('fr')
		expect(await languageOf(spanish, 'ru')).toBe('es')
		expect(await languageOf('', 'ru-RU,en;q=0.5')).toBe('ru')
	})

	it('still forgets an account’s failures once it signs in', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		for (let i = 0; i < 4; i++) await login(user.email, 'wrong password', { ip: `10.2.0.${i}` })
		expect(((await login(user.email)) as Response).status).toBe(302)
		for (let i = 0; i < 4; i++) await login(user.email, 'wrong password', { ip: `10.2.1.${i}` })
		expect(((await login(user.email)) as Response).status).toBe(302)
	})
})

describe('password reset and invitations by one-time link', () => {
	it('resets a password through the emailed link, once, and signs out other sessions', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const oldSession = await signedInCookie(user.email)
		const answer = await forgotAction({
			request: formRequest('/forgot-password', { email: user.email }),
			params: {},
			context: routeContext(t.db),
		} as never)
		expect(answer).toEqual({ sent: true })
		const token = await lastOutboxLink(user.email)
		expect(token).toBeTruthy()
		const newPassword = 'a brand new passphrase'
		const reset = (await resetAction({
			request: formRequest(`/reset-password/${token}`, {
				password: newPassword,
				confirmPassword: newPassword,
			}),
			params: { token: token! },
			context: routeContext(t.db),
		} as never)) as Response
		expect(reset.status).toBe(302)
		expect(await userFromRequest(t.db, getRequest('/', { cookie: oldSession }))).toBeNull()
		expect(((await login(user.email, newPassword)) as Response).status).toBe(302)
		expect(((await login(user.email, TEST_PASSWORD)) as { init: ResponseInit }).init.status).toBe(
			401,
		)
		const reused = (await resetAction({
			request: formRequest(`/reset-password/${token}`, {
				password: 'yet another passphrase',
				confirmPassword: 'yet another passphrase',
			}),
			params: { token: token! },
			context: routeContext(t.db),
		} as never)) as { init: ResponseInit }
		expect(reused.init.status).toBe(410)
	})

	it('gives the same answer for unknown addresses and sends nothing', async () => {
		const before = await t.db
			.selectFrom('outbox_message')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
		const answer = await forgotAction({
			request: formRequest('/forgot-password', { email: 'nobody-here@example.org' }),
			params: {},
			context: routeContext(t.db),
		} as never)
		expect(answer).toEqual({ sent: true })
		const after = await t.db
			.selectFrom('outbox_message')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
		expect(after.n).toBe(before.n)
	})

	it('invites a user who then sets a name and password and can sign in', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const email = `invitee-${Date.now()}@example.org`
		const invited = (await inviteAction({
			request: formRequest('/admin/users/invite', {
				email,
				name: 'New Person',
				preferredLanguage: 'fr',
				roles: ['contributor', 'contact_point'],
				partyCodes: ['KEN'],
			}),
			params: {},
			context: routeContext(t.db, admin),
		} as never)) as Response
		expect(invited.status).toBe(302)
		const message = await t.db
			.selectFrom('outbox_message')
			.where('to_address', '=', email)
			.select(['subject'])
			.executeTakeFirstOrThrow()
		expect(message.subject).toMatch(/Invitation/)
		expect(((await login(email, 'anything at all')) as { init: ResponseInit }).init.status).toBe(
			401,
		)
		const token = await lastOutboxLink(email)
		const accepted = (await invitationAction({
			request: formRequest(`/invitation/${token}`, {
				name: 'Marie Curie',
				password: 'a fine passphrase',
				confirmPassword: 'a fine passphrase',
			}),
			params: { token: token! },
			context: routeContext(t.db),
		} as never)) as Response
		expect(accepted.status).toBe(302)
		const user = await findUserByEmail(t.db, email)
		expect(user).toMatchObject({
			name: 'Marie Curie',
			roles: ['contact_point', 'contributor'],
			partyCodes: ['KEN'],
		})
		expect(((await login(email, 'a fine passphrase')) as Response).status).toBe(302)
	})
})

describe('request guards', () => {
	const pass = async () => new Response('ok')

	it('refuses state-changing requests from another origin or without an origin', async () => {
		const run = (request: Request) =>
			settle(() => originCheck({ request, context: routeContext(t.db), params: {} } as never, pass))
		const foreign = await run(formRequest('/logout', {}, { origin: 'https://evil.example' }))
		expect(foreign.thrown).toBe(true)
		expect(statusOf(foreign.value)).toBe(403)
		const missing = await run(formRequest('/logout', {}, { origin: null }))
		expect(statusOf(missing.value)).toBe(403)
		const same = await run(formRequest('/logout', {}))
		expect(same.thrown).toBe(false)
		const read = await run(getRequest('/'))
		expect(read.thrown).toBe(false)
	})

	it('answers malformed and oversized posts with 4xx and changes nothing', async () => {
		const admin = await createUser(t.db, { roles: ['admin'] })
		const count = async () =>
			Number(
				(
					await t.db
						.selectFrom('app_user')
						.select(sql<number>`count(*)`.as('n'))
						.executeTakeFirstOrThrow()
				).n,
			)
		const before = await count()
		const invite = (
			fields: Record<string, string | string[]>,
			headers?: Record<string, string>,
		) => {
			const request = formRequest('/admin/users/invite', fields)
			for (const [k, v] of Object.entries(headers ?? {})) request.headers.set(k, v)
			return inviteAction({
				request,
				params: {},
				context: routeContext(t.db, admin),
			} as never) as Promise<{
				data: { fieldErrors: Record<string, string[]> }
				init: ResponseInit
			}>
		}
		const unknownRole = await invite({
			email: 'x@example.org',
			name: 'X',
			preferredLanguage: 'en',
			roles: 'superuser',
		})
		expect(unknownRole.init.status).toBe(400)
		expect(unknownRole.data.fieldErrors['roles.0']).toEqual(['admin:errors.unknownRole'])
		const noCountry = await invite({
			email: 'y@example.org',
			name: 'Y',
			preferredLanguage: 'en',
			roles: 'contributor',
		})
		expect(noCountry.data.fieldErrors.partyCodes).toEqual(['admin:errors.countryRequired'])
		const fakeCountry = await invite({
			email: 'z@example.org',
			name: 'Z',
			preferredLanguage: 'en',
			roles: 'contributor',
			partyCodes: 'XXX',
		})
		expect(fakeCountry.init.status).toBe(400)
		const badEmail = await invite({
			email: 'not-an-email',
			name: 'Z',
			preferredLanguage: 'en',
			roles: 'analyst',
		})
		expect(badEmail.data.fieldErrors.email).toEqual(['auth:errors.emailInvalid'])
		const huge = await invite(
			{ email: 'big@example.org', name: 'B', preferredLanguage: 'en', roles: 'analyst' },
			{ 'Content-Length': String(10 * 1024 * 1024) },
		)
		expect(huge.init.status).toBe(413)
		expect(await count()).toBe(before)
	})
})
