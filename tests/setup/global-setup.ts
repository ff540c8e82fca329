import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import type { TestProject } from 'vitest/node'
import { createDatabase } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { PGliteDialect } from '#db/pglite-dialect.ts'
import { seedReferenceData } from '#db/seed/reference.ts'
import type { Database } from '#db/types.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		pgliteTemplate: string
		postgresTemplate: string | null
		postgresAdminUrl: string | null
	}
}

/**
 * Builds one migrated, reference-seeded database per run: a PGlite data-directory dump that each
 * test file loads in about a second, and, when TEST_DATABASE_URL is set, a PostgreSQL template
 * database that each test file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function globalSetup(project: TestProject) {
	const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`
	const dir = path.resolve('.tmp/test-db')
	mkdirSync(dir, { recursive: true })

	const pglite = await PGlite.create()
	const db = new Kysely<Database>({ dialect: new PGliteDialect(async () => pglite) })
	await migrateToLatest(db)
	await seedReferenceData(db)
	const dump = await pglite.dumpDataDir('none')
	const templateFile = path.join(dir, `template-${runId}.tar`)
	writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()))
	await db.destroy()
	project.provide('pgliteTemplate', templateFile)

	const adminUrl = process.env.TEST_DATABASE_URL ?? null
	let templateName: string | null = null
	if (adminUrl) {
		templateName = `chemrep_tmpl_${runId}`
		const admin = createDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 })
		await sql`create database ${sql.id(templateName)}`.execute(admin)
		const template = createDatabase({
			kind: 'postgres',
			url: withDatabase(adminUrl, templateName),
			poolSize: 1,
		})
		await migrateToLatest(template)
		await seedReferenceData(template)
		await template.destroy()
		await admin.destroy()
	}
	project.provide('postgresTemplate', templateName)
	project.provide('postgresAdminUrl', adminUrl)

	return async () => {
		if (!adminUrl || !templateName) return
		const admin = createDatabase({ kind: 'postgres', url: adminUrl, poolSize: 1 })
		const { rows } = await sql<{ datname: string }>`
			select datname from pg_database where datname like ${`chemrep_%_${runId}%`}
		`.execute(admin)
		for (const { datname } of rows) {
			await sql`drop database if exists ${sql.id(datname)} with (force)`.execute(admin)
		}
		await admin.destroy()
	}
}

export function withDatabase(url: string, database: string) {
	const parsed = new URL(url)
	parsed.pathname = `/${database}`
	return parsed.toString()
}
