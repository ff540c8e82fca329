import { defineConfig } from '@playwright/test'
import baseConfig from '../../playwright.config.ts'

/**
 * The README check: `npm start` exactly as a new user runs it (see readme-start.spec.ts). It starts
 * its own server, so it has neither `webServer` nor the main tests' groups, and it runs before the
 * main browser tests because `npm start` rebuilds the app.
 */
export default defineConfig({
	...baseConfig,
	testDir: '.',
	timeout: 300_000,
	globalSetup: undefined,
	webServer: undefined,
	projects: undefined,
	workers: 1,
	reporter: [['list'], ['json', { outputFile: '../../reports/playwright-readme.json' }]],
	outputDir: '../../test-results/readme',
})
