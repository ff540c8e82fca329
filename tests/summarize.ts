import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

type Totals = { passed: number; failed: number; skipped: number }

type VitestReport = {
	numPassedTests: number
	numFailedTests: number
	numPendingTests: number
	numTodoTests?: number
}
type PlaywrightReport = {
	stats: { expected: number; unexpected: number; skipped: number; flaky: number }
}

/** Adds up every vitest and Playwright JSON report in `dir`. */
export function summarizeReports(dir: string): Totals {
	const totals: Totals = { passed: 0, failed: 0, skipped: 0 }
	if (!existsSync(dir)) return totals
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
		const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Partial<
			VitestReport & PlaywrightReport
		>
		if (report.stats) {
			totals.passed += report.stats.expected + report.stats.flaky
			totals.failed += report.stats.unexpected
			totals.skipped += report.stats.skipped
		} else if (typeof report.numPassedTests === 'number') {
			totals.passed += report.numPassedTests
			totals.failed += report.numFailedTests ?? 0
			totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
		}
	}
	return totals
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const totals = summarizeReports(process.argv[2] ?? 'reports')
	console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
}
