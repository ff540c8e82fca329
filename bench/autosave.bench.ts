/**
 * Autosave under load: N simulated editors (default 200) each save a patch every 2 s against the
 * production build on PostgreSQL, for 60 s after 10 s of the same load to warm the server up.
 * Prints throughput, p50/p95/p99 latency (and the worst 5-second window's p99) and the count of
 * failed and lost saves, next to two baselines measured in the same run: the same clients hitting
 * /healthz, and a bare PostgreSQL commit (a one-row insert every 100 ms while the saves run), which
 * shows how long the database's disk takes to flush at the same moments: every save ends with one.
 * Also prints the server's CPU time per save, and the goal: save p50 ≤ 3× and p99 ≤ 5× the bare
 * commit's, with no save failed or lost.
 *
 *   npx tsx bench/autosave.bench.ts [--editors 200] [--seconds 60] [--warmup 10]
 *
 * Needs a production build (`npm run build`) and PostgreSQL (BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres); it creates and drops its
 * own database.
 */
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { createCookie } from 'react-router'
import { sha256 } from '#app/utils/crypto.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { createDatabase } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { insertSession } from '#db/queries/sessions.ts'
import { insertUser } from '#db/queries/users.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { PARTIES } from '#db/seed-data/parties.ts'
import { httpClient } from './http-client.ts'
import { startServer, stopServer } from './server.ts'

const TEXT_QUESTIONS = [
	'b_obstacles_implementation',
	'b_obstacles_reporting',
	'b_format_comments',
	'b4_minimisation_measures',
]

function arg(name: string, fallback: number) {
	const index = process.argv.indexOf(`--${name}`)
	return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

function percentile(sorted: number[], p: number) {
	if (sorted.length === 0) return NaN
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

type Editor = {
	cookie: string
	reportId: string
	questionId: string
	lastAcknowledged: string | null
	revision: number
}

async function prepare(url: string, editorCount: number) {
	const db = createDatabase({ kind: 'postgres', url, poolSize: 4 })
	await migrateToLatest(db)
	await seedReferenceData(db)
	const cycle = (await findCycleByCode(db, 'sc-art15-6'))!
	const parties = PARTIES.filter((p) => p.kind === 'un_member').slice(
		0,
		Math.ceil(editorCount / TEXT_QUESTIONS.length),
	)
	const editors: Editor[] = []
	for (const [index, party] of parties.entries()) {
		const owner = await insertUser(db, {
			email: `owner${index}@bench.example.org`,
			name: `Owner ${index}`,
			roles: ['contributor'],
			partyCodes: [party.code],
		})
		const started = await startReport(db, {
			partyCode: party.code,
			cycle,
			mode: 'blank',
			userId: owner,
			today: '2026-11-21',
		})
		if (!started.ok) throw new Error(started.error)
		for (const questionId of TEXT_QUESTIONS) {
			if (editors.length >= editorCount) break
			const userId = await insertUser(db, {
				email: `editor${editors.length}@bench.example.org`,
				name: `Editor ${editors.length}`,
				roles: ['contributor'],
				partyCodes: [party.code],
			})
			const token = randomBytes(32).toString('base64url')
			await insertSession(db, {
				id: sha256(token),
				userId,
				expiresAt: new Date(Date.now() + 3_600_000),
				ip: null,
				userAgent: 'bench',
			})
			const cookie = (await createCookie('session').serialize(token)).split(';')[0]!
			editors.push({
				cookie,
				reportId: started.reportId,
				questionId,
				lastAcknowledged: null,
				revision: 0,
			})
		}
	}
	await db.destroy()
	return editors
}

async function runLoad(
	editors: Editor[],
	seconds: number,
	port: number,
	request: (editor: Editor, sequence: number) => Promise<boolean>,
) {
	const latencies: number[] = []
	const samples: { at: number; latency: number }[] = []
	let failed = 0
	const deadline = Date.now() + seconds * 1000
	const offsets = saveOffsets(editors.length)
	await Promise.all(
		editors.map(async (editor, index) => {
			await sleep(offsets[index]!)
			let sequence = 0
			while (Date.now() < deadline) {
				const started = performance.now()
				let ok = false
				try {
					ok = await request(editor, ++sequence)
				} catch {
					ok = false
				}
				const latency = performance.now() - started
				latencies.push(latency)
				samples.push({ at: started, latency })
				if (!ok) failed++
				const wait = 2000 - (performance.now() - started)
				if (wait > 0) await sleep(wait)
			}
		}),
	)
	void port
	latencies.sort((a, b) => a - b)
	return {
		latencies,
		failed,
		count: latencies.length,
		throughput: latencies.length / seconds,
		worstWindowP99: worstWindowP99(samples, 5_000),
	}
}

/**
 * Times a bare commit (a one-row insert, autocommit) every 100 ms on its own connection until
 * stopped: what any write costs on this database at that moment, whatever the server does.
 */
function probeCommits(url: string) {
	const db = createDatabase({ kind: 'postgres', url, poolSize: 1 })
	const latencies: number[] = []
	let running = true
	const done = (async () => {
		await sql`create table bench_commit_probe (at timestamptz not null default now())`.execute(db)
		while (running) {
			const started = performance.now()
			await sql`insert into bench_commit_probe default values`.execute(db)
			latencies.push(performance.now() - started)
			await sleep(100)
		}
		await db.destroy()
	})()
	return {
		async stop() {
			running = false
			await done
			return latencies.sort((a, b) => a - b)
		},
	}
}

/** CPU time (user + system) a process has used so far, from /proc (Linux). */
function processCpuMs(pid: number | undefined) {
	if (pid === undefined) return NaN
	// Fields after the command name: state is the 1st, utime the 12th, stime the 13th (in ticks).
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND
}

/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS_PER_SECOND = 100

/**
 * When in the 2-second period each editor saves: spread at random, as people type independently,
 * from a fixed seed so every run has the same schedule. (Spreading them in order would put the four
 * editors of one report a few milliseconds apart on every save, a collision real editors rarely
 * have; the integration tests cover saves racing on one report.)
 */
function saveOffsets(count: number) {
	let seed = 0x2f6b3a1d
	const random = () => {
		seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0
		return ((seed ^ (seed >>> 12)) >>> 0) / 2 ** 32
	}
	return Array.from({ length: count }, () => random() * 2000)
}

/** The highest p99 over consecutive windows of `windowMs`: shows whether a tail is one hiccup. */
function worstWindowP99(samples: { at: number; latency: number }[], windowMs: number) {
	if (samples.length === 0) return NaN
	const start = Math.min(...samples.map((s) => s.at))
	const windows = new Map<number, number[]>()
	for (const sample of samples) {
		const key = Math.floor((sample.at - start) / windowMs)
		windows.set(key, [...(windows.get(key) ?? []), sample.latency])
	}
	return Math.max(
		...[...windows.values()].map((w) =>
			percentile(
				w.sort((a, b) => a - b),
				99,
			),
		),
	)
}

export async function runAutosaveBench(
	options: { editors?: number; seconds?: number; warmupSeconds?: number } = {},
) {
	const editorCount = options.editors ?? arg('editors', 200)
	const seconds = options.seconds ?? arg('seconds', 60)
	const warmupSeconds = options.warmupSeconds ?? arg('warmup', 10)
	const adminUrl =
		process.env.BENCH_DATABASE_URL ??
		process.env.TEST_DATABASE_URL ??
		'postgres://postgres@127.0.0.1:5432/postgres'
	const name = `chemrep_bench_${Date.now().toString(36)}`
	const admin = createDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 })
	await sql`create database ${sql.id(name)}`.execute(admin)
	const url = withDatabase(adminUrl, name)
	const port = 3300 + Math.floor(Math.random() * 500)
	let server: ChildProcess | undefined
	const agent = new Agent({ keepAlive: true, maxSockets: 512 })
	try {
		const editors = await prepare(url, editorCount)
		server = await startServer(port, { DATABASE_URL: url })
		const origin = `http://localhost:${port}`

		const http = httpClient(origin, agent)
		const healthzCpuBefore = processCpuMs(server.pid)
		const baseline = await runLoad(
			editors,
			Math.min(15, seconds),
			port,
			async () => (await http('GET', '/healthz')).status === 200,
		)
		const serverCpuPerHealthz = (processCpuMs(server.pid) - healthzCpuBefore) / baseline.count

		const save = async (editor: Editor, sequence: number) => {
			const value = `Edit ${sequence} by an editor of ${editor.reportId.slice(0, 8)}`
			const response = await http(
				'POST',
				`/reports/${editor.reportId}/answers`,
				{ 'Content-Type': 'application/json', Origin: origin, Cookie: editor.cookie },
				JSON.stringify({
					sinceRevision: editor.revision,
					changes: [{ questionId: editor.questionId, baseRevision: editor.revision, value }],
				}),
			)
			if (response.status !== 200) return false
			const body = JSON.parse(response.body) as {
				conflicts: unknown[]
				applied: { revision: number }[]
			}
			if (body.conflicts.length > 0) return false
			editor.lastAcknowledged = value
			editor.revision = body.applied[0]?.revision ?? editor.revision
			return true
		}
		// A running server is warm (JIT, connection pool, caches): the same load first, not counted.
		if (warmupSeconds > 0) await runLoad(editors, warmupSeconds, port, save)
		const commitProbe = probeCommits(url)
		const cpuBefore = processCpuMs(server.pid)
		const saves = await runLoad(editors, seconds, port, save)
		const serverCpuPerSave = (processCpuMs(server.pid) - cpuBefore) / saves.count
		const commits = await commitProbe.stop()

		// Lost saves: an acknowledged value that is not what the database holds.
		const check = createDatabase({ kind: 'postgres', url, poolSize: 2 })
		let lost = 0
		for (const editor of editors) {
			const row = await check
				.selectFrom('report_answer')
				.where('report_id', '=', editor.reportId)
				.where('question_id', '=', editor.questionId)
				.select('value')
				.executeTakeFirst()
			if (editor.lastAcknowledged !== null && row?.value !== editor.lastAcknowledged) lost++
		}
		await check.destroy()

		const ms = (v: number) => `${v.toFixed(1)} ms`
		console.log(
			`autosave: ${editorCount} editors, one save every 2 s each, ${seconds} s after ${warmupSeconds} s of warm-up, PostgreSQL, production build`,
		)
		console.log(
			`  baseline GET /healthz: p50 ${ms(percentile(baseline.latencies, 50))}, p95 ${ms(percentile(baseline.latencies, 95))}, p99 ${ms(percentile(baseline.latencies, 99))}`,
		)
		console.log(
			`  baseline PostgreSQL commit (one-row insert, ${commits.length} during the saves): p50 ${ms(percentile(commits, 50))}, p99 ${ms(percentile(commits, 99))}, max ${ms(commits[commits.length - 1] ?? NaN)}`,
		)
		console.log(`  saves: ${saves.count} in ${seconds} s = ${saves.throughput.toFixed(1)} saves/s`)
		console.log(
			`  save latency: p50 ${ms(percentile(saves.latencies, 50))}, p95 ${ms(percentile(saves.latencies, 95))}, p99 ${ms(percentile(saves.latencies, 99))} (worst 5 s window p99 ${ms(saves.worstWindowP99)})`,
		)
		console.log(
			`  server CPU (user + system): ${ms(serverCpuPerSave)} per save, ${ms(serverCpuPerHealthz)} per /healthz`,
		)
		const p50Ratio = percentile(saves.latencies, 50) / percentile(commits, 50)
		const p99Ratio = percentile(saves.latencies, 99) / percentile(commits, 99)
		console.log(
			`  ratio save/commit: p50 ${p50Ratio.toFixed(1)}×, p99 ${p99Ratio.toFixed(1)}×; ratio save/healthz (p50): ${(percentile(saves.latencies, 50) / percentile(baseline.latencies, 50)).toFixed(1)}×`,
		)
		console.log(`  failed saves: ${saves.failed}, lost saves: ${lost}`)
		const met = p50Ratio <= 3 && p99Ratio <= 5 && saves.failed === 0 && lost === 0
		console.log(
			`  goal: save p50 ≤ 3× and p99 ≤ 5× the bare commit's, 0 failed, 0 lost → ${met ? 'met' : 'NOT met'}`,
		)
		return { p50Ratio, p99Ratio, p99: percentile(saves.latencies, 99), lost, failed: saves.failed }
	} finally {
		agent.destroy()
		if (server) await stopServer(server)
		await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin).catch(() => {})
		await admin.destroy()
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await runAutosaveBench()
}
