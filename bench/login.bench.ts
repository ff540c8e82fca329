/**
 * Where the time of a sign-in goes (`npx tsx bench/login.bench.ts [--runs 30]`):
 * - in this process, on a fresh embedded database on disk (the default deployment) and, when it
 *   answers, on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 *   postgres://postgres@127.0.0.1:5432/postgres; a database of its own, dropped at the end): the
 *   password hash verification alone (argon2id at OWASP's baseline, ADR 003), the database work of
 *   a login (every query `attemptLogin` and `startSession` run, timed by a kysely plugin, and how
 *   many), and both together; the same with an unknown email (the answer must take as long);
 * - against the production build (`npm run build` first) on its own embedded demo database: the
 *   whole `POST /login` (a document form post, answered by a redirect), the same post as the
 *   browser sends it with JavaScript (`/login.data`) and the page it lands on, next to a
 *   `GET /healthz` baseline.
 * The measurements of each part are interleaved run by run, so a busy machine slows all of them
 * alike. Prints medians.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import {
	sql,
	type Kysely,
	type KyselyPlugin,
	type PluginTransformQueryArgs,
	type PluginTransformResultArgs,
	type QueryResult,
	type RootOperationNode,
	type UnknownRow,
} from 'kysely'
import { attemptLogin } from '#app/utils/auth.server.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { startSession } from '#app/utils/session.server.ts'
import { createDatabase, type DatabaseTarget } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { insertUser } from '#db/queries/users.ts'
import { DEMO_PASSWORD } from '#server/demo/accounts.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import type { Database } from '#db/types.ts'
import { startServer, stopServer } from './server.ts'

const PORT = 3197
const EMAIL = 'bench.login@example.org'

function arg(name: string, fallback: number) {
	const index = process.argv.indexOf(`--${name}`)
	return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

function median(values: number[]) {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

const ms = (value: number) => `${value.toFixed(1)} ms`

/** Times every query from compilation to result, so a login's database work can be summed. */
class QueryTimer implements KyselyPlugin {
	private readonly started = new WeakMap<object, number>()
	count = 0
	totalMs = 0

	transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
		this.started.set(args.queryId, performance.now())
		return args.node
	}

	async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
		const started = this.started.get(args.queryId)
		if (started !== undefined) {
			this.count++
			this.totalMs += performance.now() - started
		}
		return args.result
	}

	reset() {
		this.count = 0
		this.totalMs = 0
	}
}

type InProcess = {
	hash: number
	database: number
	queries: number
	total: number
	unknownTotal: number
	/** The first login with an unknown email in the process. */
	firstUnknown: number
}

async function inProcess(db: Kysely<Database>, runs: number): Promise<InProcess> {
	await migrateToLatest(db)
	await seedReferenceData(db)
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	await insertUser(db, {
		email: EMAIL,
		name: 'Bench',
		roles: ['analyst'],
		partyCodes: [],
		passwordHash,
	})
	const timer = new QueryTimer()
	const timed = db.withPlugin(timer)
	const request = new Request('http://localhost/login', {
		method: 'POST',
		headers: { 'User-Agent': 'bench' },
	})
	const login = async (email: string) => {
		const started = performance.now()
		const result = await attemptLogin(timed, { email, password: DEMO_PASSWORD, ip: '127.0.0.1' })
		if (result.ok) await startSession(timed, request, result.userId, '127.0.0.1')
		return { result, ms: performance.now() - started }
	}
	const firstUnknown = (await login('nobody@example.org')).ms
	await login(EMAIL)

	const hash: number[] = []
	const database: number[] = []
	const total: number[] = []
	const unknownTotal: number[] = []
	let queries = 0
	for (let i = 0; i < runs; i++) {
		const started = performance.now()
		if (!(await verifyPassword(passwordHash, DEMO_PASSWORD))) throw new Error('wrong hash')
		hash.push(performance.now() - started)

		timer.reset()
		const known = await login(EMAIL)
		if (!known.result.ok) throw new Error('the login failed')
		total.push(known.ms)
		database.push(timer.totalMs)
		queries = timer.count

		// Different addresses, so the failures never reach the throttling limit.
		const unknownStarted = performance.now()
		await attemptLogin(db, {
			email: `nobody${i}@example.org`,
			password: DEMO_PASSWORD,
			ip: `10.0.${Math.floor(i / 250)}.${i % 250}`,
		})
		unknownTotal.push(performance.now() - unknownStarted)
	}
	return {
		hash: median(hash),
		database: median(database),
		queries,
		total: median(total),
		unknownTotal: median(unknownTotal),
		firstUnknown,
	}
}

async function onEmbedded(runs: number) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'login-bench-'))
	const db = createDatabase({ kind: 'pglite', dataDir })
	try {
		return await inProcess(db, runs)
	} finally {
		await db.destroy()
		rmSync(dataDir, { recursive: true, force: true })
	}
}

function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}

async function onPostgres(runs: number): Promise<InProcess | string> {
	const adminUrl =
		process.env.BENCH_DATABASE_URL ??
		process.env.TEST_DATABASE_URL ??
		'postgres://postgres@127.0.0.1:5432/postgres'
	const target: DatabaseTarget = { kind: 'postgres', url: adminUrl, poolSize: 1 }
	const admin = createDatabase(target)
	const name = `chemrep_login_bench_${Date.now().toString(36)}`
	try {
		await sql`create database ${sql.id(name)}`.execute(admin)
	} catch (error) {
		await admin.destroy()
		return `skipped (${error instanceof Error ? error.message : String(error)})`
	}
	const db = createDatabase({ kind: 'postgres', url: withDatabase(adminUrl, name), poolSize: 4 })
	try {
		return await inProcess(db, runs)
	} finally {
		await db.destroy()
		await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin).catch(() => {})
		await admin.destroy()
	}
}

async function timedFetch(url: string, init?: RequestInit) {
	const started = performance.now()
	const response = await fetch(url, { redirect: 'manual', ...init })
	await response.arrayBuffer()
	return { response, ms: performance.now() - started }
}

async function overHttp(runs: number) {
	const dataDir = mkdtempSync(path.join(tmpdir(), 'login-bench-server-'))
	const base = `http://localhost:${PORT}`
	const server = await startServer(PORT, { PGLITE_DIR: dataDir, DATABASE_URL: '' }, ['--demo'])
	try {
		const post = (pathname: string) =>
			timedFetch(`${base}${pathname}`, {
				method: 'POST',
				headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					email: 'analyst@demo.example.org',
					password: DEMO_PASSWORD,
					redirectTo: '/',
				}),
			})
		const first = await post('/login')
		if (first.response.status !== 302) throw new Error(`POST /login: ${first.response.status}`)

		const healthz: number[] = []
		const login: number[] = []
		const loginData: number[] = []
		const landing: number[] = []
		for (let i = 0; i < runs; i++) {
			healthz.push((await timedFetch(`${base}/healthz`)).ms)
			const document = await post('/login')
			if (document.response.status !== 302) throw new Error('POST /login did not redirect')
			login.push(document.ms)
			const cookie = document.response.headers
				.getSetCookie()
				.map((header) => header.split(';')[0])
				.join('; ')
			const target = document.response.headers.get('Location')!
			landing.push((await timedFetch(`${base}${target}`, { headers: { Cookie: cookie } })).ms)
			const data = await post('/login.data')
			if (data.response.status !== 202) throw new Error(`POST /login.data: ${data.response.status}`)
			loginData.push(data.ms)
		}
		return {
			first: first.ms,
			healthz: median(healthz),
			login: median(login),
			loginData: median(loginData),
			landing: median(landing),
		}
	} finally {
		await stopServer(server)
		rmSync(dataDir, { recursive: true, force: true })
	}
}

function printInProcess(label: string, result: InProcess | string) {
	if (typeof result === 'string') {
		console.log(`  in process, ${label}: ${result}`)
		return
	}
	console.log(`  in process, ${label}:`)
	console.log(`    password hash verification: ${ms(result.hash)}`)
	console.log(`    database work: ${ms(result.database)} in ${result.queries} queries`)
	console.log(`    attemptLogin + startSession: ${ms(result.total)}`)
	console.log(
		`    attemptLogin, unknown email: ${ms(result.unknownTotal)}; the first in the process: ${ms(result.firstUnknown)}`,
	)
}

export async function runLoginBench() {
	const runs = arg('runs', 30)
	console.log(`Sign-in, medians of ${runs} runs`)
	printInProcess('embedded database on disk', await onEmbedded(runs))
	printInProcess('PostgreSQL', await onPostgres(runs))
	const http = await overHttp(runs)
	console.log(`  production server (embedded demo database):`)
	console.log(`    baseline GET /healthz: ${ms(http.healthz)}`)
	console.log(`    POST /login (302): ${ms(http.login)}; the first after start: ${ms(http.first)}`)
	console.log(`    POST /login.data (with JavaScript): ${ms(http.loginData)}`)
	console.log(`    GET / after it (document): ${ms(http.landing)}`)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await runLoginBench()
}
