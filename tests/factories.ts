import type { Kysely } from 'kysely'
import { RouterContextProvider } from 'react-router'
import { saveAnswers } from '#app/domain/answers.server.ts'
import { applyWorkflowAction, type WorkflowInput } from '#app/domain/workflow.server.ts'
import { startReport } from '#app/domain/start-report.server.ts'
import { clientIpContext, dbContext, languageContext, userContext } from '#app/utils/context.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'
import type { ReportingCycle } from '#db/queries/cycles.ts'
import { findReport } from '#db/queries/reports.ts'
import { findUserById, insertUser } from '#db/queries/users.ts'
import type { Database, Role } from '#db/types.ts'
import type { Answers } from '#forms/types.ts'
import { withStoredFiles as storeNamedFiles } from '#server/demo/files.ts'

export const TEST_PASSWORD = 'correct horse battery staple'
export const TEST_ORIGIN = 'http://localhost:3000'

const hashes = new Map<string, Promise<string>>()
function cachedHash(password: string) {
	let hash = hashes.get(password)
	if (!hash) {
		hash = hashPassword(password)
		hashes.set(password, hash)
	}
	return hash
}

let sequence = 0

export async function createUser(
	db: Kysely<Database>,
	options: {
		roles: Role[]
		partyCodes?: string[]
		email?: string
		name?: string
		password?: string | null
	},
): Promise<CurrentUser> {
	const n = ++sequence
	const email = options.email ?? `user${n}-${Date.now()}@test.example.org`
	const passwordHash =
		options.password === null ? null : await cachedHash(options.password ?? TEST_PASSWORD)
	const id = await insertUser(db, {
		email,
		name: options.name ?? `Test User ${n}`,
		passwordHash,
		roles: options.roles,
		partyCodes: options.partyCodes ?? [],
	})
	const user = (await findUserById(db, id))!
	return {
		id,
		email: user.email,
		name: user.name,
		roles: user.roles,
		partyCodes: user.partyCodes,
		language: user.preferredLanguage,
		sessionId: 'test-session',
	}
}

/** Starts a Party's report for a cycle, blank; throws if it cannot be started. */
export async function startTestReport(
	db: Kysely<Database>,
	input: {
		partyCode: string
		cycle: ReportingCycle
		user: CurrentUser
		today: string
		onBehalf?: boolean
	},
) {
	const outcome = await startReport(db, {
		partyCode: input.partyCode,
		cycle: input.cycle,
		mode: 'blank',
		userId: input.user.id,
		today: input.today,
		onBehalf: input.onBehalf,
	})
	if (!outcome.ok) throw new Error(outcome.error)
	return outcome.reportId
}

/** Saves answers over what is stored, at the report's current revision; throws unless saved. */
export async function saveTestAnswers(
	db: Kysely<Database>,
	reportId: string,
	user: CurrentUser,
	answers: Answers,
) {
	const report = (await findReport(db, reportId))!
	const outcome = await saveAnswers(db, {
		reportId,
		userId: user.id,
		payload: {
			sinceRevision: report.revision,
			changes: Object.entries(answers).map(([questionId, value]) => ({
				questionId,
				baseRevision: report.revision,
				value,
			})),
		},
	})
	if (outcome.kind !== 'saved') throw new Error(`save failed: ${outcome.kind}`)
}

const FIXTURE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n')

/** `answers` with every file they name stored for the report (see `server/demo/files.ts`). */
export function withStoredFiles(
	db: Kysely<Database>,
	reportId: string,
	user: CurrentUser,
	answers: Answers,
): Promise<Answers> {
	return storeNamedFiles(db, reportId, user.id, answers, FIXTURE_PDF)
}

/** Applies a workflow action; throws if the transition table refuses it. */
export async function applyTestWorkflow(db: Kysely<Database>, input: WorkflowInput) {
	const outcome = await applyWorkflowAction(db, input)
	if (!outcome.ok) throw new Error(`${input.action}: ${outcome.message}`)
}

/** The router context a loader or action sees after the session middleware ran. */
export function routeContext(
	db: Kysely<Database>,
	user: CurrentUser | null = null,
	ip = '127.0.0.1',
) {
	const context = new RouterContextProvider()
	context.set(dbContext, db)
	context.set(userContext, user)
	context.set(languageContext, 'en')
	context.set(clientIpContext, ip)
	return context
}

export function formRequest(
	path: string,
	fields: Record<string, string | string[]>,
	options: { cookie?: string; origin?: string | null; method?: string } = {},
) {
	const body = new URLSearchParams()
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
	}
	const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
	if (options.origin !== null) headers.set('Origin', options.origin ?? TEST_ORIGIN)
	if (options.cookie) headers.set('Cookie', options.cookie)
	headers.set('Content-Length', String(new TextEncoder().encode(body.toString()).length))
	return new Request(`${TEST_ORIGIN}${path}`, { method: options.method ?? 'POST', headers, body })
}

export function getRequest(path: string, options: { cookie?: string } = {}) {
	return new Request(`${TEST_ORIGIN}${path}`, {
		headers: options.cookie ? { Cookie: options.cookie } : {},
	})
}

/** The cookie pair from a Set-Cookie header, ready for a Cookie header. */
export function cookieFrom(response: Response) {
	const setCookie = response.headers.get('Set-Cookie') ?? ''
	return setCookie.split(';')[0] ?? ''
}

/** Runs a loader/action and returns what it threw or returned as a Response-like result. */
export async function settle<T>(run: () => Promise<T> | T) {
	try {
		return { thrown: false as const, value: await run() }
	} catch (error) {
		return { thrown: true as const, value: error }
	}
}

export function statusOf(value: unknown): number | undefined {
	if (value instanceof Response) return value.status
	if (value && typeof value === 'object' && 'init' in value) {
		const init = (value as { init?: { status?: number } | null }).init
		return init?.status ?? 200
	}
	return undefined
}
