/**
 * Personal API tokens on the account page, over HTTP as a browser posts its forms: a token is
 * shown once, stored only as its SHA-256, works as a bearer token until revoked, and only
 * analysts and the secretariat may create one, with the scopes their roles allow.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, TEST_ORIGIN } from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

const TOKEN = /chemrep_[\w-]{43}/g

let t: TestDatabase
let app: HttpApp
let analyst: CurrentUser
let contributor: CurrentUser

function postAccount(cookie: string, fields: Record<string, string | string[]>) {
	const body = new URLSearchParams()
	for (const [key, value] of Object.entries(fields)) {
		for (const item of [value].flat()) body.append(key, item)
	}
	return app.fetch('/account', {
		method: 'POST',
		headers: {
			Cookie: cookie,
			Origin: TEST_ORIGIN,
			'Content-Type': 'application/x-www-form-urlencoded',
		},
		body: body.toString(),
	})
}

const tokensOf = (userId: string) =>
	t.db.selectFrom('api_token').where('user_id', '=', userId).selectAll().execute()

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	analyst = await createUser(t.db, { roles: ['analyst'] })
	contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
}, 120_000)

afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

describe('API tokens on the account page', () => {
	it('shows a new token once, keeps only its hash, and revokes it', async () => {
		const cookie = await signIn(app, analyst.email)
		const created = await postAccount(cookie, {
			intent: 'create-token',
			name: 'Nightly download',
			scopes: ['read:public', 'read:compiled'],
			lifetimeDays: '90',
		})
		expect(created.status).toBe(200)
		const page = await created.text()
		const shown = [...new Set(page.match(TOKEN))]
		expect(shown).toHaveLength(1)
		const token = shown[0]!

		const [stored] = await tokensOf(analyst.id)
		expect(stored).toMatchObject({
			name: 'Nightly download',
			scopes: ['read:public', 'read:compiled'],
			token_hash: createHash('sha256').update(token).digest('hex'),
			token_prefix: token.slice(0, 12),
			revoked_at: null,
		})
		const days = (stored!.expires_at.getTime() - stored!.created_at.getTime()) / 86_400_000
		expect(Math.round(days)).toBe(90)
		// Nowhere is the token itself kept or shown again.
		const rows = JSON.stringify(await t.db.selectFrom('audit_event').selectAll().execute())
		expect(rows).not.toContain(token)
		const account = await (await app.fetch('/account', { headers: { Cookie: cookie } })).text()
		expect(account).not.toContain(token)
		expect(account).toContain('Nightly download')
		expect(account).toContain(`<code>${token.slice(0, 12)}`)

		const api = (bearer: string) =>
			app.fetch('/api/v1/secretariat/reports', { headers: { Authorization: `Bearer ${bearer}` } })
		const works = await app.fetch('/api/v1/cycles/sc-art15-6/data?limit=1', {
			headers: { Authorization: `Bearer ${token}` },
		})
		expect(works.status).toBe(200)
		expect((await api(token)).status).toBe(403)

		const revoked = await postAccount(cookie, { intent: 'revoke-token', tokenId: stored!.id })
		expect(revoked.status).toBe(200)
		expect((await tokensOf(analyst.id))[0]!.revoked_at).not.toBeNull()
		expect((await api(token)).status).toBe(401)
		const actions = await t.db
			.selectFrom('audit_event')
			.where('subject_id', '=', stored!.id)
			.select('action')
			.orderBy('id')
			.execute()
		expect(actions.map((a) => a.action)).toEqual([
			'api_token.created',
			'api_token.used',
			'api_token.used',
			'api_token.revoked',
		])
		// Revoking again, or someone else's token, finds nothing.
		expect(
			(await postAccount(cookie, { intent: 'revoke-token', tokenId: stored!.id })).status,
		).toBe(404)
	})

	it('refuses scopes the roles do not allow, and tokens to national users', async () => {
		const cookie = await signIn(app, analyst.email)
		const before = (await tokensOf(analyst.id)).length
		const refused = await postAccount(cookie, {
			intent: 'create-token',
			name: 'Too much',
			scopes: 'read:reports',
			lifetimeDays: '30',
		})
		expect(refused.status).toBe(403)
		expect(await refused.text()).toContain('Your roles do not allow these scopes: read:reports.')
		const incomplete = await postAccount(cookie, {
			intent: 'create-token',
			name: 'No scope',
			lifetimeDays: '7',
		})
		expect(incomplete.status).toBe(400)
		const page = await incomplete.text()
		expect(page).toContain('Choose at least one scope.')
		expect(page).toContain('value="No scope"')
		expect(await tokensOf(analyst.id)).toHaveLength(before)

		const national = await signIn(app, contributor.email)
		const account = await (await app.fetch('/account', { headers: { Cookie: national } })).text()
		expect(account).not.toContain('id="api-tokens-title"')
		const denied = await postAccount(national, {
			intent: 'create-token',
			name: 'Mine',
			scopes: 'read:public',
			lifetimeDays: '30',
		})
		expect(denied.status).toBe(403)
		expect(await tokensOf(contributor.id)).toHaveLength(0)
	})
})
