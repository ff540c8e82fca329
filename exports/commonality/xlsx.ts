import ExcelJS from 'exceljs'
import type { CommonalityAnalysis } from '#forms/commonality.ts'
import { plainCell } from '../plain-cell.ts'
import { analysisTables, type AnalysisMeta } from './tables.ts'

/** The analysis as an XLSX workbook: the tables of `analysisTables`, one sheet each, headers frozen. */
export async function commonalityXlsx(
	analysis: CommonalityAnalysis,
	meta: AnalysisMeta,
): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'Chemicals and waste national reporting'
	for (const table of analysisTables(analysis, meta)) {
		const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] })
		sheet.addRow([...table.header]).font = { bold: true }
		for (const row of table.rows) sheet.addRow(row.map(plainCell))
		sheet.columns.forEach((column) => (column.width = 22))
		sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.header.length } }
	}
	return new Uint8Array(await workbook.xlsx.writeBuffer())
}
