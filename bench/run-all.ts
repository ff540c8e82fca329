/**
 * Every benchmark, one after the other (they must not share the CPU):
 *
 *   npm run bench        (builds first; the autosave bench needs PostgreSQL, see autosave.bench.ts)
 *
 * Each prints medians or percentiles next to a baseline measured in the same run.
 */
import { runApiBench } from './api.bench.ts'
import { runAutosaveBench } from './autosave.bench.ts'
import { runCommonalityBench } from './commonality.bench.ts'
import { runEditorBench } from './editor.bench.ts'
import { runExportsBench } from './exports.bench.ts'
import { runFormsBench } from './forms.bench.ts'
import { runLoginBench } from './login.bench.ts'
import { runPublicPortalBench } from './public-portal.bench.ts'

const benches: [string, () => Promise<unknown>][] = [
	['forms', runFormsBench],
	['exports', runExportsBench],
	['commonality', runCommonalityBench],
	['autosave', () => runAutosaveBench()],
	['editor', runEditorBench],
	['login', runLoginBench],
	['api', runApiBench],
	['public-portal', runPublicPortalBench],
]

const only = process.argv.slice(2)
let failed = false
for (const [name, run] of benches) {
	if (only.length > 0 && !only.includes(name)) continue
	console.log(`\n== ${name} ==`)
	try {
		await run()
	} catch (error) {
		failed = true
		console.error(`${name} benchmark failed:`, error instanceof Error ? error.message : error)
	}
}
process.exit(failed ? 1 : 0)
