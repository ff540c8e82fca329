import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { markAttemptSucceeded, reserveLoginAttempt } from '#db/queries/login-attempts.ts'
import { takeRateLimits, type RateLimitDecision } from '#db/queries/rate-limits.ts'
import { findUserByEmail } from '#db/queries/users.ts'
import type { Database } from '#db/types.ts'
import { verifyAgainstDummy, verifyPassword } from './password.server.ts'

/**
 * Rate-limit policy (README, ADR 008). Password guesses, whether on the sign-in page or as the
 * current password on the account page, count against one lock per account and one per address.
 */
export const THROTTLE_WINDOW_MS = 15 * 60_000
export const MAX_FAILURES_PER_ACCOUNT = 5
export const MAX_FAILURES_PER_IP = 30
/** An account that signed in from an address this recently is not held by that address's lock. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000

/** Password-reset requests: per address and per email address typed in, in an hour. */
export const RESET_WINDOW_MS = 60 * 60_000
export const MAX_RESETS_PER_IP = 10
export const MAX_RESETS_PER_EMAIL = 3

export type LoginResult =
	| { ok: true; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Checks a password: sign-in (`purpose: 'login'`, audited as a login) or the current password of a
 * signed-in user (`'reauthenticate'`). Too many failures for one account lock it for the rest of
 * the window; too many from one address lock that address, except for accounts that signed in from
 * it before (a shared office address does not lock out colleagues). The answer says when to retry;
 * wrong email and wrong password give the same answer and take the same time.
 */
export async function attemptLogin(
	db: Kysely<Database>,
	credentials: { email: string; password: string; ip: string },
	purpose: 'login' | 'reauthenticate' = 'login',
): Promise<LoginResult> {
	const now = Date.now()
	const reservation = await reserveLoginAttempt(db, credentials, {
		since: new Date(now - THROTTLE_WINDOW_MS),
		maxPerAccount: MAX_FAILURES_PER_ACCOUNT,
		maxPerAddress: MAX_FAILURES_PER_IP,
		knownAddressSince: new Date(now - KNOWN_ADDRESS_MS),
	})
	if (!reservation.reserved) {
		const unlocksAt = reservation.oldestFailure.getTime() + THROTTLE_WINDOW_MS
		return {
			ok: false,
			reason: 'throttled',
			retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - Date.now()) / 1000)),
		}
	}

	const user = await findUserByEmail(db, credentials.email)
	let valid = false
	if (user?.passwordHash && user.isActive) {
		valid = await verifyPassword(user.passwordHash, credentials.password)
	} else {
		await verifyAgainstDummy(credentials.password)
	}
	if (!valid || !user) return { ok: false, reason: 'invalid' }
	await markAttemptSucceeded(
		db,
		{ id: reservation.attemptId, email: credentials.email },
		reservation.accountFailures > 0,
	)
	if (purpose === 'login') {
		await recordAuditEvent(db, {
			actorUserId: user.id,
			action: 'auth.login',
			subjectType: 'user',
			subjectId: user.id,
			ip: credentials.ip,
		})
	}
	return { ok: true, userId: user.id }
}

/**
 * Counts a password-reset request against the address and the email address typed in, whether or
 * not an account exists (so the answer reveals nothing about accounts).
 */
export function takePasswordResetAllowance(
	db: Kysely<Database>,
	request: { email: string; ip: string },
): Promise<RateLimitDecision> {
	return takeRateLimits(db, [
		{
			bucket: 'password-reset:address',
			key: request.ip,
			limit: MAX_RESETS_PER_IP,
			windowMs: RESET_WINDOW_MS,
		},
		{
			bucket: 'password-reset:email',
			key: request.email.trim().toLowerCase(),
			limit: MAX_RESETS_PER_EMAIL,
			windowMs: RESET_WINDOW_MS,
		},
	])
}

/** Minutes for the "try again in N minutes" message, never 0. */
export function retryMinutes(retryAfterSeconds: number) {
	return Math.max(1, Math.ceil(retryAfterSeconds / 60))
}
