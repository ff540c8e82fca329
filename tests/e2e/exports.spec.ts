import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import ExcelJS from 'exceljs'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

/**
 * Exports against the demo data: an analyst compares the accepted 6th-cycle reports (preview,
 * charts) and downloads the compiled workbook; Kenya's contact point downloads its accepted
 * 5th-cycle report as PDF.
 */
test('an analyst previews compiled data, sees charts and downloads the workbook', async ({
	page,
}) => {
	await login(page, ACCOUNTS.analyst)
	await page.goto('/analysis?cycle=sc-art15-6&status=accepted')
	await page.getByText('Article 15(2): production, import and export data').click()
	await page
		.getByRole('checkbox', { name: /Total quantities produced, imported and exported/ })
		.check()
	await page.getByRole('button', { name: 'Show' }).click()
	// The page before the click already shows every table's charts: wait for the selection's page.
	await expect(page).toHaveURL(/questions=b3_statistics/)
	await expect(page.getByText(/reports? match/)).toBeVisible()
	await expect(page.getByRole('img', { name: /all countries/ })).toHaveCount(1)
	await expect(page.getByRole('img', { name: /per year, by country/ })).toBeVisible()
	await expect(page.getByRole('img', { name: /all countries/ })).toBeVisible()
	await expectAccessible(page)

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Excel workbook (compiled)' }).click(),
	])
	expect(download.suggestedFilename()).toMatch(
		/^sc-art15-6-accepted-selection-\d{4}-\d{2}-\d{2}\.xlsx$/,
	)
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(readFileSync((await download.path())!) as never)
	expect(workbook.getWorksheet('answers')!.rowCount).toBeGreaterThan(1)
	expect(workbook.getWorksheet('b3_statistics')!.rowCount).toBeGreaterThan(100)
})

test('a country downloads its accepted report as PDF', async ({ page }) => {
	await login(page, ACCOUNTS.ocpKenya)
	await page.goto('/countries/KEN')
	const card = page.locator('.report-card', { hasText: '5th cycle' })
	const href = await card.getByRole('link').first().getAttribute('href')
	const reportId = /reports\/([0-9a-f-]{36})/.exec(href ?? '')![1]!
	const response = await page.request.get(`/reports/${reportId}/export?format=pdf&lang=fr`)
	expect(response.status()).toBe(200)
	expect(response.headers()['content-type']).toBe('application/pdf')
	const body = await response.body()
	expect(body.subarray(0, 5).toString()).toBe('%PDF-')
	await page.goto(`/reports/${reportId}/import`)
	await expect(page.getByRole('heading', { name: 'Import answers from Excel' })).toBeVisible()
	await expectAccessible(page)
})
