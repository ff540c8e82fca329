import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login, saved } from './fixtures.ts'

/**
 * The secretariat's review of India's 6th report (seeded as a complete draft): submission,
 * comments on two questions, return, the country's replies and corrections, resubmission, the
 * diff of what changed, acceptance, the emails, and the dashboard.
 */
test.describe.configure({ timeout: 240_000 })

test('the secretariat reviews India’s report: returned with comments, corrected, resubmitted, accepted, and counted on the dashboard', async ({
	page,
	browser,
}) => {
	let reportId = ''
	await test.step('the country submits its report', async () => {
		await login(page, ACCOUNTS.ocpIndia)
		await page.goto('/countries/IND')
		await page.waitForLoadState('networkidle')
		await page
			.locator('.report-card', { hasText: '6th cycle' })
			.getByRole('link', { name: 'Open the report' })
			.click()
		await page.waitForURL(/reports\/[0-9a-f-]{36}\/sections\//)
		reportId = /reports\/([0-9a-f-]{36})/.exec(page.url())![1]!
		await page.goto(`/reports/${reportId}/submit`)
		await page.waitForLoadState('networkidle')
		await page.getByRole('checkbox', { name: /on behalf of my Government/ }).check()
		await page.getByRole('button', { name: 'Submit the report' }).click()
		await expect(page.getByRole('heading', { name: 'Receipt of submission #1' })).toBeVisible()
	})
	await test.step('a reviewer comments on two questions and returns the report', async () => {
		await login(page, ACCOUNTS.reviewer)
		await page.goto('/review?country=IND')
		await page.waitForLoadState('networkidle')
		await expect(page.getByRole('row', { name: /India/ })).toBeVisible()
		await expectAccessible(page)
		await page.getByRole('link', { name: 'India' }).click()
		await page.getByRole('button', { name: 'Start the review' }).click()
		await expect(page.locator('.status')).toHaveText('Under review')

		for (const [section, question, comment] of [
			['b_art7', '#q-b7_nip_date', 'Please give the exact date of transmission.'],
			[
				'b_obstacles',
				'#q-b_obstacles_implementation',
				'Could you say which obstacles are financial?',
			],
		] as const) {
			await page.goto(`/reports/${reportId}/sections/${section}`)
			await page.waitForLoadState('networkidle')
			const block = page.locator(question)
			await block.getByText('Comment on this question').click()
			await block.getByLabel('Comment', { exact: true }).fill(comment)
			await block.getByRole('button', { name: 'Post the comment' }).click()
			await expect(block.locator('.thread__body', { hasText: comment })).toBeVisible()
		}
		await page.goto(`/reports/${reportId}/review`)
		await page.waitForLoadState('networkidle')
		await expect(
			page.getByRole('heading', { name: /Comments on questions \(2 open\)/ }),
		).toBeVisible()
		await page
			.getByLabel('Message to the country')
			.fill('Two points need clarification; see the comments.')
		await page.getByRole('button', { name: 'Return for clarification' }).click()
		await expect(page.locator('.status')).toHaveText('Returned for clarification')
		await expectAccessible(page)
	})
	await test.step('the contributor sees the comments in the editor, replies and edits; the contact point resubmits', async () => {
		await login(page, ACCOUNTS.contributorIndia)
		await page.goto(`/reports/${reportId}/sections/b_art7`)
		await page.waitForLoadState('networkidle')
		const thread = page.locator('#q-b7_nip_date .thread')
		await expect(thread).toContainText('Please give the exact date of transmission.')
		await thread.getByLabel('Reply').fill('Corrected: it was transmitted on 12 March 2008.')
		await thread.getByRole('button', { name: 'Send the reply' }).click()
		await expect(thread).toContainText('Corrected: it was transmitted on 12 March 2008.')
		await page.locator('#q-b7_nip_date input[type=date]').fill('2008-03-12')
		await saved(page)
		await page.goto(`/reports/${reportId}/sections/b_obstacles`)
		await page.waitForLoadState('networkidle')
		await page
			.getByRole('textbox', { name: /Difficulties met in implementing/ })
			.fill('Financial: no budget line for laboratory analysis.')
		await saved(page)
		await expectAccessible(page)

		const ocp = await browser.newPage()
		await login(ocp, ACCOUNTS.ocpIndia)
		await ocp.goto(`/reports/${reportId}/submit`)
		await ocp.waitForLoadState('networkidle')
		await ocp.getByRole('checkbox', { name: /on behalf of my Government/ }).check()
		await ocp.getByRole('button', { name: 'Submit the corrected report' }).click()
		await expect(ocp.getByRole('heading', { name: 'Receipt of submission #2' })).toBeVisible()
		await ocp.close()
	})
	await test.step('the reviewer sees exactly the changed questions, resolves the threads and accepts', async () => {
		await login(page, ACCOUNTS.reviewer)
		await page.goto(`/reports/${reportId}/review`)
		await page.waitForLoadState('networkidle')
		await page.getByRole('button', { name: 'Start the review' }).click()
		await page.getByRole('link', { name: /What changed since submission #1/ }).click()
		const changed = page.locator('tr.diff[data-question]')
		await expect(changed).toHaveCount(2)
		expect(
			await changed.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-question')).sort()),
		).toEqual(['b7_nip_date', 'b_obstacles_implementation'])
		await expect(page.getByRole('row', { name: /Date.*2008-03-12/ })).toBeVisible()
		await expectAccessible(page)

		for (const section of ['b_art7', 'b_obstacles']) {
			await page.goto(`/reports/${reportId}/sections/${section}`)
			await page.waitForLoadState('networkidle')
			await page.getByRole('button', { name: 'Mark as resolved' }).click()
			// The thread's own state, once the server has it: "Resolved" alone would also match the
			// button just pressed, and leaving before the answer came back would lose the change.
			await expect(page.getByRole('button', { name: 'Reopen', exact: true })).toBeVisible()
			await expect(page.getByText('Resolved', { exact: true })).toBeVisible()
		}
		await page.goto(`/reports/${reportId}/review`)
		await page.waitForLoadState('networkidle')
		await expect(
			page.getByRole('heading', { name: /Comments on questions \(0 open\)/ }),
		).toBeVisible()
		await page.getByRole('button', { name: 'Accept the report' }).click()
		await expect(page.locator('.status')).toHaveText('Accepted')
	})
	await test.step('the emails are in the outbox', async () => {
		await login(page, ACCOUNTS.admin)
		await page.goto('/admin/outbox?to=india')
		await page.waitForLoadState('networkidle')
		for (const subject of [
			/Your report was returned for clarification/,
			/Your report was accepted/,
			/New comment on the report of India/,
		]) {
			await expect(page.getByRole('link', { name: subject }).first()).toBeVisible()
		}
		await page.goto('/admin/outbox?to=reviewer')
		await page.waitForLoadState('networkidle')
		await expect(
			page.getByRole('link', { name: /India submitted its report/ }).first(),
		).toBeVisible()
	})
	await test.step('the dashboard counts and map match the seeded data and India’s acceptance', async () => {
		await login(page, ACCOUNTS.reviewer)
		await page.goto('/review')
		await page.waitForLoadState('networkidle')
		await page.getByRole('link', { name: 'Status dashboard' }).click()
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		// Seeded: 6 accepted (AUS BRA ZAF DEU FRA, and India now that it is accepted), 2 under review, 1 returned, 4 submitted.
		const byStatus = page.getByRole('region', { name: 'Reports by status' })
		await expect(
			byStatus
				.getByRole('row', { name: /^Accepted/ })
				.getByRole('cell')
				.first(),
		).toHaveText('6')
		await expect(
			byStatus
				.getByRole('row', { name: /^Under review/ })
				.getByRole('cell')
				.first(),
		).toHaveText('2')
		await expect(
			byStatus
				.getByRole('row', { name: /^Returned/ })
				.getByRole('cell')
				.first(),
		).toHaveText('1')
		await expect(
			byStatus
				.getByRole('row', { name: /^Submitted/ })
				.getByRole('cell')
				.first(),
		).toHaveText('4')
		const map = page.locator('svg.world-map__svg')
		await expect(map).toBeVisible()
		await expect(map.locator('[data-status="accepted"]')).toHaveCount(6)
		await expectAccessible(page)

		// Every status has a legend entry; each Party says its name and status on hover and on focus.
		const legend = page.locator('.world-map__legend')
		for (const status of [
			'Not started',
			'Draft',
			'Submitted',
			'Under review',
			'Returned for clarification',
			'Accepted',
		])
			await expect(legend).toContainText(status)
		const tooltip = page.getByTestId('map-tooltip')
		await map.getByRole('img', { name: 'India: Accepted' }).hover()
		await expect(tooltip).toContainText('India')
		await expect(tooltip).toContainText('Accepted')
		await page.mouse.move(0, 0)
		await expect(tooltip).toHaveCount(0)
		await map.getByRole('img', { name: 'India: Accepted' }).focus()
		await expect(tooltip).toContainText('India')
		await page.keyboard.press('ArrowRight')
		await expect(map.getByRole('img', { name: 'Indonesia: Not started' })).toBeFocused()
		await expect(tooltip).toContainText('Indonesia')
		await expect(tooltip).toContainText('Not started')
		await page.keyboard.press('Escape')
		await expect(tooltip).toHaveCount(0)
	})
})
