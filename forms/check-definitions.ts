/**
 * `npm run forms:check`: validates every served (frozen) definition against the meta-schema, every
 * migration spec against the versions it links, checks that the frozen files still match their
 * TypeScript builders (as `npm run forms:publish -- --check` does), and prints per definition its
 * status and SHA-256, the number of questions (and how many are marked reconstructed), tables,
 * conditions, rules and concepts, and which languages have complete texts. Exits with status 1
 * when anything is invalid.
 *
 * It also reports the concept coverage (`conceptCoverage`): the questions of each version (and the
 * quantity columns of tables) that name no concept, and the registry's concepts no form uses. That
 * section informs and never fails the run: a question without a concept is legitimate (a details
 * text after a yes/no, a form-specific item no other convention asks), and a concept may wait for
 * the form that asks it; what is invalid (an unknown concept id) the meta-schema already fails.
 */
import { AUTHORED_VERSIONS } from './authored.ts'
import { CHEMICALS, getCodeList } from './codelists/index.ts'
import { conceptCoverage } from './commonality.ts'
import { definitionStats } from './definition-stats.ts'
import { isCasNumber } from './engine/patterns.ts'
import { planFreeze, PUBLISHED_DIR, readFrozenDir } from './freeze.ts'
import { listMigrationSpecs, validateMigrationSpec } from './migrations/index.ts'
import { formVersionIdentity, getFormDefinition, listFormDefinitions } from './registry.ts'
import { validateDefinition } from './schema.ts'
import { missingTexts } from './text.ts'
import { LANGUAGES } from './types.ts'

let failed = false
const fail = (message: string) => {
	failed = true
	console.log(`  ✗ ${message}`)
}

for (const def of listFormDefinitions()) {
	console.log(
		`\n${def.formId} v${def.version}  (period ${def.reportingPeriod.startYear}–${def.reportingPeriod.endYear}, due ${def.deadline})`,
	)
	const identity = formVersionIdentity(def.formId, def.version)
	console.log(`  ${identity?.status} · sha256 ${identity?.sha256}`)
	const validation = validateDefinition(def)
	if (!validation.ok)
		for (const error of validation.errors)
			fail(`${error.code} at ${error.path.join('.')}: ${error.message}`)
	const s = definitionStats(def)
	console.log(
		`  questions ${s.questions} · tables ${s.tables} (${s.columns} columns) · conditions ${s.conditions} · rules ${s.rules}`,
	)
	console.log(
		`  reconstructed: ${s.reconstructed.total} of ${s.questions} questions (${s.reconstructed.own} marked on the question or a column, ${s.reconstructed.inherited} through their section or part)`,
	)
	console.log(
		`  concepts ${s.concepts.size} distinct on ${s.conceptItems} items: ${[...s.concepts].sort().join(', ')}`,
	)
	const complete = LANGUAGES.filter((lang) => missingTexts(def, lang).length === 0)
	const partial = def.languages.filter((lang) => !complete.includes(lang))
	console.log(
		`  languages with complete texts: ${complete.join(', ')}${partial.length ? ` · falling back to English: ${partial.join(', ')}` : ''}`,
	)
	for (const lang of ['en', 'fr'] as const) {
		const missing = missingTexts(def, lang)
		if (missing.length)
			fail(`${missing.length} texts missing in ${lang}: ${missing.slice(0, 5).join(', ')}…`)
	}
	for (const [listId, pinned] of Object.entries(def.codeLists)) {
		const current = getCodeList(listId)?.version
		if (current !== pinned)
			console.log(
				`  note: code list ${listId} is at ${current}; this version keeps its frozen release ${pinned}`,
			)
	}
	console.log(validation.ok ? '  ✓ valid' : '  ✗ invalid')
}

console.log('\nconcept coverage (informative: does not fail the check)')
const coverage = conceptCoverage(listFormDefinitions())
for (const { formId, version, questions, columns } of coverage.unmapped) {
	const status = formVersionIdentity(formId, version)?.status
	console.log(
		`  ${formId} v${version} (${status}): ${questions.length} questions without a concept`,
	)
	if (questions.length) console.log(`    ${questions.join(', ')}`)
	if (columns.length) console.log(`    quantity columns without a concept: ${columns.join(', ')}`)
}
console.log(
	`  concepts no form uses (${coverage.unused.length}): ${coverage.unused.join(', ') || 'none'}`,
)

console.log('\nfrozen versions (forms/published)')
const freeze = planFreeze(AUTHORED_VERSIONS, await readFrozenDir(PUBLISHED_DIR), {
	targets: [],
	draft: false,
	replaceDraft: false,
})
for (const step of freeze.steps) {
	const line = `${step.formId} v${step.version}: ${step.message}`
	if (step.action === 'unchanged') console.log(`  ✓ ${line}`)
	else fail(`${line} (run npm run forms:publish)`)
}

console.log('\nmigrations')
for (const spec of listMigrationSpecs()) {
	const fromDef = getFormDefinition(spec.formId, spec.from)
	const toDef = getFormDefinition(spec.formId, spec.to)
	if (!fromDef || !toDef) {
		fail(`${spec.formId} ${spec.from}→${spec.to}: unknown version`)
		continue
	}
	const errors = validateMigrationSpec(spec, fromDef, toDef)
	for (const error of errors) fail(`${spec.formId} ${spec.from}→${spec.to}: ${error}`)
	console.log(
		`  ${spec.formId} ${spec.from}→${spec.to}: ${spec.questions.length} mappings ${errors.length ? '✗' : '✓'}`,
	)
}

const badCas = CHEMICALS.entries.flatMap((entry) =>
	entry.cas.filter((cas) => !isCasNumber(cas)).map((cas) => `${entry.code} ${cas}`),
)
console.log(
	`\ncode lists: ${CHEMICALS.entries.length} chemicals (${CHEMICALS.version}, ${CHEMICALS.date})`,
)
for (const cas of badCas) fail(`CAS number with a wrong check digit: ${cas}`)

if (failed) {
	console.log('\nforms:check failed')
	process.exit(1)
}
console.log('\nforms:check passed')
