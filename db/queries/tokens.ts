import { sql } from 'kysely'
import type { TokenPurpose } from '../types.ts'
import type { DbHandle } from './handle.ts'

export async function insertOneTimeToken(
	db: DbHandle,
	token: {
		tokenHash: string
		userId: string
		purpose: TokenPurpose
		expiresAt: Date
		createdBy: string | null
	},
) {
	// A new token of the same purpose replaces older unused ones.
	await db
		.updateTable('one_time_token')
		.set({ used_at: sql`now()` })
		.where('user_id', '=', token.userId)
		.where('purpose', '=', token.purpose)
		.where('used_at', 'is', null)
		.execute()
	await db
		.insertInto('one_time_token')
		.values({
			token_hash: token.tokenHash,
			user_id: token.userId,
			purpose: token.purpose,
			expires_at: token.expiresAt,
			created_by: token.createdBy,
		})
		.execute()
}

export async function findUsableToken(db: DbHandle, tokenHash: string, purpose: TokenPurpose) {
	return db
		.selectFrom('one_time_token as t')
		.innerJoin('app_user as u', 'u.id', 't.user_id')
		.where('t.token_hash', '=', tokenHash)
		.where('t.purpose', '=', purpose)
		.where('t.used_at', 'is', null)
		.where('t.expires_at', '>', sql<Date>`now()`)
		.where('u.is_active', '=', true)
		.select(['t.id', 't.user_id as userId', 'u.email', 'u.name'])
		.executeTakeFirst()
}

/** Marks the token used; returns false when someone else used it first. */
export async function consumeToken(db: DbHandle, id: string) {
	const result = await db
		.updateTable('one_time_token')
		.set({ used_at: sql`now()` })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}
