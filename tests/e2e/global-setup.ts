import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { chromiumPath } from './chromium-path.ts'

/** Fails early, with a clear message, when no Chromium can be found. */
export default async function globalSetup() {
	if (!existsSync('build/server/index.js')) {
		throw new Error(
			'No production build found: run `npm run build` before the browser tests (npm test does it).',
		)
	}
	if (!chromiumPath() && !existsSync(chromium.executablePath())) {
		throw new Error(
			'No Chromium found for the browser tests. Install it (Debian: `apt-get install -y chromium-headless-shell`) or set CHROMIUM_PATH.',
		)
	}
}
