import type { TableColumn } from '#forms/types.ts'

/** Room for a cell's compact marker menu ("not available", …) next to its input. */
const MARKER_REM = 2.75

function editableWidthRem(column: TableColumn): number {
	switch (column.type) {
		case 'checkbox':
			return 6
		case 'integer':
		case 'decimal':
		case 'year':
		case 'text':
		case 'email':
		case 'url':
			return 8.75
		case 'date':
			return 10
		case 'yes_no':
		case 'yes_no_status':
		case 'single_choice':
			return 12
		case 'country':
		case 'chemical':
			return column.multiple ? 16 : 14
		case 'multiple_choice':
		case 'long_text':
			return 16
	}
}

function dimensionWidthRem(column: TableColumn): number {
	switch (column.type) {
		case 'year':
		case 'integer':
			return 5
		case 'chemical':
			return 16
		case 'country':
		case 'single_choice':
			return 14
		default:
			return 10
	}
}

/** Columns kept in view while a wide table scrolls sideways take at most this much room. */
const STICKY_START_MAX_REM = 22
const ACTIONS_REM = 6

export type TableGrid = {
	/** `grid-template-columns` of every row. */
	template: string
	/** The table's minimum width. */
	minWidthRem: number
	/**
	 * Leading columns that stay in view when the table scrolls sideways (the cells that say which
	 * row this is: the chemical and year of fixed rows, the number and first column of open
	 * rows), with the offset of each from the start edge; and whether the last column (the row's
	 * actions) stays in view at the end edge.
	 */
	sticky: { offsetsRem: number[]; startWidthRem: number; endWidthRem: number }
}

/**
 * The column tracks of an editor table. Each row is laid out on its own with these fixed tracks
 * (CSS grid, not table layout), so rows scrolled out of view can skip rendering
 * (`content-visibility: auto`) without columns changing width as rows come into view. The first
 * dimension column (the chemical, say) also takes any width left over, which it only gets when
 * the table is wider than its minimum, that is when nothing scrolls sideways and the sticky
 * offsets do not matter.
 */
export function tableGridTemplate(input: {
	dimensionColumns: TableColumn[]
	editableColumns: TableColumn[]
	rowNumbers: boolean
	rowActions: boolean
	markers: boolean
}): TableGrid {
	const dimensions = input.dimensionColumns.map(dimensionWidthRem)
	const editable = input.editableColumns.map(
		(c) => editableWidthRem(c) + (input.markers && (c.markers?.length ?? 0) > 0 ? MARKER_REM : 0),
	)
	const rowNumbers = input.rowNumbers ? [3] : []
	const widths = [
		...dimensions,
		...rowNumbers,
		...editable,
		...(input.rowActions ? [ACTIONS_REM] : []),
	]
	const growing = input.dimensionColumns.length > 0 ? 0 : -1
	const tracks = widths.map((w, i) => (i === growing ? `minmax(${w}rem, 1fr)` : `${w}rem`))

	const identifying = dimensions.length > 0 ? dimensions : [...rowNumbers, ...editable.slice(0, 1)]
	const offsetsRem: number[] = []
	let startWidthRem = 0
	for (const width of identifying) {
		if (offsetsRem.length > 0 && startWidthRem + width > STICKY_START_MAX_REM) break
		offsetsRem.push(startWidthRem)
		startWidthRem += width
	}
	return {
		template: tracks.join(' '),
		minWidthRem: widths.reduce((sum, w) => sum + w, 0),
		sticky: { offsetsRem, startWidthRem, endWidthRem: input.rowActions ? ACTIONS_REM : 0 },
	}
}
