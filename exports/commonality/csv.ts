import { strToU8, zipSync } from 'fflate'
import type { CommonalityAnalysis } from '#forms/commonality.ts'
import { csvLine, UTF8_BOM } from '../compiled/csv.ts'
import { analysisTables, type AnalysisMeta } from './tables.ts'

/** The analysis as a zip of UTF-8 CSV files (with a byte order mark), one per table. */
export function commonalityCsvZip(analysis: CommonalityAnalysis, meta: AnalysisMeta): Uint8Array {
	const files: Record<string, Uint8Array> = {}
	for (const table of analysisTables(analysis, meta)) {
		const text = UTF8_BOM + csvLine(table.header) + table.rows.map(csvLine).join('')
		files[`${table.name}.csv`] = strToU8(text)
	}
	return zipSync(files, { level: 6 })
}
