import type { KeyFigure } from './key-figures.ts'

/** At most this many series in a key figure's chart: the largest, then the others summed. */
export const CHART_SERIES = 5

/**
 * The rows a figure's chart draws: those with an amount other than zero, largest total first; past
 * `CHART_SERIES`, the smaller ones summed in one row (`others`).
 */
export function chartRows(figure: KeyFigure): (KeyFigure['rows'][number] & { others?: true })[] {
	const total = (row: KeyFigure['rows'][number]) =>
		row.amounts.reduce<number>((sum, amount) => sum + Math.abs(amount ?? 0), 0)
	const shown = figure.rows.filter((row) => total(row) > 0).sort((a, b) => total(b) - total(a))
	if (shown.length <= CHART_SERIES) return shown
	const rest = shown.slice(CHART_SERIES - 1)
	return [
		...shown.slice(0, CHART_SERIES - 1),
		{
			key: 'others',
			label: null,
			others: true,
			amounts: figure.columns.map((_, index) =>
				rest.reduce((sum, row) => sum + (row.amounts[index] ?? 0), 0),
			),
		},
	]
}
