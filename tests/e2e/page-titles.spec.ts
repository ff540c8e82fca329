import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

/**
 * Each page has its own title, and moving between pages inside the app (which the browser does
 * not announce as it does a page it loads) says the new title to screen readers, where focus is.
 * Reads only: no report changes.
 */
test('pages are titled, and a move between them is announced where focus stays', async ({
	page,
}) => {
	await login(page, ACCOUNTS.contributorIndia)
	const announcer = page.locator('[data-route-announcer]')
	await expect(page).toHaveTitle('Home · Chemicals and waste national reporting')
	await expect(announcer).toHaveText('Home · Chemicals and waste national reporting')

	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'India' }).click()
	await expect(page).toHaveTitle('India · Chemicals and waste national reporting')
	await expect(announcer).toHaveText('India · Chemicals and waste national reporting')

	await page
		.locator('.report-card', { hasText: '6th cycle' })
		.getByRole('link', { name: 'Open the report' })
		.click()
	await expect(page).toHaveTitle(/^Party and reporting period · India · .+ 6th cycle · /)
	await expect(announcer).toHaveText(await page.title())

	// Sections change in the browser: the title and the announcement follow them.
	const next = page.getByRole('link', { name: /Contacts/ }).first()
	await next.focus()
	await page.keyboard.press('Enter')
	await expect(page).toHaveTitle(/^Contacts · India · /)
	await expect(announcer).toHaveText(await page.title())
	await expect(next).toBeFocused()
	await expectAccessible(page)
})
