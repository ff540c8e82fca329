import { expect, test, type Locator, type Page } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login, saved } from './fixtures.ts'

/**
 * Kenya's contact point working in Arabic (issue #15): pages reflow at 320 px (WCAG 1.4.10: no
 * sideways page scroll, wide tables scroll in their own region), the statistics table and its
 * pickers work right to left, arrows point the way of the reading, and motion stops for those who
 * ask for less.
 */
test.describe.configure({ timeout: 180_000 })

/**
 * Signs in (in English), opens Kenya's 6th Stockholm report (started from the 5th if no test has
 * started it yet: a draft, with statistics and partner tables), then switches the account to
 * Arabic. The address of the report's sections.
 */
async function kenyaSixthReportInArabic(page: Page): Promise<string> {
	await login(page, ACCOUNTS.ocpKenya)
	await inLanguage(page, 'en')
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
	const sections = new URL(page.url()).pathname.replace(/\/[a-z_0-9]+$/, '')
	await inLanguage(page, 'ar')
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
	return sections
}

/** Picks the page's language with the switcher (stored on the account). */
async function inLanguage(page: Page, language: 'en' | 'ar') {
	await page.getByLabel(/^(Language|اللغة)$/).selectOption(language)
	await expect(page.locator('html')).toHaveAttribute('lang', language)
}

// The account speaks English again for the stories that follow.
test.afterEach(async ({ page }) => {
	if ((await page.locator('html').getAttribute('lang')) === 'ar') await inLanguage(page, 'en')
})

/** The page never scrolls sideways: what is wider scrolls inside its own region. */
async function expectNoSidewaysScroll(page: Page) {
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth,
	}))
	expect(scrollWidth, page.url()).toBeLessThanOrEqual(clientWidth)
}

async function boxOf(locator: Locator) {
	return locator.evaluate((element) => {
		const { left, right, top, bottom } = element.getBoundingClientRect()
		return { left, right, top, bottom }
	})
}

test('Arabic pages reflow at 320 px and at 200 % zoom: no sideways page scroll, wide tables scroll in their region from the right', async ({
	page,
}) => {
	const sections = await kenyaSixthReportInArabic(page)
	const report = sections.replace(/\/sections$/, '')
	const pages = [
		'/',
		'/countries/KEN',
		'/account',
		`${sections}/a_general`,
		`${sections}/b_art15_statistics`,
		`${report}/validation`,
		`${report}/history`,
		`${report}/submissions`,
	]
	// 320 px: 1280 px at 400 % (WCAG 1.4.10); 640 px: a 1280 px window at 200 %.
	for (const width of [640, 320]) {
		await page.setViewportSize({ width, height: 800 })
		for (const path of pages) {
			await page.goto(path)
			await page.waitForLoadState('networkidle')
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
			await expectNoSidewaysScroll(page)
		}
	}

	// The statistics: wider than the screen, so its region scrolls; it starts at the right, with the
	// column that names each row (the chemical) in view.
	await page.goto(`${sections}/b_art15_statistics`)
	const region = page
		.locator('.table-scroll')
		.filter({ has: page.getByRole('grid') })
		.first()
	const sizes = await region.evaluate((element) => ({
		scrollWidth: element.scrollWidth,
		clientWidth: element.clientWidth,
		scrollLeft: element.scrollLeft,
	}))
	expect(sizes.scrollWidth).toBeGreaterThan(sizes.clientWidth)
	expect(sizes.scrollLeft).toBe(0)
	const rowHeader = region.getByRole('rowheader').first()
	expect(Math.abs((await boxOf(rowHeader)).right - (await boxOf(region)).right)).toBeLessThan(3)

	// "Next section →" points left in Arabic.
	const arrow = page.locator('.pager a[rel="next"] .arrow')
	await expect(arrow).toHaveText('→')
	expect(await arrow.evaluate((element) => getComputedStyle(element).transform)).toBe(
		'matrix(-1, 0, 0, 1, 0, 0)',
	)
	await expectAccessible(page)
})

test('a wide table in Arabic keeps the row names at the right while it scrolls left, with figures flush right', async ({
	page,
}) => {
	// Wide enough for sticky columns (48rem), narrow enough for the table to scroll.
	await page.setViewportSize({ width: 800, height: 900 })
	const sections = await kenyaSixthReportInArabic(page)
	// Releases of unintentionally produced chemicals: a row per source group, figures per medium.
	await page.goto(`${sections}/b_art5`)
	const grid = page.locator('table[aria-labelledby="q-b5_releases-label"]')
	const region = page.locator('.table-scroll', { has: grid })
	await region.scrollIntoViewIfNeeded()
	const figure = grid.locator('input[inputmode="decimal"]').first()
	await expect(figure).toBeVisible()
	const rowHeader = grid.getByRole('rowheader').first()
	const regionBox = await boxOf(region)
	// It starts at the right: the first column, which names the row, against the region's right edge.
	expect(await region.evaluate((element) => element.scrollLeft)).toBe(0)
	expect(Math.abs((await boxOf(rowHeader)).right - regionBox.right)).toBeLessThan(3)

	// Scrolled to its far (left) end, the sticky column stays at the right, over the figures.
	const scrolled = await region.evaluate((element) => {
		element.scrollLeft = -element.scrollWidth
		return element.scrollLeft
	})
	expect(scrolled).toBeLessThan(0)
	await expect
		.poll(async () => Math.abs((await boxOf(rowHeader)).right - regionBox.right))
		.toBeLessThan(3)
	expect(await figure.evaluate((element) => getComputedStyle(element).textAlign)).toBe('right')
	expect(await figure.getAttribute('dir')).toBe('auto')
})

test('a picker in an Arabic table at 320 px opens inside the screen, at its input’s right edge, and works from the keyboard', async ({
	page,
}) => {
	await page.setViewportSize({ width: 320, height: 800 })
	const sections = await kenyaSixthReportInArabic(page)
	// Registered exemptions: a chemical picker in each row.
	await page.goto(`${sections}/b_art4`)
	const table = page.locator('table[aria-labelledby="q-b4_exemptions-label"]')
	await table.scrollIntoViewIfNeeded()
	const picker = table.locator('input[role="combobox"][id$="-chemical"]').first()
	await expect(picker).toBeVisible()
	await picker.scrollIntoViewIfNeeded()
	const original = await picker.inputValue()
	await picker.click()
	await picker.fill('')
	await picker.pressSequentially('ا')
	const list = page.getByRole('listbox')
	await expect(list).toBeVisible()
	const listBox = await boxOf(list)
	const inputBox = await boxOf(picker)
	// Inside the screen (8 px from its edges), aligned with the input's right (start) edge unless
	// the list is too wide for that, then moved right until its left edge is on the screen.
	expect(listBox.left).toBeGreaterThanOrEqual(8 - 1)
	expect(listBox.right).toBeLessThanOrEqual(320 - 8 + 1)
	const rightAligned = Math.abs(listBox.right - Math.min(inputBox.right, 320 - 8)) < 3
	const heldInside = Math.abs(listBox.left - 8) < 3 && listBox.right > inputBox.right
	expect(rightAligned || heldInside).toBe(true)
	await expectNoSidewaysScroll(page)

	await page.keyboard.press('ArrowDown')
	const active = await picker.getAttribute('aria-activedescendant')
	expect(active).toBeTruthy()
	const chosen = (await page.locator(`[id="${active}"]`).textContent())!.trim()
	await page.keyboard.press('Enter')
	await expect(list).toBeHidden()
	const value = await picker.inputValue()
	expect(value).not.toBe('')
	expect(chosen).toContain(value)

	// Back to the chemical the report had, the same way.
	if (original) {
		await picker.fill(original)
		await expect(list).toBeVisible()
		await page.keyboard.press('Enter')
		await expect(picker).toHaveValue(original)
	}
	await saved(page)
})

test('motion only for those who have not asked for less', async ({ browser }) => {
	const durationOf = async (reducedMotion: 'reduce' | 'no-preference') => {
		const context = await browser.newContext({ reducedMotion })
		const page = await context.newPage()
		await login(page, ACCOUNTS.ocpKenya)
		await page.goto('/countries/KEN')
		const bar = page.locator('.progress span').first()
		await expect(bar).toBeAttached()
		const seconds = await bar.evaluate((element) =>
			parseFloat(getComputedStyle(element).transitionDuration),
		)
		await context.close()
		return seconds
	}
	expect(await durationOf('no-preference')).toBeGreaterThan(0.1)
	expect(await durationOf('reduce')).toBeLessThan(0.001)
})
