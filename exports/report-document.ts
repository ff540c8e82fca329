import { printedValue, type PrintedValue } from '#forms/answer-text.ts'
import { withRegisteredCodeLists } from '#forms/codelists/source.ts'
import { contextData, type FormContextData } from '#forms/engine/code-lists.ts'
import { askedAnswers, evaluate } from '#forms/engine/index.ts'
import { isMarked, isTableAnswer } from '#forms/engine/values.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { formText, type FormText } from '#forms/text.ts'
import type {
	Answer,
	Answers,
	AttachmentRef,
	ContactAnswer,
	FormContext,
	FormDefinition,
	Language,
	Question,
	ScalarQuestion,
	TableColumn,
	TableQuestion,
} from '#forms/types.ts'

/** What the cover says about the answers printed: a report status or a submission's state. */
export type DocumentState =
	'draft' | 'submitted' | 'under_review' | 'returned' | 'accepted' | 'recalled' | 'superseded'

export interface ReportDocumentMeta {
	reportId: string
	partyCode: string
	/** In the document language. */
	partyName: string
	formId: string
	formVersion: number
	/**
	 * SHA-256 of the frozen form version (docs/decisions/011): the one a submission was checked
	 * against, or the one a working copy is printed with; null for a submission made before it was
	 * recorded.
	 */
	formSha256: string | null
	cycleCode: string
	/** In the document language. */
	cycleTitle: string
	/** `YYYY-MM-DD`. */
	periodStart: string
	periodEnd: string
	status: DocumentState
	/** A working copy that may still change: printed with a DRAFT watermark. */
	isDraft: boolean
	submissionNumber: number | null
	/** ISO date-time. */
	submittedAt: string | null
	sha256: string | null
	/** Report revision the answers were read at (working copies), or the submission's revision. */
	revision: number
	/** ISO date-time. */
	generatedAt: string
}

export interface AttachmentInfo {
	id: string
	questionId: string
	name: string
	sizeBytes: number | null
	contentType: string | null
}

/**
 * Everything a report builder needs (PDF, Excel, template): plain data, so a document can be built
 * in a worker thread. `answers` are the working copy or a submission's snapshot.
 */
export interface ReportDocument {
	definition: FormDefinition
	lang: Language
	answers: Answers
	formContext: FormContext
	meta: ReportDocumentMeta
	attachments: AttachmentInfo[]
}

/**
 * A document as sent to a worker: the definition by reference and the context as data (the worker
 * takes both from the registry).
 */
export type TransferableReportDocument = Omit<ReportDocument, 'definition' | 'formContext'> & {
	definition: { formId: string; version: number }
	formContext: FormContextData
}

export function toTransferable(doc: ReportDocument): TransferableReportDocument {
	return {
		...doc,
		definition: { formId: doc.definition.formId, version: doc.definition.version },
		formContext: contextData(doc.formContext),
	}
}

export function fromTransferable(doc: TransferableReportDocument): ReportDocument {
	const definition = getFormDefinition(doc.definition.formId, doc.definition.version)
	if (!definition) {
		throw new Error(`Unknown form ${doc.definition.formId} v${doc.definition.version}`)
	}
	return { ...doc, definition, formContext: withRegisteredCodeLists(doc.formContext) }
}

/** `KEN-stockholm-art15-v6-s2-fr.pdf`: Party, form, version, submission (or revision), language. */
export function reportFileName(doc: ReportDocument, extension: string, suffix = ''): string {
	const { meta } = doc
	const version =
		meta.submissionNumber !== null ? `s${meta.submissionNumber}` : `draft-r${meta.revision}`
	return `${meta.partyCode}-${meta.formId}-v${meta.formVersion}-${version}${suffix}-${doc.lang}.${extension}`
}

// ---------------------------------------------------------------------------------------------
// Outline: the visible parts, sections and questions with their printed values
// ---------------------------------------------------------------------------------------------

export interface OutlineColumn {
	id: string
	label: string
	column: TableColumn
}

export type OutlineItem =
	| { kind: 'scalar'; question: ScalarQuestion; label: string; unit?: string; value: PrintedValue }
	| {
			kind: 'contact'
			question: Question
			label: string
			marker?: PrintedValue
			fields: { id: string; label: string; value: PrintedValue }[]
	  }
	| {
			kind: 'table'
			question: TableQuestion
			label: string
			marker?: PrintedValue
			columns: OutlineColumn[]
			rows: PrintedValue[][]
	  }
	| {
			kind: 'attachment'
			question: Question
			label: string
			marker?: PrintedValue
			files: AttachmentInfo[]
	  }

export interface OutlineSection {
	id: string
	title: string
	items: OutlineItem[]
}

export interface OutlinePart {
	id: string
	title: string
	sections: OutlineSection[]
}

/**
 * The report as it prints: parts, sections and questions in definition order, hidden ones left
 * out (visibility as the engine computes it from these answers), empty sections dropped.
 */
export function reportOutline(doc: ReportDocument): OutlinePart[] {
	const { definition } = doc
	const text = formText(definition, doc.lang)
	const evaluation = evaluate(definition, doc.answers, doc.formContext)
	const answers = askedAnswers(definition, doc.answers, doc.formContext, evaluation)
	const parts: OutlinePart[] = []
	for (const part of definition.parts) {
		if (evaluation.parts[part.id]?.visible === false) continue
		const sections: OutlineSection[] = []
		for (const section of part.sections) {
			if (evaluation.sections[section.id]?.visible === false) continue
			const items = section.questions
				.filter((question) => evaluation.questions[question.id]?.visible !== false)
				.map((question) => outlineItem(question, answers[question.id], text, doc.attachments))
			if (items.length > 0)
				sections.push({ id: section.id, title: text.section(section.id), items })
		}
		if (sections.length > 0) parts.push({ id: part.id, title: text.section(part.id), sections })
	}
	return parts
}

function outlineItem(
	question: Question,
	answer: Answer | undefined,
	text: FormText,
	attachments: AttachmentInfo[],
): OutlineItem {
	const label = text.label(question.id)
	const marker = isMarked(answer)
		? { text: text.marker(answer.marker), kind: 'marker' as const }
		: undefined
	switch (question.type) {
		case 'table': {
			const columns = question.columns.map((column) => ({
				id: column.id,
				label: text.label(`${question.id}.${column.id}`),
				column,
			}))
			const rows =
				!marker && isTableAnswer(answer)
					? answer.rows.map((row) =>
							columns.map(({ id, column }) =>
								printedValue(column, `${question.id}.${id}`, row.cells[id], text),
							),
						)
					: []
			return { kind: 'table', question, label, marker, columns, rows }
		}
		case 'contact': {
			const values = (marker ? {} : (answer ?? {})) as ContactAnswer
			return {
				kind: 'contact',
				question,
				label,
				marker,
				fields: question.fields
					.filter((field) => values[field.id])
					.map((field) => ({
						id: field.id,
						label: text.label(`${question.id}.${field.id}`),
						value: { text: values[field.id]!, kind: 'text' as const },
					})),
			}
		}
		case 'attachment': {
			const refs = Array.isArray(answer) ? (answer as AttachmentRef[]) : []
			const files = refs.map(
				(ref) =>
					attachments.find((file) => file.id === ref.attachmentId) ?? {
						id: ref.attachmentId,
						questionId: question.id,
						name: ref.name,
						sizeBytes: null,
						contentType: null,
					},
			)
			return { kind: 'attachment', question, label, marker, files }
		}
		default: {
			const unit =
				(question.type === 'integer' || question.type === 'decimal') && question.unit
					? text.unit(question.unit)
					: undefined
			return {
				kind: 'scalar',
				question,
				label,
				unit,
				value: printedValue(question, question.id, answer, text),
			}
		}
	}
}
