import { availableParallelism } from 'node:os'
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
		// One test file per core. Vitest's default leaves a core to its own process, which on a
		// 2-core machine ran the files one at a time: about 30% longer than two at a time.
		maxWorkers: availableParallelism(),
	},
})
