import type {
	CellValue,
	Evaluation,
	FillValue,
	FormContext,
	FormDefinition,
	TableAnswer,
} from '../types.ts'
import { compileForm } from './compile.ts'
import { isAnswered, isTableAnswer } from './values.ts'

/** What a fill value writes into a cell. */
export function fillCellValue(fill: FillValue): CellValue {
	return 'marker' in fill ? { marker: fill.marker } : fill.value
}

/**
 * "Fill every empty cell": writes `fill` into each empty, editable cell of the table's asked rows
 * that is visible in its row and accepts the value (type, options, bounds and markers as the
 * engine checks them). Answered cells are never overwritten; rows not asked are left alone.
 * Returns the new answer and how many cells it filled.
 */
export function fillEmptyCells(
	def: FormDefinition,
	tableId: string,
	answer: unknown,
	fill: FillValue,
	evaluation: Pick<Evaluation, 'hiddenRows' | 'cells'>,
	ctx: FormContext,
): { answer: TableAnswer; filled: number } {
	const table = compileForm(def).tables.get(tableId)
	const rows = isTableAnswer(answer) ? answer.rows : []
	if (!table) return { answer: { rows }, filled: 0 }
	const value = fillCellValue(fill)
	const columns = table.answerColumns.filter(
		({ column, check }) => !column.readOnly && check(value, ctx) === null,
	)
	const hidden = new Set(evaluation.hiddenRows[tableId] ?? [])
	const cellStates = evaluation.cells[tableId] ?? {}
	let filled = 0
	const next = rows.map((row) => {
		if (hidden.has(row.id)) return row
		let cells: typeof row.cells | undefined
		for (const { column } of columns) {
			if (isAnswered(row.cells[column.id])) continue
			if (cellStates[row.id]?.[column.id]?.visible === false) continue
			cells ??= { ...row.cells }
			cells[column.id] = value
			filled++
		}
		return cells ? { ...row, cells } : row
	})
	return { answer: { rows: next }, filled }
}
