import { createDatabase, targetFromEnv } from './connect.ts'
import { migrateToLatest } from './migrator.ts'
import { formatDemoAccounts, seedDemoAccounts } from './seed/demo.ts'
import { seedDemoReports } from './seed/demo-reports.ts'
import { seedReferenceData } from './seed/reference.ts'

const db = createDatabase(targetFromEnv())
try {
	await migrateToLatest(db)
	await seedReferenceData(db)
	await seedDemoAccounts(db)
	await seedDemoReports(db)
	console.log(
		'Seeded countries, reporting cycles, demo accounts and demo reports (demo data, not official).',
	)
	console.log(formatDemoAccounts())
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await db.destroy()
}
