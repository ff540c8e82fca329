import type { Kysely } from 'kysely'
import type { Env } from '#app/utils/env.server.ts'
import { migrateToLatest } from '#db/migrator.ts'
import { seedDemoAccounts, usableDemoAccounts } from './demo/accounts.ts'
import { seedDemoReports } from './demo/reports.ts'
import { isSeeded, seedParties, seedReferenceData } from '#db/seed/reference.ts'
import type { Database } from '#db/types.ts'

/**
 * - `production`: `npm run serve` (server/index.ts without `--demo`). Needs APP_ORIGIN; refuses to
 *   run while a demo account could sign in.
 * - `demo`: `npm start` (`--demo`): seeds the demo accounts and reports; public origin defaults to
 *   http://localhost:PORT.
 * - `development`: `npm run dev` (Vite), like the demo.
 * NODE_ENV does not tell them apart: server/index.ts sets it to production for React in both.
 */
export type ServerMode = 'production' | 'demo' | 'development'

export function serverModeFromArgs(argv: readonly string[]): ServerMode {
	return argv.includes('--demo') ? 'demo' : 'production'
}

export class StartupRefused extends Error {}

/** Configuration the mode needs; throws StartupRefused with what to do. */
export function checkConfiguration(env: Env, mode: ServerMode) {
	if (mode === 'production' && !env.APP_ORIGIN) {
		throw new StartupRefused(
			'APP_ORIGIN is not set. In production it must be the public address, e.g. ' +
				'APP_ORIGIN=https://reporting.example.org: links in emails and the cross-site request ' +
				'check use it, never the request’s Host header. (For a local demo, run `npm start`.)',
		)
	}
}

/**
 * Migrates, seeds the reference data of an empty database (countries, reporting cycles: never
 * accounts) or brings the Parties' names and status up to this release's, and in demo and development modes the demo accounts and reports. In production it
 * refuses to go on while a demo account (published password) could sign in.
 */
export async function prepareDatabase(db: Kysely<Database>, mode: ServerMode) {
	await migrateToLatest(db)
	if (!(await isSeeded(db))) await seedReferenceData(db)
	else await seedParties(db)
	if (mode !== 'production') {
		await seedDemoAccounts(db)
		await seedDemoReports(db)
		return
	}
	const demo = await usableDemoAccounts(db)
	if (demo.length > 0) {
		throw new StartupRefused(
			`This database has demo accounts that anyone can sign in to with the published password ` +
				`(${demo.join(', ')}). Disable them with \`npm run admin:disable-demo\`, or run the ` +
				`demo with \`npm start\`.`,
		)
	}
}
