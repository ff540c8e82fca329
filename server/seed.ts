/**
 * `npm run db:seed`: reference data only (countries, reporting cycles). `npm run db:seed -- --demo`
 * adds the demo accounts (published password) and demo reports: never on a real system.
 */
import { createDatabase, targetFromEnv } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { formatDemoAccounts, seedDemoAccounts } from './demo/accounts.ts'
import { seedDemoReports } from './demo/reports.ts'
import { seedReferenceData } from '#db/seed/reference.ts'

const demo = process.argv.includes('--demo')
const db = createDatabase(targetFromEnv())
try {
	await migrateToLatest(db)
	await seedReferenceData(db)
	if (demo) {
		await seedDemoAccounts(db)
		await seedDemoReports(db)
		console.log('Seeded countries, reporting cycles, demo accounts and demo reports (demo data).')
		console.log(formatDemoAccounts())
	} else {
		console.log('Seeded countries and reporting cycles. Create the first administrator with:')
		console.log('  npm run admin:create -- --email you@example.org --name "Your Name"')
	}
} catch (error) {
	console.error(error instanceof Error ? error.message : error)
	process.exitCode = 1
} finally {
	await db.destroy()
}
