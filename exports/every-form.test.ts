/**
 * Every registered form, at its latest version and in each of its variants, prints as a PDF and
 * exports to Excel with its answers, and round-trips through the Excel template (issue #14: the
 * exports work for every form with no convention-specific code outside `forms/`). A form added to
 * the registry must add its complete-answer builder to `BUILDERS` below, or this test fails.
 */
import { questionsOf } from '#forms/question-index.ts'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { evaluate, isTableAnswer } from '#forms/engine/index.ts'
import {
	art15V6Context,
	baselContext,
	buildCompleteArt15V6Answers,
	buildCompleteBaselAnswers,
	buildCompleteDdtAnswers,
	ddtContext,
} from '#forms/fixtures/builders.ts'
import {
	buildCompleteMinamataAnswers,
	minamataContext,
	type MinamataVariant,
} from '#forms/fixtures/minamata.ts'
import { buildCompleteRotterdamAnswers, rotterdamContext } from '#forms/fixtures/rotterdam.ts'
import { latestVersion, listFormIds, requireFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import { LANGUAGES } from '#forms/types.ts'
import type {
	Answers,
	ContactAnswer,
	FormContext,
	FormDefinition,
	Language,
	Question,
} from '#forms/types.ts'
import { sampleDocument } from './fixtures.ts'
import { documentLabels } from './labels.ts'
import { diffImport } from './excel/import-diff.ts'
import { readTemplate } from './excel/import.ts'
import { buildReportWorkbook, createReportWorkbook } from './excel/report-workbook.ts'
import { LISTS_SHEET } from './excel/template-identity.ts'
import { renderReportPdf } from './pdf/report-pdf.ts'
import { comparable, extractText } from './pdf/typesetting/pdf-inspection.ts'
import type { ReportDocument } from './report-document.ts'

/** The context of a report of a form (in a variant, when the form has variants). */
type ContextOf = (variant: string | undefined) => FormContext

/** Complete, valid answers of each registered form (`forms/fixtures/`). */
const BUILDERS: Record<string, { context: ContextOf; answers: (ctx: FormContext) => Answers }> = {
	'stockholm-art15': { context: () => art15V6Context(), answers: buildCompleteArt15V6Answers },
	ddt: { context: () => ddtContext(), answers: buildCompleteDdtAnswers },
	'basel-art13': { context: () => baselContext(), answers: buildCompleteBaselAnswers },
	'rotterdam-report': { context: () => rotterdamContext(), answers: buildCompleteRotterdamAnswers },
	'minamata-art21': {
		context: (variant) => minamataContext('KEN', variant as MinamataVariant),
		answers: buildCompleteMinamataAnswers,
	},
}

interface Case {
	name: string
	definition: FormDefinition
	formContext: FormContext
	answers: Answers
}

/** One case per registered form, latest version, and variant (every variant of the form). */
function cases(): Case[] {
	return listFormIds().flatMap((formId) => {
		const definition = requireFormDefinition(formId, latestVersion(formId)!)
		const builder = BUILDERS[formId]
		if (!builder) return [{ name: formId, definition, formContext: null!, answers: null! }]
		const variants = definition.variants?.map((variant) => variant.id) ?? [undefined]
		return variants.map((variant) => {
			const formContext = builder.context(variant)
			return {
				name: `${formId} v${definition.version}${variant ? ` (${variant})` : ''}`,
				definition,
				formContext,
				answers: builder.answers(formContext),
			}
		})
	})
}

const CASES = cases()

/**
 * What a heading prints as, for comparison with the extracted text: the whole heading, or in a
 * right-to-left language word by word without brackets (a wrapped line is extracted in visual
 * order, with its brackets mirrored).
 */
function printedParts(text: string, lang: Language): string[] {
	if (lang !== 'ar') return [comparable(text)]
	return text
		.split(/\s+/)
		.map((word) => comparable(word).replace(/[()]/g, ''))
		.filter(Boolean)
}

function documentOf(testCase: Case, lang: Language): ReportDocument {
	return sampleDocument({
		definition: testCase.definition,
		formContext: testCase.formContext,
		answers: testCase.answers,
		lang,
		attachments: [],
		meta: { cycleCode: `${testCase.definition.formId}-test`, cycleTitle: 'Reporting cycle' },
	})
}

/** The first contact question that the report asks and answers, and the contact's name. */
function askedContact(doc: ReportDocument): { id: string; name: string } {
	const evaluation = evaluate(doc.definition, doc.answers, doc.formContext)
	for (const question of questionsOf(doc.definition)) {
		const answer = doc.answers[question.id] as ContactAnswer | undefined
		if (question.type === 'contact' && evaluation.questions[question.id]?.visible && answer?.name)
			return { id: question.id, name: answer.name }
	}
	throw new Error(`${doc.definition.formId}: no answered contact question`)
}

/** Sections (and their parts) left out of the report's variant. */
function sectionsOutsideVariant(doc: ReportDocument): string[] {
	const variant = doc.formContext.formVariant
	if (!variant) return []
	const outside = (item: { variants?: string[] }) =>
		item.variants && !item.variants.includes(variant)
	return doc.definition.parts.flatMap((part) =>
		part.sections
			.filter((section) => outside(part) || outside(section))
			.map((section) => section.id),
	)
}

/** What an import can carry: every answer except read-only ones and attachments. */
function importable(doc: ReportDocument): Answers {
	const out: Answers = {}
	for (const question of questionsOf(doc.definition)) {
		if (question.type === 'attachment' || ('readOnly' in question && question.readOnly)) continue
		if (doc.answers[question.id] !== undefined) out[question.id] = doc.answers[question.id]!
	}
	return out
}

/** Answers with the empty lists of table cells left out. */
function withoutEmptyLists(answers: Answers): Answers {
	const out: Answers = {}
	for (const [id, value] of Object.entries(answers)) {
		out[id] = isTableAnswer(value)
			? {
					rows: value.rows.map((row) => ({
						...row,
						cells: Object.fromEntries(
							Object.entries(row.cells).filter(
								([, cell]) => !(Array.isArray(cell) && cell.length === 0),
							),
						),
					})),
				}
			: value
	}
	return out
}

describe('every registered form', () => {
	it('has a complete-answer builder for each form of the registry', () => {
		expect(listFormIds().filter((formId) => !BUILDERS[formId])).toEqual([])
		expect(Object.keys(BUILDERS).sort()).toEqual(listFormIds().sort())
	})

	describe.each(CASES.filter((testCase) => BUILDERS[testCase.definition.formId]))(
		'$name',
		(testCase) => {
			it.each(LANGUAGES)(
				'prints the report PDF in %s with its title, questions and answers',
				async (lang) => {
					const doc = documentOf(testCase, lang)
					const text = comparable(await extractText(await renderReportPdf(doc)))
					const forms = formText(doc.definition, lang)
					const contact = askedContact(doc)
					for (const heading of [forms.title(), forms.label(contact.id)])
						for (const part of printedParts(heading, lang)) expect(text).toContain(part)
					expect(text).toContain(comparable(contact.name))
					// Sections of other variants are not asked, so not printed.
					for (const section of sectionsOutsideVariant(doc))
						expect(text).not.toContain(comparable(forms.section(section)))
				},
			)

			it('exports the report workbook with a sheet per asked section and the answers', async () => {
				const doc = documentOf(testCase, 'en')
				const { workbook, entries } = createReportWorkbook(doc, { kind: 'export' })
				const read = new ExcelJS.Workbook()
				await read.xlsx.load(await workbook.xlsx.writeBuffer())

				// A sheet per section with an asked question, and one per asked table.
				const evaluation = evaluate(doc.definition, doc.answers, doc.formContext)
				const asked = (question: Question) => evaluation.questions[question.id]?.visible
				const sections = doc.definition.parts.flatMap((part) => part.sections)
				const askedSections = sections.filter((section) => section.questions.some(asked))
				const askedTables = askedSections.flatMap((section) =>
					section.questions.filter((question) => question.type === 'table' && asked(question)),
				)
				const forms = formText(doc.definition, 'en')
				const titles = read.worksheets.map((sheet) => sheet.getCell('A1').value)
				expect(read.worksheets[0]!.name).toBe(documentLabels('en').metadataSheet)
				expect(read.getWorksheet(LISTS_SHEET)?.state).toBe('hidden')
				expect(read.worksheets).toHaveLength(2 + askedSections.length + askedTables.length)
				for (const section of askedSections) expect(titles).toContain(forms.section(section.id))
				for (const section of sectionsOutsideVariant(doc))
					expect(titles).not.toContain(forms.section(section))

				const contact = askedContact(doc)
				const entry = entries.find(
					(item) => item.kind === 'scalar' && item.ref === `${contact.id}.name`,
				)
				if (entry?.kind !== 'scalar') throw new Error(`no cell for ${contact.id}.name`)
				expect(read.getWorksheet(entry.sheet)!.getCell(entry.row, 3).value).toBe(contact.name)
			})

			it('reads a prefilled Excel template back to exactly the answers', async () => {
				const doc = documentOf(testCase, 'fr')
				const bytes = await buildReportWorkbook(doc, { kind: 'template', mode: 'prefilled' })
				const parsed = await readTemplate(bytes, {
					definition: doc.definition,
					formContext: doc.formContext,
					reportId: doc.meta.reportId,
					partyCode: doc.meta.partyCode,
					currentAnswers: doc.answers,
				})
				if (!parsed.ok) throw new Error(`refused: ${parsed.error}`)
				expect(parsed.problems).toEqual([])
				// Nothing to change when the answers are the same.
				const diff = diffImport(doc.definition, doc.formContext, doc.answers, parsed)
				expect(diff.changes).toEqual([])
				const answers = Object.fromEntries(
					Object.entries(parsed.answers).filter(([, value]) => value !== null),
				)
				// A blank cell reads back as no answer: an empty list of a table cell (a movement
				// without transit country) comes back absent.
				expect(answers).toEqual(withoutEmptyLists(importable(doc)))
			})
		},
	)
})
