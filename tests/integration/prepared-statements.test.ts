import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getEnv, resetEnvForTests } from '#app/utils/env.server.ts'
import { createDatabase, targetFromEnv } from '#db/connect.ts'
import { preparingClient, statementNamer } from '#db/prepared-statements.ts'
import { createTestDatabase, type TestDatabase } from '../db.ts'

describe('which statements get a name', () => {
	it('names a text once it has been sent `threshold` times, and keeps that name', () => {
		const nameOf = statementNamer({ threshold: 3, limit: 10 })
		expect(nameOf('select $1')).toBeUndefined()
		expect(nameOf('select $1')).toBeUndefined()
		const name = nameOf('select $1')
		expect(name).toMatch(/^chemrep_\d+$/)
		expect(nameOf('select $1')).toBe(name)
		expect(nameOf('select $1 + 1')).toBeUndefined()
	})

	it('gives distinct texts distinct names, and no more than `limit` of them', () => {
		const nameOf = statementNamer({ threshold: 1, limit: 2 })
		const first = nameOf('select $1::int')
		const second = nameOf('select $1::text')
		expect(first).toBeDefined()
		expect(second).toBeDefined()
		expect(second).not.toBe(first)
		expect(nameOf('select $1::date')).toBeUndefined()
		expect(nameOf('select $1::int')).toBe(first)
	})
})

describe('DATABASE_PREPARED_STATEMENTS', () => {
	it('is on unless set to off', () => {
		const url = 'postgres://db.example.org/reporting'
		expect(targetFromEnv({ DATABASE_URL: url })).toMatchObject({ preparedStatements: true })
		expect(targetFromEnv({ DATABASE_URL: url, DATABASE_PREPARED_STATEMENTS: 'off' })).toMatchObject(
			{ preparedStatements: false },
		)
	})

	it('stops the server at boot when set to anything but on or off, as a bad pool size does', () => {
		const before = { ...process.env }
		const envWith = (variables: Record<string, string>) => {
			Object.assign(process.env, variables)
			resetEnvForTests()
			return getEnv
		}
		try {
			expect(envWith({ DATABASE_PREPARED_STATEMENTS: 'false' })).toThrow(
				/DATABASE_PREPARED_STATEMENTS/,
			)
			expect(envWith({ DATABASE_PREPARED_STATEMENTS: 'off' })()).toMatchObject({
				DATABASE_PREPARED_STATEMENTS: 'off',
			})
			expect(envWith({ DATABASE_POOL_SIZE: 'ten' })).toThrow(/DATABASE_POOL_SIZE/)
			expect(envWith({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/)
			expect(envWith({ DATABASE_POOL_SIZE: '20' })()).toMatchObject({ DATABASE_POOL_SIZE: 20 })
		} finally {
			for (const key of ['DATABASE_PREPARED_STATEMENTS', 'DATABASE_POOL_SIZE']) {
				if (before[key] === undefined) delete process.env[key]
				else process.env[key] = before[key]
			}
			resetEnvForTests()
		}
	})
})

describe.runIf(process.env.TEST_DATABASE_URL)('prepared statements on PostgreSQL', () => {
	let t: TestDatabase
	let db: Kysely<{ party: { code: string; kind: string } }>
	beforeAll(async () => {
		t = await createTestDatabase()
		const pool = new pg.Pool({
			connectionString: t.url!,
			max: 1,
			Client: preparingClient(statementNamer({ threshold: 2, limit: 3 })),
		})
		// As createDatabase does: a connection PostgreSQL closes (the database dropped at the end) is
		// the pool's to replace, not an unhandled error.
		pool.on('error', () => {})
		db = new Kysely({ dialect: new PostgresDialect({ pool }) })
	})
	afterAll(async () => {
		await db.destroy()
		await t.destroy()
	})

	const prepared = async () =>
		(
			await sql<{
				name: string
				statement: string
			}>`select name, statement from pg_prepared_statements order by name`.execute(db)
		).rows

	const partyKind = (code: string) =>
		db.selectFrom('party').where('code', '=', code).select('kind').executeTakeFirst()

	it('runs a repeated statement prepared on its connection, with the right answer each time', async () => {
		expect(await partyKind('KEN')).toEqual({ kind: 'un_member' })
		expect(await prepared()).toEqual([])
		expect(await partyKind('VAT')).toEqual({ kind: 'un_observer' })
		expect(await partyKind('EUU')).toEqual({ kind: 'regional_organization' })
		expect(await partyKind('XXX')).toBeUndefined()
		const statements = await prepared()
		expect(statements).toHaveLength(1)
		expect(statements[0]!.statement).toContain('from "party"')
	})

	it('works inside a transaction, and a rolled-back one leaves the statement usable', async () => {
		const kinds = await db.transaction().execute(async (trx) => {
			const found = []
			for (const code of ['KEN', 'IND', 'BRA']) {
				found.push(
					(await trx.selectFrom('party').where('code', '=', code).select('kind').executeTakeFirst())
						?.kind,
				)
			}
			return found
		})
		expect(kinds).toEqual(['un_member', 'un_member', 'un_member'])
		await expect(
			db.transaction().execute(async (trx) => {
				await trx.selectFrom('party').where('code', '=', 'KEN').select('kind').execute()
				throw new Error('roll back')
			}),
		).rejects.toThrow('roll back')
		expect(await partyKind('IND')).toEqual({ kind: 'un_member' })
	})

	it('leaves statements without parameters, and texts past the limit, unprepared', async () => {
		for (let i = 0; i < 3; i++) await sql`select count(*) from party`.execute(db)
		for (const cast of ['int', 'text', 'date', 'numeric']) {
			const value = cast === 'date' ? '2026-12-05' : '7'
			for (let i = 0; i < 2; i++) {
				const row = (
					await sql<{ v: string }>`select ${value}::${sql.raw(cast)}::text as v`.execute(db)
				).rows[0]
				expect(row?.v).toBe(value)
			}
		}
		const statements = await prepared()
		expect(statements).toHaveLength(3)
		expect(statements.some((s) => s.statement.includes('count(*)'))).toBe(false)
	})

	it('is what the application pool uses', async () => {
		const app = createDatabase({ kind: 'postgres', url: t.url!, poolSize: 1 })
		try {
			for (let i = 0; i < 3; i++) {
				await app.selectFrom('party').where('code', '=', 'KEN').select('kind').execute()
			}
			const names = (
				await sql<{ name: string }>`select name from pg_prepared_statements`.execute(app)
			).rows.map((row) => row.name)
			expect(names).toEqual([expect.stringMatching(/^chemrep_\d+$/)])
		} finally {
			await app.destroy()
		}
	})

	it('is off in the application pool with DATABASE_PREPARED_STATEMENTS=off', async () => {
		const app = createDatabase(
			targetFromEnv({ DATABASE_URL: t.url!, DATABASE_PREPARED_STATEMENTS: 'off' }),
		)
		try {
			for (let i = 0; i < 5; i++) {
				await app.selectFrom('party').where('code', '=', 'KEN').select('kind').execute()
			}
			const count = await sql<{
				n: number
			}>`select count(*)::int as n from pg_prepared_statements`.execute(app)
			expect(count.rows[0]?.n).toBe(0)
		} finally {
			await app.destroy()
		}
	})
})
