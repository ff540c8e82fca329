import { defineConfig } from 'vitest/config'

export default defineConfig({
	test: {
		include: [
			'app/**/*.test.{ts,tsx}',
			'forms/**/*.test.ts',
			'db/**/*.test.ts',
			'exports/**/*.test.ts',
			'server/**/*.test.ts',
			'tests/integration/**/*.test.ts',
		],
		environment: 'node',
		// Dates are judged in UTC (deadlines, dates of submission), as `npm test` runs them.
		env: { TZ: 'UTC' },
		globalSetup: ['./tests/setup/global-setup.ts'],
		setupFiles: ['./tests/setup/setup-test-env.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks',
	},
})
