/**
 * The public portal under load (`npx tsx bench/public-portal.bench.ts [--concurrency 200]`),
 * against the production build (`npm run build` first) on its own embedded demo database: waves of
 * concurrent anonymous requests to a country profile (a full server rendering each), to the same
 * profile with the ETag a browser or cache already has (304, no rendering), and to `/healthz` in
 * the same run as the baseline. Prints p50 and p99 of each, and the JavaScript a visitor's page
 * loads (none: public pages are served without scripts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { httpClient } from './http-client.ts'
import { startServer, stopServer } from './server.ts'

const PROFILE = process.env.BENCH_PATH ?? '/parties/AUS'

function arg(name: string, fallback: number) {
	const index = process.argv.indexOf(`--${name}`)
	return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

function percentile(values: number[], p: number) {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN
}

const ms = (value: number) => `${value.toFixed(1)} ms`.padStart(10)

export async function runPublicPortalBench() {
	const concurrency = arg('concurrency', 200)
	const waves = arg('waves', 3)
	const port = 3600 + Math.floor(Math.random() * 90)
	const dataDir = mkdtempSync(path.join(tmpdir(), 'portal-bench-'))
	const server = await startServer(port, { PGLITE_DIR: dataDir, DATABASE_URL: '' }, ['--demo'])
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
	const get = httpClient(`http://localhost:${port}`, agent, { timeoutMs: 60_000 })
	try {
		const first = await get('GET', PROFILE)
		if (first.status !== 200) throw new Error(`${PROFILE}: ${first.status}`)
		const etag = first.headers.etag
		const kinds = etag
			? (['profile', 'unchanged', 'healthz'] as const)
			: (['profile', 'healthz'] as const)
		const scripts = (first.body.match(/<script\b/g) ?? []).length
		const timings = { profile: [] as number[], unchanged: [] as number[], healthz: [] as number[] }
		/** One wave: `concurrency` requests of each kind, interleaved, all at once. */
		const wave = () =>
			Promise.all(
				Array.from({ length: concurrency }, (_, i) =>
					kinds.map(async (kind) => {
						const started = performance.now()
						const response =
							kind === 'healthz'
								? await get('GET', '/healthz')
								: await get('GET', PROFILE, kind === 'unchanged' ? { 'If-None-Match': etag! } : {})
						const expected = kind === 'unchanged' ? 304 : 200
						if (response.status !== expected)
							throw new Error(`${kind} #${i}: ${response.status} instead of ${expected}`)
						timings[kind].push(performance.now() - started)
					}),
				).flat(),
			)
		for (let i = 0; i < waves; i++) await wave()
		console.log(`${concurrency} concurrent anonymous requests of each kind, ${waves} waves`)
		console.log(`${'request'.padEnd(34)}${'p50'.padStart(10)}${'p99'.padStart(10)}`)
		for (const [label, values] of [
			[`GET ${PROFILE} (rendered)`, timings.profile],
			[`GET ${PROFILE} (If-None-Match: 304)`, timings.unchanged],
			['GET /healthz (baseline)', timings.healthz],
		] as const) {
			if (values.length === 0) continue
			console.log(`${label.padEnd(34)}${ms(percentile(values, 50))}${ms(percentile(values, 99))}`)
		}
		console.log(
			`profile page: ${(first.body.length / 1024).toFixed(0)} KB of HTML, ${scripts} scripts; Cache-Control: ${first.headers['cache-control']}`,
		)
	} finally {
		agent.destroy()
		await stopServer(server)
		rmSync(dataDir, { recursive: true, force: true })
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runPublicPortalBench()
