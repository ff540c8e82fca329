/**
 * Fault test on PostgreSQL: no save the server acknowledged is lost when the server is killed
 * (kill -9) in the middle of a burst of saves, or when the database terminates its connections.
 *
 *   npm run test:fault
 *
 * It starts the production server against a throwaway database (created from FAULT_DATABASE_URL,
 * else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, and dropped at the
 * end), signs simulated editors in through POST /login, and has them save through the autosave
 * protocol (`POST /reports/:id/answers`), each resending its change until the server
 * acknowledges it, as the editor does. Mid-burst it kills the server with SIGKILL and starts it
 * again; once saves flow again, it terminates the server's database connections once
 * (pg_terminate_backend) while the saves go on. Then every acknowledged save is looked up in the
 * database: its value in the answer history at the revision the server gave, and each editor's
 * last value as the stored answer. It prints `acknowledged N, stored N, lost 0`, writes
 * reports/fault-postgres.json (counted by tests/summarize.ts), and exits non-zero on any loss,
 * and also when a fault did not happen as planned (nothing in flight at the kill, no connection
 * terminated) or the server did not recover from it. Needs a production build (built when
 * missing); takes about 30 s.
 */
import { spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { Agent } from 'node:http'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import type { SaveResponse } from '#app/domain/save-protocol.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { createDatabase } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { insertUser } from '#db/queries/users.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { PARTIES } from '#db/seed-data/parties.ts'
import { httpClient } from '../../bench/http-client.ts'
import { startServer, stopServer } from '../../bench/server.ts'
import { withDatabase } from '../setup/global-setup.ts'

/** Free-text questions of the 6th-cycle report: each editor of a report owns one. */
const TEXT_QUESTIONS = [
	'b_obstacles_implementation',
	'b_obstacles_reporting',
	'b_format_comments',
	'b4_minimisation_measures',
]
const REPORT_COUNT = 6
const PASSWORD = 'fault-test-password-2026'
/** How long saves run before the kill, after the restart, and after the connections are terminated. */
const PHASE_MS = { beforeKill: 3_000, afterRestart: 2_000, afterTerminate: 3_000 }
/** Each editor's pause between two acknowledged saves (a bounded burst: at most MAX_SAVES each). */
const PAUSE_MS = { min: 40, max: 160 }
const MAX_SAVES = 250
/** After the burst, how long editors may take to have their last change acknowledged. */
const DRAIN_MS = 20_000
const REPORT_FILE = 'reports/fault-postgres.json'

type Phase = 'before_kill' | 'after_restart' | 'after_terminate' | 'drain'

type Editor = {
	label: string
	cookie: string
	reportId: string
	questionId: string
	/** Number of the last value typed. */
	typed: number
	/** The change being saved, until the server acknowledges it. */
	pending: string | null
	/** What the editor believes is stored: the base of its next change. */
	known: { value: string | null; revision: number }
	sinceRevision: number
	lastAcknowledged: string | null
}

type Acknowledgement = {
	reportId: string
	questionId: string
	value: string
	/** Revision the server wrote it at; null when the server already held it (an earlier try). */
	revision: number | null
	phase: Phase
	/** When the request was sent. */
	sentAt: number
}

const adminUrl =
	process.env.FAULT_DATABASE_URL ??
	process.env.TEST_DATABASE_URL ??
	'postgres://postgres@127.0.0.1:5432/postgres'

function freePort() {
	return new Promise<number>((resolve, reject) => {
		const probe = createServer()
		probe.once('error', reject)
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as { port: number }
			probe.close(() => resolve(port))
		})
	})
}

/** A fixed-seed random source, so every run paces its editors the same way. */
function seededRandom(seed: number) {
	let state = seed
	return () => {
		state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0
		return ((state ^ (state >>> 12)) >>> 0) / 2 ** 32
	}
}

async function prepare(url: string) {
	const db = createDatabase({ kind: 'postgres', url, poolSize: 2 })
	try {
		await migrateToLatest(db)
		await seedReferenceData(db)
		const cycle = (await findCycleByCode(db, 'sc-art15-6'))!
		const passwordHash = await hashPassword(PASSWORD)
		const parties = PARTIES.filter((party) => party.kind === 'un_member').slice(0, REPORT_COUNT)
		const reports: { email: string; reportId: string }[] = []
		for (const [index, party] of parties.entries()) {
			const email = `editor${index}@fault.example.org`
			const userId = await insertUser(db, {
				email,
				name: `Editor ${index}`,
				passwordHash,
				roles: ['contributor'],
				partyCodes: [party.code],
			})
			const started = await startReport(db, {
				partyCode: party.code,
				cycle,
				mode: 'blank',
				userId,
				today: '2026-11-21',
			})
			if (!started.ok) throw new Error(started.error)
			reports.push({ email, reportId: started.reportId })
		}
		return reports
	} finally {
		await db.destroy()
	}
}

class FaultRun {
	readonly acknowledgements: Acknowledgement[] = []
	readonly unexpected: string[] = []
	phase: Phase = 'before_kill'
	inFlight = 0
	networkErrors = 0
	serverErrors = 0
	conflicts = 0
	typing = true
	private readonly random = seededRandom(0x5eed_fa17)

	constructor(
		private readonly http: ReturnType<typeof httpClient>,
		private readonly origin: string,
	) {}

	/** One editor: types a new value once the previous one is acknowledged, resends until it is. */
	async run(editor: Editor, drainUntil: () => number) {
		let backoff = 50
		for (;;) {
			if (editor.pending === null) {
				if (!this.typing || editor.typed >= MAX_SAVES) return
				editor.pending = `${editor.label} value ${++editor.typed}`
			} else if (!this.typing && Date.now() > drainUntil()) {
				return
			}
			const outcome = await this.save(editor)
			if (outcome === 'acknowledged') {
				backoff = 50
				await sleep(PAUSE_MS.min + this.random() * (PAUSE_MS.max - PAUSE_MS.min))
			} else if (outcome === 'again') {
				await sleep(backoff)
				backoff = Math.min(backoff * 2, 1_000)
			}
		}
	}

	private async save(editor: Editor): Promise<'acknowledged' | 'again' | 'rebased'> {
		const value = editor.pending!
		const body = JSON.stringify({
			sinceRevision: editor.sinceRevision,
			changes: [
				{
					questionId: editor.questionId,
					baseRevision: editor.known.revision,
					base: editor.known.value,
					value,
				},
			],
		})
		const sentAt = Date.now()
		this.inFlight++
		let response
		try {
			response = await this.http(
				'POST',
				`/reports/${editor.reportId}/answers`,
				{ 'Content-Type': 'application/json', Origin: this.origin, Cookie: editor.cookie },
				body,
			)
		} catch {
			this.networkErrors++
			return 'again'
		} finally {
			this.inFlight--
		}
		if (response.status >= 500) {
			this.serverErrors++
			return 'again'
		}
		if (response.status !== 200) {
			this.unexpected.push(`${response.status} ${response.body.slice(0, 200)}`)
			return 'again'
		}
		const saved = JSON.parse(response.body) as SaveResponse
		editor.sinceRevision = Math.max(editor.sinceRevision, saved.revision)
		const conflict = saved.conflicts.find((item) => item.questionId === editor.questionId)
		if (conflict) {
			// Only this editor writes this answer: "theirs" is one of its own earlier tries that the
			// server stored without being able to say so. Keep mine, against that revision.
			this.conflicts++
			editor.known = { value: conflict.theirs as string | null, revision: conflict.theirsRevision }
			return 'rebased'
		}
		const applied = saved.applied.find((item) => item.questionId === editor.questionId)
		this.acknowledgements.push({
			reportId: editor.reportId,
			questionId: editor.questionId,
			value,
			revision: applied?.revision ?? null,
			phase: this.phase,
			sentAt,
		})
		editor.known = { value, revision: applied?.revision ?? editor.known.revision }
		editor.lastAcknowledged = value
		editor.pending = null
		return 'acknowledged'
	}
}

async function signIn(http: ReturnType<typeof httpClient>, origin: string, email: string) {
	const response = await http(
		'POST',
		'/login',
		{ 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
		new URLSearchParams({ email, password: PASSWORD, redirectTo: '/' }).toString(),
	)
	const cookie = (response.headers['set-cookie'] ?? [])
		.map((line) => line.split(';')[0]!)
		.filter((pair) => pair.includes('=') && !pair.endsWith('='))
		.join('; ')
	if (!cookie || response.status >= 400) {
		throw new Error(
			`Signing in as ${email} failed: ${response.status} ${response.body.slice(0, 200)}`,
		)
	}
	return cookie
}

async function terminateConnections(admin: ReturnType<typeof createDatabase>, database: string) {
	const { rows } = await sql<{ terminated: number }>`
		select count(*) filter (where pg_terminate_backend(pid))::int as terminated
		from pg_stat_activity
		where datname = ${database} and pid <> pg_backend_pid()
	`.execute(admin)
	return rows[0]?.terminated ?? 0
}

/** Every acknowledged save, looked up in the answer history and the stored answers. */
async function verify(url: string, acknowledgements: Acknowledgement[], editors: Editor[]) {
	const db = createDatabase({ kind: 'postgres', url, poolSize: 1 })
	try {
		const reportIds = [...new Set(editors.map((editor) => editor.reportId))]
		const history = await db
			.selectFrom('report_change')
			.where('report_id', 'in', reportIds)
			.select(['report_id', 'question_id', 'revision', 'new_value'])
			.execute()
		const atRevision = new Map<string, unknown>()
		const everStored = new Set<string>()
		for (const row of history) {
			const key = `${row.report_id}|${row.question_id}`
			atRevision.set(`${key}|${row.revision}`, row.new_value)
			everStored.add(`${key}|${JSON.stringify(row.new_value)}`)
		}
		const lost = acknowledgements.filter((ack) => {
			const key = `${ack.reportId}|${ack.questionId}`
			return ack.revision === null
				? !everStored.has(`${key}|${JSON.stringify(ack.value)}`)
				: atRevision.get(`${key}|${ack.revision}`) !== ack.value
		})
		const answers = await db
			.selectFrom('report_answer')
			.where('report_id', 'in', reportIds)
			.select(['report_id', 'question_id', 'value'])
			.execute()
		const current = new Map(
			answers.map((row) => [`${row.report_id}|${row.question_id}`, row.value]),
		)
		// The last acknowledged value, or a later try the server stored without being able to say so.
		const notLast = editors.filter((editor) => {
			const stored = current.get(`${editor.reportId}|${editor.questionId}`)
			return (
				editor.lastAcknowledged !== null &&
				stored !== editor.lastAcknowledged &&
				(editor.pending === null || stored !== editor.pending)
			)
		})
		return { lost, notLast }
	} finally {
		await db.destroy()
	}
}

function writeReport(passed: boolean, message: string, details: Record<string, unknown>) {
	mkdirSync('reports', { recursive: true })
	writeFileSync(
		REPORT_FILE,
		`${JSON.stringify(
			{
				// The shape of a vitest JSON report, so tests/summarize.ts counts this test.
				numTotalTests: 1,
				numPassedTests: passed ? 1 : 0,
				numFailedTests: passed ? 0 : 1,
				numPendingTests: 0,
				testResults: [
					{
						name: 'tests/fault/pg-fault.ts',
						status: passed ? 'passed' : 'failed',
						message,
					},
				],
				fault: details,
			},
			null,
			2,
		)}\n`,
	)
}

async function main() {
	if (!existsSync('build/server/index.js')) {
		console.log('No production build: building it first.')
		const built = spawnSync('npx', ['react-router', 'build'], { stdio: 'inherit' })
		if (built.status !== 0) throw new Error('The production build failed')
	}
	const database = `chemrep_fault_${Date.now().toString(36)}`
	const admin = createDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 })
	await sql`create database ${sql.id(database)}`.execute(admin)
	const url = withDatabase(adminUrl, database)
	const port = await freePort()
	const origin = `http://localhost:${port}`
	const agent = new Agent({ keepAlive: true, maxSockets: 256 })
	const http = httpClient(origin, agent, { timeoutMs: 10_000 })
	const serverLog: string[] = []
	const env = { DATABASE_URL: url, DATABASE_POOL_SIZE: '8' }
	const start = () => startServer(port, env, [], { onStderr: (text) => serverLog.push(text) })
	let server: ChildProcess | undefined
	const problems: string[] = []
	try {
		const reports = await prepare(url)
		server = await start()
		const editors: Editor[] = []
		for (const [index, report] of reports.entries()) {
			const cookie = await signIn(http, origin, report.email)
			for (const questionId of TEXT_QUESTIONS) {
				editors.push({
					label: `editor ${index}.${editors.length % TEXT_QUESTIONS.length}`,
					cookie,
					reportId: report.reportId,
					questionId,
					typed: 0,
					pending: null,
					known: { value: null, revision: 0 },
					sinceRevision: 0,
					lastAcknowledged: null,
				})
			}
		}

		const run = new FaultRun(http, origin)
		let drainUntil = Infinity
		const burst = Promise.all(editors.map((editor) => run.run(editor, () => drainUntil)))

		await sleep(PHASE_MS.beforeKill)
		// Editors pause between saves, so a given instant may have none in flight: kill at the
		// first instant one is, so the kill always lands in the middle of a save.
		const waitForSaveUntil = Date.now() + 2_000
		while (run.inFlight === 0 && Date.now() < waitForSaveUntil) await new Promise(setImmediate)
		const inFlightAtKill = run.inFlight
		const killedAt = Date.now()
		server.kill('SIGKILL')
		run.phase = 'after_restart'
		server = await start()
		const restartedAt = Date.now()
		const restartSeconds = (restartedAt - killedAt) / 1000

		await sleep(PHASE_MS.afterRestart)
		const terminatedAt = Date.now()
		const terminated = await terminateConnections(admin, database)
		run.phase = 'after_terminate'
		await sleep(PHASE_MS.afterTerminate)

		run.phase = 'drain'
		run.typing = false
		drainUntil = Date.now() + DRAIN_MS
		await burst
		const serverAlive = server.exitCode === null && server.signalCode === null
		await stopServer(server)
		server = undefined

		const { lost, notLast } = await verify(url, run.acknowledgements, editors)
		const sentAfter = (time: number) => run.acknowledgements.filter((ack) => ack.sentAt > time)
		const beforeKill = run.acknowledgements.filter((ack) => ack.sentAt < killedAt).length
		const resumedAfterTerminate = sentAfter(terminatedAt)[0]?.sentAt
		const unacknowledged = editors.filter((editor) => editor.pending !== null)

		if (inFlightAtKill === 0) problems.push('no save was in flight when the server was killed')
		if (beforeKill === 0) problems.push('no save was acknowledged before the kill')
		if (sentAfter(restartedAt).length === 0) {
			problems.push('no save was acknowledged after the restart')
		}
		if (terminated === 0) problems.push('pg_terminate_backend found no connection of the server')
		if (sentAfter(terminatedAt).length === 0) {
			problems.push('no save sent after the connections were terminated was acknowledged')
		}
		if (!serverAlive) problems.push('the server exited after its connections were terminated')
		if (unacknowledged.length > 0) {
			problems.push(
				`${unacknowledged.length} editors' last change was still not acknowledged ${DRAIN_MS / 1000} s after the burst`,
			)
		}
		if (run.unexpected.length > 0) {
			problems.push(`unexpected answers: ${[...new Set(run.unexpected)].slice(0, 3).join('; ')}`)
		}
		if (notLast.length > 0) {
			problems.push(`${notLast.length} answers do not hold their editor's last acknowledged value`)
		}
		for (const ack of lost.slice(0, 5)) {
			problems.push(`lost: "${ack.value}" (revision ${ack.revision ?? '?'}, ${ack.phase})`)
		}

		const acknowledged = run.acknowledgements.length
		const stored = acknowledged - lost.length
		console.log(
			`fault test: ${editors.length} editors on ${reports.length} reports, production server on PostgreSQL`,
		)
		console.log(
			`  kill -9 after ${PHASE_MS.beforeKill / 1000} s with ${inFlightAtKill} saves in flight (${beforeKill} acknowledged before); back after ${restartSeconds.toFixed(1)} s`,
		)
		console.log(
			`  pg_terminate_backend: ${terminated} connections terminated; first save sent afterwards and acknowledged: ${resumedAfterTerminate ? `after ${((resumedAfterTerminate - terminatedAt) / 1000).toFixed(2)} s` : 'none'}`,
		)
		console.log(
			`  resent: ${run.networkErrors} after network errors, ${run.serverErrors} after 5xx, ${run.conflicts} rebased after an unacknowledged write`,
		)
		console.log(`acknowledged ${acknowledged}, stored ${stored}, lost ${lost.length}`)
		const passed = problems.length === 0
		for (const problem of problems) console.error(`  FAILED: ${problem}`)
		if (!passed && serverLog.length > 0) {
			console.error('  server error output (last lines):')
			console.error(serverLog.join('').split('\n').slice(-60).join('\n'))
		}
		writeReport(
			passed,
			passed ? `acknowledged ${acknowledged}, stored ${stored}, lost 0` : problems.join('; '),
			{
				editors: editors.length,
				acknowledged,
				stored,
				lost: lost.length,
				inFlightAtKill,
				restartSeconds,
				terminated,
				networkErrors: run.networkErrors,
				serverErrors: run.serverErrors,
				conflicts: run.conflicts,
			},
		)
		return passed
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error)
		console.error(`fault test: ${message}`)
		if (serverLog.length > 0) console.error(serverLog.join('').split('\n').slice(-60).join('\n'))
		writeReport(false, message, {})
		return false
	} finally {
		agent.destroy()
		if (server) await stopServer(server)
		await sql`drop database if exists ${sql.id(database)} with (force)`
			.execute(admin)
			.catch(() => {})
		await admin.destroy()
	}
}

process.exitCode = (await main()) ? 0 : 1
