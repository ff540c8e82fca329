import { expect, test, type Page, type Response } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

/**
 * The public portal as an anonymous visitor meets it (issue 16): the overview with the map of the
 * demo's published 6th Article 15 cycle, a country profile, its accepted report as PDF, the SDG
 * 12.4.1 page; pages without any script, usable with JavaScript turned off, and accessible.
 */

test.describe.configure({ timeout: 180_000 })

/** Bytes of JavaScript the page downloaded while `run` ran. */
async function javaScriptDuring(page: Page, run: () => Promise<unknown>) {
	let bytes = 0
	const count = async (response: Response) => {
		if (response.request().resourceType() === 'script') bytes += (await response.body()).length
	}
	page.on('response', count)
	await run()
	await page.waitForLoadState('networkidle')
	page.off('response', count)
	return bytes
}

test('an anonymous visitor reads the overview, the map and a country profile, without any script', async ({
	page,
}) => {
	await test.step('the overview shows the map of the latest cycle and its table', async () => {
		const bytes = await javaScriptDuring(page, () => page.goto('/'))
		expect(bytes).toBeLessThan(100 * 1024)
		expect(bytes).toBe(0)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'National reporting under the chemicals and waste conventions',
		)
		const map = page.getByRole('img', { name: 'Map of reporting status' })
		await expect(map).toBeVisible()
		await expect(page.getByLabel('Reporting cycle')).toHaveValue('sc-art15-6')
		await expect(
			page.getByRole('heading', { name: 'Submission rates by UN regional group' }),
		).toBeVisible()
		await expect(page.getByRole('heading', { name: 'Reporting calendar' })).toBeVisible()
		// Unpublished cycles are nowhere: the DDT questionnaire is not one of the choices.
		await expect(page.getByRole('option', { name: /DDT questionnaire/ })).toHaveCount(0)
		await expectAccessible(page)
	})

	await test.step('the table alternative of the map names each Party and its report', async () => {
		await page.getByText(/^Table of the \d+ Parties and their reports$/).click()
		const australia = page.getByRole('row', { name: /Australia/ })
		await expect(australia).toContainText('Accepted')
		await expect(australia).toContainText('Submitted on time')
		await expectAccessible(page)
		await australia.getByRole('link', { name: 'Australia', exact: true }).click()
	})

	await test.step('the country profile: status, reports, PDF and key figures', async () => {
		await expect(page).toHaveURL(/\/parties\/AUS$/)
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Australia')
		await expect(page.locator('script')).toHaveCount(0)
		const statuses = page.getByRole('table').first()
		await expect(statuses.getByRole('row', { name: /Stockholm Convention/ })).toContainText('Party')
		const report = page.getByRole('row', { name: /6th cycle/ })
		await expect(report).toContainText('Accepted')
		await expect(
			page.getByRole('heading', { name: 'Key figures from the latest accepted reports' }),
		).toBeVisible()
		await expect(page.getByRole('img', { name: /Chemicals imported/ })).toBeVisible()
		// Australia withheld its exports: counted, never shown (no chart of them).
		await expect(page.getByRole('img', { name: /Chemicals exported/ })).toHaveCount(0)
		await expect(page.getByTestId('confidential-note').first()).toContainText(
			'marked confidential by the Party',
		)
		await expectAccessible(page)
		const download = page.waitForEvent('download')
		await report.getByRole('link', { name: /PDF/ }).click()
		expect((await download).suggestedFilename()).toMatch(/^AUS-stockholm-art15-v6-s\d+-en\.pdf$/)
	})

	await test.step('the cycle page and the SDG 12.4.1 page', async () => {
		await page.goto('/cycles/sc-art15-6')
		await expect(page.getByRole('img', { name: 'Map of reporting status' })).toBeVisible()
		await expect(
			page.getByRole('heading', { name: 'Submission rates by UN regional group' }),
		).toBeVisible()
		await expectAccessible(page)
		await page.getByRole('link', { name: 'SDG indicator 12.4.1' }).first().click()
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'SDG indicator 12.4.1: transmission of the national reports',
		)
		await expect(page.getByRole('heading', { name: 'Reconstructed parts' })).toBeVisible()
		await expectAccessible(page)
		expect((await page.goto('/cycles/sc-ddt-2024-2026'))?.status()).toBe(404)
	})

	await test.step('in Arabic, right to left, with the language button of a page without scripts', async () => {
		await page.goto('/parties/KEN')
		await page.getByLabel('Language').selectOption('ar')
		await page.getByRole('button', { name: 'Change language' }).click()
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('كينيا')
		await expectAccessible(page)
	})
})

test('with JavaScript turned off, the cycle chooser and the links still work', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await page.goto('/')
	await page.getByLabel('Reporting cycle').selectOption('sc-art15-5')
	await page.getByRole('button', { name: 'Show' }).click()
	await expect(page).toHaveURL(/\?cycle=sc-art15-5$/)
	await expect(page.getByText(/5th cycle: reports due on/)).toBeVisible()
	await page.getByRole('link', { name: /Open the page of .*5th cycle/ }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/5th cycle/)
	await context.close()
})

test('an administrator publishes a cycle from a day ahead, which stays off the portal until then, and withdraws it', async ({
	page,
	playwright,
	baseURL,
}) => {
	const visitor = await playwright.request.newContext({ baseURL })
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/cycles')
	await page.getByRole('link', { name: 'Rotterdam Convention questionnaire, year 2025' }).click()
	const state = page.getByTestId('publication-state')
	await expect(state).toHaveText('Not published.')
	await page.getByLabel('Public from').fill('2099-01-01')
	await page.getByRole('button', { name: 'Publish' }).click()
	await expect(page.getByRole('status')).toHaveText('The publication of the cycle has been saved.')
	await expect(state).toContainText('To be published on')
	await expect(
		page.getByRole('listitem').filter({ hasText: 'published the cycle from' }),
	).toHaveCount(1)
	await expectAccessible(page)
	expect((await visitor.get('/cycles/rc-report-2025')).status()).toBe(404)
	await page.getByRole('button', { name: 'Withdraw the publication' }).click()
	await expect(page.getByRole('status')).toHaveText('The cycle is no longer published.')
	await expect(state).toHaveText('Not published.')
	await visitor.dispose()
})
