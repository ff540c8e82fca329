import { defineConfig } from '@playwright/test'
import { chromiumPath } from './tests/e2e/chromium-path.ts'

const firstPort = Number(process.env.E2E_PORT ?? 3100)

/**
 * The specs run in four groups side by side, each against its own server and embedded database,
 * so no group sees another's data; within a group, specs run one after another (one worker), in
 * the order of their file names. The accessibility scan of every page takes about half of the
 * browser tests' time: its English pages are one group and its other languages another. The
 * journeys are split in two of about the same length (durations in reports/playwright.json); the
 * second takes every spec the first does not name, so a new spec or language cannot be left out.
 */
const ACCESSIBILITY_SCAN = '**/accessibility.spec.ts'
const ENGLISH = /\(en\)/
const FIRST_JOURNEYS = [
	'report-editing',
	'keyboard-submission',
	'review',
	'screenshots',
	'cross-convention',
	'exports',
	'code-lists',
].map((name) => `**/${name}.spec.ts`)

const groups = [
	{ name: 'accessibility-en', testMatch: ACCESSIBILITY_SCAN, grep: ENGLISH },
	{ name: 'accessibility-other-languages', testMatch: ACCESSIBILITY_SCAN, grepInvert: ENGLISH },
	{ name: 'journeys-1', testMatch: FIRST_JOURNEYS },
	{ name: 'journeys-2', testIgnore: [ACCESSIBILITY_SCAN, ...FIRST_JOURNEYS] },
].map((group, index) => ({ ...group, port: firstPort + index }))

export default defineConfig({
	testDir: './tests/e2e',
	// The longest journeys take about 75 s with the four groups on a 2-core machine: room for a slower one.
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
		// Recording a trace of every test made the browser tests about 30% slower: only on request
		// (E2E_TRACE=1), kept for the tests that fail. A failing test always leaves a screenshot.
		trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
		screenshot: 'only-on-failure',
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
