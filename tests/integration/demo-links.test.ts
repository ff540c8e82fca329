import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from '#server/demo/accounts.ts'
import { seedDemoReports } from '#server/demo/reports.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

/**
 * Every link a page shows leads somewhere its reader may go. Each demo account (and a visitor who
 * is not signed in) walks the demo from the home page, following the links of every page it
 * opens, and no link may answer with an error: a button to a page the role may not open (a 403),
 * a link to nothing (a 404) or a page that fails (a 500) is a dead end for a user.
 *
 * The walk opens each kind of page once per account (a report's sections, a country's page, a
 * user's page: the first of each), so it stays short while covering every kind of link.
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

type DeadEnd = { from: string; to: string; status: number }

async function walk(
	cookie: string | null,
	limit = 200,
): Promise<{ opened: number; deadEnds: DeadEnd[] }> {
	const headers: Record<string, string> = cookie ? { Cookie: cookie } : {}
	const kindsSeen = new Set<string>()
	const queue: { from: string; to: string }[] = [{ from: '(start)', to: '/' }]
	const deadEnds: DeadEnd[] = []
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
		for (const link of linksOf(await response.text())) queue.push({ from: to, to: link })
	}
	return { opened, deadEnds }
}

describe('links on the demo’s pages', () => {
	it.each(DEMO_ACCOUNTS.map((account) => [account.email, account] as const))(
		'lead %s nowhere it may not go',
		async (_email, account) => {
			const cookie = await signIn(app, account.email, DEMO_PASSWORD)
			const { opened, deadEnds } = await walk(cookie)
			expect(deadEnds).toEqual([])
			// The walk went past the home page: a national user reaches their reports' sections.
			expect(opened).toBeGreaterThan(3)
		},
		180_000,
	)

	it('lead a visitor who is not signed in nowhere that fails', async () => {
		const { opened, deadEnds } = await walk(null)
		expect(deadEnds).toEqual([])
		expect(opened).toBeGreaterThan(3)
	}, 180_000)
})
