/**
 * Export benchmark (`npx tsx bench/exports.bench.ts`):
 * - compiled XLSX of 200 synthetic complete 6th-cycle Article 15 reports, built the way the export
 *   worker builds it (stored JSON parsed, flattened, written with exceljs's streaming writer), and
 *   the same workbook written with exceljs's in-memory `Workbook` as a baseline; each variant runs
 *   in its own child process so their peak RSS (getrusage maxRSS) do not mix;
 * - PDF of one complete report: first run (fonts cold) and median of warm runs.
 * Targets: compiled export ≤ 5 s and ≤ 250 MB; ≤ 1 s per PDF.
 */
import { execFileSync } from 'node:child_process'
import { rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import { createWriteStream } from 'node:fs'
import { CompiledCollector } from '#exports/compiled/build.ts'
import {
	CODEBOOK_HEADER,
	CODE_SHEET_HEADER,
	codebookRows,
	compiledLayout,
	metadataRows,
	type CompiledMeta,
	type FlatCell,
} from '#exports/compiled/dataset.ts'
import { writeCompiledXlsx } from '#exports/compiled/xlsx.ts'
import { sampleDocument } from '#exports/fixtures.ts'
import { renderReportPdf } from '#exports/pdf/report-pdf.ts'
import { COUNTRIES } from '#forms/codelists/countries.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import { ART15_V6 } from '#forms/stockholm-art15/v6.ts'
import type { Answers } from '#forms/types.ts'

const REPORTS = 200
const PDF_RUNS = 12
const TARGET = { compiledMs: 5_000, compiledMb: 250, pdfMs: 1_000 }

type Variant = 'streaming' | 'baseline'

interface CompiledResult {
	variant: Variant
	reports: number
	rows: number
	buildMs: number
	peakRssMb: number
	rssBeforeMb: number
	fileBytes: number
}

/** What the export worker receives from the database: each submission's answers as JSON text. */
function syntheticSubmissions(count: number) {
	const parties = COUNTRIES.entries.slice(0, count)
	return parties.map((party) => {
		const formContext = art15V6Context(party.code)
		return {
			partyCode: party.code,
			partyName: party.labels.en,
			reportStatus: 'accepted',
			submissionNumber: 1,
			submissionState: 'accepted',
			submittedAt: '2026-08-15T10:32:00.000Z',
			sha256: 'f'.repeat(64),
			formContext,
			answersJson: JSON.stringify(
				buildCompleteArt15V6Answers(formContext, { activeChemicals: 'all' }),
			),
		}
	})
}

async function baselineXlsx(
	layout: ReturnType<typeof compiledLayout>,
	meta: CompiledMeta,
	collector: CompiledCollector,
	file: string,
) {
	const workbook = new ExcelJS.Workbook()
	const sheet = (name: string, header: readonly string[], rows: Iterable<readonly FlatCell[]>) => {
		const worksheet = workbook.addWorksheet(name)
		worksheet.addRow(header)
		for (const row of rows) worksheet.addRow(row as FlatCell[])
	}
	sheet('metadata', ['key', 'value'], metadataRows(meta))
	sheet('columns', CODEBOOK_HEADER, codebookRows(layout))
	sheet(
		'answers',
		layout.answers.columns.map((c) => c.id),
		collector.flat.map((r) => r.answers),
	)
	layout.tables.forEach((table, index) =>
		sheet(
			table.name.slice(0, 31),
			table.columns.map((c) => c.id),
			collector.flat.flatMap((r) => r.tables[index]!),
		),
	)
	for (const codes of layout.codeSheets) {
		sheet(
			codes.name,
			CODE_SHEET_HEADER,
			codes.rows.map((row) => [row.list, row.code, row.label, row.labelEn]),
		)
	}
	await workbook.xlsx.writeFile(file)
}

/** One variant, in this (child) process. */
async function runVariant(variant: Variant): Promise<CompiledResult> {
	const submissions = syntheticSubmissions(REPORTS)
	const rssBefore = process.memoryUsage().rss
	const file = path.join(tmpdir(), `chemrep-bench-${variant}-${process.pid}.xlsx`)
	const started = performance.now()
	const layout = compiledLayout(ART15_V6, 'en')
	const meta: CompiledMeta = {
		formId: 'stockholm-art15',
		formVersion: 6,
		formSha256: requireFormSha256('stockholm-art15', 6),
		cycleCode: 'sc-art15-6',
		cycleTitle: 'Stockholm Convention Article 15 national report, 6th cycle',
		status: 'accepted',
		lang: 'en',
		questions: [],
		generatedAt: new Date().toISOString(),
		reportCount: submissions.length,
	}
	const collector = new CompiledCollector(layout)
	for (let index = 0; index < submissions.length; index++) {
		const { answersJson, ...report } = submissions[index]!
		collector.add({ ...report, answers: JSON.parse(answersJson) as Answers })
		// Let go of the text once parsed, as the worker does with each message.
		submissions[index] = undefined as never
	}
	if (variant === 'streaming') {
		const output = createWriteStream(file)
		const closed = new Promise<void>((resolve) => output.on('close', () => resolve()))
		await writeCompiledXlsx(layout, meta, collector.flat, output)
		await closed
	} else {
		await baselineXlsx(layout, meta, collector, file)
	}
	const buildMs = performance.now() - started
	const rows = collector.flat.reduce(
		(sum, report) => sum + 1 + report.tables.reduce((n, t) => n + t.length, 0),
		0,
	)
	const fileBytes = statSync(file).size
	rmSync(file)
	return {
		variant,
		reports: REPORTS,
		rows,
		buildMs: Math.round(buildMs),
		// maxRSS is in kilobytes: the peak of the whole child process.
		peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
		rssBeforeMb: Math.round(rssBefore / 1_048_576),
		fileBytes,
	}
}

function runVariantInChild(variant: Variant): CompiledResult {
	const self = fileURLToPath(import.meta.url)
	const output = execFileSync(process.execPath, ['--import', 'tsx', self, `--variant=${variant}`], {
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024,
	})
	const last = output.trim().split('\n').pop()!
	return JSON.parse(last) as CompiledResult
}

async function pdfTimings() {
	const doc = sampleDocument({})
	let started = performance.now()
	const first = await renderReportPdf(doc)
	const firstMs = performance.now() - started
	const times: number[] = []
	for (let run = 0; run < PDF_RUNS; run++) {
		started = performance.now()
		await renderReportPdf(doc)
		times.push(performance.now() - started)
	}
	times.sort((a, b) => a - b)
	const perLanguage: Record<string, number> = {}
	for (const lang of ['fr', 'ru', 'zh', 'ar'] as const) {
		const localized = sampleDocument({ lang })
		await renderReportPdf(localized)
		const runs: number[] = []
		for (let run = 0; run < 5; run++) {
			started = performance.now()
			await renderReportPdf(localized)
			runs.push(performance.now() - started)
		}
		runs.sort((a, b) => a - b)
		perLanguage[lang] = Math.round(runs[2]!)
	}
	return {
		firstMs: Math.round(firstMs),
		medianMs: Math.round(times[Math.floor(times.length / 2)]!),
		runs: PDF_RUNS,
		bytes: first.length,
		perLanguageMedianMs: perLanguage,
	}
}

export async function runExportsBench() {
	console.log(
		`Export benchmark: compiled XLSX of ${REPORTS} complete stockholm-art15 v6 reports; PDF of one`,
	)
	const streaming = runVariantInChild('streaming')
	const baseline = runVariantInChild('baseline')
	const line = (result: CompiledResult) =>
		console.log(
			`  ${result.variant.padEnd(28)} ${String(result.buildMs).padStart(6)} ms, peak RSS ${result.peakRssMb} MB (${result.rssBeforeMb} MB before), ${result.rows} rows, ${(result.fileBytes / 1_048_576).toFixed(1)} MB file`,
		)
	line(streaming)
	line(baseline)
	console.log(
		`  baseline / streaming: ${(baseline.buildMs / streaming.buildMs).toFixed(2)}× the time, ${(baseline.peakRssMb / streaming.peakRssMb).toFixed(2)}× the peak RSS`,
	)
	console.log(
		`  targets ≤ ${TARGET.compiledMs} ms: ${streaming.buildMs <= TARGET.compiledMs ? 'met' : 'MISSED'}; ≤ ${TARGET.compiledMb} MB: ${streaming.peakRssMb <= TARGET.compiledMb ? 'met' : 'MISSED'}`,
	)
	const pdf = await pdfTimings()
	console.log(
		`  PDF of one complete report (en): first ${pdf.firstMs} ms (fonts cold), median ${pdf.medianMs} ms over ${pdf.runs} runs, ${Math.round(pdf.bytes / 1024)} KB`,
	)
	console.log(
		`  PDF medians by language: ${Object.entries(pdf.perLanguageMedianMs)
			.map(([lang, ms]) => `${lang} ${ms} ms`)
			.join(', ')}`,
	)
	console.log(
		`  target ≤ ${TARGET.pdfMs} ms per PDF: ${pdf.medianMs <= TARGET.pdfMs ? 'met' : 'MISSED'}`,
	)
	return { streaming, baseline, pdf }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const variant = process.argv.find((arg) => arg.startsWith('--variant='))?.split('=')[1] as
		Variant | undefined
	if (variant) console.log(JSON.stringify(await runVariant(variant)))
	else await runExportsBench()
}
