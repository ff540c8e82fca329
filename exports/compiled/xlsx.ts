import type { Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import {
	CODEBOOK_HEADER,
	CODE_SHEET_HEADER,
	codebookRows,
	metadataRows,
	type CompiledLayout,
	type CompiledMeta,
	type FlatCell,
	type FlatReport,
} from './dataset.ts'
import { plainCell } from '../plain-cell.ts'

export type CompiledProgress = (done: number, total: number) => void

/**
 * Writes a compiled export as XLSX with exceljs's streaming writer: every row is committed as
 * soon as it is added, and sheets are written one after another (the zip takes one entry at a
 * time, so a sheet left open would be buffered whole). Sheets: metadata, columns (codebook),
 * answers (a row per country), one per table question (a row per country and table row), then
 * the code lists. `reports` are the flattened reports, in the order they appear.
 */
export async function writeCompiledXlsx(
	layout: CompiledLayout,
	meta: CompiledMeta,
	reports: readonly FlatReport[],
	output: Writable,
	onProgress?: CompiledProgress,
): Promise<void> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
		stream: output,
		// Styles cost two thirds of the time (every cell goes through the style manager): none here.
		useStyles: false,
		useSharedStrings: false,
	})
	workbook.creator = 'Chemicals and waste national reporting'
	const total = 3 + layout.tables.length + layout.codeSheets.length
	let done = 0
	const sheet = async (
		name: string,
		header: readonly string[],
		rows: Iterable<readonly FlatCell[]>,
		widths?: number[],
	) => {
		const worksheet = workbook.addWorksheet(name, {
			views: [{ state: 'frozen', ySplit: 1 }],
		})
		if (widths) worksheet.columns = widths.map((width) => ({ width }))
		worksheet.addRow(header).commit()
		for (const row of rows) worksheet.addRow(row.map(plainCell)).commit()
		worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } }
		await worksheet.commit()
		onProgress?.(++done, total)
	}

	await sheet('metadata', ['key', 'value'], metadataRows(meta), [18, 80])
	await sheet('columns', CODEBOOK_HEADER, codebookRows(layout), [20, 36, 60, 16, 10, 24, 50])
	await sheet(
		'answers',
		layout.answers.columns.map((column) => column.id),
		reports.map((report) => report.answers),
	)
	for (const [index, table] of layout.tables.entries()) {
		await sheet(
			table.name.slice(0, 31),
			table.columns.map((column) => column.id),
			tableRows(reports, index),
		)
	}
	for (const codes of layout.codeSheets) {
		await sheet(
			codes.name,
			CODE_SHEET_HEADER,
			codes.rows.map((row) => [row.list, row.code, row.label, row.labelEn]),
			[24, 20, 60, 60],
		)
	}
	await workbook.commit()
}

function* tableRows(reports: readonly FlatReport[], index: number): Generator<FlatCell[]> {
	for (const report of reports) yield* report.tables[index] ?? []
}
