import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { routeJavaScript } from '../../bench/client-bundle.ts'

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name)
		return statSync(full).isDirectory() ? files(full) : [full]
	})
}

/** Server-only code must never reach the browser: no drivers, no hashing, no SQL. */
test('the client build contains no server code', () => {
	const bundle = files('build/client')
		.filter((f) => f.endsWith('.js'))
		.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }))
	expect(bundle.length).toBeGreaterThan(5)
	const forbidden = [
		/from\s*["']pg["']/,
		/node_modules\/pg\//,
		/\bpg-protocol\b/,
		/\bkysely\b/i,
		/\bargon2\b/,
		/\bPGlite\b/,
		/\bselect\s+.+\s+from\s+["a-z_]+\s+where\b/i,
		/\binsert into\b/i,
		/\bcreate table\b/i,
		/password_hash/,
		/\bnodemailer\b/,
		// zod: the server checks everything pages send; no page builds a schema (app/utils/zod-jitless.ts).
		/["']\$Zod[A-Za-z]+["']/,
	]
	const hits = bundle.flatMap(({ file, text }) =>
		forbidden.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`),
	)
	expect(hits).toEqual([])
})

/**
 * The report editor's first load (entry, route modules from the root down and their static
 * imports; `npx tsx bench/client-bundle.ts routes/reports/editor`): 228.8 KB gzip when it carried
 * the code-list registry, zod and the engine; 164.3 KB since the loader sends the code lists, labels
 * and first evaluation the page needs and the engine loads when the form is used; 147.7 KB since
 * the translation runtime replaced i18next (ADR 023). Issue #12's budget is 150 KB.
 */
test('the report editor loads little JavaScript, and no code lists', () => {
	const { rows, totalGzip } = routeJavaScript('routes/reports/editor')
	expect(totalGzip / 1024).toBeLessThanOrEqual(150)
	const registry = [/iso3166-i18n-iso-countries/, /["']PFHXS["']/, /["']basel-y["']/]
	const hits = rows.flatMap(({ file }) => {
		const text = readFileSync(path.join('build/client', file), 'utf8')
		return registry.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`)
	})
	expect(hits).toEqual([])
})

/**
 * Scripts and styles are sent as compressed at build time (server/precompressed-assets.ts): the
 * bytes on the wire are the `.br` or `.gz` file beside the built one, whichever the browser accepts,
 * and the browser decodes them to the built file.
 */
test('the browser is sent the scripts and styles compressed at build time', async ({ page }) => {
	const assets: {
		url: string
		encoding: string | undefined
		size: Promise<number>
		body: Promise<Buffer>
	}[] = []
	page.on('response', (response) => {
		if (!new URL(response.url()).pathname.startsWith('/assets/')) return
		assets.push({
			url: response.url(),
			encoding: response.headers()['content-encoding'],
			size: response
				.request()
				.sizes()
				.then((sizes) => sizes.responseBodySize),
			body: response.body(),
		})
	})
	await page.goto('/login')
	await page.waitForLoadState('networkidle')
	const compressed = []
	for (const asset of assets) {
		const file = path.join('build/client', new URL(asset.url).pathname)
		const built = readFileSync(file)
		expect(await asset.body, asset.url).toEqual(built)
		const extension = { br: '.br', gzip: '.gz' }[asset.encoding ?? '']
		if (extension === undefined) continue
		compressed.push(asset.url)
		expect(await asset.size, asset.url).toBe(statSync(`${file}${extension}`).size)
	}
	expect(assets.filter((a) => a.url.endsWith('.js')).length).toBeGreaterThan(3)
	expect(compressed.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(3)
	expect(compressed.some((url) => url.endsWith('.css'))).toBe(true)
})
