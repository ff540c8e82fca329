import { sql, type Kysely } from 'kysely'
import type { Database } from '../types.ts'
import type { DbHandle } from './handle.ts'

export type RateLimit = { bucket: string; key: string; limit: number; windowMs: number }

export type RateLimitDecision =
	{ allowed: true } | { allowed: false; bucket: string; retryAfterSeconds: number }

/**
 * Takes one request from every limit at once, or from none: when any limit is used up, nothing is
 * recorded and the answer says when the oldest counted request leaves that limit's window. The
 * count and the insert run under advisory locks on the limits' keys (taken in sorted order), so
 * parallel requests cannot all pass.
 */
export async function takeRateLimits(
	db: Kysely<Database>,
	limits: RateLimit[],
): Promise<RateLimitDecision> {
	const ordered = [...limits].sort((a, b) =>
		`${a.bucket}:${a.key}`.localeCompare(`${b.bucket}:${b.key}`),
	)
	return db.transaction().execute(async (trx) => {
		for (const limit of ordered) {
			await sql`select pg_advisory_xact_lock(hashtextextended(${`rate:${limit.bucket}:${limit.key}`}, 0))`.execute(
				trx,
			)
		}
		for (const limit of ordered) {
			const since = new Date(Date.now() - limit.windowMs)
			const row = await trx
				.selectFrom('rate_limit_event')
				.where('bucket', '=', limit.bucket)
				.where('key', '=', limit.key)
				.where('occurred_at', '>', since)
				.select([sql<number>`count(*)`.as('n'), sql<Date | null>`min(occurred_at)`.as('oldest')])
				.executeTakeFirstOrThrow()
			if (Number(row.n) >= limit.limit) {
				const freesAt = (row.oldest?.getTime() ?? Date.now()) + limit.windowMs
				return {
					allowed: false as const,
					bucket: limit.bucket,
					retryAfterSeconds: Math.max(1, Math.ceil((freesAt - Date.now()) / 1000)),
				}
			}
		}
		await trx
			.insertInto('rate_limit_event')
			.values(ordered.map((limit) => ({ bucket: limit.bucket, key: limit.key })))
			.execute()
		return { allowed: true as const }
	})
}

/** Forgets requests older than `before` (longer ago than any window). */
export async function pruneRateLimitEvents(db: DbHandle, before: Date) {
	await db.deleteFrom('rate_limit_event').where('occurred_at', '<', before).execute()
}
