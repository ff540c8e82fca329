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
	// One row per chemical and year with activity, for every accepted report (column A: party_code).
	const statistics = workbook.getWorksheet('b3_statistics')!
	const parties = new Set(statistics.getColumn(1).values.slice(2).map(String))
	// India's too once the review story (review.spec.ts) has accepted it, whichever spec runs first.
	const seeded = [...parties].filter((party) => party !== 'IND')
	expect(seeded.sort()).toEqual(['AUS', 'BRA', 'DEU', 'FRA', 'ZAF'])
	expect(statistics.rowCount).toBeGreaterThan(parties.size * 4)
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

test('the analysis page opens on a cycle with reports and its questions follow the chosen cycle', async ({
	page,
}) => {
	await login(page, ACCOUNTS.analyst)
	await page.goto('/analysis')
	const cycle = page.getByLabel('Reporting cycle')
	// The most recent cycle with submitted reports: which one depends on the demo data and on what
	// other specs submitted, so the page is then opened on the 6th cycle explicitly.
	const options = await cycle
		.locator('option')
		.evaluateAll((all) => all.map((o) => ({ code: o.getAttribute('value'), label: o.textContent })))
	const withReports = options.filter((o) => !o.label?.includes('no submitted report yet'))
	const opened = withReports[0]!.code!
	expect(withReports.map((o) => o.code)).toContain('sc-art15-6')
	expect(options.findIndex((o) => o.code === 'sc-ddt-2024-2026')).toBeLessThan(
		options.findIndex((o) => o.code === 'sc-art15-6'),
	)
	await expect(cycle).toHaveValue(opened)
	await expect(page.getByText(/\d+ reports? match/)).toBeVisible()
	await page.goto('/analysis?cycle=sc-art15-6')
	const questions = page.getByRole('group', { name: 'Questions' })
	await questions.getByText('Article 15(2): production, import and export data').click()
	await page
		.getByRole('checkbox', { name: /Total quantities produced, imported and exported/ })
		.check()

	// Keyboard only: the list changes as soon as another cycle is chosen, without pressing Show.
	await cycle.focus()
	await cycle.selectOption('sc-ddt-2024-2026')
	await expect(page).toHaveURL(/cycle=sc-ddt-2024-2026/)
	await expect(questions.getByText('Vector control systems')).toBeVisible()
	await expect(
		questions.getByText('Article 15(2): production, import and export data'),
	).toHaveCount(0)
	await expect(
		page.getByText('1 selected question is not part of this cycle’s form and was left out.'),
	).toBeVisible()
	await expect(cycle).toBeFocused()
	await expect(cycle).toHaveValue('sc-ddt-2024-2026')
	await expectAccessible(page)

	// Back: the select and the list return to the cycle shown before.
	await page.goBack()
	await expect(cycle).toHaveValue('sc-art15-6')
	await expect(
		questions.getByText('Article 15(2): production, import and export data'),
	).toBeVisible()
})

test('without JavaScript, the questions follow the cycle chosen before pressing Show', async ({
	browser,
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false })
	const page = await context.newPage()
	await login(page, ACCOUNTS.analyst)
	await page.goto('/analysis?cycle=sc-art15-6')
	await expect(page.getByLabel('Reporting cycle')).toHaveValue('sc-art15-6')
	await page.getByText('Article 15(2): production, import and export data').click()
	await page
		.getByRole('checkbox', { name: /Total quantities produced, imported and exported/ })
		.check()
	await page.getByLabel('Reporting cycle').selectOption('sc-ddt-2024-2026')
	await page.getByRole('button', { name: 'Show' }).click()
	await expect(page).toHaveURL(/cycle=sc-ddt-2024-2026/)
	const questions = page.getByRole('group', { name: 'Questions' })
	await expect(questions.getByText('Vector control systems')).toBeVisible()
	await expect(
		questions.getByText('Article 15(2): production, import and export data'),
	).toHaveCount(0)
	await expect(page.getByLabel('Reporting cycle')).toHaveValue('sc-ddt-2024-2026')
	await expect(
		page.getByText('1 selected question is not part of this cycle’s form and was left out.'),
	).toBeVisible()
	await context.close()
})

test('the preview keeps its headers readable and the country column in view', async ({ page }) => {
	await login(page, ACCOUNTS.analyst)
	await page.goto('/analysis?cycle=sc-art15-6&status=submitted')
	const region = page.getByRole('region', { name: /Answers of the first/ })
	const table = region.getByRole('table')
	const headers = table.getByRole('columnheader')
	await expect(headers.first()).toHaveText('Country')
	// Lines of text in each header cell (the row is as tall as its tallest cell).
	const sizes = await headers.evaluateAll((cells) =>
		cells.map((cell) => {
			const range = document.createRange()
			range.selectNodeContents(cell)
			const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
			return { text: cell.textContent, width: cell.getBoundingClientRect().width, lines: tops.size }
		}),
	)
	expect(sizes.length).toBeGreaterThan(8)
	for (const size of sizes) {
		expect(size.width, size.text!).toBeGreaterThanOrEqual(160)
		expect(size.lines, size.text!).toBeLessThanOrEqual(5)
	}
	// Too wide for the page: it scrolls sideways, and the countries stay where they were.
	const scroll = await region.evaluate((element) => element.scrollWidth > element.clientWidth)
	expect(scroll).toBe(true)
	const country = table.getByRole('rowheader').first()
	await country.scrollIntoViewIfNeeded()
	const before = await country.boundingBox()
	await region.evaluate((element) => {
		element.scrollLeft = 1200
	})
	const after = await country.boundingBox()
	expect(after!.x).toBe(before!.x)
	await expect(country).toBeInViewport()
	await expectAccessible(page)
})
