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

/**
 * The column tracks of an editor table. Each row is laid out on its own with these fixed tracks
 * (CSS grid, not table layout), so rows scrolled out of view can skip rendering
 * (`content-visibility: auto`) without columns changing width as rows come into view. The first
 * dimension column (the chemical, say) also takes any width left over. Returns the
 * `grid-template-columns` value and the table's minimum width in rem.
 */
export function tableGridTemplate(input: {
	dimensionColumns: TableColumn[]
	editableColumns: TableColumn[]
	rowNumbers: boolean
	rowActions: boolean
	markers: boolean
}): { template: string; minWidthRem: number } {
	const widths = [
		...input.dimensionColumns.map(dimensionWidthRem),
		...(input.rowNumbers ? [3] : []),
		...input.editableColumns.map(
			(c) => editableWidthRem(c) + (input.markers && (c.markers?.length ?? 0) > 0 ? MARKER_REM : 0),
		),
		...(input.rowActions ? [6] : []),
	]
	const growing = input.dimensionColumns.length > 0 ? 0 : -1
	const tracks = widths.map((w, i) => (i === growing ? `minmax(${w}rem, 1fr)` : `${w}rem`))
	return { template: tracks.join(' '), minWidthRem: widths.reduce((sum, w) => sum + w, 0) }
}
