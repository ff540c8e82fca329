import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDatabase } from '#db/connect.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'

/**
 * The database closing connections (a restart, a failover, pg_terminate_backend) costs the requests
 * using them a failed statement, never the process. The whole server under the same faults:
 * `npm run test:fault` (tests/fault/pg-fault.ts).
 */

describe.runIf(process.env.TEST_DATABASE_URL)('connections closed by PostgreSQL', () => {
	let t: TestDatabase
	beforeAll(async () => {
		t = await createTestDatabase()
	})
	afterAll(async () => {
		await t.destroy()
	})

	it('fail the transaction holding one, without ending the process; the pool goes on', async () => {
		const db = createDatabase({ kind: 'postgres', url: t.url!, poolSize: 2 })
		const admin = createDatabase({ kind: 'postgres', url: t.url!, poolSize: 1 })
		try {
			const outcome = await db
				.transaction()
				.execute(async (trx) => {
					const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
					await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(admin)
					// The server's notice arrives while the transaction runs no statement.
					await sleep(300)
					await sql`select 1`.execute(trx)
				})
				.then(
					() => 'committed',
					() => 'failed',
				)
			expect(outcome).toBe('failed')
			const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db)
			expect(rows).toEqual([{ one: 1 }])
		} finally {
			await admin.destroy()
			await db.destroy()
		}
	})
})
