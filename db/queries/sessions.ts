import { sql } from 'kysely'
import type { DbHandle } from './handle.ts'

export async function insertSession(
	db: DbHandle,
	session: {
		id: string
		userId: string
		expiresAt: Date
		ip: string | null
		userAgent: string | null
	},
) {
	await db
		.insertInto('session')
		.values({
			id: session.id,
			user_id: session.userId,
			expires_at: session.expiresAt,
			ip: session.ip,
			user_agent: session.userAgent?.slice(0, 300) ?? null,
		})
		.execute()
}

/** Records activity, which keeps the session from idling out. */
export async function touchSession(db: DbHandle, id: string) {
	await db
		.updateTable('session')
		.set({ last_seen_at: sql`now()` })
		.where('id', '=', id)
		.execute()
}

export async function revokeSession(db: DbHandle, id: string, reason: string) {
	await db
		.updateTable('session')
		.set({ revoked_at: sql`now()`, revoked_reason: reason })
		.where('id', '=', id)
		.where('revoked_at', 'is', null)
		.execute()
}

export async function revokeUserSessions(
	db: DbHandle,
	userId: string,
	reason: string,
	exceptSessionId?: string,
) {
	const result = await db
		.updateTable('session')
		.set({ revoked_at: sql`now()`, revoked_reason: reason })
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.$if(exceptSessionId !== undefined, (qb) => qb.where('id', '<>', exceptSessionId!))
		.executeTakeFirst()
	return Number(result.numUpdatedRows)
}

export async function listUserSessions(db: DbHandle, userId: string) {
	return db
		.selectFrom('session')
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.where('expires_at', '>', sql<Date>`now()`)
		.select([
			'id',
			'created_at as createdAt',
			'last_seen_at as lastSeenAt',
			'expires_at as expiresAt',
			'ip',
			'user_agent as userAgent',
		])
		.orderBy('last_seen_at', 'desc')
		.execute()
}
