import type { CodeListPins } from '../codelists/index.ts'
import { depositaryRecordKey } from '../codelists/depositary-record-key.ts'
import type { CodeListSource, FixedRow, FormContext, TableQuestion } from '../types.ts'

/** Joins dimension codes into a fixed row key, e.g. `PFHXS|2023`. */
export function rowKey(values: readonly (string | number)[]): string {
	return values.join('|')
}

export function periodYears(ctx: FormContext): number[] {
	const start = Number(ctx.periodStart.slice(0, 4))
	const end = Number(ctx.periodEnd.slice(0, 4))
	const years: number[] = []
	for (let year = start; year <= end; year++) years.push(year)
	return years
}

/**
 * What everything computed per context depends on: Party, period and depositary record (absent:
 * the built-in one, release 0).
 */
export function contextKey(ctx: FormContext): string {
	const record = ctx.depositaryRecord ? depositaryRecordKey(ctx.depositaryRecord) : 'built-in'
	return `${ctx.partyCode}|${ctx.periodStart}|${ctx.periodEnd}|${record}`
}

/**
 * Memoises what `compute` gives per context: per code-list source, and per `keyOf(ctx)` (default:
 * `contextKey`), keeping at most 64 contexts per source.
 */
export function perContext<T>(
	compute: (ctx: FormContext) => T,
	keyOf: (ctx: FormContext) => string = contextKey,
): (ctx: FormContext) => T {
	const caches = new WeakMap<CodeListSource, Map<string, T>>()
	return (ctx) => {
		let cache = caches.get(ctx.codeLists)
		if (!cache) {
			cache = new Map()
			caches.set(ctx.codeLists, cache)
		}
		const key = keyOf(ctx)
		let value = cache.get(key)
		if (value === undefined) {
			if (cache.size > 64) cache.clear()
			value = compute(ctx)
			cache.set(key, value)
		}
		return value
	}
}

/**
 * The years of the period in which a chemical's listing was in force for the Party on at least one
 * day (its entry into force for the Party falls on or before 31 December of the year): the years
 * for which Article 15(2) data can be asked.
 */
export function yearsInForce(chemicalCode: string, ctx: FormContext): number[] {
	const inForceFrom = ctx.codeLists.chemicalInForceFrom(chemicalCode, ctx)
	if (inForceFrom === null) return []
	return periodYears(ctx).filter((year) => inForceFrom <= `${year}-12-31`)
}

/**
 * Computes the fixed rows of a table (no caching; see `rowsFor` in compile.ts), from the code-list
 * releases the form version pins.
 */
export function computeFixedRows(
	table: TableQuestion,
	ctx: FormContext,
	pins: CodeListPins,
): FixedRow[] {
	if (table.rows.kind !== 'fixed') return []
	let combos: { values: (string | number)[]; cells: Record<string, string | number> }[] = [
		{ values: [], cells: {} },
	]
	for (const dimension of table.rows.dimensions) {
		let values: (cells: Record<string, string | number>) => readonly (string | number)[]
		if ('periodYears' in dimension) {
			const years = periodYears(ctx)
			const chemicalColumn = dimension.inForceFor
			values = chemicalColumn
				? (cells) => yearsInForce(String(cells[chemicalColumn]), ctx)
				: () => years
		} else if ('codes' in dimension) values = () => dimension.codes
		else {
			const codes = ctx.codeLists.codes(dimension.codeList, dimension.filter, ctx, pins)
			values = () => codes
		}
		const next: typeof combos = []
		for (const combo of combos) {
			for (const value of values(combo.cells)) {
				next.push({
					values: [...combo.values, value],
					cells: { ...combo.cells, [dimension.column]: value },
				})
			}
		}
		combos = next
	}
	return combos.map(({ values, cells }) => {
		const key = rowKey(values)
		return { id: key, key, cells }
	})
}
