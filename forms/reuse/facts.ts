import { CHEMICAL_LIST_ID, getCodeList } from '../codelists/index.ts'
import { UNITS } from '../codelists/units.ts'
import { compileForm } from '../engine/compile.ts'
import { tableRows } from '../engine/values.ts'
import type { Answers, FormDefinition, TableColumn, TableQuestion } from '../types.ts'

/**
 * Quantities as facts that can be compared across forms (docs/decisions/014): "Kenya exported
 * 12 t of waste Y10 to India in 2024" is the same fact whether the Basel report's Table 4 or the
 * Stockholm report's Article 6 table gives it. A fact is
 * - a concept (of the numeric question or table column that holds it),
 * - its classification: the row's chemical, partner country, year and coded categories (columns
 *   of type `chemical`, `country`, `year`, and choices from a code list), plus the reporting year
 *   when the report covers exactly one calendar year and the row names none; a quantity with no
 *   year of its own in a report on several years is about that whole period (`period`), so it
 *   meets only the same period's,
 * - an amount in the canonical unit of its dimension (kg for mass), so tonnes meet kilograms.
 * Rows of one report with the same classification add up. Markers and blanks are no facts.
 *
 * Chemicals meet across code lists by CAS number: a chemical is identified by its single CAS
 * number where its code-list entry has one (`cas:50-29-3`), else by list and code. A form about one
 * chemical (the DDT questionnaire) names it through `implied`. The mass of a named chemical is the
 * same quantity whether a form says "kg" or "kg of active ingredient" (both weigh the substance
 * itself); without a named chemical the two never meet (`forms/codelists/units.ts`).
 */

export interface Fact {
	concept: string
	/** Classification, e.g. `{ chemical: 'DDT', year: '2024' }`. */
	dims: Record<string, string>
	/** `concept` + dims, the join key across forms. */
	key: string
	/** Amount in the canonical unit of `dimension`. */
	amount: number
	/** The unit's dimension (`mass`, `count`…), or `none` for a number without unit. */
	dimension: string
	/** Where the amount was read (a question, or a question's column). */
	questionId: string
	columnId?: string
}

const unitByCode = new Map(UNITS.entries.map((entry) => [entry.code, entry]))

/** The unit amounts of a dimension are given in once canonical (kg for mass). */
export function canonicalUnit(dimension: string): string {
	return UNITS.entries.find((u) => u.dimension === dimension && u.toCanonical === 1)?.code ?? ''
}

function canonical(amount: number, unit: string | undefined) {
	const entry = unit ? unitByCode.get(unit) : undefined
	if (unit && !entry) return undefined
	return entry
		? { amount: amount * entry.toCanonical, dimension: entry.dimension }
		: { amount, dimension: 'none' }
}

type DimensionReader = { id: string; name: string; value: (cell: string | number) => string }

const asString = (cell: string | number) => String(cell)

/** `cas:<number>` for an entry with exactly one CAS number, else `<list>:<code>`. */
export function chemicalIdentity(listId: string, code: string): string {
	const entry = getCodeList(listId)?.entries.find((e) => e.code === code) as
		{ cas?: string[] } | undefined
	return entry?.cas?.length === 1 ? `cas:${entry.cas[0]}` : `${listId}:${code}`
}

function listHasCas(listId: string): boolean {
	return (getCodeList(listId)?.entries ?? []).some((entry) => 'cas' in entry)
}

function dimensionReader(column: TableColumn): DimensionReader | undefined {
	if ('multiple' in column && column.multiple) return undefined
	switch (column.type) {
		case 'chemical':
			return {
				id: column.id,
				name: 'chemical',
				value: (cell) => chemicalIdentity(CHEMICAL_LIST_ID, String(cell)),
			}
		case 'country':
		case 'year':
			return { id: column.id, name: column.type, value: asString }
		case 'single_choice': {
			if (!('codeList' in column)) return undefined
			const listId = column.codeList
			return listHasCas(listId)
				? {
						id: column.id,
						name: 'chemical',
						value: (cell) => chemicalIdentity(listId, String(cell)),
					}
				: { id: column.id, name: `code:${listId}`, value: asString }
		}
		default:
			return undefined
	}
}

const SUBSTANCE_MASS = new Set(['mass', 'active_ingredient_mass'])

function withChemical(fact: Fact): Fact {
	return fact.dims.chemical && SUBSTANCE_MASS.has(fact.dimension)
		? { ...fact, dimension: 'mass' }
		: fact
}

export function factKey(concept: string, dims: Record<string, string>): string {
	const parts = Object.keys(dims)
		.sort()
		.map((name) => `${name}=${dims[name]}`)
	return [concept, ...parts].join('|')
}

function isQuantityColumn(column: TableColumn): boolean {
	return (column.type === 'decimal' || column.type === 'integer') && column.concept !== undefined
}

/** The report's year when it covers exactly one calendar year. */
export type FactPeriod = { periodStart: string; periodEnd: string }
function singleYear(period: FactPeriod | undefined): string | undefined {
	if (!period) return undefined
	const start = period.periodStart.slice(0, 4)
	return start === period.periodEnd.slice(0, 4) ? start : undefined
}

function tableFacts(table: TableQuestion, value: unknown, base: Record<string, string>): Fact[] {
	const quantities = table.columns.filter(isQuantityColumn)
	if (quantities.length === 0) return []
	const readers = table.columns.flatMap((column) => dimensionReader(column) ?? [])
	const facts: Fact[] = []
	for (const row of tableRows(value)) {
		const dims: Record<string, string> = { ...base }
		for (const reader of readers) {
			const cell = row.cells[reader.id]
			if (typeof cell === 'string' || typeof cell === 'number')
				dims[reader.name] = reader.value(cell)
		}
		if (dims.year !== undefined) delete dims.period
		for (const column of quantities) {
			const cell = row.cells[column.id]
			if (typeof cell !== 'number') continue
			const unit = 'unit' in column ? column.unit : undefined
			const amount = canonical(cell, unit)
			if (!amount) continue
			facts.push({
				concept: column.concept!,
				dims,
				key: factKey(column.concept!, dims),
				...amount,
				questionId: table.id,
				columnId: column.id,
			})
		}
	}
	return facts
}

export interface FactOptions {
	period?: FactPeriod
	/** Classification every quantity of the form shares, e.g. `{ chemical: 'DDT' }` (a code of the Stockholm chemicals list). */
	implied?: { chemical?: string }
}

/** The facts of one report's answers (as its readers see them: `askedAnswers`), summed per key. */
export function quantityFacts(
	definition: FormDefinition,
	answers: Answers,
	options: FactOptions = {},
): Fact[] {
	const year = singleYear(options.period)
	const base: Record<string, string> = {}
	if (year) base.year = year
	else if (options.period) base.period = `${options.period.periodStart}/${options.period.periodEnd}`
	if (options.implied?.chemical)
		base.chemical = chemicalIdentity(CHEMICAL_LIST_ID, options.implied.chemical)
	const facts: Fact[] = []
	for (const { question } of compileForm(definition).questions) {
		const value = answers[question.id]
		if (value === undefined) continue
		if (question.type === 'table') {
			facts.push(...tableFacts(question, value, base))
			continue
		}
		if ((question.type !== 'decimal' && question.type !== 'integer') || !question.concept) continue
		if (typeof value !== 'number') continue
		const amount = canonical(value, question.unit)
		if (!amount) continue
		const dims = { ...base }
		facts.push({
			concept: question.concept,
			dims,
			key: factKey(question.concept, dims),
			...amount,
			questionId: question.id,
		})
	}
	return sumByKey(facts.map(withChemical))
}

function sumByKey(facts: Fact[]): Fact[] {
	const byKey = new Map<string, Fact>()
	for (const fact of facts) {
		const id = `${fact.key}#${fact.dimension}`
		const seen = byKey.get(id)
		if (seen) seen.amount += fact.amount
		else byKey.set(id, { ...fact, dims: { ...fact.dims } })
	}
	return [...byKey.values()]
}

export interface FactSource {
	/** The submission (or report) the facts come from. */
	id: string
	formId: string
	facts: Fact[]
}

export interface Disagreement {
	concept: string
	dims: Record<string, string>
	key: string
	dimension: string
	/** One value per form, in the order of the sources. */
	values: {
		sourceId: string
		formId: string
		amount: number
		questionId: string
		columnId?: string
	}[]
}

/** Relative difference under which two amounts count as the same (rounding in conversions). */
export const SAME_AMOUNT_TOLERANCE = 0.005

function sameAmount(a: number, b: number): boolean {
	const scale = Math.max(Math.abs(a), Math.abs(b))
	return scale === 0 || Math.abs(a - b) / scale <= SAME_AMOUNT_TOLERANCE
}

/**
 * The facts that different forms give different amounts for (after conversion to the canonical
 * unit). Facts of one form are never compared with each other, nor amounts of different
 * dimensions (kg of active ingredient with kg).
 */
export function disagreements(sources: readonly FactSource[]): Disagreement[] {
	const groups = new Map<string, Disagreement>()
	for (const source of sources) {
		for (const fact of source.facts) {
			const id = `${fact.key}#${fact.dimension}`
			const group = groups.get(id) ?? {
				concept: fact.concept,
				dims: fact.dims,
				key: fact.key,
				dimension: fact.dimension,
				values: [],
			}
			if (group.values.some((value) => value.formId === source.formId)) continue
			group.values.push({
				sourceId: source.id,
				formId: source.formId,
				amount: fact.amount,
				questionId: fact.questionId,
				...(fact.columnId ? { columnId: fact.columnId } : {}),
			})
			groups.set(id, group)
		}
	}
	return [...groups.values()].filter(
		(group) =>
			group.values.length > 1 &&
			group.values.some((value) => !sameAmount(value.amount, group.values[0]!.amount)),
	)
}
