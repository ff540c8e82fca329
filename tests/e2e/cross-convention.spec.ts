import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

/**
 * Across conventions, on the demo data: an analyst reads the commonality analysis (the matrix,
 * the calendar and South Africa's DDT production, given differently in its DDT questionnaire and
 * its Article 15 report); Kenya's contact point starts its Minamata short report and takes its
 * focal point from its Stockholm report, and the history names the source.
 */
test('an analyst finds the matrix, the calendar and an inconsistency across forms', async ({
	page,
}) => {
	await login(page, ACCOUNTS.analyst)
	await page.goto('/analysis')
	await page
		.getByRole('link', { name: /commonality/i })
		.first()
		.click()
	await expect(
		page.getByRole('heading', { level: 1, name: 'Commonality of reporting across conventions' }),
	).toBeVisible()
	const matrix = page.getByRole('table', {
		name: 'Concepts asked by each form: each cell links to the questions and their texts',
	})
	await expect(matrix).toBeVisible()
	await expect(matrix.getByRole('row', { name: /CONTACT\.NFP/ })).toBeVisible()
	await expect(
		page.getByRole('table', { name: /Reports due 2024–2032, all conventions/ }),
	).toBeVisible()

	const consistency = page.locator('section', {
		has: page.getByRole('heading', { name: 'Data consistency' }),
	})
	const southAfrica = consistency.getByRole('row', { name: /South Africa/ }).first()
	await expect(southAfrica).toContainText('PROD.CHEM')
	await expect(southAfrica).toContainText('300,000 kg')
	await expect(southAfrica).toContainText('Article 15')
	await expectAccessible(page)
})

test('Kenya starts its Minamata short report and takes its focal point from its Stockholm report', async ({
	page,
}) => {
	await login(page, ACCOUNTS.ocpKenya)
	await page.goto('/countries/KEN')
	await page.waitForLoadState('networkidle')
	const card = page.locator('.report-card', { hasText: 'short report 2027' })
	const open = card.getByRole('link', { name: 'Open the report' })
	if (await open.count()) await open.click()
	else await card.getByRole('button', { name: 'Start a blank report' }).click()
	await page.waitForURL(/\/reports\/[0-9a-f-]{36}\//)
	const reportId = /reports\/([0-9a-f-]{36})/.exec(page.url())![1]!

	await page.getByRole('link', { name: 'From other reports' }).click()
	await expect(page.getByRole('heading', { name: 'Answers from your other reports' })).toBeVisible()
	const fromStockholm = page
		.locator('[data-question="a_focal_point"] li')
		.filter({ hasText: 'Article 15 national report, 5th cycle' })
	// A run before this one may have taken it already: the history tells either way.
	if (await fromStockholm.count()) {
		await expect(fromStockholm).toContainText('Jane Wanjiru')
		await expectAccessible(page)
		await fromStockholm.getByRole('button', { name: 'Use this answer' }).click()
		await expect(page.getByRole('status')).toHaveText('Used 1 answer(s), refused 0.')
		await expect(page.locator('[data-question="a_focal_point"]')).toHaveCount(0)
	}

	await page.goto(`/reports/${reportId}/history?question=a_focal_point`)
	await expect(
		page.getByRole('cell', { name: /reused from National report under Article 15/ }),
	).toBeVisible()
	await expect(page.getByRole('cell', { name: /Jane Wanjiru/ }).first()).toBeVisible()
})
