/**
 * `npm run forms:publish`: the one way to freeze form versions into `forms/published/`
 * (docs/decisions/011; README "Authoring and publishing form versions").
 *
 *   npm run forms:publish                          new authored versions are frozen as drafts;
 *                                                  every other version is checked, nothing changes
 *   npm run forms:publish -- --replace-draft       also re-freezes drafts whose build changed
 *   npm run forms:publish -- stockholm-art15@7     publishes that version (freezing it if needed)
 *   npm run forms:publish -- ddt@2 --draft         freezes that version as a draft
 *   npm run forms:publish -- --check               writes nothing; exits 1 if anything would change
 *
 * A published version is never re-frozen. Running twice in a row changes nothing the second time.
 * Exits 1 when a version was refused or a frozen file is invalid.
 */
import { AUTHORED_VERSIONS } from './authored.ts'
import {
	applyFreeze,
	parseTarget,
	planFreeze,
	PUBLISHED_DIR,
	readFrozenDir,
	type Target,
} from './freeze.ts'

const USAGE =
	'usage: npm run forms:publish -- [formId@version …] [--draft] [--replace-draft] [--check]'

const args = process.argv.slice(2)
const flags = new Set(args.filter((arg) => arg.startsWith('--')))
const unknownFlags = [...flags].filter(
	(flag) => !['--draft', '--replace-draft', '--check'].includes(flag),
)
const targets: Target[] = []
const badTargets: string[] = []
for (const arg of args.filter((arg) => !arg.startsWith('--'))) {
	const target = parseTarget(arg)
	if (target) targets.push(target)
	else badTargets.push(arg)
}
if (unknownFlags.length || badTargets.length || (flags.has('--draft') && targets.length === 0)) {
	if (unknownFlags.length) console.error(`unknown option: ${unknownFlags.join(', ')}`)
	if (badTargets.length) console.error(`not formId@version: ${badTargets.join(', ')}`)
	if (flags.has('--draft') && targets.length === 0)
		console.error('--draft needs the versions to freeze as drafts')
	console.error(USAGE)
	process.exit(2)
}

const plan = planFreeze(AUTHORED_VERSIONS, await readFrozenDir(PUBLISHED_DIR), {
	targets,
	draft: flags.has('--draft'),
	replaceDraft: flags.has('--replace-draft'),
})
for (const step of plan.steps) {
	const mark = step.action === 'refused' || step.action === 'invalid_file' ? '✗' : '✓'
	const hash = step.sha256 ? `  sha256 ${step.sha256}` : ''
	console.log(`${mark} ${step.formId} v${step.version} (${step.file}): ${step.message}${hash}`)
}

if (flags.has('--check')) {
	const changes = await applyFreeze(PUBLISHED_DIR, plan, { dryRun: true })
	if (changes.length)
		console.log(`\n--check: would write ${changes.join(', ')}; nothing was written`)
	process.exit(plan.ok && changes.length === 0 ? 0 : 1)
}
if (!plan.ok) {
	console.log('\nforms:publish refused: nothing was written')
	process.exit(1)
}
const written = await applyFreeze(PUBLISHED_DIR, plan)
console.log(
	written.length
		? `\nwritten: ${written.map((name) => `forms/published/${name}`).join(', ')}`
		: '\nnothing to write',
)
