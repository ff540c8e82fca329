import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NAMESPACES } from '#app/utils/i18n.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import { findCycleByCode, type ReportingCycle } from '#db/queries/cycles.ts'
import { findUserById, updateUserProfile } from '#db/queries/users.ts'
import { formatDate } from '#forms/locale-format.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, saveTestAnswers, startTestReport, TEST_ORIGIN } from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

/**
 * Pages as served, in Arabic and Chinese: direction, dates and values isolated from the sentence
 * around them, no translation key left on screen, tables that name their headers, the language
 * switcher on the language in use, and the error summary of a refused form.
 */

let t: TestDatabase
let app: HttpApp
let cycle: ReportingCycle
let contactPoint: CurrentUser
let cookie: string
let reportId: string
const TYPED_TEXT = 'Ministry of Health (MoH) and customs, 2 meetings'

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
	contactPoint = await createUser(t.db, {
		roles: ['contact_point'],
		partyCodes: ['KEN'],
		name: 'Peter Otieno',
	})
	reportId = await startTestReport(t.db, {
		partyCode: 'KEN',
		cycle,
		user: contactPoint,
		today: cycle.opensOn,
	})
	await saveTestAnswers(t.db, reportId, contactPoint, { a_stakeholders_consulted: TYPED_TEXT })
	cookie = await signIn(app, contactPoint.email)
}, 180_000)
afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

async function page(pathname: string, headers: Record<string, string> = { Cookie: cookie }) {
	const response = await app.fetch(pathname, { headers })
	expect(response.status, pathname).toBe(200)
	return response.text()
}

async function inLanguage(language: string) {
	await updateUserProfile(t.db, contactPoint.id, { preferredLanguage: language as 'ar' })
}

/** Top-level keys of every namespace: `deadline` of `deadline.overdue`, say. */
const KEY_ROOTS = new Set(
	NAMESPACES.flatMap((namespace) => {
		const file = path.resolve('locales', 'en', `${namespace}.json`)
		return existsSync(file)
			? Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)
			: []
	}),
)
const NAMESPACED_KEY = new RegExp(`\\b(${NAMESPACES.join('|')}):[a-zA-Z][\\w.]*`, 'g')
const DOTTED_WORDS = /\b([a-z][a-zA-Z]*)\.[a-zA-Z][\w]*(\.[a-zA-Z][\w]*)*\b/g

/** What a reader meets: the text, and the attributes read out or shown (labels, titles, hints). */
function readerText(html: string): string {
	const body = html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<style[\s\S]*?<\/style>/g, ' ')
	const attributes = [
		...body.matchAll(/\s(?:aria-label|title|placeholder|alt|aria-valuetext)="([^"]*)"/g),
	].map((match) => match[1])
	return `${body.replace(/<[^>]+>/g, ' ')} ${attributes.join(' ')}`
		.replace(/&amp;/g, '&')
		.replace(/&quot;/g, '"')
		.replace(/&#x27;/g, "'")
}

/** Translation keys shown as such: `deadline.overdue`, `editor:status.draft`. */
function rawKeys(html: string): string[] {
	const text = readerText(html)
	const dotted = [...text.matchAll(DOTTED_WORDS)]
		.filter((match) => KEY_ROOTS.has(match[1]!))
		.map((match) => match[0])
	return [...dotted, ...[...text.matchAll(NAMESPACED_KEY)].map((match) => match[0])]
}

/** Tables that do not say what they are, and header cells that do not say what they head. */
function unnamedTables(html: string): string[] {
	const problems: string[] = []
	for (const table of html.matchAll(/<table\b[^>]*>([\s\S]*?)<\/table>/g)) {
		const named =
			/aria-label(ledby)?="/.test(table[0].slice(0, 300)) || /<caption\b/.test(table[1]!)
		if (!named) problems.push(table[0].slice(0, 120))
		for (const th of table[1]!.matchAll(/<th\b[^>]*>/g))
			if (!/\bscope="(col|row|colgroup|rowgroup)"/.test(th[0])) problems.push(th[0])
	}
	return problems
}

/** The page's `<title>`, as a tab, the history and a screen reader name it. */
function titleOf(html: string) {
	return /<title>([^<]*)<\/title>/.exec(html)?.[1]?.replace(/&amp;/g, '&')
}

function pagesOfTheReport() {
	return [
		'/',
		'/countries/KEN',
		'/account',
		`/reports/${reportId}/sections/a_general`,
		`/reports/${reportId}/validation`,
		`/reports/${reportId}/history`,
		`/reports/${reportId}/submissions`,
		`/reports/${reportId}/submit`,
	]
}

describe('the checks of these tests', () => {
	it('find keys shown as text or read out, and tables without a name or header scope', () => {
		expect(
			rawKeys('<p>3 deadline.overdue</p><button aria-label="editor:status.draft">x</button>'),
		).toEqual(['deadline.overdue', 'status.draft', 'editor:status.draft'])
		expect(rawKeys('<p>ocp@demo.example.org, 1.5, e.g. PFOS</p>')).toEqual([])
		expect(unnamedTables('<table><tr><th>A</th></tr></table>')).toHaveLength(2)
		expect(
			unnamedTables('<table aria-labelledby="x"><tr><th scope="col">A</th></tr></table>'),
		).toEqual([])
	})
})

describe('Arabic pages', () => {
	beforeAll(() => inLanguage('ar'))

	it('are right to left, in Arabic, and show no translation key', async () => {
		for (const pathname of pagesOfTheReport()) {
			const html = await page(pathname)
			expect(html, pathname).toContain('<html lang="ar" dir="rtl"')
			expect(rawKeys(html), pathname).toEqual([])
			expect(unnamedTables(html), pathname).toEqual([])
		}
	})

	it('each have their own title, in Arabic, naming the application last', async () => {
		const titles = new Map<string, string>()
		for (const pathname of pagesOfTheReport()) {
			const title = titleOf(await page(pathname))
			expect(title, pathname).toMatch(/.+ · الإبلاغ الوطني عن المواد الكيميائية والنفايات$/)
			expect(title, pathname).not.toMatch(/[A-Za-z]{4,}/)
			titles.set(pathname, title!)
		}
		expect(new Set(titles.values()).size, [...titles.values()].join('\n')).toBe(titles.size)
	})

	it('put dates in their own bidi isolate, with the month’s name and Western digits', async () => {
		const html = await page('/countries/KEN')
		const deadline = formatDate(cycle.deadline, 'ar')
		expect(deadline).toMatch(/^\d+ \S+ \d{4}$/)
		expect(html).toContain(
			`الموعد النهائي: <bdi><time dateTime="${cycle.deadline}">${deadline}</time></bdi>`,
		)
		expect(readerText(html)).not.toMatch(/[\u0660-\u0669]/)
	})

	it('write percentages the Arabic way and mark their direction in the progress bar', async () => {
		const html = await page('/countries/KEN')
		// Intl's Arabic percentage: Western digits, and marks that keep the sign after the figure.
		expect(html).toMatch(/aria-valuetext="\d+\u200e%\u200e"/)
		expect(html).toMatch(/اكتمل \d+\u200e%\u200e · /)
		expect(readerText(html)).not.toMatch(/\d ?[%٪]/)
	})

	it('let typed answers and typed names take their own direction', async () => {
		const html = await page(`/reports/${reportId}/sections/a_general`)
		const textarea = /<textarea\b[^>]*>([^<]*)<\/textarea>/.exec(
			html.slice(html.indexOf(TYPED_TEXT) - 600),
		)
		expect(textarea?.[0]).toContain('dir="auto"')
		expect(html).toMatch(/class="user-menu__name" dir="auto"[^>]*>Peter Otieno</)
	})

	it('say in Arabic, to a screen reader, whether an issue is an error or a warning', async () => {
		await saveTestAnswers(t.db, reportId, contactPoint, {
			a_nfp_contact: { name: 'Peter Otieno', email: 'not-an-address' },
		})
		const html = await page(`/reports/${reportId}/sections/a_contacts`)
		expect(html).toMatch(/class="issue issue--error"><span class="visually-hidden">خطأ:/)
		expect(readerText(html)).not.toMatch(/\b(Error|Warning):/)
	})

	it('mirror the arrows of the section pager', async () => {
		const html = await page(`/reports/${reportId}/sections/a_general`)
		expect(html).toMatch(
			/rel="next"[^>]*>[^<]*(<!-- -->)?\s*<span class="arrow" aria-hidden="true">→<\/span>/,
		)
	})
})

describe('secretariat and administration pages in Arabic', () => {
	it('are right to left and show no translation key; their tables name their headers', async () => {
		const staff = await createUser(t.db, { roles: ['admin', 'reviewer', 'analyst'] })
		await updateUserProfile(t.db, staff.id, { preferredLanguage: 'ar' })
		const staffCookie = await signIn(app, staff.email)
		const titles = new Set<string>()
		for (const pathname of [
			'/review',
			`/review/cycles/${cycle.id}/dashboard`,
			'/analysis',
			'/admin/users',
			'/admin/cycles',
			'/admin/countries',
			'/admin/countries/KEN',
			'/admin/code-lists',
			`/admin/users/${contactPoint.id}`,
		]) {
			const html = await page(pathname, { Cookie: staffCookie })
			expect(html, pathname).toContain('<html lang="ar" dir="rtl"')
			expect(rawKeys(html), pathname).toEqual([])
			expect(unnamedTables(html), pathname).toEqual([])
			titles.add(titleOf(html)!)
		}
		// Every page says what it is: no two share a title, none is the bare application name.
		expect(titles.size).toBe(9)
		expect(titles).not.toContain('الإبلاغ الوطني عن المواد الكيميائية والنفايات')
	})
})

describe('Chinese pages', () => {
	beforeAll(() => inLanguage('zh'))

	it('are left to right, in Chinese, with Chinese dates and no translation key', async () => {
		for (const pathname of pagesOfTheReport()) {
			const html = await page(pathname)
			expect(html, pathname).toContain('<html lang="zh" dir="ltr"')
			expect(rawKeys(html), pathname).toEqual([])
		}
		const html = await page('/countries/KEN')
		const [year, month, day] = cycle.deadline.split('-').map(Number)
		expect(html).toContain(`<time dateTime="${cycle.deadline}">${year}年${month}月${day}日</time>`)
		expect(html).toMatch(/已完成 \d+% · /)
	})
})

describe('the language of a page', () => {
	it('is the account’s once signed in, over the browser’s cookie and Accept-Language, and the switcher shows it', async () => {
		await inLanguage('fr')
		const html = await page('/', {
			Cookie: `${cookie}; lng=${encodeURIComponent(btoa(JSON.stringify('en')))}`,
			'Accept-Language': 'en-GB,en;q=0.9',
		})
		expect(html).toContain('<html lang="fr" dir="ltr"')
		expect(html).toMatch(/<option value="fr" lang="fr" selected="">Français<\/option>/)
		expect(html.match(/<option [^>]*selected=""/g)).toHaveLength(1)
	})

	it('is Accept-Language’s before signing in, and the switcher says so', async () => {
		const html = await page('/login', { 'Accept-Language': 'ar,en;q=0.5' })
		expect(html).toContain('<html lang="ar" dir="rtl"')
		expect(html).toMatch(/<option value="ar" lang="ar" selected="">العربية<\/option>/)
	})

	it('changes with the switcher, which stores the choice on the account', async () => {
		const response = await app.fetch('/set-language', {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Origin: TEST_ORIGIN,
				Cookie: cookie,
			},
			body: new URLSearchParams({ language: 'zh', redirectTo: '/account' }).toString(),
		})
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/account')
		expect((await findUserById(t.db, contactPoint.id))?.preferredLanguage).toBe('zh')
		const html = await page('/account')
		expect(html).toContain('<html lang="zh"')
		expect(html).toMatch(/<option value="zh" lang="zh" selected="">中文<\/option>/)
	})
})

describe('a refused form', () => {
	it('sums up its errors at the top, each a link to its field', async () => {
		await inLanguage('ar')
		const response = await app.fetch('/account', {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Origin: TEST_ORIGIN,
				Cookie: cookie,
			},
			body: new URLSearchParams({
				intent: 'password',
				currentPassword: 'not the password',
				password: 'a brand new passphrase',
				confirmPassword: 'a brand new passphrase',
			}).toString(),
		})
		const html = await response.text()
		expect(response.status).toBe(400)
		const summary =
			/<div role="alert" class="alert alert--error error-summary"[\s\S]*?<\/div>/.exec(html)?.[0]
		expect(summary).toContain('<a href="#field-currentPassword">')
		expect(html).toMatch(/<input id="field-currentPassword"[^>]*name="currentPassword"/)
		// The summary comes before the form's fields.
		expect(html.indexOf('error-summary')).toBeLessThan(html.indexOf('id="field-currentPassword"'))
		expect(rawKeys(html)).toEqual([])
	})
})

describe('page titles', () => {
	it('name the page, the report’s Party and cycle, then the application; a page not found, its error', async () => {
		await inLanguage('en')
		expect(titleOf(await page(`/reports/${reportId}/validation`))).toMatch(
			/^Checks before submission · Kenya · .+ · Chemicals and waste national reporting$/,
		)
		expect(titleOf(await page(`/reports/${reportId}/sections/a_general`))).toMatch(
			/^.+ · Kenya · .+ · Chemicals and waste national reporting$/,
		)
		expect(titleOf(await page('/login', {}))).toBe(
			'Sign in · Chemicals and waste national reporting',
		)
		const missing = await app.fetch('/reports/00000000-0000-4000-8000-000000000000/validation', {
			headers: { Cookie: cookie },
		})
		expect(missing.status).toBe(404)
		expect(titleOf(await missing.text())).toBe('Error 404 · Chemicals and waste national reporting')
	})
})
