import type ExcelJS from 'exceljs'
import { questionsOf } from '#forms/question-index.ts'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { initialAnswers } from '#forms/engine/index.ts'
import { art15V6Context, buildCompleteArt15V6Answers } from '#forms/fixtures/builders.ts'
import { ART15_V5 } from '#forms/stockholm-art15/v5.ts'
import { formText } from '#forms/text.ts'
import type { Answers, TableAnswer } from '#forms/types.ts'
import { ART15_V6, DDT_V1, sampleDocument } from '../fixtures.ts'
import type { ReportDocument } from '../report-document.ts'
import { columnLetter } from './cell-codec.ts'
import { diffImport } from './import-diff.ts'
import { MAX_TABLE_ROWS, readTemplate, type ImportTarget, type ParsedTemplate } from './import.ts'
import { buildReportWorkbook, createReportWorkbook } from './report-workbook.ts'
import { TEMPLATE_SHEET, type TemplateLayout } from './template-identity.ts'
import { fill, load, save } from './test-support.ts'

function targetOf(doc: ReportDocument, currentAnswers: Answers = doc.answers): ImportTarget {
	return {
		definition: doc.definition,
		formContext: doc.formContext,
		reportId: doc.meta.reportId,
		partyCode: doc.meta.partyCode,
		currentAnswers,
	}
}

/** What an import can carry: every answer except read-only ones and attachments. */
function importable(doc: ReportDocument, answers: Answers): Answers {
	const out: Answers = {}
	for (const question of questionsOf(doc.definition)) {
		if (question.type === 'attachment' || ('readOnly' in question && question.readOnly)) continue
		if (answers[question.id] !== undefined) out[question.id] = answers[question.id]!
	}
	return out
}

function answered(parsed: ParsedTemplate): Answers {
	if (!parsed.ok) throw new Error(`refused: ${parsed.error}`)
	expect(parsed.problems).toEqual([])
	return Object.fromEntries(
		Object.entries(parsed.answers).filter(([, value]) => value !== null),
	) as Answers
}

describe('Excel template round trip', () => {
	it.each([
		['Article 15 in English', sampleDocument({})],
		['Article 15 in Arabic', sampleDocument({ lang: 'ar' })],
		['DDT in French', sampleDocument({ definition: DDT_V1, lang: 'fr' })],
	])('reads a prefilled template back to exactly the answers (%s)', async (_name, doc) => {
		const bytes = await buildReportWorkbook(doc, { kind: 'template', mode: 'prefilled' })
		const parsed = await readTemplate(bytes, targetOf(doc))
		expect(answered(parsed)).toEqual(importable(doc, doc.answers))
		// Nothing to change when the answers are the same.
		const diff = diffImport(doc.definition, doc.formContext, doc.answers, parsed as never)
		expect(diff.changes).toEqual([])
	})

	it('fills a blank template offline and reads it back to exactly the answers', async () => {
		const ctx = art15V6Context()
		const empty = initialAnswers(ART15_V6, ctx)
		const complete = buildCompleteArt15V6Answers(ctx)
		const doc = sampleDocument({
			answers: empty,
			lang: 'fr',
			meta: { status: 'draft', isDraft: true },
		})
		const { workbook, layout } = await load(
			await buildReportWorkbook(doc, { kind: 'template', mode: 'blank' }),
		)
		expect(layout.identity.mode).toBe('blank')
		fill(workbook, layout, doc, complete)
		const parsed = await readTemplate(await save(workbook), targetOf(doc, empty))
		expect(answered(parsed)).toEqual(importable(doc, complete))
		const diff = diffImport(ART15_V6, ctx, empty, parsed as never)
		expect(diff.canApply).toBe(true)
		const applied = {
			...empty,
			...Object.fromEntries(diff.changes.map((c) => [c.questionId, c.value])),
		}
		expect(importable(doc, applied as Answers)).toEqual(importable(doc, complete))
	})

	it('gives rows added offline an id, and skips empty rows', async () => {
		const doc = sampleDocument({})
		const { workbook, layout } = await load(
			await buildReportWorkbook(doc, { kind: 'template', mode: 'prefilled' }),
		)
		const entry = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b6_stockpiles',
		)!
		if (entry.kind !== 'table') throw new Error('not a table')
		const sheet = workbook.getWorksheet(entry.sheet)!
		const existing = (doc.answers.b6_stockpiles as TableAnswer).rows.length
		const newRow = entry.headerRow + existing + 2 // one empty row in between
		const column = (id: string) => columnLetter(entry.columns.indexOf(id) + 2)
		const text = formText(ART15_V6, 'en')
		sheet.getCell(`${column('chemical')}${newRow}`).value = text.option(
			'b6_stockpiles.chemical',
			'DDT',
		)
		sheet.getCell(`${column('quantity_kg')}${newRow}`).value = '1 500.5'
		sheet.getCell(`${column('status')}${newRow}`).value = 'obsolete'
		const parsed = await readTemplate(await save(workbook), targetOf(doc))
		const rows = (answered(parsed).b6_stockpiles as TableAnswer).rows
		expect(rows).toHaveLength(existing + 1)
		expect(rows.slice(0, existing)).toEqual((doc.answers.b6_stockpiles as TableAnswer).rows)
		expect(rows[existing]!.id).toMatch(/^x-[0-9a-f-]{12}$/)
		expect(rows[existing]!.cells).toEqual({
			chemical: 'DDT',
			quantity_kg: 1500.5,
			status: 'obsolete',
		})
	})

	it('leaves answers alone for empty cells of a blank template, and clears them in a prefilled one', async () => {
		const doc = sampleDocument({})
		const blank = await load(await buildReportWorkbook(doc, { kind: 'template', mode: 'blank' }))
		const blankParsed = await readTemplate(await save(blank.workbook), targetOf(doc))
		expect(blankParsed.ok && Object.keys(blankParsed.answers)).toEqual([])

		const prefilled = await load(
			await buildReportWorkbook(doc, { kind: 'template', mode: 'prefilled' }),
		)
		const entry = prefilled.layout.entries.find(
			(e) => e.kind === 'scalar' && e.ref === 'b_format_comments',
		)!
		if (entry.kind !== 'scalar') throw new Error('not a scalar')
		prefilled.workbook.getWorksheet(entry.sheet)!.getCell(entry.row, 3).value = null
		const parsed = await readTemplate(await save(prefilled.workbook), targetOf(doc))
		const diff = diffImport(doc.definition, doc.formContext, doc.answers, parsed as never)
		expect(diff.changes).toEqual([{ questionId: 'b_format_comments', value: null }])
		expect(diff.entries.find((e) => e.questionId === 'b_format_comments')?.change).toBe('cleared')
	})
})

// ---------------------------------------------------------------------------------------------

async function prefilledTemplate(doc = sampleDocument({})) {
	return load(await buildReportWorkbook(doc, { kind: 'template', mode: 'prefilled' }))
}

function scalarCell(layout: TemplateLayout, workbook: ExcelJS.Workbook, ref: string) {
	const entry = layout.entries.find((e) => e.kind === 'scalar' && e.ref === ref)
	if (!entry || entry.kind !== 'scalar') throw new Error(`no cell for ${ref}`)
	return workbook.getWorksheet(entry.sheet)!.getCell(entry.row, 3)
}

function tableCell(
	layout: TemplateLayout,
	workbook: ExcelJS.Workbook,
	table: string,
	row: number,
	column: string,
) {
	const entry = layout.entries.find((e) => e.kind === 'table' && e.questionId === table)
	if (!entry || entry.kind !== 'table') throw new Error(`no table ${table}`)
	return workbook
		.getWorksheet(entry.sheet)!
		.getCell(`${columnLetter(entry.columns.indexOf(column) + 2)}${entry.headerRow + 1 + row}`)
}

/** A zip made of the given entries (an .xlsx skeleton unless told otherwise). */
function zipOf(entries: Record<string, Uint8Array>) {
	return zipSync(entries, { level: 9 })
}

const SKELETON = {
	'[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
	'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook>'),
}

/** Sets a field of the central directory entries (of those named `only`): sizes, flags... */
function patchCentralDirectory(
	zip: Uint8Array,
	offset: number,
	value: number,
	size: 2 | 4 = 4,
	only?: string,
) {
	const bytes = zip.slice()
	const view = new DataView(bytes.buffer)
	for (let i = 0; i < bytes.length - 4; i++) {
		if (view.getUint32(i, true) === 0x02014b50) {
			const nameLength = view.getUint16(i + 28, true)
			const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength))
			if (only && name !== only) continue
			if (size === 4) view.setUint32(i + offset, value, true)
			else view.setUint16(i + offset, value, true)
		}
	}
	return bytes
}

describe('bad template files are refused with a reason', () => {
	const doc = sampleDocument({})
	const target = targetOf(doc)

	async function refused(bytes: Uint8Array, expectedTarget = target) {
		const parsed = await readTemplate(bytes, expectedTarget)
		return parsed.ok ? 'accepted' : parsed.error
	}

	async function problems(bytes: Uint8Array) {
		const parsed = await readTemplate(bytes, target)
		if (!parsed.ok) throw new Error(`refused: ${parsed.error}`)
		return parsed.problems
	}

	it('refuses empty, oversized and non-zip files', async () => {
		expect(await refused(new Uint8Array(0))).toBe('empty')
		const large = new Uint8Array(6 * 1024 * 1024)
		expect(await refused(large)).toBe('tooLarge')
		expect(await refused(strToU8('%PDF-1.7 not a workbook'))).toBe('notXlsx')
		expect(await refused(zipOf({ 'notes.txt': strToU8('hello') }))).toBe('notXlsx')
	})

	it('refuses malformed workbooks, macros and encrypted entries', async () => {
		expect(await refused(zipOf(SKELETON))).toBe('malformed')
		expect(await refused(zipOf({ ...SKELETON, 'xl/vbaProject.bin': new Uint8Array(10) }))).toBe(
			'macros',
		)
		expect(await refused(patchCentralDirectory(zipOf(SKELETON), 8, 1, 2))).toBe('encrypted')
		// A truncated file: the central directory is gone.
		const { workbook } = await prefilledTemplate()
		const good = await save(workbook)
		expect(await refused(good.slice(0, good.length - 200))).toBe('notXlsx')
	})

	it('refuses zip bombs before unpacking them', async () => {
		// 60 MB of zeros compress to ~60 KB: over the per-entry cap.
		const zeros = new Uint8Array(60 * 1024 * 1024)
		expect(await refused(zipOf({ ...SKELETON, 'xl/worksheets/sheet1.xml': zeros }))).toBe('zipBomb')
		// Small per entry, too many in total.
		const many: Record<string, Uint8Array> = { ...SKELETON }
		for (let i = 0; i < 2_100; i++) many[`xl/media/${i}.bin`] = new Uint8Array(1)
		expect(await refused(zipOf(many))).toBe('zipBomb')
		// Declared sizes that lie: 5 MB of zeros declared as 1 KB.
		const lying = patchCentralDirectory(
			zipOf({ ...SKELETON, 'xl/worksheets/sheet1.xml': new Uint8Array(5 * 1024 * 1024) }),
			24,
			1024,
			4,
			'xl/worksheets/sheet1.xml',
		)
		expect(await refused(lying)).toBe('zipBomb')
	})

	it('refuses workbooks that are not templates, or templates of another report or form version', async () => {
		const exported = await buildReportWorkbook(doc, { kind: 'export' })
		expect(await refused(exported)).toBe('notTemplate')
		const other = sampleDocument({ meta: { reportId: '00000000-0000-4000-8000-000000000099' } })
		expect(
			await refused(await buildReportWorkbook(other, { kind: 'template', mode: 'prefilled' })),
		).toBe('wrongReport')
		const v5 = sampleDocument({ definition: ART15_V5, answers: {} })
		const v5Template = await buildReportWorkbook(v5, { kind: 'template', mode: 'blank' })
		expect(await refused(v5Template)).toBe('wrongForm')
	})

	it('refuses a template whose identification sheet was edited', async () => {
		const { workbook } = await prefilledTemplate()
		const meta = workbook.getWorksheet(TEMPLATE_SHEET)!
		meta.eachRow((row) => {
			if (row.getCell(1).value === 'reportId')
				row.getCell(2).value = '00000000-0000-4000-8000-000000000001 '
		})
		expect(await refused(await save(workbook))).toBe('templateModified')
	})

	it('reports formulas, wrong types and unknown codes cell by cell, and applies nothing', async () => {
		const { workbook, layout } = await prefilledTemplate()
		scalarCell(layout, workbook, 'b6_contaminated_sites_count').value = {
			formula: '10+4',
			result: 14,
		} as never
		scalarCell(layout, workbook, 'b5_inventory_base_year').value = 'twenty twelve'
		scalarCell(layout, workbook, 'b6_contaminated_sites_count').value = {
			formula: '10+4',
			result: 14,
		} as never
		scalarCell(layout, workbook, 'b3_new_chemicals_scheme').value = 'Maybe'
		scalarCell(layout, workbook, 'b7_nip_date').value = '15/11/2007'
		tableCell(layout, workbook, 'b3_import_partners', 0, 'chemical').value = 'Unobtainium'
		tableCell(layout, workbook, 'b3_statistics', 0, 'import_kg').value = '5,000.5'
		tableCell(layout, workbook, 'b3_statistics', 1, 'is_estimate').value = 'perhaps'
		tableCell(layout, workbook, 'c_pcb_equipment_table', 0, 'identified_count').value = 12.5
		const found = await problems(await save(workbook))
		const codes = found.map((problem) => [problem.questionId, problem.code])
		expect(codes).toEqual(
			expect.arrayContaining([
				['b6_contaminated_sites_count', 'formula'],
				['b5_inventory_base_year', 'invalidNumber'],
				['b3_new_chemicals_scheme', 'unknownCode'],
				['b7_nip_date', 'invalidDate'],
				['b3_import_partners', 'unknownCode'],
				['b3_statistics', 'invalidNumber'],
				['b3_statistics', 'invalidBoolean'],
				['c_pcb_equipment_table', 'notInteger'],
			]),
		)
		expect(
			found.find(
				(problem) =>
					problem.code === 'unknownCode' && problem.questionId === 'b3_new_chemicals_scheme',
			)?.params,
		).toEqual({
			value: 'Maybe',
		})
		const parsed = await readTemplate(await save(workbook), target)
		const diff = diffImport(doc.definition, doc.formContext, doc.answers, parsed as never)
		expect(diff.canApply).toBe(false)
		expect(diff.changes.map((change) => change.questionId)).not.toContain(
			'b6_contaminated_sites_count',
		)
	})

	it('reports formulas outside the answer cells too', async () => {
		const { workbook, layout } = await prefilledTemplate()
		const entry = layout.entries.find((e) => e.kind === 'scalar')!
		workbook.getWorksheet(entry.sheet)!.getCell('F2').value = {
			formula: 'HYPERLINK("http://x")',
		} as never
		const found = await problems(await save(workbook))
		expect(found).toEqual([
			expect.objectContaining({ code: 'formula', questionId: '', cell: `${entry.sheet}!F2` }),
		])
	})

	it('reports moved rows, changed fixed cells, unknown and duplicate rows', async () => {
		const { workbook, layout } = await prefilledTemplate()
		const scalar = layout.entries.find((e) => e.kind === 'scalar' && e.ref === 'b5_review_results')!
		workbook
			.getWorksheet(scalar.sheet)!
			.spliceRows(scalar.kind === 'scalar' ? scalar.row : 1, 0, ['inserted'])
		tableCell(layout, workbook, 'b3_statistics', 0, 'year').value = 1999
		const statistics = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b3_statistics',
		)!
		const sheet = workbook.getWorksheet(statistics.sheet)!
		const first = statistics.kind === 'table' ? statistics.headerRow + 1 : 0
		sheet.getCell(first + 1, 1).value = 'NOT-A-ROW|2023'
		const partners = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b3_import_partners',
		)!
		if (partners.kind !== 'table') throw new Error('not a table')
		workbook.getWorksheet(partners.sheet)!.getCell(partners.headerRow + 2, 1).value = 'imp-001'
		const found = await problems(await save(workbook))
		const codes = found.map((problem) => problem.code)
		expect(codes).toEqual(
			expect.arrayContaining([
				'structureChanged',
				'dimensionChanged',
				'unknownRow',
				'duplicateRow',
			]),
		)
	})

	it('caps the rows of a table, and reads a stray cell far below as one more row', async () => {
		const { workbook, layout } = await prefilledTemplate()
		const waste = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b6_waste_disposed',
		)!
		if (waste.kind !== 'table') throw new Error('not a table')
		const rowsOf = (read: Awaited<ReturnType<typeof readTemplate>>) =>
			read.ok ? (read.answers.b6_waste_disposed as TableAnswer).rows : []
		const before = rowsOf(await readTemplate(await save(workbook), target))
		expect(before.length).toBeGreaterThan(0)
		// Only rows that hold something are read: the stray cell is one more row, not a million.
		workbook.getWorksheet(waste.sheet)!.getCell('D1000000').value = 12
		const stray = rowsOf(await readTemplate(await save(workbook), target))
		expect(stray).toHaveLength(before.length + 1)
		expect(stray.slice(0, -1)).toEqual(before)

		const stockpiles = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b6_stockpiles',
		)!
		if (stockpiles.kind !== 'table') throw new Error('not a table')
		const many = workbook.getWorksheet(stockpiles.sheet)!
		for (let row = 0; row <= MAX_TABLE_ROWS; row++) {
			many.getCell(stockpiles.headerRow + 1 + row, 3).value = row
		}
		const codes = (await problems(await save(workbook))).map((problem) => [
			problem.questionId,
			problem.code,
		])
		expect(codes).toContainEqual(['b6_stockpiles', 'tooManyRows'])
	})

	it('refuses a marker where the question takes none, and a marker together with rows', async () => {
		const { workbook, layout } = await prefilledTemplate()
		scalarCell(layout, workbook, 'b6_contaminated_sites_count').value = '[Confidential]'
		const partners = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b3_import_partners',
		)!
		if (partners.kind !== 'table') throw new Error('not a table')
		workbook.getWorksheet(partners.sheet)!.getCell(partners.markerCell).value =
			'[Information not available]'
		const codes = (await problems(await save(workbook))).map((problem) => [
			problem.questionId,
			problem.code,
		])
		expect(codes).toEqual(
			expect.arrayContaining([
				['b6_contaminated_sites_count', 'markerNotAllowed'],
				['b3_import_partners', 'markerWithRows'],
			]),
		)
	})

	it('takes a whole-table marker when the rows are emptied', async () => {
		const answers = { ...doc.answers }
		delete answers.b3_import_partners
		const withoutRows = sampleDocument({ answers })
		const { workbook, layout } = await prefilledTemplate(withoutRows)
		const partners = layout.entries.find(
			(e) => e.kind === 'table' && e.questionId === 'b3_import_partners',
		)!
		if (partners.kind !== 'table') throw new Error('not a table')
		workbook.getWorksheet(partners.sheet)!.getCell(partners.markerCell).value =
			'[Information not available]'
		const parsed = await readTemplate(await save(workbook), targetOf(withoutRows))
		expect(answered(parsed).b3_import_partners).toEqual({ marker: 'not_available' })
	})

	it('reads the zip entries of a real template within the limits', async () => {
		const bytes = await buildReportWorkbook(doc, { kind: 'template', mode: 'prefilled' })
		const entries = unzipSync(bytes)
		expect(Object.keys(entries).length).toBeLessThan(200)
		expect(
			createReportWorkbook(doc, { kind: 'template', mode: 'prefilled' }).entries.length,
		).toBeGreaterThan(50)
	})
})
