import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { insertAttachment } from '#db/queries/attachments.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { ATTACHMENT_TYPES, LEGACY_OFFICE_TYPES, extensionsOf } from './attachment-types.ts'
import { isEditableState, type ReportState } from './workflow.ts'

/**
 * Pseudo question id of the document a country sent, for reports the secretariat enters. It is
 * stored only together with the on-behalf submission that cites it (`applyWorkflowAction`).
 */
export const SOURCE_DOCUMENT = '_source_document'

export type UploadError =
	| 'attachments.empty'
	| 'attachments.tooLarge'
	| 'attachments.typeNotAllowed'
	| 'attachments.activeContent'
	| 'attachments.legacyOfficeUnclear'

/** A file that passed `checkUpload`: its name and content type come from its bytes. */
export type UploadedFile = {
	fileName: string
	contentType: string
	sha256: string
	content: Uint8Array
}

export type CheckedFile = ({ ok: true } & UploadedFile) | { ok: false; error: UploadError }

/** Windows refuses these names whatever the extension (`CON.pdf`). */
const RESERVED_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i
const MAX_NAME_LENGTH = 200

/**
 * A file name as given, made safe to show and to save: the last path segment; in NFC; blanks as
 * one space; without control and format characters (bidi overrides such as U+202E, which would
 * show `invoice\u202Efdp.exe` as `invoiceexe.pdf`, zero-width characters, line separators) or
 * unpaired surrogates; `"<>|:*?` replaced; no leading or trailing dots; at most 200 characters.
 */
export function safeFileName(name: string) {
	const base = name.split(/[\\/]/).pop() ?? ''
	const cleaned = base
		.normalize('NFC')
		.replace(/\s+/g, ' ')
		.replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu, '')
		.replace(/["<>|:*?]/g, '_')
		.replace(/^[\s.]+|[\s.]+$/g, '')
	return Array.from(cleaned).slice(0, MAX_NAME_LENGTH).join('').trim() || 'file'
}

/**
 * The name a file is stored and served under: the given name (made safe) with the extension of
 * the type its content was recognised as. `setup.exe` holding a PDF becomes `setup.pdf`,
 * `report.html` holding a PDF `report.pdf`; `photo.jpeg` keeps its extension, one of JPEG's; a
 * type not among the allowed ones (a file stored before these checks) gets `.bin`.
 */
export function storedFileName(name: string, contentType: string) {
	const known = extensionsOf(contentType)
	const extensions = known.length > 0 ? known : ['bin']
	const clean = safeFileName(name)
	const dot = clean.lastIndexOf('.')
	const given = dot > 0 ? clean.slice(dot + 1).toLowerCase() : ''
	const extension = extensions.includes(given) ? given : extensions[0]!
	let stem = (dot > 0 ? clean.slice(0, dot) : clean).replace(/[\s.]+$/, '') || 'file'
	if (RESERVED_NAME.test(stem)) stem = `_${stem}`
	stem = Array.from(stem)
		.slice(0, MAX_NAME_LENGTH - extension.length - 1)
		.join('')
	return `${stem}.${extension}`
}

/**
 * Markup that makes a file a web page, or runs something in one. A file holding any of it is also
 * HTML (a PDF/HTML or image/HTML polyglot), whatever its first bytes say, and is refused: it could
 * run script wherever it is opened as HTML (a saved copy, a sniffing viewer, another system that
 * receives it). Legitimate PDFs, Office files and images hold none of these tags: their text is in
 * streams or zip entries, their metadata (XMP) in other tags. Tag names of four letters or more
 * only, so that compressed bytes match one by chance about once in 30,000 files of 20 MB.
 */
const ACTIVE_CONTENT =
	/<(?:!doctype\s+html|html|head|body|script|iframe|frameset|object|embed|meta\s+http-equiv)[\s/>]/i

export function holdsActiveContent(content: Uint8Array) {
	const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString(
		'latin1',
	)
	return ACTIVE_CONTENT.test(text)
}

/** Names of the main stream of each legacy Office document, as stored in the container's directory. */
const LEGACY_STREAMS = {
	doc: [Buffer.from('WordDocument\0', 'utf16le')],
	xls: [Buffer.from('Workbook\0', 'utf16le'), Buffer.from('Book\0', 'utf16le')],
}

/**
 * Word or Excel 97-2003, from the streams of the container: a Word document has a `WordDocument`
 * stream, a workbook a `Workbook` (or `Book`) stream. A document embedding the other kind holds
 * both: then the given extension decides between the two; any other container (an installer, a
 * PowerPoint file, an Outlook message) is neither.
 */
function legacyOfficeExtension(content: Uint8Array, givenExtension: string) {
	const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength)
	const found = (Object.keys(LEGACY_STREAMS) as (keyof typeof LEGACY_STREAMS)[]).filter((kind) =>
		LEGACY_STREAMS[kind].some((name) => bytes.includes(name)),
	)
	if (found.length === 1) return found[0]
	return found.length === 2 && (givenExtension === 'doc' || givenExtension === 'xls')
		? givenExtension
		: undefined
}

/**
 * Accepts a file only if its bytes are one of the allowed types, whatever its name says, and hold
 * no web page besides. The stored content type and the extension of the stored name come from
 * the bytes.
 */
export async function checkUpload(file: File, maxBytes: number): Promise<CheckedFile> {
	if (file.size === 0) return { ok: false, error: 'attachments.empty' }
	if (file.size > maxBytes) return { ok: false, error: 'attachments.tooLarge' }
	const content = new Uint8Array(await file.arrayBuffer())
	const detected = await fileTypeFromBuffer(content)
	if (!detected || !ATTACHMENT_TYPES[detected.mime]) {
		return { ok: false, error: 'attachments.typeNotAllowed' }
	}
	let contentType = detected.mime
	if (detected.mime === 'application/x-cfb') {
		const given = safeFileName(file.name).split('.').pop()?.toLowerCase() ?? ''
		const legacy = legacyOfficeExtension(content, given)
		if (!legacy) return { ok: false, error: 'attachments.legacyOfficeUnclear' }
		contentType = LEGACY_OFFICE_TYPES[legacy]
	}
	if (holdsActiveContent(content)) return { ok: false, error: 'attachments.activeContent' }
	const sha256 = createHash('sha256').update(content).digest('hex')
	return {
		ok: true,
		fileName: storedFileName(file.name, contentType),
		contentType,
		sha256,
		content,
	}
}

/**
 * Who may attach a file to an answer, and when (`POST /reports/:id/attachments`): whoever may
 * write the report's answers (its country's users; reviewers for a report the secretariat enters
 * on the country's behalf), while the report is editable; the file goes to an attachment question
 * of its form. The country's source document is not an answer: it is attached only with the
 * on-behalf submission itself, in its transaction. Returns why an upload is refused, if it is.
 */
export function answerUploadRefusal(access: {
	mayWriteAnswers: boolean
	state: ReportState
}): { status: 403 | 409; error: 'attachments.notAllowed' | 'attachments.notEditable' } | undefined {
	if (!access.mayWriteAnswers) return { status: 403, error: 'attachments.notAllowed' }
	if (!isEditableState(access.state)) return { status: 409, error: 'attachments.notEditable' }
	return undefined
}

/** Stores a checked file for a report, with its audit event, in the caller's transaction. */
export async function storeAttachment(
	trx: DbHandle,
	input: {
		report: { id: string; partyCode: string }
		questionId: string
		file: UploadedFile
		userId: string
	},
) {
	const { report, file } = input
	const row = await insertAttachment(trx, {
		reportId: report.id,
		questionId: input.questionId,
		fileName: file.fileName,
		contentType: file.contentType,
		sha256: file.sha256,
		content: file.content,
		uploadedBy: input.userId,
	})
	await recordAuditEvent(trx, {
		actorUserId: input.userId,
		action: 'attachment.uploaded',
		subjectType: 'report',
		subjectId: report.id,
		partyCode: report.partyCode,
		details: {
			attachmentId: row.id,
			questionId: input.questionId,
			fileName: file.fileName,
			contentType: file.contentType,
			sha256: file.sha256,
		},
	})
	return row
}
