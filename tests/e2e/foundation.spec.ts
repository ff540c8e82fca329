import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login, logout } from './fixtures.ts'

const NAVIGATION: Record<keyof typeof ACCOUNTS, string[]> = {
	admin: ['Home', 'Review', 'Analysis', 'Administration'],
	reviewer: ['Home', 'Review', 'Analysis'],
	analyst: ['Home', 'Analysis'],
	ocpKenya: ['Home', 'Kenya'],
	contributorKenya: ['Home', 'Kenya'],
	ocpIndia: ['Home', 'India'],
	contributorIndia: ['Home', 'India'],
}

test('unauthenticated visitors are sent to the login page', async ({ page }) => {
	for (const path of ['/', '/countries/KEN', '/admin/users', '/account']) {
		await page.goto(path)
		await expect(page).toHaveURL(/\/login/)
		await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
	}
	await expectAccessible(page)
})

for (const [account, expected] of Object.entries(NAVIGATION)) {
	test(`${account} signs in and sees the navigation for their role`, async ({ page }) => {
		await login(page, ACCOUNTS[account as keyof typeof ACCOUNTS])
		const nav = page.getByRole('navigation', { name: 'Main' })
		await expect(nav.getByRole('link')).toHaveText(expected)
		await expectAccessible(page)
	})
}

test('a wrong password gets a clear message and keeps the email', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('Email address').fill(ACCOUNTS.analyst)
	await page.getByLabel('Password').fill('definitely wrong')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByRole('alert')).toHaveText('The email address or password is not correct.')
	await expect(page.getByLabel('Email address')).toHaveValue(ACCOUNTS.analyst)
})

test("a contributor of one country gets 404 for another country's pages", async ({ page }) => {
	await login(page, ACCOUNTS.contributorKenya)
	const own = await page.goto('/countries/KEN')
	expect(own?.status()).toBe(200)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kenya')
	const other = await page.goto('/countries/IND')
	expect(other?.status()).toBe(404)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Error 404')
	await expect(page.getByText('India')).toHaveCount(0)
	await expectAccessible(page)
})

test('logout ends the session', async ({ page, context }) => {
	await login(page, ACCOUNTS.ocpKenya)
	const cookies = await context.cookies()
	await logout(page)
	// Replaying the old cookie does not bring the session back.
	await context.addCookies(cookies)
	await page.goto('/countries/KEN')
	await expect(page).toHaveURL(/\/login/)
})

test('the language switcher sets lang and dir, right-to-left for Arabic', async ({ page }) => {
	await login(page, ACCOUNTS.reviewer)
	await page.getByLabel('Language').selectOption('ar')
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
	await page.getByLabel(/Language|اللغة/).selectOption('fr')
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr')
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
	await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible()
	await page.getByLabel('Langue').selectOption('en')
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('administration pages work and are accessible', async ({ page }) => {
	await login(page, ACCOUNTS.admin)
	for (const [path, heading] of [
		['/admin/users', 'Users'],
		['/admin/countries', 'Countries and organisations'],
		['/admin/cycles', 'Reporting cycles'],
		['/admin/outbox', 'Outbox'],
		['/account', 'Your account'],
	] as const) {
		await page.goto(path)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
		await expectAccessible(page)
	}
})

test('an admin invites a user, who accepts through the outbox link and signs in', async ({
	page,
	browser,
}) => {
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/users/invite')
	const email = `e2e-${Date.now()}@example.org`
	await page.getByLabel('Email', { exact: true }).fill(email)
	await page.getByLabel('Name', { exact: true }).fill('Invited Person')
	await page.getByRole('checkbox', { name: 'Contributor' }).check()
	await page.getByLabel('Countries').selectOption('KEN')
	await page.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(page.getByRole('status')).toContainText(email)

	await page.goto(`/admin/outbox?to=${encodeURIComponent(email)}`)
	await page.getByRole('link', { name: 'You are invited to national reporting' }).click()
	const body = await page.locator('.message-body').textContent()
	const link = /http:\/\/\S+\/invitation\/\S+/.exec(body ?? '')?.[0]
	expect(link).toBeTruthy()

	const invitee = await browser.newPage()
	await invitee.goto(link!)
	await invitee.getByLabel('Your name').fill('Invited Person')
	await invitee.getByLabel('New password', { exact: true }).fill('a good long passphrase')
	await invitee.getByLabel('Repeat the new password').fill('a good long passphrase')
	await invitee.getByRole('button', { name: 'Create my account' }).click()
	await expect(invitee.getByRole('heading', { level: 1 })).toHaveText('Welcome, Invited Person')
	await expect(
		invitee.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Kenya' }),
	).toBeVisible()
	await invitee.close()
})
