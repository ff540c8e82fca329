import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import { finishPdf } from '#exports/pdf/typesetting/pdf-buffer.ts'
import { insertAttachment } from '#db/queries/attachments.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { isAttachmentList } from '#forms/engine/values.ts'
import type { Answers } from '#forms/types.ts'

/**
 * DEMO DATA, not an official document: a one-page PDF that stands in for a file a country attached
 * to its report, so that the demo's file links open something. Always the same bytes (fixed dates).
 */
export function demoDocument(): Promise<Uint8Array> {
	made ??= makeDemoDocument()
	return made
}

let made: Promise<Uint8Array> | undefined

async function makeDemoDocument() {
	const fixed = new Date('2026-01-01T00:00:00Z')
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		info: { Title: 'Demo file', CreationDate: fixed, ModDate: fixed },
	})
	doc.font('Helvetica-Bold').fontSize(16).text('Demo file')
	doc.moveDown()
	doc
		.font('Helvetica')
		.fontSize(11)
		.text(
			'This file stands in for a document a country attached to its report in the demo data of ' +
				'the chemicals and waste national reporting system. It is fictitious and not an official document.',
		)
	return new Uint8Array(await finishPdf(doc))
}

/**
 * `answers` with every file they name stored for the report, as the editor uploads a file before
 * it saves the answer that names it: an answer refers only to files of its own report. The names
 * stay; the ids become those of the stored files (the fixture builders make ids up, such as
 * `att-0001`). Every file holds `content`, by default the demo document.
 */
export async function withStoredFiles(
	db: DbHandle,
	reportId: string,
	uploadedBy: string,
	answers: Answers,
	content?: Uint8Array,
): Promise<Answers> {
	const out: Answers = { ...answers }
	for (const [questionId, value] of Object.entries(answers)) {
		if (!isAttachmentList(value)) continue
		const bytes = content ?? (await demoDocument())
		const sha256 = createHash('sha256').update(bytes).digest('hex')
		out[questionId] = await Promise.all(
			value.map(async (ref) => {
				const stored = await insertAttachment(db, {
					reportId,
					questionId,
					fileName: ref.name,
					contentType: 'application/pdf',
					sha256,
					content: bytes,
					uploadedBy,
				})
				return { attachmentId: stored.id, name: ref.name }
			}),
		)
	}
	return out
}
