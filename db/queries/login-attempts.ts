import { sql, type Kysely } from 'kysely'
import type { Database } from '../types.ts'
import type { DbHandle } from './handle.ts'

export type LoginLimits = {
	/** Failures counted since then. */
	since: Date
	maxPerAccount: number
	maxPerAddress: number
	/** An account that signed in from the address since then is not held by the address's lock. */
	knownAddressSince: Date
}

export type Reservation =
	| { reserved: true; attemptId: number; accountFailures: number }
	| { reserved: false; lockedBy: 'account' | 'address'; oldestFailure: Date }

/**
 * Checks the sign-in limits and, when they allow it, records this attempt as a failure before the
 * password is checked (`markAttemptSucceeded` turns it into a success). Counting and recording
 * happen under transaction-level advisory locks on the account and on the address, so parallel
 * guesses are counted one after the other: the sixth of twenty simultaneous wrong passwords is
 * already refused. The locks are taken in a fixed order (account, then address) and held only for
 * the count and the insert, never during password hashing.
 */
export async function reserveLoginAttempt(
	db: Kysely<Database>,
	by: { email: string; ip: string },
	limits: LoginLimits,
): Promise<Reservation> {
	const email = by.email.trim().toLowerCase()
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtextextended(${`login:account:${email}`}, 0)),
			pg_advisory_xact_lock(hashtextextended(${`login:address:${by.ip}`}, 0))`.execute(trx)
		const { rows } = await sql<{
			account_failures: number
			account_oldest: Date | null
			ip_failures: number
			ip_oldest: Date | null
			known_address: boolean
			attempt_id: number | null
		}>`
			with recent as (
				select
					count(*) filter (where email = ${email}) as account_failures,
					min(attempted_at) filter (where email = ${email}) as account_oldest,
					count(*) filter (where ip = ${by.ip}) as ip_failures,
					min(attempted_at) filter (where ip = ${by.ip}) as ip_oldest
				from login_attempt
				where not succeeded and attempted_at > ${limits.since}
					and (email = ${email} or ip = ${by.ip})
			),
			known as (
				select exists (
					select 1 from login_attempt
					where email = ${email} and ip = ${by.ip} and succeeded
						and attempted_at > ${limits.knownAddressSince}
				) as known_address
			),
			reserved as (
				insert into login_attempt (email, ip, succeeded)
				select ${email}, ${by.ip}, false from recent, known
				where recent.account_failures < ${limits.maxPerAccount}
					and (recent.ip_failures < ${limits.maxPerAddress} or known.known_address)
				returning id
			)
			select recent.*, known.known_address, (select id from reserved) as attempt_id
			from recent, known`.execute(trx)
		const row = rows[0]!
		const accountFailures = Number(row.account_failures)
		if (row.attempt_id !== null) {
			return { reserved: true, attemptId: Number(row.attempt_id), accountFailures }
		}
		return accountFailures >= limits.maxPerAccount
			? { reserved: false, lockedBy: 'account', oldestFailure: row.account_oldest ?? new Date() }
			: { reserved: false, lockedBy: 'address', oldestFailure: row.ip_oldest ?? new Date() }
	})
}

/**
 * Records that the reserved attempt succeeded; with `forgetFailures`, the account's earlier
 * failures are forgotten in the same statement.
 */
export async function markAttemptSucceeded(
	db: DbHandle,
	attempt: { id: number; email: string },
	forgetFailures: boolean,
) {
	if (!forgetFailures) {
		await db
			.updateTable('login_attempt')
			.set({ succeeded: true })
			.where('id', '=', attempt.id)
			.execute()
		return
	}
	await sql`
		with succeeded as (update login_attempt set succeeded = true where id = ${attempt.id})
		delete from login_attempt
		where email = ${attempt.email.trim().toLowerCase()} and not succeeded and id <> ${attempt.id}`.execute(
		db,
	)
}

/** Forgets attempts older than `before` (kept for the known-address rule, then pruned). */
export async function pruneLoginAttempts(db: DbHandle, before: Date) {
	await db.deleteFrom('login_attempt').where('attempted_at', '<', before).execute()
}
