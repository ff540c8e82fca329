import { describe, expect, it } from 'vitest'
import { askedAnswers } from '#forms/engine/asked.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import type { Answers, TableAnswer } from '#forms/types.ts'
import { chartRows } from './key-figure-chart.ts'
import { chemicalLabel, confidentialQuantities, keyFigures } from './key-figures.ts'

const V6 = requireFormDefinition('stockholm-art15', 6)
const context = art15V6Context('KEN')
const period = { periodStart: context.periodStart, periodEnd: context.periodEnd }

/** Kenya's complete answers with the exports of one asked row withheld as confidential. */
function withConfidentialExport(): {
	answers: Answers
	withheld: { chemical: string; year: string; kg: number }
} {
	const answers = buildCompleteArt15V6Answers(context)
	const table = answers.b3_statistics as TableAnswer
	const target = table.rows.find(
		(row) => typeof row.cells.export_kg === 'number' && row.cells.export_kg > 0,
	)!
	const kg = target.cells.export_kg as number
	return {
		answers: {
			...answers,
			b3_statistics: {
				rows: table.rows.map((row) =>
					row.id === target.id
						? { ...row, cells: { ...row.cells, export_kg: { marker: 'confidential' } } }
						: row,
				),
			},
		},
		withheld: { chemical: String(target.cells.chemical), year: String(target.cells.year), kg },
	}
}

describe('key figures of an accepted report', () => {
	it('sum the quantities per chemical and year, without the confidential ones, and count those', () => {
		const complete = askedAnswers(V6, buildCompleteArt15V6Answers(context), context)
		const { answers, withheld } = withConfidentialExport()
		const before = keyFigures(V6, complete, period, 'en')
		const after = keyFigures(V6, askedAnswers(V6, answers, context), period, 'en')
		const exportsOf = (figures: typeof before) =>
			figures.find((figure) => figure.concept === 'TRADE.EXPORT.CHEM')!
		const year = exportsOf(before).columns.findIndex((column) => column.year === withheld.year)
		const scale = exportsOf(before).unit === 't' ? 1000 : 1
		expect(exportsOf(before).confidential).toBe(0)
		expect(exportsOf(after).confidential).toBe(1)
		expect(exportsOf(before).totals[year]! - exportsOf(after).totals[year]!).toBeCloseTo(
			withheld.kg / scale,
			6,
		)
	})

	it('leave out the breakdowns by partner country, which repeat the yearly totals', () => {
		const figures = keyFigures(
			V6,
			askedAnswers(V6, buildCompleteArt15V6Answers(context), context),
			period,
			'en',
		)
		const imports = figures.find((figure) => figure.concept === 'TRADE.IMPORT.CHEM')!
		expect(imports.columns.every((column) => column.year !== null)).toBe(true)
		expect(figures.map((figure) => figure.concept)).toContain('PCB.ELIMINATION')
	})

	it('count confidential quantities only of their own concepts', () => {
		const { answers } = withConfidentialExport()
		const counts = confidentialQuantities(V6, askedAnswers(V6, answers, context))
		expect(counts.get('TRADE.EXPORT.CHEM')).toBe(1)
		expect(counts.get('PROD.CHEM')).toBeUndefined()
	})

	it('name chemicals by CAS number in the page language', () => {
		expect(chemicalLabel('cas:50-29-3', 'en')).toMatch(/DDT/)
		expect(chemicalLabel('cas:0000-00-0', 'en')).toBe('CAS 0000-00-0')
	})
})

describe('a key figure’s chart', () => {
	const figure = (amounts: number[][]) => ({
		concept: 'PROD.CHEM' as const,
		unit: 'kg' as const,
		columns: [
			{ key: '2024', year: '2024' },
			{ key: '2025', year: '2025' },
		],
		rows: amounts.map((values, index) => ({
			key: `c${index}`,
			label: `Chemical ${index}`,
			amounts: values,
		})),
		totals: [0, 0],
		confidential: 0,
	})

	it('draws the chemicals with amounts, largest first, and sums the smallest past five', () => {
		const rows = chartRows(
			figure([
				[0, 0],
				[1, 1],
				[9, 9],
				[2, 2],
				[3, 3],
				[4, 4],
				[5, 5],
			]),
		)
		expect(rows.map((row) => row.key)).toEqual(['c2', 'c6', 'c5', 'c4', 'others'])
		expect(rows.at(-1)).toMatchObject({ others: true, amounts: [3, 3] })
		expect(
			chartRows(
				figure([
					[0, 0],
					[0, 2],
				]),
			).map((row) => row.key),
		).toEqual(['c1'])
	})
})
