import type { Kysely } from 'kysely'
import { createCookie } from 'react-router'
import { insertSession, revokeSession, touchSession } from '#db/queries/sessions.ts'
import { findSessionUser } from '#db/queries/users.ts'
import type { Database } from '#db/types.ts'
import { randomToken, sha256 } from './crypto.server.ts'
import { getEnv, servedOverHttps } from './env.server.ts'
import type { CurrentUser } from './permissions.ts'

/**
 * How stale `last_seen_at` may get before a request writes it again: a twentieth of the idle
 * timeout, at most a minute. A session therefore idles out between 95% and 100% of
 * SESSION_IDLE_MINUTES after the last request, whatever the setting (with 1 minute: within 3 s).
 */
export function touchIntervalMs(idleMinutes: number) {
	return Math.min(60_000, (idleMinutes * 60_000) / 20)
}

/** HttpOnly, SameSite=Lax, and Secure whenever the public origin is https. */
function sessionCookie() {
	return createCookie('session', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: servedOverHttps(),
	})
}

async function readToken(request: Request): Promise<string | null> {
	const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
	return typeof value === 'string' && value.length > 20 && value.length < 100 ? value : null
}

/**
 * The user behind the request's session cookie, or null. A session is live until it is revoked,
 * idle for longer than SESSION_IDLE_MINUTES, or older than SESSION_MAX_HOURS.
 */
export async function userFromRequest(
	db: Kysely<Database>,
	request: Request,
): Promise<CurrentUser | null> {
	const token = await readToken(request)
	if (!token) return null
	const env = getEnv()
	const sessionId = sha256(token)
	const idleCutoff = new Date(Date.now() - env.SESSION_IDLE_MINUTES * 60_000)
	const found = await findSessionUser(db, sessionId, idleCutoff)
	if (!found) return null
	const { user, lastSeenAt } = found
	if (Date.now() - lastSeenAt.getTime() > touchIntervalMs(env.SESSION_IDLE_MINUTES)) {
		await touchSession(db, sessionId)
	}
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		roles: user.roles,
		partyCodes: user.partyCodes,
		language: user.preferredLanguage,
		sessionId,
	}
}

/**
 * Starts a fresh session (rotation: any session the browser already had is revoked) and returns
 * the Set-Cookie header value.
 */
export async function startSession(
	db: Kysely<Database>,
	request: Request,
	userId: string,
	ip: string,
): Promise<string> {
	const previous = await readToken(request)
	if (previous) await revokeSession(db, sha256(previous), 'rotated')
	const env = getEnv()
	const token = randomToken()
	const expiresAt = new Date(Date.now() + env.SESSION_MAX_HOURS * 3_600_000)
	await insertSession(db, {
		id: sha256(token),
		userId,
		expiresAt,
		ip,
		userAgent: request.headers.get('User-Agent'),
	})
	return sessionCookie().serialize(token, { expires: expiresAt })
}

/** Revokes the request's session and returns a Set-Cookie header that clears the cookie. */
export async function endSession(db: Kysely<Database>, request: Request): Promise<string> {
	const token = await readToken(request)
	if (token) await revokeSession(db, sha256(token), 'logout')
	return sessionCookie().serialize('', { maxAge: 0 })
}
