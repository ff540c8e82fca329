import { getFormDefinition } from '../registry.ts'
import { ART15_5_TO_6 } from '../stockholm-art15/migrations/5-to-6.ts'
import type { Answers, FormContext, FormDefinition } from '../types.ts'
import type { MigrationResult } from './migrate.ts'
import { applyMigrationSpec } from './migrate.ts'
import type { MigrationReportEntry, MigrationSpec, PeriodBoundValues } from './types.ts'
import { registeredCodeLists } from '../codelists/source.ts'
import { questionsOf } from '../question-index.ts'

export type * from './types.ts'
export type { MigrationResult } from './migrate.ts'
export { applyMigrationSpec } from './migrate.ts'
export { applyTransform, combine } from './transforms.ts'
export { validateMigrationSpec } from './validate-spec.ts'

/** Explicit registry of migration specs (one per consecutive version pair). */
const SPECS: readonly MigrationSpec[] = [ART15_5_TO_6]

export function listMigrationSpecs(): readonly MigrationSpec[] {
	return SPECS
}

export function getMigrationSpec(formId: string, from: number): MigrationSpec | undefined {
	return SPECS.find((spec) => spec.formId === formId && spec.from === from)
}

/** The context of a report on `def` for a Party, from the definition's reporting period. */
export function contextFor(def: FormDefinition, partyCode: string): FormContext {
	return {
		partyCode,
		periodStart: `${def.reportingPeriod.startYear}-01-01`,
		periodEnd: `${def.reportingPeriod.endYear}-12-31`,
		codeLists: registeredCodeLists,
	}
}

/** The Party an answer set belongs to: the answer of the question with concept `PARTY.ID`. */
function partyOf(def: FormDefinition, answers: Answers): string | undefined {
	for (const question of questionsOf(def)) {
		const value = answers[question.id]
		if (question.concept === 'PARTY.ID' && typeof value === 'string') return value
	}
	return undefined
}

/**
 * Migrates answers from `fromDef` to `toDef` (same form, `to.version > from.version`), applying
 * the registered spec of each step (a step without a spec carries same-id answers and reports
 * the rest as failed). `ctx` is the target report's context; by default it is derived from the
 * target definition's period and the Party answered in the source.
 *
 * Returns the new answers (type-correct for the target) and a report in which every source
 * answer appears: carried, renamed, transformed, split, merged, offered for confirmation, dropped
 * or failed, with reasons. Answers of the target's `periodBound` items are offered, not copied,
 * unless `periodBound` is `keep` (to compare two reports, not to start one).
 */
export function migrateAnswers(
	fromDef: FormDefinition,
	toDef: FormDefinition,
	answers: Answers,
	ctx?: FormContext,
	periodBound: PeriodBoundValues = 'offer',
): MigrationResult {
	if (fromDef.formId !== toDef.formId) {
		throw new Error(`Cannot migrate ${fromDef.formId} answers to ${toDef.formId}`)
	}
	if (toDef.version < fromDef.version) throw new Error('Migrations only go forward')
	const context = ctx ?? contextFor(toDef, partyOf(fromDef, answers) ?? '')
	if (toDef.version === fromDef.version) {
		return applyMigrationSpec(
			{ formId: fromDef.formId, from: fromDef.version, to: toDef.version, questions: [] },
			fromDef,
			toDef,
			answers,
			context,
			periodBound,
		)
	}
	let current = answers
	let currentDef = fromDef
	const report: MigrationReportEntry[] = []
	for (let version = fromDef.version; version < toDef.version; version++) {
		const nextDef =
			version + 1 === toDef.version ? toDef : getFormDefinition(fromDef.formId, version + 1)
		if (!nextDef) throw new Error(`No definition for ${fromDef.formId} v${version + 1}`)
		const spec = getMigrationSpec(fromDef.formId, version) ?? {
			formId: fromDef.formId,
			from: version,
			to: version + 1,
			questions: [],
		}
		const step = applyMigrationSpec(spec, currentDef, nextDef, current, context, periodBound)
		report.push(...step.report)
		current = step.answers
		currentDef = nextDef
	}
	return { answers: current, report }
}
