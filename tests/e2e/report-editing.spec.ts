import { expect, test, type Page } from '@playwright/test'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { ACCOUNTS, expectAccessible, login, saved, saveThroughApi } from './fixtures.ts'

/**
 * Filling and submitting a 6th-cycle report for Kenya: the contributor fills part of it, the
 * autosave survives reloads and going offline, two people edit at once, the contact point submits
 * and recalls, and other countries see nothing.
 */
test.describe.configure({ timeout: 180_000 })

function reportIdOf(url: string) {
	return /reports\/([0-9a-f-]{36})/.exec(url)![1]!
}

/**
 * Kenya's 6th report, opened by the signed-in Kenyan user, started from the 5th if no test has
 * started it yet: its id.
 */
async function kenyaSixthReport(page: Page) {
	await page.goto('/countries/KEN')
	await page.waitForLoadState('networkidle')
	const card = page.locator('.report-card', { hasText: '6th cycle' })
	const open = card.getByRole('link', { name: 'Open the report' })
	if (await open.count()) {
		await open.click()
	} else {
		await card.getByRole('button', { name: 'Start from the previous report' }).click()
		await page.getByRole('link', { name: 'Go to the report' }).click()
	}
	await page.waitForURL(/sections\/[a-z_0-9]+$/)
	return reportIdOf(page.url())
}

test('a contributor starts the 6th report from the 5th, fills its tables and follows the checks page', async ({
	page,
}) => {
	let reportUrl = ''
	await test.step('a contributor starts the 6th report from the 5th and fills a statistics and a partner table', async () => {
		await login(page, ACCOUNTS.contributorKenya)
		await page.goto('/countries/KEN')
		await page.waitForLoadState('networkidle')
		const card = page.locator('.report-card', { hasText: '6th cycle' })
		await card.getByRole('button', { name: 'Start from the previous report' }).click()
		await expect(
			page.getByRole('heading', { name: 'Carried over from the previous report' }),
		).toBeVisible()
		await expect(page.getByRole('heading', { name: /questions? not carried over/ })).toBeVisible()
		await expectAccessible(page)
		await page.getByRole('link', { name: 'Go to the report' }).click()
		await page.waitForURL(/sections\/[a-z_0-9]+$/)
		reportUrl = page.url()

		await page.getByRole('link', { name: /Article 15\(2\)/ }).click()
		// Quantities are asked for the chemicals with some production, import or export. Rows far
		// from the screen show their answers as text until scrolled to (see useLiveRows).
		await page
			.getByRole('region', { name: /Production, import or export of each chemical/ })
			.getByRole('rowheader', { name: /PFHxS/ })
			.scrollIntoViewIfNeeded()
		await page
			.getByRole('combobox', { name: /Any production, import or export\? — .*PFHxS/ })
			.selectOption('yes')
		const production = page.getByRole('textbox', { name: /Production.*PFHxS.*2023/ })
		await production.fill('12.5')
		await page.keyboard.press('ArrowRight')
		await page.keyboard.type('4000')
		const exportCell = page.getByRole('textbox', { name: /Export.*PFHxS.*2023/ })
		await exportCell.fill('250')
		// Exports above zero bring up the export partner table.
		const partners = page
			.getByRole('region', { name: /States to which the chemicals were exported/ })
			.first()
		await partners.getByRole('button', { name: 'Add a row' }).click()
		await partners.getByRole('combobox', { name: 'Chemical — Row 1' }).fill('PFHx')
		await page.keyboard.press('Enter')
		await partners.getByRole('combobox', { name: 'Importing State — Row 1' }).fill('Uganda')
		await page.keyboard.press('Enter')
		await partners.getByRole('textbox', { name: 'Quantity (kg) — Row 1' }).fill('250')
		await partners
			.getByRole('combobox', { name: /Purpose of the export — Row 1/ })
			.selectOption({ index: 1 })
		await saved(page)
		await expectAccessible(page)

		await page.reload()
		// Each row is scrolled to first: the browser restores the scroll position, and rows far from
		// the screen show their answers as text.
		await page
			.getByRole('grid', { name: /Total quantities produced/ })
			.getByRole('row', { name: /PFHxS.* 2023/ })
			.scrollIntoViewIfNeeded()
		await expect(page.getByRole('textbox', { name: /Production.*PFHxS.*2023/ })).toHaveValue('12.5')
		await expect(page.getByRole('textbox', { name: /Import.*PFHxS.*2023/ })).toHaveValue('4000')
		const exportPartners = page
			.getByRole('region', { name: /States to which the chemicals were exported/ })
			.first()
		await exportPartners.getByRole('row').last().scrollIntoViewIfNeeded()
		await expect(
			exportPartners.getByRole('combobox', { name: 'Importing State — Row 1' }),
		).toHaveValue('Uganda')
	})
	await test.step('a statistics table takes rows pasted from a spreadsheet and a "not available" marker', async () => {
		await login(page, ACCOUNTS.contributorKenya)
		await page.goto(reportUrl)
		await page.getByRole('link', { name: /Article 15\(2\)/ }).click()
		const statistics = page.getByRole('grid', { name: /Total quantities produced/ })
		// Its rows get their inputs once on screen (see useLiveRows).
		await statistics.scrollIntoViewIfNeeded()
		const cell = (row: number, column: string) =>
			statistics.locator(`td[data-row="${row}"][data-column="${column}"] input[type="text"]`)
		const columns = ['production_kg', 'import_kg', 'export_kg']

		// Two rows of three cells, tab-separated, pasted into the first row's first quantity.
		await cell(0, 'production_kg').focus()
		await cell(0, 'production_kg').evaluate((input) => {
			const clipboardData = new DataTransfer()
			clipboardData.setData('text/plain', '1\t2\t3\n4\t5\t6\n')
			input.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
			)
		})
		await expect(
			page.getByText('Pasted 6 cells. 0 cells could not be read; 0 rows did not fit.'),
		).toBeVisible()
		for (const [index, column] of columns.entries()) {
			await expect(cell(0, column)).toHaveValue(String(index + 1))
			await expect(cell(1, column)).toHaveValue(String(index + 4))
		}

		// The third row's production is not available: the cell shows the marker instead of a number.
		const label = await cell(2, 'production_kg').getAttribute('aria-label')
		await cell(2, 'production_kg').focus()
		await page
			.getByRole('combobox', { name: `Status of ${label!}` })
			.selectOption({ label: 'Information not available' })
		const marked = statistics.locator('td[data-row="2"][data-column="production_kg"]')
		await expect(marked.locator('.marker-chip')).toHaveText('Information not available')
		await saved(page)

		await page.reload()
		for (const [index, column] of columns.entries()) {
			await expect(cell(0, column)).toHaveValue(String(index + 1))
			await expect(cell(1, column)).toHaveValue(String(index + 4))
		}
		await expect(marked.locator('.marker-chip')).toHaveText('Information not available')
		await expect(cell(2, 'production_kg')).toHaveCount(0)
	})
	await test.step('the checks page names each missing cell and takes the user to it; the other chemicals are answered in one action', async () => {
		await login(page, ACCOUNTS.contributorKenya)
		const reportBase = reportUrl.replace(/sections\/.*/, '')
		await page.goto(`${reportBase}validation`)
		const toAnswer = page.locator('ul.issue-panel').first()
		// PFHxS 2025: production is marked not available; import and export are still empty.
		const statistics = toAnswer.locator('li', { hasText: /Total quantities produced/ })
		await expect(statistics.getByText('2 answers missing')).toBeVisible()
		const importCell = statistics.getByRole('link', { name: /PFHxS.*· 2025 › Import \(kg\)/ })
		await expect(
			statistics.getByRole('link', { name: /PFHxS.*· 2025 › Export \(kg\)/ }),
		).toBeVisible()
		// One group per question, however many cells: the activity question lists every chemical.
		const activity = toAnswer.locator('li', {
			hasText: /Production, import or export of each chemical/,
		})
		await expect(activity).toHaveCount(1)
		await expect(activity.getByText(/\d+ answers missing/)).toBeVisible()
		await expectAccessible(page)

		await importCell.click()
		await expect(page).toHaveURL(
			/sections\/b_art15_statistics\?check=1#q-b3_statistics-PFHXS_2025-import_kg$/,
		)
		await expect(page.getByRole('textbox', { name: /Import \(kg\).*PFHxS.*2025/ })).toBeFocused()

		// "Answer every empty cell with: No" answers every chemical but PFHxS; no quantity rows appear.
		const activityTable = page.getByRole('region', {
			name: /Production, import or export of each chemical/,
		})
		await activityTable.getByLabel('Answer every empty cell with').selectOption({ label: 'No' })
		await activityTable.getByRole('button', { name: 'Fill' }).click()
		await expect(
			activityTable.getByRole('status').filter({ hasText: /empty cells filled/ }),
		).toHaveText(/^\d+ empty cells filled\.$/)
		await activityTable.getByRole('rowheader', { name: /PFHxS/ }).scrollIntoViewIfNeeded()
		await expect(
			activityTable.getByRole('combobox', { name: /Any production, import or export\? — .*PFHxS/ }),
		).toHaveValue('yes')
		const quantities = page.getByRole('grid', { name: /Total quantities produced/ })
		await expect(quantities.getByRole('rowheader')).toHaveCount(3)
		await saved(page)

		await page.goto(`${reportBase}validation`)
		await expect(
			page
				.locator('ul.issue-panel')
				.first()
				.locator('li', {
					hasText: /Production, import or export of each chemical/,
				}),
		).toHaveCount(0)
	})
})

/** Signs in as Kenya's contributor and opens the free-text obstacles section of its 6th report. */
async function openKenyaObstaclesAsContributor(page: Page) {
	await login(page, ACCOUNTS.contributorKenya)
	const reportId = await kenyaSixthReport(page)
	await page.goto(`/reports/${reportId}/sections/b_obstacles`)
	await page.waitForLoadState('networkidle')
}

test('typing offline is kept and saved when the connection returns', async ({ page, context }) => {
	await openKenyaObstaclesAsContributor(page)
	await context.setOffline(true)
	const box = page.getByRole('textbox', { name: /Difficulties met in implementing/ })
	await box.fill('Written while offline: customs data arrive late.')
	await expect(page.locator('[data-save-status]')).toHaveAttribute(
		'data-save-status',
		/offline|failed/,
		{ timeout: 15_000 },
	)
	await box.pressSequentially(' More text.')
	await context.setOffline(false)
	await saved(page)
	await page.reload()
	await expect(page.getByRole('textbox', { name: /Difficulties met in implementing/ })).toHaveValue(
		'Written while offline: customs data arrive late. More text.',
	)
})

test('an answer the server refuses stays as typed, with its message under it, and the others are saved', async ({
	page,
}) => {
	await openKenyaObstaclesAsContributor(page)
	const refused = page.getByRole('textbox', { name: /Difficulties met in implementing/ })
	const other = page.getByRole('textbox', { name: /Comments on the reporting format/ })
	// U+0000 cannot be stored: the server refuses this answer and names it.
	await refused.fill('Pasted from a broken file: \u0000 end.')
	await other.fill('Saved although the other answer was refused.')
	const message = page.locator('[data-refused]')
	await expect(message).toHaveText(/characters that cannot be stored/, { timeout: 15_000 })
	const status = page.locator('[data-save-status]')
	await expect(status).toHaveAttribute('data-save-status', 'failed')
	await expect(status).toContainText('1 answer was not saved')
	await expect(status).toHaveAttribute('data-dirty', '1')
	// Nothing typed is lost: after a reload the refused text is back, from the browser's storage.
	await page.reload()
	await expect(other).toHaveValue('Saved although the other answer was refused.')
	await expect(refused).toHaveValue('Pasted from a broken file: \u0000 end.')
	await refused.fill('Written while offline: customs data arrive late. More text.')
	await saved(page)
	await expect(message).toHaveCount(0)
})

test('what is typed while a slow computer is still loading the editor is saved as typed', async ({
	page,
	context,
}) => {
	await openKenyaObstaclesAsContributor(page)
	const box = page.getByRole('textbox', { name: /Difficulties met in implementing/ })
	await box.fill('As loaded.')
	await saved(page)
	// An old laptop: the page shows its answers well before its scripts run. Typing at once, as a
	// user does, must neither land beside the loaded answer nor be dropped when the scripts start.
	const cdp = await context.newCDPSession(page)
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 })
	for (const typed of ['Typed at once.', 'Typed at once, again.']) {
		await page.reload({ waitUntil: 'commit' })
		await box.fill(typed)
		await saved(page)
		await page.reload()
		await page.waitForLoadState('networkidle')
		await expect(box).toHaveValue(typed)
	}
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
})

test('two people editing at once: different questions merge, the same question shows a conflict', async ({
	browser,
}) => {
	const a = await browser.newPage()
	const b = await browser.newPage()
	await login(a, ACCOUNTS.contributorKenya)
	await login(b, ACCOUNTS.ocpKenya)
	const url = `/reports/${await kenyaSixthReport(a)}/sections/b_obstacles`
	await a.goto(url)
	await a.waitForLoadState('networkidle')
	await b.goto(url)
	await a
		.getByRole('textbox', { name: /Difficulties met in preparing/ })
		.fill('From the contributor.')
	await saved(a)
	await b
		.getByRole('textbox', { name: /Comments on the reporting format/ })
		.fill('From the contact point.')
	await saved(b)
	await a.reload()
	await expect(a.getByRole('textbox', { name: /Comments on the reporting format/ })).toHaveValue(
		'From the contact point.',
	)
	await expect(a.getByRole('textbox', { name: /Difficulties met in preparing/ })).toHaveValue(
		'From the contributor.',
	)

	// Both change the same answer.
	await a.getByRole('textbox', { name: /Difficulties met in preparing/ }).fill('Version A')
	await saved(a)
	await b.getByRole('textbox', { name: /Difficulties met in preparing/ }).fill('Version B')
	const conflict = b.getByRole('alert').filter({ hasText: 'Someone else changed' })
	await expect(conflict).toBeVisible({ timeout: 15_000 })
	await expect(conflict.locator('[data-conflict="yours"]')).toHaveText('Version B')
	await expect(conflict.locator('[data-conflict="theirs"]')).toHaveText('Version A')
	await conflict.getByRole('button', { name: 'Keep my value' }).click()
	await saved(b)
	await a.reload()
	await expect(a.getByRole('textbox', { name: /Difficulties met in preparing/ })).toHaveValue(
		'Version B',
	)
	await a.close()
	await b.close()
})

test('a contributor cannot submit; the contact point fixes the errors, submits, gets a receipt, then recalls', async ({
	page,
	browser,
}) => {
	await login(page, ACCOUNTS.contributorKenya)
	const reportId = await kenyaSixthReport(page)
	await page.goto(`/reports/${reportId}/submit`)
	await page.waitForLoadState('networkidle')
	await expect(
		page.getByText('Only the official contact point of the country can submit the report.'),
	).toBeVisible()
	const denied = await page.request.post(`/reports/${reportId}/workflow`, {
		headers: { Origin: new URL(page.url()).origin },
		form: { intent: 'submit', confirm: 'yes' },
	})
	expect(denied.status()).toBe(403)

	const ocpContext = await browser.newContext()
	const ocp = await ocpContext.newPage()
	await login(ocp, ACCOUNTS.ocpKenya)
	await ocp.goto(`/reports/${reportId}/sections/a_general`)
	await ocp.waitForLoadState('networkidle')
	// The rest of the report through the same autosave endpoint the editor uses.
	await saveThroughApi(ocp, reportId, buildCompleteArt15V6Answers(art15V6Context('KEN')))
	// The contact point clears an answer carried over from the 5th report: one is missing now.
	await ocp.goto(`/reports/${reportId}/sections/b_art7`)
	await ocp.waitForLoadState('networkidle')
	await ocp
		.locator('#q-b7_nip_transmitted')
		.getByRole('button', { name: 'Clear the answer' })
		.click()
	await saved(ocp)
	await ocp.goto(`/reports/${reportId}/validation`)
	await ocp.waitForLoadState('networkidle')
	await expect(ocp.getByRole('heading', { name: '1 question to answer' })).toBeVisible()
	await expectAccessible(ocp)
	await ocp
		.getByRole('link', { name: /transmitted its national implementation plan/ })
		.first()
		.click()
	await ocp.waitForURL(/sections\/b_art7/)
	await ocp.waitForLoadState('networkidle')
	await ocp.locator('#q-b7_nip_transmitted').getByRole('radio', { name: 'Yes' }).check()
	await saved(ocp)
	await ocp.goto(`/reports/${reportId}/submit`)
	await ocp.waitForLoadState('networkidle')
	await expect(ocp.getByText('Errors')).toBeVisible()
	await ocp.getByRole('checkbox', { name: /on behalf of my Government/ }).check()
	await ocp.getByRole('button', { name: 'Submit the report' }).click()
	await expect(ocp.getByRole('heading', { name: 'Receipt of submission #1' })).toBeVisible()
	await expect(ocp.getByTestId('submission-hash')).toHaveText(/^[0-9a-f]{64}$/)
	await expectAccessible(ocp)

	// Read-only for the country now.
	await page.goto(`/reports/${reportId}/sections/b_obstacles`)
	await page.waitForLoadState('networkidle')
	await expect(page.getByText(/has been submitted and is read-only/)).toBeVisible()
	await expect(
		page.getByRole('textbox', { name: /Difficulties met in implementing/ }),
	).toBeDisabled()

	await ocp.goto(`/reports/${reportId}/submissions`)
	await ocp.waitForLoadState('networkidle')
	await ocp.getByRole('button', { name: 'Recall the submission' }).click()
	await expect(ocp.getByRole('cell', { name: 'Recalled' })).toBeVisible()
	await ocp.goto(`/reports/${reportId}/sections/b_obstacles`)
	await ocp.waitForLoadState('networkidle')
	await expect(ocp.getByRole('textbox', { name: /Difficulties met in implementing/ })).toBeEnabled()
	await ocpContext.close()
})

test("another country's users get 404 for the report, its attachments and its history", async ({
	page,
}) => {
	await login(page, ACCOUNTS.contributorKenya)
	const reportId = await kenyaSixthReport(page)
	await login(page, ACCOUNTS.contributorIndia)
	for (const path of [
		`/reports/${reportId}/sections/a_general`,
		`/reports/${reportId}/history`,
		`/reports/${reportId}/submissions/1`,
		`/reports/${reportId}/attachments/00000000-0000-0000-0000-000000000000`,
	]) {
		const response = await page.goto(path)
		expect(response?.status(), path).toBe(404)
	}
	const write = await page.request.post(`/reports/${reportId}/answers`, {
		headers: { Origin: new URL(page.url()).origin, 'Content-Type': 'application/json' },
		data: {
			sinceRevision: 0,
			changes: [{ questionId: 'b_obstacles_implementation', baseRevision: 0, value: 'x' }],
		},
	})
	expect(write.status()).toBe(404)
})
