import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

const firstPort = Number(process.env.E2E_PORT ?? 3100)

/**
 * The specs run in two groups side by side, each against its own server and embedded database, so
 * neither group sees the other's data; within a group, specs run one after another (one worker),
 * in the order of their file names. The accessibility scan of every page in two languages takes
 * about half of the browser tests' time (measured in reports/playwright.json), so it runs alone
 * in one group and every other spec in the other: a new spec cannot be left out.
 */
const ACCESSIBILITY_SCAN = '**/accessibility.spec.ts'

const groups = [
	{ name: 'accessibility', testMatch: ACCESSIBILITY_SCAN, port: firstPort },
	{ name: 'journeys', testIgnore: ACCESSIBILITY_SCAN, port: firstPort + 1 },
]

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
	workers: groups.length,
	retries: 0,
	// One set of reference screenshots, whichever group takes them.
	snapshotPathTemplate:
		'{snapshotDir}/{testFileDir}/{testFileName}-snapshots/{arg}{-snapshotSuffix}{ext}',
	reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
	globalSetup: './tests/e2e/global-setup.ts',
	projects: groups.map(({ port, ...group }) => ({
		...group,
		workers: 1,
		use: { baseURL: `http://localhost:${port}` },
	})),
	use: {
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
	webServer: groups.map(({ port }) => ({
		command: `rm -rf .tmp/e2e-pglite-${port} && tsx server/index.ts --demo`,
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			PORT: String(port),
			PGLITE_DIR: `.tmp/e2e-pglite-${port}`,
			NODE_ENV: 'production',
			APP_ORIGIN: `http://localhost:${port}`,
			DATABASE_URL: '',
		},
	})),
})
