import { isTableAnswer } from '#forms/engine/values.ts'
import type { FormText } from '#forms/text.ts'
import type { Answer, TableColumn, TableQuestion } from '#forms/types.ts'

export interface ChartSeries {
	key: string
	label: string
	values: number[]
}

/**
 * A grouped bar chart of a numeric table across countries:
 * - `byYear`: one numeric column summed per year (categories) and country (series), e.g. DDT used
 *   per year by country; countries beyond the largest few are summed as "others";
 * - `byCategory`: every numeric column (series) summed over countries and years per code of the
 *   table's first choice column (categories), e.g. production, import and export per chemical.
 */
export interface ChartData {
	id: string
	kind: 'byYear' | 'byCategory'
	questionId: string
	title: string
	/** The numeric column of a `byYear` chart, the category column of a `byCategory` chart. */
	columnLabel: string
	unit: string | null
	categories: { key: string; label: string }[]
	series: ChartSeries[]
}

export interface ChartInput {
	partyCode: string
	partyName: string
	value: Answer | undefined
}

export const OTHERS_KEY = '__others__'

function numericColumns(question: TableQuestion): TableColumn[] {
	return question.columns.filter(
		(column) => (column.type === 'decimal' || column.type === 'integer') && !column.readOnly,
	)
}

/** Tables a chart can be drawn for: some numeric column, and years or a choice column to group by. */
export function isChartable(question: TableQuestion): boolean {
	return (
		numericColumns(question).length > 0 &&
		question.columns.some((column) => column.type === 'year' || categoryType(column))
	)
}

function categoryType(column: TableColumn): boolean {
	return column.type === 'chemical' || column.type === 'country' || column.type === 'single_choice'
}

function add(map: Map<string, number>, key: string, value: unknown) {
	if (typeof value !== 'number' || !Number.isFinite(value)) return
	map.set(key, (map.get(key) ?? 0) + value)
}

export function tableCharts(
	question: TableQuestion,
	text: FormText,
	reports: readonly ChartInput[],
	options: { maxCountries?: number; maxCategories?: number; othersLabel?: string } = {},
): ChartData[] {
	const measures = numericColumns(question)
	if (measures.length === 0) return []
	const title = text.label(question.id)
	const unitOf = (column: TableColumn) =>
		(column.type === 'decimal' || column.type === 'integer') && column.unit
			? text.unit(column.unit)
			: null
	const charts: ChartData[] = []
	const rowsOf = (value: Answer | undefined) => (isTableAnswer(value) ? value.rows : [])

	const yearColumn = question.columns.find((column) => column.type === 'year')
	if (yearColumn) {
		const measure = measures[0]!
		const perCountry = new Map<string, Map<string, number>>()
		const names = new Map<string, string>()
		const years = new Set<number>()
		for (const report of reports) {
			const sums = new Map<string, number>()
			for (const row of rowsOf(report.value)) {
				const year = row.cells[yearColumn.id]
				if (typeof year !== 'number') continue
				years.add(year)
				add(sums, String(year), row.cells[measure.id])
			}
			if (sums.size > 0) {
				perCountry.set(report.partyCode, sums)
				names.set(report.partyCode, report.partyName)
			}
		}
		if (perCountry.size > 0) {
			const categories = [...years].sort((a, b) => a - b).map((year) => String(year))
			const total = (sums: Map<string, number>) => [...sums.values()].reduce((a, b) => a + b, 0)
			const ranked = [...perCountry].sort(
				(a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]),
			)
			const limit = options.maxCountries ?? 8
			const shown = ranked.length > limit ? ranked.slice(0, limit - 1) : ranked
			const series: ChartSeries[] = shown.map(([code, sums]) => ({
				key: code,
				label: names.get(code) ?? code,
				values: categories.map((year) => sums.get(year) ?? 0),
			}))
			if (ranked.length > shown.length) {
				const rest = ranked.slice(shown.length)
				series.push({
					key: OTHERS_KEY,
					label: options.othersLabel ?? 'Others',
					values: categories.map((year) =>
						rest.reduce((sum, [, sums]) => sum + (sums.get(year) ?? 0), 0),
					),
				})
			}
			charts.push({
				id: `${question.id}-by-year`,
				kind: 'byYear',
				questionId: question.id,
				title,
				columnLabel: text.label(`${question.id}.${measure.id}`),
				unit: unitOf(measure),
				categories: categories.map((year) => ({ key: year, label: year })),
				series,
			})
		}
	}

	const category = question.columns.find(categoryType)
	if (category) {
		const shownMeasures = measures.slice(0, 4)
		const sums = shownMeasures.map(() => new Map<string, number>())
		for (const report of reports) {
			for (const row of rowsOf(report.value)) {
				const code = row.cells[category.id]
				if (typeof code !== 'string') continue
				shownMeasures.forEach((measure, index) => add(sums[index]!, code, row.cells[measure.id]))
			}
		}
		const totals = new Map<string, number>()
		for (const map of sums)
			for (const [code, value] of map) totals.set(code, (totals.get(code) ?? 0) + value)
		const codes = [...totals]
			.filter(([, value]) => value !== 0)
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
			.slice(0, options.maxCategories ?? 15)
			.map(([code]) => code)
		if (codes.length > 0) {
			charts.push({
				id: `${question.id}-by-${category.id}`,
				kind: 'byCategory',
				questionId: question.id,
				title,
				columnLabel: text.label(`${question.id}.${category.id}`),
				unit: unitOf(shownMeasures[0]!),
				categories: codes.map((code) => ({
					key: code,
					label: text.option(`${question.id}.${category.id}`, code),
				})),
				series: shownMeasures.map((measure, index) => ({
					key: measure.id,
					label: text.label(`${question.id}.${measure.id}`),
					values: codes.map((code) => sums[index]!.get(code) ?? 0),
				})),
			})
		}
	}
	return charts
}
