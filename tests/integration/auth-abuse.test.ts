/**
 * The outside probe's findings on sign-in, sessions and links (issue 11: defects 1, 2, 3, 6, 10,
 * 14, 15), each as a test that failed before its fix.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startReport } from '#app/domain/start-report.server.ts'
import { originCheck } from '#app/middleware/origin.server.ts'
import { action as accountAction } from '#app/routes/account.tsx'
import { action as forgotAction } from '#app/routes/auth/forgot-password.tsx'
import { action as loginAction } from '#app/routes/auth/login.tsx'
import { action as threadsAction } from '#app/routes/reports/threads.tsx'
import { action as setLanguageAction } from '#app/routes/set-language.tsx'
import { resetEnvForTests } from '#app/utils/env.server.ts'
import { userFromRequest } from '#app/utils/session.server.ts'
import { createDatabase } from '#db/connect.ts'
import { findCycleByCode } from '#db/queries/cycles.ts'
import { findUserByEmail } from '#db/queries/users.ts'
import { seedDemoAccounts } from '#server/demo/accounts.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import {
	cookieFrom,
	createUser,
	formRequest,
	getRequest,
	routeContext,
	settle,
	statusOf,
	TEST_ORIGIN,
	TEST_PASSWORD,
} from '#tests/factories.ts'

let t: TestDatabase
beforeAll(async () => {
	t = await createTestDatabase()
})
afterAll(async () => {
	await t.destroy()
})

type ActionResult = Response | { data: { formError?: string }; init: ResponseInit | null }

function login(email: string, password: string, ip = '10.0.0.1', redirectTo = '/') {
	return loginAction({
		request: formRequest('/login', { email, password, redirectTo }),
		params: {},
		context: routeContext(t.db, null, ip),
	} as never) as Promise<ActionResult>
}

const statusOfResult = (result: ActionResult) =>
	result instanceof Response ? result.status : (result.init?.status ?? 200)

function headerOf(result: unknown, name: string) {
	if (result instanceof Response) return result.headers.get(name)
	const init = (result as { init?: ResponseInit | null }).init
	return init?.headers ? new Headers(init.headers).get(name) : null
}

function outboxFor(to: string) {
	return t.db
		.selectFrom('outbox_message')
		.where('to_address', '=', to)
		.select('body_text')
		.orderBy('created_at', 'desc')
		.execute()
}

/** A post as a browser on another site (or a forged Host) sends it. */
function foreignPost(url: string, fields: Record<string, string>) {
	const body = new URLSearchParams(fields).toString()
	return new Request(url, {
		method: 'POST',
		headers: {
			'Content-Type': 'application/x-www-form-urlencoded',
			'Content-Length': String(body.length),
			Origin: new URL(url).origin,
		},
		body,
	})
}

describe('defect 1: links in emails come from configuration, never from the request', () => {
	it('refuses a reset request addressed to another host and never builds a link on it', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const poisoned = () => foreignPost('http://evil.example/forgot-password', { email: user.email })
		const checked = await settle(() =>
			originCheck(
				{ request: poisoned(), context: routeContext(t.db), params: {} } as never,
				async () => new Response('ok'),
			),
		)
		expect(statusOf(checked.value)).toBe(403)
		// Even past the check, the link is built on the configured origin.
		await forgotAction({
			request: poisoned(),
			params: {},
			context: routeContext(t.db, null, '10.1.1.1'),
		} as never)
		const [message] = await outboxFor(user.email)
		expect(message?.body_text).toContain(`${TEST_ORIGIN}/reset-password/`)
		expect(message?.body_text).not.toContain('evil.example')
	})
})

describe('defect 2: the per-account lock holds under parallel guesses', () => {
	it('lets at most 5 of 20 simultaneous wrong passwords be checked, then locks', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => login(user.email, `wrong guess ${i}`, `10.3.0.${i}`)),
		)
		const statuses = results.map(statusOfResult)
		expect(statuses.filter((s) => s === 401)).toHaveLength(5)
		expect(statuses.filter((s) => s === 429)).toHaveLength(15)
		expect(statusOfResult(await login(user.email, TEST_PASSWORD, '10.3.1.1'))).toBe(429)
	})
})

describe('defect 3: an address lock does not lock out colleagues on the same address', () => {
	it('still lets accounts that signed in from the address before sign in', async () => {
		const office = '192.0.2.10'
		const colleague = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		expect(statusOfResult(await login(colleague.email, TEST_PASSWORD, office))).toBe(302)
		for (let i = 0; i < 30; i++) await login(`spray${i}@example.org`, 'guess', office)
		// A newcomer from the locked address waits; the colleague who signed in from it does not.
		const newcomer = await createUser(t.db, { roles: ['analyst'] })
		expect(statusOfResult(await login(newcomer.email, TEST_PASSWORD, office))).toBe(429)
		expect(statusOfResult(await login(colleague.email, TEST_PASSWORD, office))).toBe(302)
		// The colleague's own account lock still applies from the office.
		for (let i = 0; i < 5; i++) await login(colleague.email, 'wrong password', office)
		expect(statusOfResult(await login(colleague.email, TEST_PASSWORD, office))).toBe(429)
	})
})

describe('defect 6: redirects after an action stay on this site', () => {
	const hostile = [
		'/\t/evil.example',
		'/\n/evil.example',
		'/\r\n/evil.example',
		'/\u3000/evil.example',
		'//evil.example',
		'/\\evil.example',
		'https://evil.example/',
		'/\u0000x',
	]

	it('signs in and lands on / for every hostile redirectTo, never a 500', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		for (const redirectTo of hostile) {
			const result = await settle(() => login(user.email, TEST_PASSWORD, '10.6.0.1', redirectTo))
			expect(result.thrown, JSON.stringify(redirectTo)).toBe(false)
			const response = result.value as Response
			expect(response.status, JSON.stringify(redirectTo)).toBe(302)
			expect(response.headers.get('Location'), JSON.stringify(redirectTo)).toBe('/')
		}
		const fine = (await login(
			user.email,
			TEST_PASSWORD,
			'10.6.0.1',
			'/countries/KEN?x=1',
		)) as Response
		expect(fine.headers.get('Location')).toBe('/countries/KEN?x=1')
	})

	it('does the same on /set-language and the thread actions', async () => {
		const contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const reviewer = await createUser(t.db, { roles: ['reviewer'] })
		const cycle = (await findCycleByCode(t.db, 'sc-art15-6'))!
		const started = await startReport(t.db, {
			partyCode: 'KEN',
			cycle,
			mode: 'blank',
			userId: contributor.id,
			today: '2026-11-21',
		})
		if (!started.ok) throw new Error(started.error)
		for (const redirectTo of hostile) {
			const language = await settle(() =>
				setLanguageAction({
					request: formRequest('/set-language', { language: 'fr', redirectTo }),
					params: {},
					context: routeContext(t.db),
				} as never),
			)
			expect((language.value as Response).headers.get('Location')).toBe('/')
			const thread = await settle(() =>
				threadsAction({
					request: formRequest(`/reports/${started.reportId}/threads`, {
						intent: 'create',
						body: 'A comment',
						redirectTo,
					}),
					params: { reportId: started.reportId },
					context: routeContext(t.db, reviewer),
				} as never),
			)
			expect(thread.thrown, JSON.stringify(thread.value)).toBe(true)
			expect((thread.value as Response).status, JSON.stringify(redirectTo)).toBe(302)
			expect((thread.value as Response).headers.get('Location')).toBe('/')
		}
	})
})

describe('defect 10: password-reset requests and current-password checks are limited', () => {
	it('sends at most 3 reset emails an hour for one address, then answers 429 with Retry-After', async () => {
		const user = await createUser(t.db, { roles: ['contributor'], partyCodes: ['IND'] })
		const statuses: number[] = []
		let last: unknown
		for (let i = 0; i < 15; i++) {
			last = await forgotAction({
				request: formRequest('/forgot-password', { email: user.email }),
				params: {},
				context: routeContext(t.db, null, `10.10.0.${i}`),
			} as never)
			statuses.push(statusOf(last) ?? 200)
		}
		expect(await outboxFor(user.email)).toHaveLength(3)
		expect(statuses.slice(0, 3)).toEqual([200, 200, 200])
		expect(statuses.slice(3).every((s) => s === 429)).toBe(true)
		expect(Number(headerOf(last, 'Retry-After'))).toBeGreaterThan(50 * 60)
	})

	it('answers 429 to a flood of reset requests from one address, existing accounts or not', async () => {
		const statuses: number[] = []
		for (let i = 0; i < 12; i++) {
			const answer = await forgotAction({
				request: formRequest('/forgot-password', { email: `nobody${i}@example.org` }),
				params: {},
				context: routeContext(t.db, null, '10.10.9.9'),
			} as never)
			statuses.push(statusOf(answer) ?? 200)
		}
		expect(statuses.filter((s) => s === 200)).toHaveLength(10)
		expect(statuses.slice(10)).toEqual([429, 429])
	})

	it('locks the current-password check on /account after 5 wrong guesses', async () => {
		const user = await createUser(t.db, { roles: ['analyst'] })
		const change = (currentPassword: string) =>
			accountAction({
				request: formRequest('/account', {
					intent: 'password',
					currentPassword,
					password: 'a new long passphrase',
					confirmPassword: 'a new long passphrase',
				}),
				params: {},
				context: routeContext(t.db, user, '10.10.1.1'),
			} as never)
		for (let i = 0; i < 5; i++) expect(statusOf(await change(`guess number ${i}`))).toBe(400)
		const locked = await change(TEST_PASSWORD)
		expect(statusOf(locked)).toBe(429)
		expect(Number(headerOf(locked, 'Retry-After'))).toBeGreaterThan(13 * 60)
		// The password did not change, and sign-in for the account is locked too.
		expect(statusOfResult(await login(user.email, TEST_PASSWORD, '10.10.1.2'))).toBe(429)
	})
})

describe('defect 15: idle sign-out is accurate for short idle timeouts', () => {
	afterEach(() => {
		delete process.env.SESSION_IDLE_MINUTES
		resetEnvForTests()
	})

	it('keeps a user active 45 s ago signed in with SESSION_IDLE_MINUTES=1', async () => {
		process.env.SESSION_IDLE_MINUTES = '1'
		resetEnvForTests()
		const user = await createUser(t.db, { roles: ['analyst'] })
		const cookie = cookieFrom((await login(user.email, TEST_PASSWORD, '10.15.0.1')) as Response)
		const shift = (seconds: number) =>
			sql`update session set last_seen_at = last_seen_at - make_interval(secs => ${seconds})
				where user_id = ${user.id}`.execute(t.db)
		// Last recorded activity 20 s ago; the user makes a request now…
		await shift(20)
		expect(await userFromRequest(t.db, getRequest('/', { cookie }))).not.toBeNull()
		// …and 45 s later is still signed in.
		await shift(45)
		expect(await userFromRequest(t.db, getRequest('/', { cookie }))).not.toBeNull()
		// A minute without activity signs out.
		await shift(61)
		expect(await userFromRequest(t.db, getRequest('/', { cookie }))).toBeNull()
	})
})

describe('defect 14: no demo accounts on a production set-up', () => {
	const root = path.resolve(import.meta.dirname, '../..')

	/** Runs a project command (tsx) against this test's database; resolves with its output. */
	function run(args: string[], env: Record<string, string> = {}, input?: string) {
		const databaseEnv: Record<string, string> =
			t.kind === 'postgres' ? { DATABASE_URL: t.url! } : { DATABASE_URL: '', PGLITE_DIR: pgliteDir }
		return new Promise<{ code: number | null; output: string }>((resolve) => {
			const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
				cwd: root,
				env: { PATH: process.env.PATH, HOME: process.env.HOME, ...databaseEnv, ...env },
				stdio: ['pipe', 'pipe', 'pipe'],
			})
			let output = ''
			child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
			child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
			child.stdin.end(input ?? '')
			child.on('exit', (code) => resolve({ code, output }))
		})
	}

	let pgliteDir = ''
	beforeAll(() => {
		pgliteDir = mkdtempSync(path.join(tmpdir(), 'seed-test-'))
	})
	afterAll(() => {
		rmSync(pgliteDir, { recursive: true, force: true })
	})

	/**
	 * Runs `run` on the database the commands work on: this test's PostgreSQL database, or their
	 * embedded one (opened only between commands, which each open it themselves).
	 */
	async function withCommandDb<T>(run: (db: TestDatabase['db']) => Promise<T>): Promise<T> {
		if (t.kind === 'postgres') return run(t.db)
		const db = createDatabase({ kind: 'pglite', dataDir: pgliteDir })
		try {
			return await run(db)
		} finally {
			await db.destroy()
		}
	}

	function demoAccountCount(db: TestDatabase['db']) {
		return db
			.selectFrom('app_user')
			.where('email', 'like', '%@demo.example.org')
			.select(sql<number>`count(*)`.as('n'))
			.executeTakeFirstOrThrow()
			.then((row) => Number(row.n))
	}

	it('seeds reference data only by default, creates the first administrator, and refuses to start in production without APP_ORIGIN or with demo accounts', async () => {
		const seeded = await run(['server/seed.ts'])
		expect(seeded.code, seeded.output).toBe(0)

		const created = await run(
			[
				'server/admin.ts',
				'create',
				'--email',
				'first.admin@example.org',
				'--name',
				'First Admin',
				'--password-stdin',
			],
			{},
			'the first admin passphrase\n',
		)
		expect(created.code, created.output).toBe(0)

		// The production server (no --demo) needs APP_ORIGIN…
		const noOrigin = await run(['server/index.ts'], { PORT: '3159' })
		expect(noOrigin.code).toBe(1)
		expect(noOrigin.output).toContain('APP_ORIGIN is not set')

		await withCommandDb(async (db) => {
			expect(await demoAccountCount(db)).toBe(0)
			const admin = await findUserByEmail(db, 'first.admin@example.org')
			expect(admin?.roles).toEqual(['admin'])
			expect(admin?.passwordHash).toMatch(/^\$argon2id\$/)
			// …and will not run while a demo account with the published password exists.
			await seedDemoAccounts(db)
		})
		const withDemo = await run(['server/index.ts'], {
			PORT: '3159',
			APP_ORIGIN: 'https://reporting.example.org',
		})
		expect(withDemo.code).toBe(1)
		expect(withDemo.output).toContain('demo accounts')
		expect(withDemo.output).toContain('admin@demo.example.org')

		const disabled = await run(['server/admin.ts', 'disable-demo'])
		expect(disabled.code, disabled.output).toBe(0)
		const demo = await withCommandDb((db) => findUserByEmail(db, 'admin@demo.example.org'))
		expect(demo).toMatchObject({ isActive: false, passwordHash: null })
	}, 180_000)

	it('invites the first administrator by link when no password is given', async () => {
		const invited = await run(
			[
				'server/admin.ts',
				'create',
				'--email',
				'second.admin@example.org',
				'--name',
				'Second',
				'--invite',
			],
			{ APP_ORIGIN: 'https://reporting.example.org' },
		)
		expect(invited.code, invited.output).toBe(0)
		expect(invited.output).toMatch(/https:\/\/reporting\.example\.org\/invitation\/[\w-]{20,}/)
		const user = await withCommandDb((db) => findUserByEmail(db, 'second.admin@example.org'))
		expect(user?.roles).toEqual(['admin'])
		expect(user?.passwordHash).toBeNull()
		const duplicate = await run([
			'server/admin.ts',
			'create',
			'--email',
			'second.admin@example.org',
			'--name',
			'Again',
			'--invite',
		])
		expect(duplicate.code).toBe(1)
		expect(duplicate.output).toContain('already exists')
	}, 120_000)
})
