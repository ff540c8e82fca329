import path from 'node:path'
import type { ServerBuild } from 'react-router'
import { getEnv } from '#app/utils/env.server.ts'
import { startBackgroundJobs } from '#app/jobs/scheduler.server.ts'
import { createDatabase, targetFromEnv } from '#db/connect.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { formatDemoAccounts, seedDemoAccounts } from '#db/seed/demo.ts'
import { seedDemoReports } from '#db/seed/demo-reports.ts'
import { isSeeded, seedReferenceData } from '#db/seed/reference.ts'
import { createHttpApp } from './app.ts'

const demo = process.argv.includes('--demo')
if (demo) process.env.NODE_ENV ??= 'production'
const env = getEnv()
const target = targetFromEnv()
const db = createDatabase(target)

await migrateToLatest(db)
if (!(await isSeeded(db))) {
	await seedReferenceData(db)
	if (demo || target.kind === 'pglite') {
		await seedDemoAccounts(db)
		await seedDemoReports(db)
	}
}

const buildDir = path.resolve('build')
const build = (await import(path.join(buildDir, 'server/index.js'))) as ServerBuild
const app = createHttpApp({
	db,
	build,
	maxBodyBytes: (env.ATTACHMENT_MAX_MB + 1) * 1_048_576,
	trustProxy: env.TRUST_PROXY,
	staticDir: path.join(buildDir, 'client'),
})
const jobs = startBackgroundJobs(db)

const server = app.listen(env.PORT, () => {
	const where = target.kind === 'pglite' ? `embedded PGlite at ${target.dataDir}` : 'PostgreSQL'
	console.log(`Serving http://localhost:${env.PORT} (database: ${where})`)
	if (demo) console.log(formatDemoAccounts())
})

let stopping = false
async function shutdown() {
	if (stopping) return
	stopping = true
	server.close()
	server.closeAllConnections()
	await jobs.stop()
	// Closing PGlite cleanly avoids crash recovery on the next start.
	await db.destroy()
	process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
