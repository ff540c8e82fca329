import { CHEMICAL_LIST_ID, CHEMICALS } from '#forms/codelists/index.ts'
import { codeLabel } from '#forms/codelists/labels.ts'
import { compileForm } from '#forms/engine/compile.ts'
import { isMarked, tableRows } from '#forms/engine/values.ts'
import { impliedClassification } from '#forms/registry.ts'
import { quantityFacts, type Fact, type FactPeriod } from '#forms/reuse/facts.ts'
import type { Answers, FormDefinition, Language } from '#forms/types.ts'

/**
 * The key figures a Party's public profile shows from an accepted report: the quantities of the
 * concepts below (`forms/concepts.ts`), read as comparable facts (`quantityFacts`: markers and
 * blanks are no facts, so a confidential value never enters a figure), per chemical and per year.
 * Breakdowns by partner country are left out: they repeat the yearly totals. Pure; the answers
 * are the accepted submission's, as its readers see them (`askedAnswers`).
 */
export const KEY_FIGURE_CONCEPTS = [
	'PROD.CHEM',
	'TRADE.IMPORT.CHEM',
	'TRADE.EXPORT.CHEM',
	'USE.CHEM',
	'STOCK.CHEM',
	'PCB.ELIMINATION',
] as const
export type KeyFigureConcept = (typeof KEY_FIGURE_CONCEPTS)[number]

export type KeyFigure = {
	concept: KeyFigureConcept
	/** Tonnes when the largest amount is 1 t or more, else kilograms. */
	unit: 't' | 'kg'
	/** The years the amounts are given for, ascending; `period` when the report gives one total. */
	columns: { key: string; year: string | null }[]
	/** One row per chemical (one unnamed row when the quantity names none), amounts per column. */
	rows: { key: string; label: string | null; amounts: (number | null)[] }[]
	/** Per column, the sum of the rows. */
	totals: number[]
	/** Quantities of the concept the Party marked confidential: withheld, in no amount above. */
	confidential: number
}

const isKeyConcept = (concept: string): concept is KeyFigureConcept =>
	(KEY_FIGURE_CONCEPTS as readonly string[]).includes(concept)

/** A chemical named in a fact (`cas:50-29-3` or `<list>:<code>`), in `language`. */
export function chemicalLabel(identity: string, language: Language): string {
	const [scheme, ...rest] = identity.split(':')
	const value = rest.join(':')
	if (scheme === 'cas') {
		const entry = CHEMICALS.entries.find((e) => e.cas?.length === 1 && e.cas[0] === value)
		return entry ? codeLabel(CHEMICAL_LIST_ID, entry.code, language) : `CAS ${value}`
	}
	return codeLabel(scheme!, value, language)
}

/** How many quantities of each key concept the answers mark confidential. */
export function confidentialQuantities(
	definition: FormDefinition,
	answers: Answers,
): Map<KeyFigureConcept, number> {
	const counts = new Map<KeyFigureConcept, number>()
	const add = (concept: string | undefined, value: unknown) => {
		if (!concept || !isKeyConcept(concept)) return
		if (isMarked(value) && value.marker === 'confidential')
			counts.set(concept, (counts.get(concept) ?? 0) + 1)
	}
	for (const { question } of compileForm(definition).questions) {
		const value = answers[question.id]
		if (value === undefined) continue
		if (question.type === 'table') {
			for (const row of tableRows(value))
				for (const column of question.columns) add(column.concept, row.cells[column.id])
		} else if ('concept' in question) add(question.concept, value)
	}
	return counts
}

function figureOf(
	concept: KeyFigureConcept,
	facts: readonly Fact[],
	confidential: number,
	language: Language,
): KeyFigure {
	const columnKey = (fact: Fact) => fact.dims.year ?? 'period'
	const columns = [...new Set(facts.map(columnKey))]
		.sort()
		.map((key) => ({ key, year: key === 'period' ? null : key }))
	const byRow = new Map<string, Map<string, number>>()
	for (const fact of facts) {
		const row = fact.dims.chemical ?? ''
		const amounts = byRow.get(row) ?? new Map<string, number>()
		amounts.set(columnKey(fact), (amounts.get(columnKey(fact)) ?? 0) + fact.amount)
		byRow.set(row, amounts)
	}
	const largest = Math.max(0, ...facts.map((fact) => Math.abs(fact.amount)))
	const unit = largest >= 1000 ? 't' : 'kg'
	const scale = (kg: number) => (unit === 't' ? kg / 1000 : kg)
	const rows = [...byRow.entries()]
		.map(([key, amounts]) => ({
			key,
			label: key ? chemicalLabel(key, language) : null,
			amounts: columns.map((column) => {
				const amount = amounts.get(column.key)
				return amount === undefined ? null : scale(amount)
			}),
		}))
		.sort((a, b) => (a.label ?? '').localeCompare(b.label ?? '', language))
	return {
		concept,
		unit,
		columns,
		rows,
		totals: columns.map((_, index) =>
			rows.reduce((sum, row) => sum + (row.amounts[index] ?? 0), 0),
		),
		confidential,
	}
}

/**
 * The key figures of one accepted report, concept by concept in `KEY_FIGURE_CONCEPTS` order: the
 * masses of each concept (by chemical and year, or for the whole period), and how many of its
 * quantities were withheld as confidential. Concepts the report gives nothing for are left out.
 */
export function keyFigures(
	definition: FormDefinition,
	answers: Answers,
	period: FactPeriod,
	language: Language,
): KeyFigure[] {
	const facts = quantityFacts(definition, answers, {
		period,
		implied: impliedClassification(definition.formId),
	}).filter((fact) => fact.dimension === 'mass' && fact.dims.country === undefined)
	const confidential = confidentialQuantities(definition, answers)
	return KEY_FIGURE_CONCEPTS.flatMap((concept) => {
		const own = facts.filter((fact) => fact.concept === concept)
		const withheld = confidential.get(concept) ?? 0
		if (own.length === 0 && withheld === 0) return []
		return [figureOf(concept, own, withheld, language)]
	})
}
