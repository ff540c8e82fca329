import path from 'node:path'
import type { ServerBuild } from 'react-router'
import { getEnv, publicOrigin } from '#app/utils/env.server.ts'
import { startBackgroundJobs } from '#app/jobs/scheduler.server.ts'
import { createDatabase, targetFromEnv } from '#db/connect.ts'
import { formatDemoAccounts } from './demo/accounts.ts'
import { createHttpApp } from './app.ts'
import {
	checkConfiguration,
	prepareDatabase,
	serverModeFromArgs,
	StartupRefused,
} from './startup.ts'

const mode = serverModeFromArgs(process.argv)
const env = getEnv()
const target = targetFromEnv()
const db = createDatabase(target)

try {
	checkConfiguration(env, mode)
	await prepareDatabase(db, mode)
} catch (error) {
	if (!(error instanceof StartupRefused)) throw error
	console.error(`Not starting: ${error.message}`)
	await db.destroy()
	process.exit(1)
}

const buildDir = path.resolve('build')
const build = (await import(path.join(buildDir, 'server/index.js'))) as ServerBuild
const app = createHttpApp({
	db,
	build,
	maxBodyBytes: (env.ATTACHMENT_MAX_MB + 1) * 1_048_576,
	trustProxyHops: env.TRUST_PROXY,
	staticDir: path.join(buildDir, 'client'),
})
const jobs = startBackgroundJobs(db)

const server = app.listen(env.PORT, () => {
	const where = target.kind === 'pglite' ? `embedded PGlite at ${target.dataDir}` : 'PostgreSQL'
	console.log(`Serving http://localhost:${env.PORT} (database: ${where})`)
	if (env.APP_ORIGIN) console.log(`Public address: ${publicOrigin()}`)
	if (mode === 'demo') console.log(formatDemoAccounts())
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
