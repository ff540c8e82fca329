import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest } from '#db/migrator.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { listCycles } from '#db/queries/cycles.ts'
import { listParties } from '#db/queries/parties.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'

let t: TestDatabase

beforeAll(async () => {
	t = await createTestDatabase()
})
afterAll(async () => {
	await t.destroy()
})

describe(`database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('runs migrations idempotently', async () => {
		const again = await migrateToLatest(t.db)
		expect(again.results).toEqual([])
	})

	it('seeds every UN member and observer State plus the EU, idempotently', async () => {
		await seedReferenceData(t.db)
		const parties = await listParties(t.db)
		expect(parties.filter((p) => p.kind === 'un_member')).toHaveLength(193)
		expect(parties.map((p) => p.code)).toEqual(
			expect.arrayContaining(['PSE', 'VAT', 'EUU', 'KEN', 'IND']),
		)
		const kenya = parties.find((p) => p.code === 'KEN')!
		expect(kenya.regionalGroup).toBe('africa')
		expect(kenya.names.fr).toBe('Kenya')
		expect(kenya.names.ar).toMatch(/[\u0600-\u06FF]/)
		const cycles = await listCycles(t.db)
		expect(cycles.map((c) => c.code).sort()).toEqual([
			'bc-art13-2024',
			'bc-art13-2025',
			'mc-art21-full-2025',
			'mc-art21-short-2027',
			'rc-report-2025',
			'sc-art15-5',
			'sc-art15-6',
			'sc-ddt-2024-2026',
		])
		const sixth = cycles.find((c) => c.code === 'sc-art15-6')!
		expect(sixth).toMatchObject({
			formId: 'stockholm-art15',
			formVersion: 6,
			deadline: '2026-08-31',
		})
	})

	it('normalises counts to numbers and dates to strings on both drivers', async () => {
		const row = await t.db
			.selectFrom('party')
			.select([sql<number>`count(*)`.as('n'), sql<string>`date '2026-08-31'`.as('d')])
			.executeTakeFirstOrThrow()
		expect(row.n).toBeTypeOf('number')
		expect(row.d).toBe('2026-08-31')
	})

	it('keeps the audit log append-only', async () => {
		await recordAuditEvent(t.db, { actorUserId: null, action: 'test.event', subjectType: 'test' })
		await expect(sql`update audit_event set action = 'x'`.execute(t.db)).rejects.toThrow(
			/append-only/,
		)
		await expect(sql`delete from audit_event`.execute(t.db)).rejects.toThrow(/append-only/)
	})

	it('serialises concurrent locked read-modify-write transactions (no lost update)', async () => {
		await sql`create table counter (id int primary key, n int not null)`.execute(t.db)
		await sql`insert into counter values (1, 0)`.execute(t.db)
		await Promise.all(
			Array.from({ length: 20 }, () =>
				t.db.transaction().execute(async (trx) => {
					const { rows } = await sql<{
						n: number
					}>`select n from counter where id = 1 for update`.execute(trx)
					await sql`update counter set n = ${rows[0]!.n + 1} where id = 1`.execute(trx)
				}),
			),
		)
		const { rows } = await sql<{ n: number }>`select n from counter where id = 1`.execute(t.db)
		expect(rows[0]!.n).toBe(20)
	})

	it('rolls back to a savepoint and keeps working afterwards', async () => {
		const trx = await t.db.startTransaction().execute()
		await recordAuditEvent(trx, { actorUserId: null, action: 'kept', subjectType: 'savepoint' })
		const nested = await trx.savepoint('inner').execute()
		await expect(sql`select * from no_such_table`.execute(nested)).rejects.toThrow()
		const restored = await nested.rollbackToSavepoint('inner').execute()
		await recordAuditEvent(restored, {
			actorUserId: null,
			action: 'after',
			subjectType: 'savepoint',
		})
		await restored.commit().execute()
		const kept = await t.db
			.selectFrom('audit_event')
			.where('subject_type', '=', 'savepoint')
			.select('action')
			.execute()
		expect(kept).toEqual([{ action: 'kept' }, { action: 'after' }])
	})

	it('reports affected rows', async () => {
		const result = await t.db
			.updateTable('party')
			.set({ kind: sql`kind` })
			.where('code', 'in', ['KEN', 'IND'])
			.executeTakeFirst()
		expect(Number(result.numUpdatedRows)).toBe(2)
	})
})
