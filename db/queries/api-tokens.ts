import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import type { ApiScope, Role } from '../types.ts'
import type { DbHandle } from './handle.ts'
import { isUuid } from './cycles.ts'

/** A token as its holder sees it on the account page (never its hash). */
export type ApiTokenSummary = {
	id: string
	name: string
	tokenPrefix: string
	scopes: ApiScope[]
	createdAt: Date
	expiresAt: Date
	lastUsedAt: Date | null
	revokedAt: Date | null
}

/** A live token found by its hash, with its holder's current roles. */
export type ApiTokenHolder = {
	tokenId: string
	userId: string
	scopes: ApiScope[]
	roles: Role[]
}

export async function insertApiToken(
	db: DbHandle,
	token: {
		userId: string
		name: string
		tokenHash: string
		tokenPrefix: string
		scopes: ApiScope[]
		expiresAt: Date
	},
) {
	const row = await db
		.insertInto('api_token')
		.values({
			user_id: token.userId,
			name: token.name,
			token_hash: token.tokenHash,
			token_prefix: token.tokenPrefix,
			scopes: jsonb(token.scopes),
			expires_at: token.expiresAt,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

/** A user's tokens, newest first: live, expired and revoked ones alike. */
export async function listUserApiTokens(db: DbHandle, userId: string): Promise<ApiTokenSummary[]> {
	const rows = await db
		.selectFrom('api_token')
		.where('user_id', '=', userId)
		.select([
			'id',
			'name',
			'token_prefix',
			'scopes',
			'created_at',
			'expires_at',
			'last_used_at',
			'revoked_at',
		])
		.orderBy('created_at', 'desc')
		.execute()
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		tokenPrefix: row.token_prefix,
		scopes: row.scopes,
		createdAt: row.created_at,
		expiresAt: row.expires_at,
		lastUsedAt: row.last_used_at,
		revokedAt: row.revoked_at,
	}))
}

/** Revokes one of the user's own live tokens; false when there was none to revoke. */
export async function revokeApiToken(db: DbHandle, userId: string, tokenId: string) {
	if (!isUuid(tokenId)) return false
	const result = await db
		.updateTable('api_token')
		.set({ revoked_at: sql`now()` })
		.where('id', '=', tokenId)
		.where('user_id', '=', userId)
		.where('revoked_at', 'is', null)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}

/**
 * The live token with this hash: not revoked, not expired, held by an active account. The holder's
 * roles are read now, so a role taken away takes its scopes with it.
 */
export async function findLiveApiToken(
	db: DbHandle,
	tokenHash: string,
): Promise<ApiTokenHolder | undefined> {
	const row = await db
		.selectFrom('api_token as t')
		.innerJoin('app_user as u', 'u.id', 't.user_id')
		.where('t.token_hash', '=', tokenHash)
		.where('t.revoked_at', 'is', null)
		.where('t.expires_at', '>', sql<Date>`now()`)
		.where('u.is_active', '=', true)
		.select((eb) => [
			't.id',
			't.user_id',
			't.scopes',
			eb
				.selectFrom('user_role as r')
				.whereRef('r.user_id', '=', 'u.id')
				.select(sql<Role[]>`coalesce(array_agg(r.role order by r.role), '{}')`.as('roles'))
				.as('roles'),
		])
		.executeTakeFirst()
	if (!row) return undefined
	return {
		tokenId: row.id,
		userId: row.user_id,
		scopes: row.scopes,
		roles: row.roles ?? [],
	}
}

/** Records a use of the token: when and from which address. */
export async function touchApiToken(db: DbHandle, tokenId: string, ip: string) {
	await db
		.updateTable('api_token')
		.set({ last_used_at: sql`now()`, last_used_ip: ip })
		.where('id', '=', tokenId)
		.execute()
}
