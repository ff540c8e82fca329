import { afterEach, beforeEach, vi } from 'vitest'

// Unexpected console errors and warnings fail the test that caused them.
beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		throw new Error(`console.error called: ${args.map(String).join(' ')}`)
	})
	vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
		throw new Error(`console.warn called: ${args.map(String).join(' ')}`)
	})
})

afterEach(() => {
	vi.restoreAllMocks()
})
