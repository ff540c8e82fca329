/**
 * `npm run forms:check`: validates every registered definition against the meta-schema, every
 * migration spec against the versions it links, and prints per definition the number of
 * questions, tables, conditions, rules and concepts, and which languages have complete texts.
 * Exits with status 1 when anything is invalid.
 */
import { CHEMICALS, getCodeList } from './codelists/index.ts'
import { isCasNumber } from './engine/patterns.ts'
import { listMigrationSpecs, validateMigrationSpec } from './migrations/index.ts'
import { getFormDefinition, listFormDefinitions } from './registry.ts'
import { validateDefinition } from './schema.ts'
import { missingTexts } from './text.ts'
import type { Condition, FormDefinition } from './types.ts'
import { LANGUAGES } from './types.ts'

interface Stats {
	questions: number
	tables: number
	columns: number
	conditions: number
	rules: number
	concepts: Set<string>
	conceptItems: number
}

function stats(def: FormDefinition): Stats {
	const result: Stats = {
		questions: 0,
		tables: 0,
		columns: 0,
		conditions: 0,
		rules: def.rules.length,
		concepts: new Set(),
		conceptItems: 0,
	}
	const countCondition = (condition: Condition | boolean | undefined) => {
		if (condition !== undefined && typeof condition === 'object') result.conditions++
	}
	const countConcept = (concept: string | undefined) => {
		if (!concept) return
		result.concepts.add(concept)
		result.conceptItems++
	}
	for (const part of def.parts) {
		countCondition(part.visibleIf)
		for (const section of part.sections) {
			countCondition(section.visibleIf)
			for (const question of section.questions) {
				result.questions++
				countCondition(question.visibleIf)
				countCondition(question.required)
				countConcept(question.concept)
				if (question.type === 'table') {
					result.tables++
					result.columns += question.columns.length
					for (const column of question.columns) {
						countCondition(column.visibleIf)
						countCondition(column.required)
						countConcept(column.concept)
					}
				}
			}
		}
	}
	for (const rule of def.rules) {
		countCondition(rule.when)
		if (rule.kind === 'assert') countCondition(rule.assert)
	}
	return result
}

let failed = false
const fail = (message: string) => {
	failed = true
	console.log(`  ✗ ${message}`)
}

for (const def of listFormDefinitions()) {
	console.log(
		`\n${def.formId} v${def.version}  (period ${def.reportingPeriod.startYear}–${def.reportingPeriod.endYear}, due ${def.deadline})`,
	)
	const validation = validateDefinition(def)
	if (!validation.ok)
		for (const error of validation.errors)
			fail(`${error.code} at ${error.path.join('.')}: ${error.message}`)
	const s = stats(def)
	console.log(
		`  questions ${s.questions} · tables ${s.tables} (${s.columns} columns) · conditions ${s.conditions} · rules ${s.rules}`,
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
				`  note: code list ${listId} is at ${current}, the definition was prepared against ${pinned}`,
			)
	}
	console.log(validation.ok ? '  ✓ valid' : '  ✗ invalid')
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
