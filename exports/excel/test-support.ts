/**
 * Test helpers: open a template, type answers into it the way a person would, save it again.
 * Used by the export tests and the integration tests of the import page.
 */
import ExcelJS from 'exceljs'
import { formText } from '#forms/text.ts'
import type { Answers, CellValue, TableAnswer } from '#forms/types.ts'
import { questionsById } from '#forms/question-index.ts'
import type { ReportDocument } from '../report-document.ts'
import { CellCodec, columnLetter } from './cell-codec.ts'
import { TEMPLATE_SHEET, readLayoutRows, type TemplateLayout } from './template-identity.ts'

export async function load(bytes: Uint8Array) {
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load(bytes as never)
	const rows: unknown[][] = []
	workbook
		.getWorksheet(TEMPLATE_SHEET)!
		.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
	const layout = readLayoutRows(rows)
	if (!layout.ok) throw new Error(layout.reason)
	return { workbook, layout: layout.layout }
}

export async function save(workbook: ExcelJS.Workbook) {
	return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** Types answers into a template the way a person would: labels for choices, one row per table row. */
export function fill(
	workbook: ExcelJS.Workbook,
	layout: TemplateLayout,
	doc: Pick<ReportDocument, 'definition' | 'formContext'>,
	answers: Answers,
) {
	const codec = new CellCodec(
		formText(doc.definition, layout.identity.lang),
		doc.formContext,
		doc.definition.codeLists,
	)
	const questions = questionsById(doc.definition)
	for (const entry of layout.entries) {
		const sheet = workbook.getWorksheet(entry.sheet)!
		if (entry.kind === 'scalar') {
			const [id, field] = entry.ref.split('.') as [string, string | undefined]
			const question = questions.get(id)!
			if ('readOnly' in question && question.readOnly) continue
			const value = answers[id]
			const cell = sheet.getCell(entry.row, 3)
			if (question.type === 'contact') {
				if (field !== '*')
					cell.value = (value as Record<string, string> | undefined)?.[field!] ?? null
			} else {
				cell.value = codec.encode(question as never, id, value as CellValue | undefined)
			}
			continue
		}
		const question = questions.get(entry.questionId)!
		if (question.type !== 'table') continue
		const rows = (answers[question.id] as TableAnswer | undefined)?.rows ?? []
		rows.forEach((row, index) => {
			const rowNumber = entry.headerRow + 1 + index
			sheet.getCell(rowNumber, 1).value = row.id
			entry.columns.forEach((columnId, columnIndex) => {
				const column = question.columns.find((candidate) => candidate.id === columnId)!
				sheet.getCell(`${columnLetter(columnIndex + 2)}${rowNumber}`).value = codec.encode(
					column,
					`${question.id}.${columnId}`,
					row.cells[columnId],
				)
			})
		})
	}
}
