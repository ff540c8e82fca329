import { createDatabase, targetFromEnv } from './connect.ts'
import { migrateToLatest } from './migrator.ts'

const db = createDatabase(targetFromEnv())
try {
	const { results = [] } = await migrateToLatest(db)
	for (const r of results)
		console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`)
	if (results.length === 0) console.log('Database is up to date.')
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await db.destroy()
}
