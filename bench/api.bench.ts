/**
 * The JSON API under load (`npx tsx bench/api.bench.ts [--concurrency 200] [--rounds 5]`), against
 * the production build (`npm run build` first) on its own embedded demo database, whose 6th
 * Article 15 cycle (five accepted demo reports) the secretariat has published: rounds of
 * `concurrency` simultaneous anonymous `GET /api/v1/cycles/sc-art15-6/data` (the first page of the
 * cycle's compiled data), each round beside a round of as many simultaneous `GET /healthz` in the
 * same run. Prints p50, p99 and the slowest of each, and fails when any
 * answer is not a 200. The rate limit is lifted for the run (it would refuse 200 requests a
 * minute from one address, which is what it is for).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createDatabase } from '#db/connect.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { prepareDatabase } from '#server/startup.ts'
import { httpClient } from './http-client.ts'
import { startServer, stopServer } from './server.ts'

const PORT = 3198
const CYCLE = 'sc-art15-6'
const API_PATH = `/api/v1/cycles/${CYCLE}/data`

function arg(name: string, fallback: number) {
	const index = process.argv.indexOf(`--${name}`)
	return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

function percentile(values: number[], p: number) {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN
}

const ms = (value: number) => `${value.toFixed(1)} ms`

/** The demo database, with the cycle published (what the secretariat's admin action records). */
async function prepare(dataDir: string) {
	const db = createDatabase({ kind: 'pglite', dataDir })
	try {
		await prepareDatabase(db, 'demo')
		const cycle = await findCycleByCode(db, CYCLE)
		if (!cycle) throw new Error(`no cycle ${CYCLE}`)
		await db
			.insertInto('cycle_publication')
			.values({ cycle_id: cycle.id, published_from: '2026-01-01', decided_by: null })
			.onConflict((oc) => oc.column('cycle_id').doNothing())
			.execute()
	} finally {
		await db.destroy()
	}
}

type Round = { latencies: number[]; failures: string[] }

/**
 * `concurrency` requests at once, each on its own connection, opened for the round (a connection
 * kept across rounds could be closed by the server's keep-alive timeout as it is reused); each
 * one's time from sending to its last byte.
 */
async function round(origin: string, pathname: string, concurrency: number): Promise<Round> {
	const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
	const get = httpClient(origin, agent, { timeoutMs: 120_000 })
	const failures: string[] = []
	try {
		const latencies = await Promise.all(
			Array.from({ length: concurrency }, async () => {
				const started = performance.now()
				const response = await get('GET', pathname, { Accept: 'application/json' })
				const elapsed = performance.now() - started
				if (response.status !== 200)
					failures.push(`${response.status} ${response.body.slice(0, 120)}`)
				return elapsed
			}),
		)
		return { latencies, failures }
	} finally {
		agent.destroy()
	}
}

export async function runApiBench() {
	const concurrency = arg('concurrency', 200)
	const rounds = arg('rounds', 5)
	const dataDir = mkdtempSync(path.join(tmpdir(), 'api-bench-'))
	await prepare(dataDir)
	const server = await startServer(
		PORT,
		{ PGLITE_DIR: dataDir, DATABASE_URL: '', API_RATE_LIMIT_ANONYMOUS: '1000000000' },
		['--demo'],
	)
	const origin = `http://localhost:${PORT}`
	try {
		// Warm-up: the first request loads the route modules and the form definitions.
		await round(origin, API_PATH, 1)
		const healthz: number[] = []
		const api: number[] = []
		const failures: string[] = []
		for (let i = 0; i < rounds; i++) {
			const base = await round(origin, '/healthz', concurrency)
			const data = await round(origin, API_PATH, concurrency)
			healthz.push(...base.latencies)
			api.push(...data.latencies)
			failures.push(...base.failures, ...data.failures)
		}
		const line = (label: string, values: number[]) =>
			`    ${label}: p50 ${ms(percentile(values, 0.5))}, p99 ${ms(percentile(values, 0.99))}, slowest ${ms(Math.max(...values))}`
		console.log(
			`JSON API, ${rounds} rounds of ${concurrency} concurrent anonymous requests (production server, embedded demo database):`,
		)
		console.log(line('baseline GET /healthz', healthz))
		console.log(line(`GET ${API_PATH} (compiled data, first page)`, api))
		if (failures.length > 0) {
			throw new Error(`${failures.length} requests failed, e.g. ${failures[0]}`)
		}
	} finally {
		await stopServer(server)
		rmSync(dataDir, { recursive: true, force: true })
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await runApiBench()
}
