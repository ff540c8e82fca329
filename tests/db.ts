import { readFileSync } from 'node:fs'
import { sql, type Kysely } from 'kysely'
import { inject } from 'vitest'
import { createDatabase } from '#db/connect.ts'
import type { Database } from '#db/types.ts'
import { withDatabase } from './setup/global-setup.ts'

let counter = 0

export type TestDatabase = {
	db: Kysely<Database>
	kind: 'pglite' | 'postgres'
	/** PostgreSQL only: the connection string of this test database (e.g. for a second pool). */
	url?: string
	destroy: () => Promise<void>
}

/**
 * A fresh, migrated database with reference data (countries, cycles) for one test file: PGlite by
 * default, PostgreSQL when the suite runs with TEST_DATABASE_URL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
	const template = inject('postgresTemplate')
	const adminUrl = inject('postgresAdminUrl')
	if (template && adminUrl) {
		const name = `${template.replace('chemrep_tmpl_', 'chemrep_t_')}_${process.pid}_${++counter}`
		const admin = createDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 })
		await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin)
		await admin.destroy()
		const url = withDatabase(adminUrl, name)
		const db = createDatabase({ kind: 'postgres', url, poolSize: 20 })
		return {
			db,
			kind: 'postgres',
			url,
			destroy: async () => {
				await db.destroy()
				const cleanup = createDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 })
				await sql`drop database if exists ${sql.id(name)} with (force)`.execute(cleanup)
				await cleanup.destroy()
			},
		}
	}
	const dump = readFileSync(inject('pgliteTemplate'))
	const db = createDatabase({ kind: 'pglite', loadDataDir: new Blob([dump]) })
	return { db, kind: 'pglite', destroy: () => db.destroy() }
}
