import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sendAccountLink } from '#app/utils/account-tokens.server.ts'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { startSession } from '#app/utils/session.server.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, getRequest, TEST_ORIGIN, TEST_PASSWORD } from '#tests/factories.ts'
import { startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

let t: TestDatabase
let app: HttpApp
let proxied: HttpApp
beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	proxied = await startHttpApp(t.db, { trustProxyHops: 1 })
}, 120_000)
afterAll(async () => {
	await app?.close()
	await proxied?.close()
	await stopVite()
	await t?.destroy()
})

function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
	return {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			Origin: TEST_ORIGIN,
			...headers,
		},
		body: new URLSearchParams(fields).toString(),
	}
}

async function signIn(target: HttpApp, email: string, headers: Record<string, string> = {}) {
	const response = await target.fetch('/login', form({ email, password: TEST_PASSWORD }, headers))
	if (response.status !== 302) console.log(await response.text())
	expect(response.status).toBe(302)
	return response
}

const cookiePair = (response: Response) => (response.headers.get('Set-Cookie') ?? '').split(';')[0]!

describe('Content-Security-Policy', () => {
	it('sends a CSP with a fresh nonce on every page, and every script of the page carries it', async () => {
		const first = await app.fetch('/login')
		if (first.status !== 200) console.log(await first.text())
		expect(first.status).toBe(200)
		const policy = first.headers.get('Content-Security-Policy')!
		const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1]
		expect(nonce).toBeTruthy()
		expect(policy).toContain("object-src 'none'")
		expect(policy).toContain("base-uri 'none'")
		expect(policy).toContain("frame-ancestors 'none'")
		expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
		const html = await first.text()
		const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
		expect(scripts.length).toBeGreaterThan(0)
		for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
		for (const link of html.match(/<link\b[^>]*rel="modulepreload"[^>]*>/g) ?? []) {
			expect(link).toContain(`nonce="${nonce}"`)
		}
		const second = await app.fetch('/login')
		expect(second.headers.get('Content-Security-Policy')).not.toBe(policy)
	})
})

describe('HSTS and the proxy in front', () => {
	it('sends HSTS only when the trusted proxy says the browser came over HTTPS', async () => {
		expect((await app.fetch('/login')).headers.get('Strict-Transport-Security')).toBeNull()
		// Without a trusted proxy, X-Forwarded-Proto is the client's word: ignored.
		const spoofed = await app.fetch('/login', { headers: { 'X-Forwarded-Proto': 'https' } })
		expect(spoofed.headers.get('Strict-Transport-Security')).toBeNull()
		const behindTls = await proxied.fetch('/login', { headers: { 'X-Forwarded-Proto': 'https' } })
		expect(behindTls.headers.get('Strict-Transport-Security')).toMatch(/^max-age=\d{8,}/)
		const behindPlain = await proxied.fetch('/login', { headers: { 'X-Forwarded-Proto': 'http' } })
		expect(behindPlain.headers.get('Strict-Transport-Security')).toBeNull()
	})

	it('takes the client address the trusted proxy saw, not one the client wrote', async () => {
		const email = `xff-${Date.now()}@example.org`
		const response = await proxied.fetch(
			'/login',
			form(
				{ email, password: 'wrong password' },
				{ 'X-Forwarded-For': '203.0.113.7, 198.51.100.2' },
			),
		)
		expect(response.status).toBe(401)
		const row = await t.db
			.selectFrom('login_attempt')
			.where('email', '=', email)
			.select('ip')
			.executeTakeFirstOrThrow()
		expect(row.ip).toBe('198.51.100.2')
	})
})

describe('cookies and sessions over HTTP', () => {
	it('sets an HttpOnly, SameSite=Lax session cookie (Secure only for an https origin)', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		const response = await signIn(app, user.email)
		const setCookie = response.headers.get('Set-Cookie')!
		expect(setCookie).toMatch(/^session=/)
		expect(setCookie).toMatch(/; HttpOnly/i)
		expect(setCookie).toMatch(/; SameSite=Lax/i)
		expect(setCookie).not.toMatch(/; Secure/i)
	})

	it('marks every response to a signed-in user private, no-store (pages and .data)', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const cookie = cookiePair(await signIn(app, user.email))
		for (const path of ['/', '/countries/KEN', '/countries/KEN.data', '/account']) {
			const response = await app.fetch(path, { headers: { Cookie: cookie } })
			expect(response.status, path).toBe(200)
			expect(response.headers.get('Cache-Control'), path).toBe('private, no-store')
		}
		const anonymous = await app.fetch('/login')
		expect(anonymous.headers.get('Cache-Control') ?? '').not.toContain('private')
	})

	it('revokes the session on the server at logout: the old cookie no longer works', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const cookie = cookiePair(await signIn(app, user.email))
		expect((await app.fetch('/countries/KEN', { headers: { Cookie: cookie } })).status).toBe(200)
		const logout = await app.fetch('/logout', form({}, { Cookie: cookie }))
		expect(logout.status).toBe(302)
		expect(logout.headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i)
		// A client that ignores the clearing header and replays the old cookie is not signed in.
		const replay = await app.fetch('/countries/KEN', { headers: { Cookie: cookie } })
		expect(replay.status).toBe(302)
		expect(replay.headers.get('Location')).toMatch(/^\/login/)
	})
})

describe('rate limits over HTTP', () => {
	it('answers a locked sign-in with 429 and Retry-After, for document posts and .data requests', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		for (let i = 0; i < 5; i++) {
			await app.fetch('/login', form({ email: user.email, password: 'wrong password' }))
		}
		for (const path of ['/login', '/login.data']) {
			const locked = await app.fetch(path, form({ email: user.email, password: TEST_PASSWORD }))
			expect(locked.status, path).toBe(429)
			expect(Number(locked.headers.get('Retry-After')), path).toBeGreaterThan(13 * 60)
		}
	})
})

describe('one-time links', () => {
	async function linkFor(purpose: 'invitation' | 'password_reset') {
		const user = await createUser(t.db, {
			roles: ['contributor'],
			partyCodes: ['KEN'],
			password: purpose === 'invitation' ? null : undefined,
		})
		const link = await sendAccountLink(t.db, { ...user, preferredLanguage: 'en' }, purpose, null)
		return { user, path: new URL(link).pathname }
	}

	const passwords = { password: 'a long new passphrase', confirmPassword: 'a long new passphrase' }

	const LINK = { invitation: 'an invitation link', password_reset: 'a password-reset link' }

	for (const purpose of ['invitation', 'password_reset'] as const) {
		it(`uses ${LINK[purpose]} once only`, async () => {
			const { path } = await linkFor(purpose)
			const fields = purpose === 'invitation' ? { ...passwords, name: 'New Name' } : passwords
			expect((await app.fetch(path)).status).toBe(200)
			expect((await app.fetch(path, form(fields))).status).toBe(302)
			expect((await app.fetch(path, form(fields))).status).toBe(410)
		})

		it(`refuses ${LINK[purpose]} once expired`, async () => {
			const { user, path } = await linkFor(purpose)
			await sql`update one_time_token set expires_at = now() - interval '1 second'
				where user_id = ${user.id}`.execute(t.db)
			const fields = purpose === 'invitation' ? { ...passwords, name: 'New Name' } : passwords
			expect((await app.fetch(path, form(fields))).status).toBe(410)
		})
	}
})

describe('the session cookie on an https origin', () => {
	afterEach(() => {
		delete process.env.APP_ORIGIN
		resetEnvForTests()
	})

	it('is Secure when APP_ORIGIN is https', async () => {
		process.env.APP_ORIGIN = 'https://reporting.example.org'
		resetEnvForTests()
		const user = await createUser(t.db, { roles: ['analyst'] })
		const setCookie = await startSession(t.db, getRequest('/login'), user.id, '127.0.0.1')
		expect(setCookie).toMatch(/; Secure/i)
		expect(setCookie).toMatch(/; HttpOnly/i)
	})
})
