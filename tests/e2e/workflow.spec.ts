import { expect, test, type Page } from '@playwright/test'
import { buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { ACCOUNTS, expectAccessible, login, saveThroughApi } from './fixtures.ts'
import { registeredCodeLists } from '#forms/codelists/source.ts'

/**
 * A new cycle on the same form version as the 6th: India starts it from its previous report,
 * sees what was carried over, fills the new period and submits; the secretariat returns it with a
 * comment, the country sees why on its pages, resubmits, and the secretariat accepts it with the
 * comment still open. Along the way: the date of submission, the receipt, the deadline badges and
 * the 404 pages of reports one may not see.
 */
test.describe.configure({ timeout: 420_000 })

const CYCLE_TITLE = 'Article 15 national report, 7th cycle (browser test)'
const NEW_PERIOD = {
	partyCode: 'IND',
	periodStart: '2026-01-01',
	periodEnd: '2029-12-31',
	codeLists: registeredCodeLists,
}
const TODAY = new Date().toISOString().slice(0, 10)

function card(page: Page) {
	return page.locator('.report-card', { hasText: CYCLE_TITLE })
}

test('a new cycle: India starts from its previous report, submits, is returned with a comment, resubmits, and is accepted with the comment open', async ({
	page,
	browser,
}) => {
	let reportId = ''
	await test.step('an admin opens a new cycle on the 6th-cycle form for 2026–2029', async () => {
		await login(page, ACCOUNTS.admin)
		await page.goto('/admin/cycles/new')
		await page.waitForLoadState('networkidle')
		await page.getByLabel('Code').fill('sc-art15-7-e2e')
		await page.getByLabel('Convention').selectOption('stockholm')
		await page.getByLabel('Form and version').selectOption('stockholm-art15@6')
		await page
			.getByRole('group', { name: 'Title' })
			.getByLabel('English (required)')
			.fill(CYCLE_TITLE)
		await page.getByLabel('Period starts').fill(NEW_PERIOD.periodStart)
		await page.getByLabel('Period ends').fill(NEW_PERIOD.periodEnd)
		await page.getByLabel('Opens for reporting').fill('2026-09-01')
		await page.getByLabel('Deadline').fill('2030-08-31')
		await page.getByRole('button', { name: 'Create the cycle' }).click()
		await page.waitForURL(/\/admin\/cycles\/[0-9a-f-]{36}$/)
	})
	await test.step('India starts it from its previous report: the carry-over page says what happened to each question', async () => {
		await login(page, ACCOUNTS.ocpIndia)
		await page.goto('/countries/IND')
		await page.waitForLoadState('networkidle')
		await card(page).getByRole('button', { name: 'Start from the previous report' }).click()
		await page.waitForURL(/\/carried-over$/)
		reportId = /reports\/([0-9a-f-]{36})/.exec(page.url())![1]!

		const notCarried = page.getByRole('region', { name: /questions? not carried over/ })
		const statistics = notCarried.getByRole('listitem').filter({
			has: page.getByText('Total quantities produced, imported and exported per chemical and year'),
		})
		await expect(statistics).toContainText(
			/rows not carried over \(2022, 2023, 2024,? and 2025\): the years are outside the period of this report \(2026–2029\)\./,
		)
		for (const question of ['Technical assistance received', 'Financial resources received']) {
			await expect(
				notCarried.getByRole('listitem').filter({ has: page.getByText(question, { exact: true }) }),
			).toContainText('the years are outside the period of this report (2026–2029).')
		}
		await expect(page.getByText('the question no longer exists')).toHaveCount(0)
		// Figures of the previous period are not copied: they are shown, to confirm for 2026–2029.
		const toConfirm = page.getByRole('region', { name: /answers? to confirm for this period/ })
		await expect(toConfirm).toContainText('Give them for 2026–2029')
		await expect(
			toConfirm.getByRole('listitem').filter({
				has: page.getByText('Number of contaminated sites identified', { exact: true }),
			}),
		).toContainText(
			'Not copied (the previous report gave 14): it describes the period of the previous report only.',
		)
		await expect(
			toConfirm.getByRole('listitem').filter({
				has: page.getByText('Registered exemptions and acceptable purposes', { exact: true }),
			}),
		).toContainText(
			/1 value of “Actual quantity produced or used \(kg per year\)” not copied \(DDT \(1,1,1-trichloro-2,2-bis\(4-chlorophenyl\)ethane\): 800\)/,
		)
		const recomputed = page.getByRole('region', { name: /filled in again for this report/ })
		await expect(
			recomputed
				.getByRole('listitem')
				.filter({ has: page.getByText('First year covered by this report') }),
		).toContainText('Filled in for this report: 2026.')
		await expect(page.getByRole('region', { name: /questions? carried over$/ })).toContainText(
			'National focal point',
		)
		await expectAccessible(page)
	})
	await test.step('the draft has the new period, an empty read-only date of submission, and no error about the period', async () => {
		await login(page, ACCOUNTS.contributorIndia)
		await page.goto(`/reports/${reportId}/sections/a_general`)
		await page.waitForLoadState('networkidle')
		await expect(page.getByLabel('First year covered by this report')).toHaveValue('2026')
		await expect(page.getByLabel('Last year covered by this report')).toHaveValue('2029')
		const date = page.getByLabel('Date of submission')
		await expect(date).toHaveValue('')
		await expect(date).toHaveAttribute('readonly', '')
		await expect(date).not.toBeEditable()
		await expect(date).toHaveAccessibleDescription(
			/Filled in automatically when the report is submitted/,
		)
		await expectAccessible(page)

		await page.goto(`/reports/${reportId}/validation`)
		await page.waitForLoadState('networkidle')
		const issues = page.locator('main')
		for (const question of [
			'First year covered by this report',
			'Last year covered by this report',
			'Date of submission',
		]) {
			await expect(issues.getByRole('link', { name: question })).toHaveCount(0)
		}
		await expect(issues).not.toContainText('2022')
	})
	await test.step('the contact point fills the new period and submits: the date is set, the receipt names everything', async () => {
		await login(page, ACCOUNTS.ocpIndia)
		await page.goto(`/reports/${reportId}/sections/a_general`)
		await page.waitForLoadState('networkidle')
		await saveThroughApi(page, reportId, buildCompleteArt15V6Answers(NEW_PERIOD))
		await page.goto(`/reports/${reportId}/submit`)
		await page.waitForLoadState('networkidle')
		await page.getByRole('checkbox', { name: /on behalf of my Government/ }).check()
		await page.getByRole('button', { name: 'Submit the report' }).click()
		await expect(page.getByRole('heading', { name: 'Receipt of submission #1' })).toBeVisible()
		const receipt = page.locator('.receipt dl').first()
		await expect(page.getByTestId('form-hash')).toHaveText(/^[0-9a-f]{64}$/)
		await expect(receipt).toContainText('India (IND)')
		await expect(receipt).toContainText(`${CYCLE_TITLE} (sc-art15-7-e2e)`)
		await expect(receipt).toContainText(
			'National report under Article 15 of the Stockholm Convention, version 6 (stockholm-art15 v6)',
		)
		await expectAccessible(page)

		await page.goto(`/reports/${reportId}/sections/a_general`)
		await page.waitForLoadState('networkidle')
		await expect(page.getByLabel('Date of submission')).toHaveValue(TODAY)
		await expect(page.getByLabel('Date of submission')).not.toBeEditable()

		await page.goto('/countries/IND')
		await page.waitForLoadState('networkidle')
		await expect(card(page).locator('.deadline')).toContainText(/Submitted on .+, on time/)
	})
	await test.step('a reviewer comments on a question and returns the report; Mark as resolved is readable', async () => {
		await login(page, ACCOUNTS.reviewer)
		await page.goto(`/reports/${reportId}/review`)
		await page.waitForLoadState('networkidle')
		await page.getByRole('button', { name: 'Start the review' }).click()
		await expect(page.locator('.status')).toHaveText('Under review')
		await page.goto(`/reports/${reportId}/sections/b_art7`)
		await page.waitForLoadState('networkidle')
		const block = page.locator('#q-b7_nip_date')
		await block.getByText('Comment on this question').click()
		await block.getByLabel('Comment', { exact: true }).fill('Which day exactly was the plan sent?')
		await block.getByRole('button', { name: 'Post the comment' }).click()
		await expect(block.getByRole('button', { name: 'Mark as resolved' })).toBeVisible()
		await expectAccessible(page)

		await page.goto(`/reports/${reportId}/review`)
		await page.waitForLoadState('networkidle')
		await page.getByLabel('Message to the country').fill('Please check the date of transmission.')
		await page.getByRole('button', { name: 'Return for clarification' }).click()
		await expect(page.locator('.status')).toHaveText('Returned for clarification')
	})
	await test.step('the country sees why on the report pages and on its home, and goes to the question from there', async () => {
		await login(page, ACCOUNTS.contributorIndia)
		await page.goto('/countries/IND')
		await page.waitForLoadState('networkidle')
		const notice = card(page).getByRole('region', { name: 'Returned for clarification' })
		await expect(notice).toContainText('Please check the date of transmission.')
		await expect(notice.getByRole('link', { name: 'Date of transmission' })).toBeVisible()
		await expectAccessible(page)

		for (const path of ['validation', 'history', 'submissions']) {
			await page.goto(`/reports/${reportId}/${path}`)
			await page.waitForLoadState('networkidle')
			const banner = page.getByRole('region', { name: 'Returned for clarification' })
			await expect(banner).toContainText('Please check the date of transmission.')
			await expect(banner).toContainText('1 open comment')
		}
		await expectAccessible(page)
		await page
			.getByRole('region', { name: 'Returned for clarification' })
			.getByRole('link', { name: 'Date of transmission' })
			.click()
		await page.waitForURL(/sections\/b_art7#q-b7_nip_date-threads$/)
		await expect(page.locator('#q-b7_nip_date .thread')).toContainText(
			'Which day exactly was the plan sent?',
		)
		await page.locator('#q-b7_nip_date .thread').getByLabel('Reply').fill('On 12 March 2008.')
		await page
			.locator('#q-b7_nip_date .thread')
			.getByRole('button', { name: 'Send the reply' })
			.click()
		await expect(page.locator('#q-b7_nip_date .thread')).toContainText('On 12 March 2008.')
	})
	await test.step('accepting with a comment still open asks for confirmation and lists it', async () => {
		const ocpContext = await browser.newContext()
		const ocp = await ocpContext.newPage()
		await login(ocp, ACCOUNTS.ocpIndia)
		await ocp.goto(`/reports/${reportId}/submit`)
		await ocp.waitForLoadState('networkidle')
		await ocp.getByRole('checkbox', { name: /on behalf of my Government/ }).check()
		await ocp.getByRole('button', { name: 'Submit the corrected report' }).click()
		await expect(ocp.getByRole('heading', { name: 'Receipt of submission #2' })).toBeVisible()
		await ocpContext.close()

		await login(page, ACCOUNTS.reviewer)
		await page.goto(`/reports/${reportId}/review`)
		await page.waitForLoadState('networkidle')
		await page.getByRole('button', { name: 'Start the review' }).click()
		await expect(page.locator('.status')).toHaveText('Under review')
		await expect(page.getByText('1 comment thread is still open:')).toBeVisible()
		await expect(
			page
				.locator('form', { hasText: 'still open' })
				.getByRole('link', { name: 'Date of transmission' }),
		).toBeVisible()
		await expectAccessible(page)

		// The server insists too: without the confirmation, nothing happens.
		const refused = await page.request.post(`/reports/${reportId}/review`, {
			headers: { Origin: new URL(page.url()).origin },
			form: { intent: 'accept' },
		})
		expect(refused.status()).toBe(409)
		await page.reload()
		await expect(page.locator('.status')).toHaveText('Under review')

		await page
			.getByRole('checkbox', { name: 'Accept the report although 1 thread is open' })
			.check()
		await page.getByRole('button', { name: 'Accept the report' }).click()
		await expect(page.locator('.status')).toHaveText('Accepted')
	})
})

test('deadline badges follow the report: an accepted report is not overdue', async ({ page }) => {
	await login(page, ACCOUNTS.ocpKenya)
	await page.goto('/countries/KEN')
	await page.waitForLoadState('networkidle')
	const fifth = page.locator('.report-card', { hasText: '5th cycle' })
	await expect(fifth.locator('.deadline')).toContainText('Submitted on Aug 15, 2022, on time')
	await expect(fifth).not.toContainText('overdue')
	await expectAccessible(page)
})

test('a report one may not see, or that does not exist, gets the 404 page', async ({ page }) => {
	// India's 6th report, seeded: Kenya's users may not see it.
	await login(page, ACCOUNTS.ocpIndia)
	await page.goto('/countries/IND')
	const href = await page
		.locator('.report-card', { hasText: '6th cycle' })
		.getByRole('link', { name: 'Open the report' })
		.getAttribute('href')
	const indiaReportId = /reports\/([0-9a-f-]{36})/.exec(href ?? '')![1]!
	await login(page, ACCOUNTS.ocpKenya)
	for (const id of [indiaReportId, '00000000-0000-0000-0000-000000000000']) {
		for (const path of [
			'',
			'/sections',
			'/sections/a_general',
			'/carried-over',
			'/submissions/1',
		]) {
			const response = await page.goto(`/reports/${id}${path}`)
			expect(response?.status(), path).toBe(404)
			await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('Error 404')
			await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible()
		}
		const data = await page.request.get(`/reports/${id}/sections.data`)
		expect(data.status()).toBe(404)
	}
})
