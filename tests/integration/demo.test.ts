import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findReportForCycle, listSaves, listSubmissions, loadAnswers } from '#db/queries/reports.ts'
import { findUserByEmail, updateUserProfile } from '#db/queries/users.ts'
import { LANGUAGES, type Language } from '#forms/vocabulary.ts'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '#server/demo/accounts.ts'
import { seedDemoReports } from '#server/demo/reports.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

/**
 * Every link a page shows leads somewhere its reader may go. Each demo account (and a visitor who
 * is not signed in) walks the demo from the home page, following the links of every page it
 * opens, and no link may answer with an error: a button to a page the role may not open (a 403),
 * a link to nothing (a 404) or a page that fails (a 500) is a dead end for a user. Nor may a page
 * show a placeholder its translation left unfilled (`{{count}}`, `$t(…)`), and every page has what
 * assistive technology finds its way by: a title, one main landmark, one top heading, and ids
 * that name one element each (labels and descriptions point at them).
 *
 * The walk opens each kind of page once per account (a report's sections, a country's page, a
 * user's page: the first of each), so it stays short while covering every kind of link. Each
 * account walks in another of the six languages.
 */

let t: TestDatabase
let app: HttpApp

beforeAll(async () => {
	t = await createTestDatabase()
	await seedDemoAccounts(t.db)
	await seedDemoReports(t.db)
	app = await startHttpApp(t.db)
}, 600_000)
afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

/** Leaving these out: they end the walk's session or only repeat a page in another form. */
const NOT_FOLLOWED = [/^\/logout/, /^\/set-language/]

/** One page per kind: ids, country codes and numbers in a path name the same kind of page. */
function pageKind(path: string) {
	const [pathname] = path.split('?')
	return pathname!
		.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
		.replace(/\/[A-Z]{3}(?=\/|$)/g, '/:party')
		.replace(/\/\d+(?=\/|$)/g, '/:n')
}

function decodeHref(href: string) {
	return href
		.replace(/&amp;/g, '&')
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&quot;/g, '"')
}

/** The app's own links on a page (not other sites, not places on the same page). */
function linksOf(html: string) {
	const links: string[] = []
	for (const match of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
		const href = decodeHref(match[1]!).split('#')[0]!
		if (href.startsWith('/') && !href.startsWith('//')) links.push(href)
	}
	return links
}

function withoutScripts(html: string) {
	return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
}

/** Text a reader would see with a placeholder left in it, scripts (the page's strings) aside. */
function unfilledPlaceholders(html: string) {
	return [...withoutScripts(html).matchAll(/.{0,30}(\{\{|\$t\().{0,30}/g)].map((match) => match[0])
}

/** What a page lacks of a title, one main landmark, one top heading and ids used once. */
function structureProblems(html: string) {
	const markup = withoutScripts(html)
	const count = (pattern: RegExp) => (markup.match(pattern) ?? []).length
	const ids = [...markup.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)
	const repeated = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))]
	return [
		...(/<title>[^<]+<\/title>/.test(markup) ? [] : ['no title']),
		...(count(/<main\b/g) === 1 ? [] : [`${count(/<main\b/g)} main landmarks`]),
		...(count(/<h1\b/g) === 1 ? [] : [`${count(/<h1\b/g)} top headings`]),
		...repeated.map((id) => `id "${id}" used more than once`),
	]
}

type DeadEnd = { from: string; to: string; status: number }
type Unfilled = { page: string; text: string[] }
type Malformed = { page: string; problems: string[] }

async function walk(
	cookie: string | null,
	language: Language,
	limit = 200,
): Promise<{
	opened: number
	deadEnds: DeadEnd[]
	unfilled: Unfilled[]
	malformed: Malformed[]
	languages: Set<string>
}> {
	const headers: Record<string, string> = { 'Accept-Language': language }
	if (cookie) headers.Cookie = cookie
	const kindsSeen = new Set<string>()
	const queue: { from: string; to: string }[] = [{ from: '(start)', to: '/' }]
	const deadEnds: DeadEnd[] = []
	const unfilled: Unfilled[] = []
	const malformed: Malformed[] = []
	const languages = new Set<string>()
	let opened = 0
	while (queue.length > 0 && opened < limit) {
		const { from, to } = queue.shift()!
		const kind = pageKind(to)
		if (kindsSeen.has(kind) || NOT_FOLLOWED.some((pattern) => pattern.test(to))) continue
		kindsSeen.add(kind)
		opened++
		const response = await app.fetch(to, { headers })
		if (response.status >= 400) {
			deadEnds.push({ from, to, status: response.status })
			continue
		}
		const location = response.headers.get('Location')
		if (response.status >= 300 && location) {
			queue.push({ from: to, to: location })
			continue
		}
		if (!(response.headers.get('Content-Type') ?? '').includes('text/html')) {
			await response.arrayBuffer()
			continue
		}
		const html = await response.text()
		languages.add(/<html lang="([^"]*)"/.exec(html)?.[1] ?? '(none)')
		const placeholders = unfilledPlaceholders(html)
		if (placeholders.length > 0) unfilled.push({ page: to, text: placeholders })
		const problems = structureProblems(html)
		if (problems.length > 0) malformed.push({ page: to, problems })
		for (const link of linksOf(html)) queue.push({ from: to, to: link })
	}
	return { opened, deadEnds, unfilled, malformed, languages }
}

describe('links on the demo’s pages', () => {
	it.each(
		DEMO_ACCOUNTS.map(
			(account, i) => [account.email, LANGUAGES[i % LANGUAGES.length]!, account] as const,
		),
	)(
		'lead %s (in %s) nowhere it may not go',
		async (_email, language, account) => {
			const user = (await findUserByEmail(t.db, account.email))!
			await updateUserProfile(t.db, user.id, { preferredLanguage: language })
			const cookie = await signIn(app, account.email, DEMO_PASSWORD)
			const { opened, deadEnds, unfilled, malformed, languages } = await walk(cookie, language)
			expect(deadEnds).toEqual([])
			expect(unfilled).toEqual([])
			expect(malformed).toEqual([])
			expect([...languages]).toEqual([language])
			// The walk went past the home page: a national user reaches their reports' sections.
			expect(opened).toBeGreaterThan(3)
		},
		180_000,
	)

	it('lead a visitor who is not signed in nowhere that fails (in Arabic)', async () => {
		const { opened, deadEnds, unfilled, malformed, languages } = await walk(null, 'ar')
		expect(deadEnds).toEqual([])
		expect(unfilled).toEqual([])
		expect(malformed).toEqual([])
		expect([...languages]).toEqual(['ar'])
		expect(opened).toBeGreaterThan(3)
	}, 180_000)
})

describe('the demo’s reports of past cycles', () => {
	it('read as written then: answered before they were submitted, not on the day the demo was made', async () => {
		const cycle = (await findCycleByCode(t.db, 'sc-art15-5'))!
		const report = (await findReportForCycle(t.db, 'KEN', cycle.id))!
		const [submission] = await listSubmissions(t.db, report.id)
		const submittedAt = new Date(submission!.submittedAt)
		expect(report.status).toBe('accepted')
		expect(submittedAt.getUTCFullYear()).toBe(2022)
		// Last written the day before its submission.
		expect(report.updatedAt.getTime()).toBeLessThan(submittedAt.getTime())
		expect(report.updatedAt.getUTCFullYear()).toBe(2022)
		expect(report.createdAt.getTime()).toBeLessThan(submittedAt.getTime())
		const answers = Object.values(await loadAnswers(t.db, report.id))
		expect(answers.length).toBeGreaterThan(0)
		for (const answer of answers)
			expect(answer.updatedAt.getTime()).toBeLessThan(submittedAt.getTime())
		for (const save of await listSaves(t.db, report.id))
			expect(new Date(save.changedAt).getTime()).toBeLessThan(submittedAt.getTime())
	})
})
