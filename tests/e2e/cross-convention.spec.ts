import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login, saved } from './fixtures.ts'

/**
 * Across conventions, on the demo data: an analyst reads the commonality analysis (the matrix as a
 * table and as a picture, the calendar, and the deliberate inconsistencies: South Africa's and
 * Kenya's DDT production, each given differently in the Party's DDT questionnaire and its
 * Article 15 report); Kenya's contact point starts its Minamata full report, takes its focal point
 * from its Stockholm report on the "From other reports" tab and its legal measures beside the
 * question in the editor, and the history names the source of both.
 */
test('an analyst finds the matrix, the calendar and the inconsistencies across forms', async ({
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
	await expect(page.getByRole('img', { name: /^The matrix as a picture/ })).toBeVisible()
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
	// Kenya's: DDT production in 2021, 300,000 kg in the DDT questionnaire and 4,000 kg in its
	// 5th Article 15 report; the chemical by its name.
	const kenya = page.getByRole('table', { name: /^\d+ disagreements?$/ }).getByRole('row', {
		name: /Kenya/,
	})
	await expect(kenya).toHaveCount(1)
	await expect(kenya).toContainText('PROD.CHEM')
	await expect(kenya).toContainText('chemical: DDT (1,1,1-trichloro')
	await expect(kenya).toContainText('year: 2021')
	await expect(kenya).toContainText('300,000 kg')
	await expect(kenya).toContainText('sc-ddt-2021-2023')
	await expect(kenya).toContainText('4,000 kg')
	await expect(kenya).toContainText('sc-art15-5')
	await expectAccessible(page)
})

test('Kenya starts its Minamata full report and takes its focal point and legal measures from its Stockholm report', async ({
	page,
}) => {
	await login(page, ACCOUNTS.ocpKenya)
	await page.goto('/countries/KEN')
	await page.waitForLoadState('networkidle')
	const card = page.locator('.report-card', { hasText: 'full report 2025' })
	const open = card.getByRole('link', { name: 'Open the report' })
	if (await open.count()) await open.click()
	else await card.getByRole('button', { name: 'Start a blank report' }).click()
	await page.waitForURL(/\/reports\/[0-9a-f-]{36}\//)
	const reportId = /reports\/([0-9a-f-]{36})/.exec(page.url())![1]!
	const stockholm = 'Stockholm Convention Article 15 national report, 5th cycle'

	// The focal point, on the "From other reports" tab.
	await page.getByRole('link', { name: 'From other reports' }).click()
	await expect(page.getByRole('heading', { name: 'Answers from your other reports' })).toBeVisible()
	const focalPoint = page
		.locator('[data-question="a_focal_point"] li')
		.filter({ hasText: stockholm })
	// A run before this one may have taken it already: the history tells either way.
	if (await focalPoint.count()) {
		await expect(focalPoint).toContainText('Jane Wanjiru')
		await expectAccessible(page)
		await focalPoint.getByRole('button', { name: 'Use this answer' }).click()
		await expect(page.getByRole('status')).toHaveText('Used 1 answer(s), refused 0.')
		await expect(page.locator('[data-question="a_focal_point"]')).toHaveCount(0)
	}

	// The legal measures, beside the question in the editor.
	await page.goto(`/reports/${reportId}/sections/mb_legal_measures`)
	const question = page.locator('#q-b_legal_measures')
	const regulation = 'Environmental Management and Co-ordination (Toxic Substances) Regulations'
	const offer = question.locator('.reuse-inline__offer').filter({ hasText: stockholm })
	if (await offer.count()) {
		await expect(offer).toContainText(`Answer from National report under Article 15`)
		await expect(offer).toContainText(regulation)
		await expectAccessible(page)
		await offer.getByRole('button', { name: 'Use it' }).click()
		await expect(question.locator('.reuse-inline__offer')).toHaveCount(0)
		// Shown in the table at once, and focus is back in the question.
		await expect(question.locator('textarea').first()).toHaveValue(regulation)
		await expect(question.locator(':focus')).toHaveCount(1)
		await saved(page)
	}
	await page.reload()
	await expect(page.locator('#q-b_legal_measures textarea').first()).toHaveValue(regulation)

	for (const [questionId, value] of [
		['a_focal_point', /Jane Wanjiru/],
		['b_legal_measures', /Toxic Substances/],
	] as const) {
		await page.goto(`/reports/${reportId}/history?question=${questionId}`)
		await expect(
			page.getByRole('cell', { name: /reused from National report under Article 15/ }),
		).toBeVisible()
		await expect(page.getByRole('cell', { name: value }).first()).toBeVisible()
	}
})
