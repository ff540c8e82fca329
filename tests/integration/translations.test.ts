import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

let t: TestDatabase
let app: HttpApp
let adminCookie: string

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	const admin = await createUser(t.db, { roles: ['admin'] })
	adminCookie = await signIn(app, admin.email)
}, 180_000)
afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

const page = async (path: string, headers: Record<string, string>) => {
	const response = await app.fetch(path, { headers })
	expect(response.status).toBe(200)
	return response.text()
}

describe('draft translations', () => {
	it('tells users of a draft language, in their language, that the English text is authoritative', async () => {
		const spanish = await page('/login', { 'Accept-Language': 'es' })
		expect(spanish).toContain('<html lang="es"')
		expect(spanish).toContain('class="site-footer__note"')
		const french = await page('/login', { 'Accept-Language': 'fr' })
		expect(french).toContain('le texte anglais fait foi')
		const english = await page('/login', { 'Accept-Language': 'en' })
		expect(english).not.toContain('site-footer__note')
	})

	it('lists every translated file with its review state for admins', async () => {
		const html = await page('/admin/translations', { Cookie: adminCookie })
		for (const language of ['Français', 'Español', 'Русский', '中文', 'العربية'])
			expect(html).toContain(language)
		expect(html).toContain('<code>basel-art13</code>')
		expect(html).toContain('<code>editor</code>')
		expect(html).toMatch(/Draft<\/span>/)
		expect(html).not.toContain('<th scope="row" lang="en"')
	})
})
