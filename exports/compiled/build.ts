import { PassThrough } from 'node:stream'
import { compiledCsvZip } from './csv.ts'
import {
	flattenReport,
	type CompiledLayout,
	type CompiledMeta,
	type CompiledReport,
	type FlatReport,
} from './dataset.ts'
import { writeCompiledXlsx, type CompiledProgress } from './xlsx.ts'

export type CompiledFileFormat = 'xlsx' | 'csv'

export const COMPILED_CONTENT_TYPES: Record<CompiledFileFormat | 'json' | 'ndjson', string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'application/zip',
	json: 'application/json; charset=utf-8',
	ndjson: 'application/x-ndjson; charset=utf-8',
}

export const COMPILED_EXTENSIONS: Record<CompiledFileFormat | 'json' | 'ndjson', string> = {
	xlsx: 'xlsx',
	csv: 'csv.zip',
	json: 'json',
	ndjson: 'ndjson',
}

/** Flattens reports as they arrive, so only the flat rows are kept until the file is written. */
export class CompiledCollector {
	readonly flat: FlatReport[] = []

	constructor(readonly layout: CompiledLayout) {}

	add(report: CompiledReport) {
		this.flat.push(flattenReport(this.layout, report))
	}
}

/** The compiled file's bytes. */
export async function buildCompiledFile(
	format: CompiledFileFormat,
	layout: CompiledLayout,
	meta: CompiledMeta,
	reports: readonly FlatReport[],
	onProgress?: CompiledProgress,
): Promise<Uint8Array> {
	if (format === 'csv') return compiledCsvZip(layout, meta, reports, onProgress)
	const output = new PassThrough()
	const chunks: Buffer[] = []
	output.on('data', (chunk: Buffer) => chunks.push(chunk))
	const ended = new Promise<void>((resolve, reject) => {
		output.on('end', resolve)
		output.on('error', reject)
	})
	await writeCompiledXlsx(layout, meta, reports, output, onProgress)
	await ended
	return Buffer.concat(chunks)
}
