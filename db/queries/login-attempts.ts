import type { DbHandle } from './handle.ts'

export async function recordLoginAttempt(
	db: DbHandle,
	attempt: { email: string; ip: string; succeeded: boolean },
) {
	await db
		.insertInto('login_attempt')
		.values({
			email: attempt.email.trim().toLowerCase(),
			ip: attempt.ip,
			succeeded: attempt.succeeded,
		})
		.execute()
}

/** Failed attempts since `since`, and when the oldest of them happened (for the retry time). */
export async function countRecentFailures(
	db: DbHandle,
	by: { email: string } | { ip: string },
	since: Date,
) {
	const row = await db
		.selectFrom('login_attempt')
		.where('succeeded', '=', false)
		.where('attempted_at', '>', since)
		.$if('email' in by, (qb) =>
			qb.where('email', '=', (by as { email: string }).email.trim().toLowerCase()),
		)
		.$if('ip' in by, (qb) => qb.where('ip', '=', (by as { ip: string }).ip))
		.select((eb) => [
			eb.fn.countAll<number>().as('failures'),
			eb.fn.min('attempted_at').as('oldest'),
		])
		.executeTakeFirstOrThrow()
	return { failures: Number(row.failures), oldest: row.oldest as Date | null }
}

export async function clearFailures(db: DbHandle, email: string) {
	await db
		.deleteFrom('login_attempt')
		.where('email', '=', email.trim().toLowerCase())
		.where('succeeded', '=', false)
		.execute()
}
