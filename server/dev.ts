import type { ServerBuild } from 'react-router'
import { createServer } from 'vite'
import { getEnv } from '#app/utils/env.server.ts'
import { createDatabase, targetFromEnv } from '#db/connect.ts'
import { formatDemoAccounts } from './demo/accounts.ts'
import { createHttpApp } from './app.ts'
import { checkConfiguration, prepareDatabase } from './startup.ts'

const env = getEnv()
const db = createDatabase(targetFromEnv())
checkConfiguration(env, 'development')
await prepareDatabase(db, 'development')

const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' })
const app = createHttpApp({
	db,
	build: () => vite.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
	maxBodyBytes: (env.ATTACHMENT_MAX_MB + 1) * 1_048_576,
	trustProxyHops: env.TRUST_PROXY,
	development: true,
	beforeRouter: (express) => express.use(vite.middlewares),
})
const server = app.listen(env.PORT, () => {
	console.log(`Development server on http://localhost:${env.PORT}`)
	console.log(formatDemoAccounts())
})
async function shutdown() {
	server.close()
	await vite.close()
	await db.destroy()
	process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
