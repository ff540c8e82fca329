import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import {
	clearFailures,
	countRecentFailures,
	recordLoginAttempt,
} from '#db/queries/login-attempts.ts'
import { findUserByEmail } from '#db/queries/users.ts'
import type { Database } from '#db/types.ts'
import { verifyAgainstDummy, verifyPassword } from './password.server.ts'

export const THROTTLE_WINDOW_MS = 15 * 60_000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_IP = 30

export type LoginResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterMinutes: number }

/**
 * Checks a password login. Too many failures for one account or from one address lock further
 * attempts for the rest of the window, with a message saying when to retry; wrong email and wrong
 * password give the same answer.
 */
export async function attemptLogin(
	db: Kysely<Database>,
	credentials: { email: string; password: string; ip: string },
): Promise<LoginResult> {
	const since = new Date(Date.now() - THROTTLE_WINDOW_MS)
	const [byAccount, byIp] = await Promise.all([
		countRecentFailures(db, { email: credentials.email }, since),
		countRecentFailures(db, { ip: credentials.ip }, since),
	])
	const locked =
		byAccount.failures >= MAX_FAILURES_PER_ACCOUNT
			? byAccount
			: byIp.failures >= MAX_FAILURES_PER_IP
				? byIp
				: null
	if (locked) {
		const unlocksAt = (locked.oldest?.getTime() ?? Date.now()) + THROTTLE_WINDOW_MS
		return {
			ok: false,
			reason: 'throttled',
			retryAfterMinutes: Math.max(1, Math.ceil((unlocksAt - Date.now()) / 60_000)),
		}
	}

	const user = await findUserByEmail(db, credentials.email)
	let valid = false
	if (user?.passwordHash && user.isActive) {
		valid = await verifyPassword(user.passwordHash, credentials.password)
	} else {
		await verifyAgainstDummy(credentials.password)
	}
	await recordLoginAttempt(db, { email: credentials.email, ip: credentials.ip, succeeded: valid })
	if (!valid || !user) return { ok: false, reason: 'invalid' }
	await clearFailures(db, credentials.email)
	await recordAuditEvent(db, {
		actorUserId: user.id,
		action: 'auth.login',
		subjectType: 'user',
		subjectId: user.id,
		ip: credentials.ip,
	})
	return { ok: true, userId: user.id }
}
