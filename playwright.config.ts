import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)

/** Debian's Chromium by default: Playwright's own browser download cannot work on these machines. */
function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
	if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
	return undefined
}

export default defineConfig({
	testDir: './tests/e2e',
	// The longest journeys take about 55 s on a busy 2-core machine: room so a slow run is not a failure.
	timeout: 120_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	globalSetup: './tests/e2e/global-setup.ts',
	use: {
		baseURL: `http://localhost:${port}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: chromiumPath(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage',
			],
		},
	},
	webServer: {
		command: `rm -rf .tmp/e2e-pglite && tsx server/index.ts --demo`,
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			PGLITE_DIR: '.tmp/e2e-pglite',
			NODE_ENV: 'production',
			APP_ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: '',
		},
	},
})
