import { filterCodeList } from '../codelists/index.ts'
import type { FixedRow, FormContext, FormDefinition, TableQuestion } from '../types.ts'

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

export function contextKey(ctx: FormContext): string {
	return `${ctx.partyCode}|${ctx.periodStart}|${ctx.periodEnd}|${ctx.asOf ?? ''}`
}

/** Computes the fixed rows of a table (no caching; see `rowsFor` in compile.ts). */
export function computeFixedRows(table: TableQuestion, ctx: FormContext): FixedRow[] {
	if (table.rows.kind !== 'fixed') return []
	let combos: { values: (string | number)[]; cells: Record<string, string | number> }[] = [
		{ values: [], cells: {} },
	]
	for (const dimension of table.rows.dimensions) {
		let values: (string | number)[]
		if ('periodYears' in dimension) values = periodYears(ctx)
		else if ('codes' in dimension) values = dimension.codes
		else
			values = filterCodeList(dimension.codeList, dimension.filter, ctx).map((entry) => entry.code)
		const next: typeof combos = []
		for (const combo of combos) {
			for (const value of values) {
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

export function findTable(def: FormDefinition, id: string): TableQuestion | undefined {
	for (const part of def.parts) {
		for (const section of part.sections) {
			for (const question of section.questions) {
				if (question.id === id && question.type === 'table') return question
			}
		}
	}
	return undefined
}
