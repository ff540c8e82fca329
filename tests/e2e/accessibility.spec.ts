import { expect, test, type Page } from '@playwright/test'
import { ACCOUNTS, axeScan, login, setLanguage } from './fixtures.ts'
import { SECTIONS_SHOWING_EVERY_KIND } from './section-kinds.ts'

/**
 * Every page each kind of user can reach, in English and in Arabic (right to left), scanned by axe:
 * no violation anywhere (issue #15), whatever its impact. (The other specs' `expectAccessible`
 * fails on serious and critical ones only; here minor and moderate ones such as two landmarks of
 * one name fail too.) Each test collects the violations of all its pages before failing, so one run
 * names every page that needs work.
 *
 * Editor sections: for each form, those that together show every kind of question (tables with
 * fixed and open rows, pickers, markers, attachments, contacts…; see `section-kinds.ts`).
 *
 * The pages are found the way a person finds them, from the links of the country page, the review
 * queue and the report tabs, so the scan follows the seeded data whatever other specs did to it
 * before (a report the review story accepted is scanned as accepted). Nothing is changed except
 * the language preference of the accounts (set back to English at the end of each test) and one
 * comment thread on Japan's report, so that the reviewer's "Mark as resolved" button is scanned.
 */
test.describe.configure({ timeout: 600_000 })

const LANGUAGES = ['en', 'ar'] as const
type Language = (typeof LANGUAGES)[number]

/** The violations on the current page, one line each. */
async function violations(page: Page, path: string): Promise<string[]> {
	const results = await axeScan(page)
	return results.violations.map(
		(v) =>
			`${path}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes
				.slice(0, 5)
				.map((n) => n.target.join(' '))
				.join(', ')}${v.nodes.length > 5 ? `, … (${v.nodes.length} in all)` : ''}`,
	)
}

/** Visits each page, checks that it is the page asked for and the language asked for, scans it. */
async function scan(page: Page, language: Language, paths: string[]): Promise<string[]> {
	test.info().annotations.push({ type: 'pages scanned', description: String(paths.length) })
	const found: string[] = []
	for (const path of paths) {
		const response = await page.goto(path)
		await page.waitForLoadState('networkidle')
		expect(response?.status(), path).toBeLessThan(400)
		await expect(page.locator('html'), path).toHaveAttribute('lang', language)
		await expect(page.locator('html'), path).toHaveAttribute(
			'dir',
			language === 'ar' ? 'rtl' : 'ltr',
		)
		await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible()
		found.push(...(await violations(page, path)))
	}
	return found
}

/** The paths of the links in `scope` (a CSS selector) that match `pattern`, each once. */
async function linksOn(page: Page, pattern: RegExp, scope = 'body'): Promise<string[]> {
	const hrefs = await page
		.locator(scope)
		.locator('a[href]')
		.evaluateAll((links) =>
			links.map((a) => (a as HTMLAnchorElement).pathname + (a as HTMLAnchorElement).search),
		)
	return [...new Set(hrefs.filter((href) => pattern.test(href)))]
}

/** The reports a country page opens, in the order of its cards: id and card title. */
async function reportsOfCountry(
	page: Page,
	partyCode: string,
): Promise<{ id: string; title: string }[]> {
	await page.goto(`/countries/${partyCode}`)
	await page.waitForLoadState('networkidle')
	return page.locator('.report-card').evaluateAll((cards) =>
		cards.flatMap((card) => {
			const href = card.querySelector('a[href$="/sections"]')?.getAttribute('href')
			const title = card.querySelector('h3')?.textContent ?? ''
			return href ? [{ id: href.split('/')[2]!, title }] : []
		}),
	)
}

/**
 * A report's pages as this user finds them: with `tabs`, the pages of the report's header (its
 * tabs and the Excel import page) and the receipts and comparisons the submissions and review tabs
 * link to; its sections, either the first only or those that together show every kind of question
 * of its form (`SECTIONS_SHOWING_EVERY_KIND`). (`/reports/:id` and `/sections` only redirect.)
 */
async function reportPages(
	page: Page,
	reportId: string,
	{ tabs, sections }: { tabs: boolean; sections: 'first' | 'every-kind' },
): Promise<string[]> {
	const base = `/reports/${reportId}`
	await page.goto(`${base}/sections`)
	await page.waitForLoadState('networkidle')
	const sectionLinks = await linksOn(page, new RegExp(`^${base}/sections/[a-z0-9_]+$`))
	const pages =
		sections === 'first'
			? sectionLinks.slice(0, 1)
			: sectionLinks.filter((href) => SECTIONS_SHOWING_EVERY_KIND.has(href.split('/').pop()!))
	if (!tabs) return pages
	// Exports are files, not pages.
	const tabLinks = await linksOn(
		page,
		new RegExp(`^${base}/(validation|submit|submissions|history|reuse|review|import)$`),
		'.report__header',
	)
	pages.unshift(...tabLinks)
	for (const tab of tabLinks.filter((href) => /\/(submissions|review)$/.test(href))) {
		await page.goto(tab)
		await page.waitForLoadState('networkidle')
		pages.push(
			...(await linksOn(
				page,
				new RegExp(`^${base}/(submissions/\\d+|compare(\\?.*)?|carried-over)$`),
			)),
		)
	}
	return [...new Set(pages)]
}

/**
 * Signs in (in English, where the pages are found by their English names), collects the pages to
 * scan, then switches to `language`, scans them all and switches back to English, pass or fail.
 */
async function scanAs(
	page: Page,
	email: string,
	language: Language,
	collect: () => Promise<string[]>,
) {
	await login(page, email)
	await setLanguage(page, 'en')
	const paths = [...new Set(await collect())]
	await setLanguage(page, language)
	try {
		return await scan(page, language, paths)
	} finally {
		await setLanguage(page, 'en')
	}
}

async function expectNoViolations(found: string[]) {
	expect(found, found.join('\n')).toEqual([])
}

for (const language of LANGUAGES) {
	test(`signed out (${language}): sign-in, password and invitation pages, the 404 page`, async ({
		page,
	}) => {
		await page.goto('/login')
		await setLanguage(page, language)
		const found = await scan(page, language, [
			'/login',
			'/forgot-password',
			'/reset-password/not-a-valid-token',
			'/invitation/not-a-valid-token',
		])
		// The 404 page answers 404: scanned apart.
		const missing = await page.goto('/no-such-page')
		expect(missing?.status()).toBe(404)
		await expect(page.locator('html')).toHaveAttribute('lang', language)
		found.push(...(await violations(page, '/no-such-page')))
		await expectNoViolations(found)
	})

	test(`contact point (${language}): home, country, account, and every page of the country's reports`, async ({
		page,
	}) => {
		const found = await scanAs(page, ACCOUNTS.ocpIndia, language, async () => {
			const paths = ['/', '/countries/IND', '/account']
			// India's reports: its Article 15 report (seeded as a complete draft: the submit page)
			// and its submitted DDT, Basel, Minamata and Rotterdam reports. For every form, the
			// sections that show every kind of question; the tabs of the draft and of a submitted one.
			const reports = await reportsOfCountry(page, 'IND')
			expect(reports.length).toBeGreaterThanOrEqual(5)
			const withTabs = [
				reports.find((r) => r.title.includes('Article 15 national report, 6th cycle'))!.id,
				reports.find((r) => r.title.includes('DDT'))!.id,
			]
			for (const { id } of reports)
				paths.push(
					...(await reportPages(page, id, { tabs: withTabs.includes(id), sections: 'every-kind' })),
				)
			return paths
		})
		await expectNoViolations(found)
	})

	test(`contributor (${language}): the country's reports, submitted and accepted, with receipts and history`, async ({
		page,
	}) => {
		const found = await scanAs(page, ACCOUNTS.contributorKenya, language, async () => {
			const paths = ['/', '/countries/KEN', '/account']
			// Kenya's seeded reports: every page of its accepted 5th report and of its Minamata report
			// under review; the first section of the others.
			for (const { id, title } of await reportsOfCountry(page, 'KEN')) {
				const tabs = /5th cycle|Minamata.*full report/.test(title)
				paths.push(...(await reportPages(page, id, { tabs, sections: 'first' })))
			}
			return paths
		})
		await expectNoViolations(found)
	})

	test(`reviewer (${language}): queue, dashboard, entering a report, reviews, comparisons, comment threads`, async ({
		page,
	}) => {
		const found = await scanAs(page, ACCOUNTS.reviewer, language, async () => {
			await page.goto('/review')
			await page.waitForLoadState('networkidle')
			const dashboards = await linksOn(page, /^\/review\/cycles\/[0-9a-f-]{36}\/dashboard$/)
			const reviews = await linksOn(page, /^\/reports\/[0-9a-f-]{36}\/review$/)
			expect(dashboards).toHaveLength(1)
			expect(reviews.length).toBeGreaterThanOrEqual(10)
			const paths = ['/', '/review', '/review/enter', ...dashboards, '/analysis', '/account']
			// Japan's report is under review: a comment thread on its first question shows the
			// reviewer's buttons (Mark as resolved) to the scan.
			const japan = await reviewOf(page, 'Japan')
			await ensureThread(page, japan)
			paths.push(...(await reportPages(page, japan, { tabs: true, sections: 'first' })))
			for (const country of ['Poland', 'Mexico', 'South Africa']) {
				paths.push(`/reports/${await reviewOf(page, country)}/review`)
			}
			return paths
		})
		await expectNoViolations(found)
	})

	test(`analyst (${language}): compiled data with charts, commonality across conventions`, async ({
		page,
	}) => {
		const found = await scanAs(page, ACCOUNTS.analyst, language, async () => [
			'/',
			'/analysis',
			'/analysis?cycle=sc-art15-6&status=accepted',
			'/analysis/commonality',
			'/analysis/commonality?party=KEN',
			'/account',
		])
		await expectNoViolations(found)
	})

	test(`administrator (${language}): every administration page, translations included`, async ({
		page,
	}) => {
		const found = await scanAs(page, ACCOUNTS.admin, language, async () => {
			const paths = [
				'/',
				'/admin',
				'/admin/users',
				'/admin/users/invite',
				'/admin/countries',
				'/admin/countries/KEN',
				'/admin/cycles',
				'/admin/cycles/new',
				'/admin/code-lists',
				'/admin/translations',
				'/admin/outbox',
				'/review',
				'/analysis',
				'/account',
			]
			await page.goto('/admin/users')
			paths.push((await linksOn(page, /^\/admin\/users\/[0-9a-f-]{36}$/))[0]!)
			await page.goto('/admin/cycles')
			paths.push((await linksOn(page, /^\/admin\/cycles\/[0-9a-f-]{36}$/))[0]!)
			await page.goto('/admin/outbox')
			const messages = await linksOn(page, /^\/admin\/outbox\/[0-9a-f-]{36}$/)
			if (messages[0]) paths.push(messages[0])
			return paths
		})
		await expectNoViolations(found)
	})
}

/** The id of a country's report in the review queue (the reviewer is on /review). */
async function reviewOf(page: Page, country: string): Promise<string> {
	await page.goto('/review')
	const href = await page
		.getByRole('row')
		.filter({ has: page.getByRole('link', { name: country, exact: true }) })
		.first()
		.getByRole('link', { name: country, exact: true })
		.getAttribute('href')
	return /reports\/([0-9a-f-]{36})/.exec(href ?? '')![1]!
}

/** An open comment thread on the first question of the report's first section (once). */
async function ensureThread(page: Page, reportId: string) {
	await page.goto(`/reports/${reportId}/sections`)
	await page.waitForLoadState('networkidle')
	const first = page.locator('.question').first()
	if ((await first.locator('.thread').count()) === 0) {
		const questionId = (await first.getAttribute('id'))!.replace(/^q-/, '')
		const origin = new URL(page.url()).origin
		const response = await page.request.post(`${origin}/reports/${reportId}/threads`, {
			headers: { Origin: origin },
			form: { intent: 'create', questionId, body: 'Accessibility scan: please confirm.' },
		})
		expect(response.status(), await response.text()).toBeLessThan(400)
		await page.reload()
	}
	await expect(first.getByRole('button', { name: 'Mark as resolved' })).toBeVisible()
}
