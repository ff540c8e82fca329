/**
 * `npm test`: the unit and integration suite on embedded PGlite, again on PostgreSQL when
 * TEST_DATABASE_URL is set, then a production build and the browser tests. Every runner writes a
 * JSON report under reports/; the last line is the total.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { summarizeReports } from './summarize.ts'

type Step = { name: string; command: string; args: string[]; env?: NodeJS.ProcessEnv }

rmSync('reports', { recursive: true, force: true })
mkdirSync('reports', { recursive: true })

const baseEnv = { ...process.env, TZ: 'UTC' }
const steps: Step[] = [
	{
		name: 'unit and integration tests (PGlite)',
		command: 'npx',
		args: [
			'vitest',
			'run',
			'--reporter=default',
			'--reporter=json',
			'--outputFile.json=reports/vitest-pglite.json',
		],
		env: { ...baseEnv, TEST_DATABASE_URL: '' },
	},
]
if (process.env.TEST_DATABASE_URL) {
	steps.push({
		name: 'integration tests (PostgreSQL)',
		command: 'npx',
		args: [
			'vitest',
			'run',
			'tests/integration',
			'--reporter=default',
			'--reporter=json',
			'--outputFile.json=reports/vitest-postgres.json',
		],
		env: baseEnv,
	})
} else {
	console.log('TEST_DATABASE_URL is not set: skipping the PostgreSQL run.')
}
steps.push(
	// `npm start` as the README gives it, in a clean environment; it also builds the app.
	{
		name: 'README start (npm start)',
		command: 'npx',
		args: ['playwright', 'test', '-c', 'tests/readme/playwright.config.ts'],
		env: baseEnv,
	},
	{ name: 'production build', command: 'npx', args: ['react-router', 'build'], env: baseEnv },
	{
		name: 'browser tests (Playwright)',
		command: 'npx',
		args: ['playwright', 'test'],
		env: baseEnv,
	},
)

const failed: string[] = []
for (const step of steps) {
	console.log(`\n=== ${step.name} ===`)
	const result = spawnSync(step.command, step.args, { stdio: 'inherit', env: step.env })
	if (result.status !== 0) {
		failed.push(step.name)
		if (step.name === 'production build') break
	}
}

const totals = summarizeReports('reports')
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (failed.length > 0) {
	console.error(`Failed: ${failed.join(', ')}`)
	process.exit(1)
}
