import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login, logout } from './fixtures.ts'
import { DEMO_PASSWORD } from '#server/demo/accounts.ts'

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
	// `/` is the public overview for them (tests/e2e/public-portal.spec.ts).
	for (const path of ['/countries/KEN', '/admin/users', '/account']) {
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
	// Five pages with an axe scan each; the countries page lists every Party.
	test.setTimeout(120_000)
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
	await page.getByRole('combobox', { name: 'Countries' }).fill('Kenya')
	await page.getByRole('option', { name: 'Kenya (KEN)' }).click()
	await page.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible()

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

test('an admin chooses a user’s countries by typing names or codes, with the keyboard only', async ({
	page,
}) => {
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/users/invite')
	const email = `e2e-countries-${Date.now()}@example.org`
	await page.getByLabel('Email', { exact: true }).fill(email)
	await page.getByLabel('Name', { exact: true }).fill('Regional Person')
	await page.getByRole('checkbox', { name: 'Official contact point' }).check()
	const countries = page.getByRole('combobox', { name: 'Countries' })
	await countries.focus()
	// By name, accents and case aside…
	await page.keyboard.type('TURKI')
	await expect(page.getByRole('listbox').getByRole('option')).toHaveText(['Türkiye (TUR)'])
	await page.keyboard.press('Enter')
	// …and by code.
	await page.keyboard.type('ken')
	await page.keyboard.press('ArrowDown')
	await page.keyboard.press('Enter')
	await page.keyboard.type('IND')
	await page.keyboard.press('Enter')
	const chosen = page.getByRole('list', { name: 'Chosen' })
	await expect(chosen.getByRole('listitem')).toHaveText([/Türkiye/, /Kenya/, /India/])
	await expect(page.getByRole('status').filter({ hasText: 'India (IND) added' })).toHaveText(
		'India (IND) added. 3 countries chosen.',
	)
	await expectAccessible(page)

	// Removing a chip from the keyboard leaves the focus in the search box.
	await chosen.getByRole('button', { name: 'Remove Kenya (KEN)' }).focus()
	await page.keyboard.press('Enter')
	await expect(countries).toBeFocused()
	await expect(chosen.getByRole('listitem')).toHaveText([/Türkiye/, /India/])

	await page.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible()
	await expect(page.getByRole('list', { name: 'Chosen' }).getByRole('listitem')).toHaveText([
		/India/,
		/Türkiye/,
	])
})

test('without JavaScript, an admin ticks a user’s countries in a plain list', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/users/invite')
	const email = `e2e-nojs-${Date.now()}@example.org`
	await page.getByLabel('Email', { exact: true }).fill(email)
	await page.getByLabel('Name', { exact: true }).fill('Plain Person')
	await page.getByRole('checkbox', { name: 'Contributor' }).check()
	const countries = page.getByRole('group', { name: 'Countries' })
	await countries.getByRole('checkbox', { name: 'Kenya (KEN)' }).check()
	await countries.getByRole('checkbox', { name: 'India (IND)' }).check()
	await page.getByRole('button', { name: 'Send the invitation' }).click()
	await expect(page.getByRole('status').filter({ hasText: email })).toBeVisible()
	const saved = page.getByRole('group', { name: 'Countries' })
	await expect(saved.getByRole('checkbox', { checked: true })).toHaveCount(2)
	await expect(saved.getByRole('checkbox', { name: 'Kenya (KEN)' })).toBeChecked()
	await expect(saved.getByRole('checkbox', { name: 'India (IND)' })).toBeChecked()
	await context.close()
})

test('an admin gives a cycle its title in the six UN languages, Arabic written right to left', async ({
	page,
}) => {
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/cycles/new')
	const titles = page.getByRole('group', { name: 'Title' })
	await expect(titles.getByRole('textbox')).toHaveCount(6)
	await expect(titles.getByLabel('English (required)')).toHaveAttribute('required', '')
	await expectAccessible(page)

	await page.goto('/admin/cycles')
	await page
		.getByRole('link', { name: 'Stockholm Convention Article 15 national report, 5th cycle' })
		.click()
	const arabic = page.getByRole('group', { name: 'Title' }).getByLabel('Arabic')
	await expect(arabic).toHaveAttribute('dir', 'rtl')
	await expect(arabic).toHaveAttribute('lang', 'ar')
	await expect(page.getByLabel('Chinese')).toHaveAttribute('lang', 'zh')
	await expect(page.getByLabel('Chinese')).toHaveAttribute('dir', 'ltr')
	await arabic.fill('التقرير الوطني بموجب المادة 15، الدورة الخامسة')
	// A language left without a title falls back to English.
	await page.getByLabel('Russian').fill('')
	await page.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toHaveText('Reporting cycle saved.')

	// Shown in Arabic to Arabic readers; in English where a language has no title.
	await page.getByLabel('Language').selectOption('ar')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'التقرير الوطني بموجب المادة 15، الدورة الخامسة',
	)
	await page.getByLabel(/Language|اللغة/).selectOption('ru')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Stockholm Convention Article 15 national report, 5th cycle',
	)
	await page.getByLabel(/Language|Язык/).selectOption('en')
	await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})

test('a user who prefers French signs in to French pages, and the language switcher says so', async ({
	page,
	browser,
}) => {
	// The preference is stored on the account when the user picks a language.
	await login(page, ACCOUNTS.contributorIndia)
	await page.getByLabel('Language').selectOption('fr')
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr')

	// Another browser, without any cookie: the login page follows Accept-Language (English).
	const context = await browser.newContext({ locale: 'en-GB' })
	const other = await context.newPage()
	await other.goto('/login')
	await expect(other.getByLabel('Language')).toHaveValue('en')
	await other.getByLabel('Email address').fill(ACCOUNTS.contributorIndia)
	await other.getByLabel('Password').fill(DEMO_PASSWORD)
	let reloads = 0
	other.on('load', () => reloads++)
	await other.getByRole('button', { name: 'Sign in' }).click()
	await expect(other.locator('html')).toHaveAttribute('lang', 'fr')
	await expect(other.getByRole('heading', { level: 1 })).toHaveText(/^Bienvenue/)
	await expect(other.getByLabel('Langue')).toHaveValue('fr')
	await expect(other.getByLabel('Langue').locator('option:checked')).toHaveText('Français')
	expect(reloads).toBe(0)
	await expectAccessible(other)

	await other.getByLabel('Langue').selectOption('en')
	await expect(other.locator('html')).toHaveAttribute('lang', 'en')
	await expect(other.getByLabel('Language')).toHaveValue('en')
	await context.close()
})

test('signing in shows its progress on the button', async ({ page }) => {
	await page.goto('/login')
	await page.getByLabel('Email address').fill(ACCOUNTS.analyst)
	await page.getByLabel('Password').fill(DEMO_PASSWORD)
	let release = () => {}
	const held = new Promise<void>((resolve) => (release = resolve))
	await page.route('**/login.data*', async (route) => {
		await held
		await route.continue()
	})
	await page.getByRole('button', { name: 'Sign in' }).click()
	const button = page.getByRole('button', { name: 'Signing in…' })
	await expect(button).toBeDisabled()
	await expect(button).toHaveAttribute('aria-busy', 'true')
	release()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Ana Analyst')
})
