import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/** Fails early, with a clear message, when no Chromium can be found. */
export default async function globalSetup() {
	if (!existsSync('build/server/index.js')) {
		throw new Error(
			'No production build found: run `npm run build` before the browser tests (npm test does it).',
		)
	}
	const executable =
		process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)
	if (!executable && !existsSync(chromium.executablePath())) {
		throw new Error(
			'No Chromium found for the browser tests. Install it (Debian: `apt-get install -y chromium`) or set CHROMIUM_PATH.',
		)
	}
}
