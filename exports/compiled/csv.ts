import { Zip, ZipDeflate, strToU8 } from 'fflate'
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
import type { CompiledProgress } from './xlsx.ts'

/**
 * Text a spreadsheet program would run as a formula when it opens the file (OWASP, CSV injection):
 * a first character =, +, - or @ (also after blanks, and their full-width forms), or a tab or
 * carriage return. Text beginning with an apostrophe is escaped too, so that removing one leading
 * apostrophe always gives back the text.
 */
const FORMULA_TRIGGER = /^(?:\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r'])/
/** Text that is only a number ("-12.5", "+3") cannot run anything and is left as it is. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * One CSV field. RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.
 * Text that would start a formula gets an apostrophe in front and is quoted (see `FORMULA_TRIGGER`);
 * numbers and booleans are written as they are.
 */
export function csvField(value: FlatCell): string {
	const cell = plainCell(value)
	if (cell === null) return ''
	if (typeof cell !== 'string') return String(cell)
	if (FORMULA_TRIGGER.test(cell) && !PLAIN_NUMBER.test(cell)) {
		return `"'${cell.replace(/"/g, '""')}"`
	}
	return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell
}

export function csvLine(values: readonly FlatCell[]): string {
	return `${values.map(csvField).join(',')}\r\n`
}

/**
 * Byte order mark opening every CSV file: without it, Excel reads UTF-8 as the system's legacy
 * code page and garbles names such as "Côte d'Ivoire" or "Türkiye".
 */
export const UTF8_BOM = '\uFEFF'

/**
 * The compiled export as a zip of UTF-8 CSV files (each opening with a byte order mark):
 * `metadata.csv`, `columns.csv` (codebook), `answers.csv`, `tables/<question>.csv` and
 * `codelists/<list>.csv`. The same sheets and columns as the XLSX.
 */
export async function compiledCsvZip(
	layout: CompiledLayout,
	meta: CompiledMeta,
	reports: readonly FlatReport[],
	onProgress?: CompiledProgress,
): Promise<Uint8Array> {
	const chunks: Uint8Array[] = []
	const finished = new Promise<void>((resolve, reject) => {
		const zip = new Zip((error, data, final) => {
			if (error) return reject(error)
			chunks.push(data)
			if (final) resolve()
		})
		const total = 3 + layout.tables.length + layout.codeSheets.length
		let done = 0
		const file = (name: string, header: readonly string[], rows: Iterable<readonly FlatCell[]>) => {
			const entry = new ZipDeflate(name, { level: 6 })
			zip.add(entry)
			let buffer = UTF8_BOM + csvLine(header)
			for (const row of rows) {
				buffer += csvLine(row)
				if (buffer.length > 256 * 1024) {
					entry.push(strToU8(buffer))
					buffer = ''
				}
			}
			entry.push(strToU8(buffer), true)
			onProgress?.(++done, total)
		}
		file('metadata.csv', ['key', 'value'], metadataRows(meta))
		file('columns.csv', CODEBOOK_HEADER, codebookRows(layout))
		file(
			'answers.csv',
			layout.answers.columns.map((column) => column.id),
			reports.map((report) => report.answers),
		)
		layout.tables.forEach((table, index) => {
			file(
				`tables/${table.name}.csv`,
				table.columns.map((column) => column.id),
				(function* () {
					for (const report of reports) yield* report.tables[index] ?? []
				})(),
			)
		})
		for (const codes of layout.codeSheets) {
			file(
				`codelists/${codes.name}.csv`,
				CODE_SHEET_HEADER,
				codes.rows.map((row) => [row.list, row.code, row.label, row.labelEn]),
			)
		}
		zip.end()
	})
	await finished
	const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0)
	const out = new Uint8Array(size)
	let offset = 0
	for (const chunk of chunks) {
		out.set(chunk, offset)
		offset += chunk.length
	}
	return out
}
