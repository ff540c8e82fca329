import { expect, test, type Page } from '@playwright/test'
import { ACCOUNTS, login, logout } from './fixtures.ts'

/**
 * The app runs under its Content-Security-Policy (nonces for React Router's scripts, no inline
 * script otherwise): every page a role visits loads, hydrates and navigates on the client, and the
 * browser reports no policy violation. Read-only, so it leaves the demo data as it found it.
 */
test.describe.configure({ timeout: 120_000 })

/** Collects CSP violations the page reports, from the DOM event and from the console. */
async function watchViolations(page: Page) {
	const violations: string[] = []
	await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text))
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			const report = (window as unknown as { reportCspViolation: (text: string) => void })
				.reportCspViolation
			report(`${event.violatedDirective} blocked ${event.blockedURI} at ${event.sourceFile}`)
		})
	})
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text())
	})
	return violations
}

test('pages load, hydrate and navigate under the CSP without violations', async ({ page }) => {
	const violations = await watchViolations(page)

	const loginPage = await page.goto('/login')
	const policy = loginPage!.headers()['content-security-policy']
	expect(policy).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/)

	// A reviewer: the review queue, the dashboard map, a report's editor (client-side navigation).
	await login(page, ACCOUNTS.reviewer)
	await page.goto('/review')
	await page.waitForLoadState('networkidle')
	await page.getByRole('link', { name: 'Status dashboard' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await expect(page.locator('svg').first()).toBeVisible()
	await page.goto('/countries/KEN')
	await page.waitForLoadState('networkidle')
	await page
		.getByRole('link', { name: /Open the report|View the report/ })
		.first()
		.click()
	await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}/)
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await logout(page)

	// An analyst: the compiled data preview and its charts.
	await login(page, ACCOUNTS.analyst)
	await page.goto('/analysis?cycle=sc-art15-6&status=accepted')
	await page.waitForLoadState('networkidle')
	await expect(page.getByRole('img', { name: /all countries/ }).first()).toBeVisible()
	await logout(page)

	// An administrator: the user list, and a page that does not exist.
	await login(page, ACCOUNTS.admin)
	await page
		.getByRole('link', { name: /Administration/ })
		.first()
		.click()
	await expect(page).toHaveURL(/\/admin/)
	const missing = await page.goto('/no-such-page')
	expect(missing!.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

	expect(violations).toEqual([])
})

test('signed-in pages are not cached and the session cookie is HttpOnly', async ({ page }) => {
	await login(page, ACCOUNTS.contributorKenya)
	const response = await page.goto('/countries/KEN')
	expect(response!.headers()['cache-control']).toBe('private, no-store')
	const session = (await page.context().cookies()).find((cookie) => cookie.name === 'session')
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
	await logout(page)
})
