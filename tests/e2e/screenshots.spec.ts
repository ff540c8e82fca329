import { execFileSync } from 'node:child_process'
import { expect, test, type Page } from '@playwright/test'
import { login, setLanguage } from './fixtures.ts'
import { showPdfPage } from './pdf-page.ts'
import { formatDate } from '../../forms/locale-format.ts'

/**
 * How four pages look in the six UN languages (issue #15), compared with the baselines committed
 * in `screenshots.spec.ts-snapshots/`: the country home, an editor section with a table, the
 * checks page and the first page of the report's PDF. Arabic is laid out right to left; Chinese
 * and Arabic need the Noto fonts (`fonts-noto-cjk`, `fonts-noto-core`; `.ci/run` installs them).
 *
 * Brazil's pages: no other spec changes them. Its contact point (seeded by the demo) starts its
 * DDT questionnaire blank for the editor and the checks; the PDF is its accepted Article 15
 * report. What changes from day to day is masked and given a fixed size (`screenshots.css`): the
 * days left before a deadline, when a report was last edited, when the PDF was made. A cycle that
 * another spec creates ("… (browser test)") is taken off the country page first.
 *
 * After a deliberate change of the look: `npx playwright test tests/e2e/screenshots.spec.ts
 * --update-snapshots`, then look at every new image before committing it.
 */
const LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const

const CONTACT_POINT = 'ocp.bra@demo.example.org'

test.use({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 })
test.describe.configure({ mode: 'serial', timeout: 180_000 })

/** Tolerates font hinting and anti-aliasing; a moved or missing element is far more than 2 %. */
const COMPARE = {
	maxDiffPixelRatio: 0.02,
	animations: 'disabled',
	caret: 'hide',
	stylePath: new URL('./screenshots.css', import.meta.url).pathname,
} as const

/** Elements whose text depends on the day: masked (and sized by `screenshots.css`). */
function dynamic(page: Page) {
	return [page.locator('.deadline .badge'), page.locator('.report-card p.muted')]
}

/** Visits `path` in each language and compares it with `<name>-<language>.png`. */
async function compareInEveryLanguage(
	page: Page,
	name: string,
	path: string,
	{ fullPage = false, prepare }: { fullPage?: boolean; prepare?: () => Promise<void> } = {},
) {
	try {
		for (const language of LANGUAGES) {
			await setLanguage(page, language)
			await page.goto(path)
			await page.waitForLoadState('networkidle')
			await expect(page.locator('html')).toHaveAttribute('lang', language)
			await page.evaluate(() => document.fonts.ready)
			await prepare?.()
			await expect
				.soft(page)
				.toHaveScreenshot(`${name}-${language}.png`, { ...COMPARE, fullPage, mask: dynamic(page) })
		}
	} finally {
		await setLanguage(page, 'en')
	}
}

let ddtSections = ''
let art15Report = ''

test.beforeAll(() => {
	// Without these fonts Chinese and Arabic fall back to boxes or another face: say so plainly.
	const fonts = execFileSync('fc-list', ['--format', '%{family}\\n'], { encoding: 'utf8' })
	for (const family of ['Noto Sans CJK SC', 'Noto Sans Arabic', 'Noto Sans'])
		expect(fonts, `font ${family} (Debian: fonts-noto-cjk, fonts-noto-core)`).toContain(family)
})

test.beforeEach(async ({ page }) => {
	await login(page, CONTACT_POINT)
	await setLanguage(page, 'en')
	await page.goto('/countries/BRA')
	await page.waitForLoadState('networkidle')
	const ddt = page.locator('.report-card', { hasText: 'DDT questionnaire, 2024–2026' })
	const start = ddt.getByRole('button', { name: 'Start a blank report' })
	if (await start.count()) {
		await start.click()
		await page.waitForURL(/\/sections\//)
		await page.goto('/countries/BRA')
	}
	ddtSections = (await ddt.getByRole('link', { name: 'Open the report' }).getAttribute('href'))!
	art15Report = (await page
		.locator('.report-card', { hasText: 'Article 15 national report, 6th cycle' })
		.getByRole('link', { name: 'Open the report' })
		.getAttribute('href'))!.replace(/\/sections$/, '')
})

test('the country home in six languages', async ({ page }) => {
	await compareInEveryLanguage(page, 'country-home', '/countries/BRA', {
		prepare: () =>
			page
				.locator('.report-card')
				.filter({ hasText: '(browser test)' })
				.evaluateAll((cards) => cards.forEach((card) => card.remove())),
	})
})

test('an editor section with a table in six languages', async ({ page }) => {
	await compareInEveryLanguage(page, 'editor-table', `${ddtSections}/ddt_a_stocks`, {
		fullPage: true,
	})
})

test('the checks page in six languages', async ({ page }) => {
	await compareInEveryLanguage(page, 'checks', ddtSections.replace(/\/sections$/, '/validation'))
})

test('the first page of the PDF in six languages', async ({ page }) => {
	for (const language of LANGUAGES) {
		const response = await page.request.get(`${art15Report}/export?format=pdf&lang=${language}`)
		expect(response.status()).toBe(200)
		const pdf = await response.body()
		const viewer = await page.context().newPage()
		// The time the PDF was made (on its cover) is the only text that changes between exports:
		// the date and time on the line that shows today's date (as the language writes it).
		const today = formatDate(new Date(), language).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		const shown = await showPdfPage(viewer, pdf, {
			dynamic: { line: new RegExp(today), runs: /\d|UTC/ },
		})
		await expect(shown.dynamic).not.toHaveCount(0)
		await expect
			.soft(shown.sheet)
			.toHaveScreenshot(`pdf-first-page-${language}.png`, { ...COMPARE, mask: [shown.dynamic] })
		await viewer.close()
	}
})
