import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import { ATTACHMENT_TYPES } from './attachment-types.ts'

/** Pseudo question id of the document a country sent, for reports the secretariat enters. */
export const SOURCE_DOCUMENT = '_source_document'

const LEGACY_OFFICE: Record<string, string> = {
	doc: 'application/msword',
	xls: 'application/vnd.ms-excel',
}

export type CheckedFile =
	| { ok: true; fileName: string; contentType: string; sha256: string; content: Uint8Array }
	| {
			ok: false
			error: 'attachments.empty' | 'attachments.tooLarge' | 'attachments.typeNotAllowed'
	  }

/** Names are kept for display only; path separators and control characters are removed. */
export function safeFileName(name: string) {
	const base = name.split(/[\\/]/).pop() ?? 'file'
	const cleaned = base
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
		.trim()
		.slice(0, 200)
	return cleaned || 'file'
}

/**
 * Accepts a file only if its bytes are one of the allowed types, whatever its name says; the stored
 * content type comes from the bytes (for legacy Office files, from the extension among doc/xls).
 */
export async function checkUpload(file: File, maxBytes: number): Promise<CheckedFile> {
	if (file.size === 0) return { ok: false, error: 'attachments.empty' }
	if (file.size > maxBytes) return { ok: false, error: 'attachments.tooLarge' }
	const content = new Uint8Array(await file.arrayBuffer())
	const detected = await fileTypeFromBuffer(content)
	const allowed = detected ? ATTACHMENT_TYPES[detected.mime] : undefined
	if (!detected || !allowed) return { ok: false, error: 'attachments.typeNotAllowed' }
	const fileName = safeFileName(file.name)
	const extension = fileName.split('.').pop()?.toLowerCase() ?? ''
	let contentType = detected.mime
	if (detected.mime === 'application/x-cfb') {
		const legacy = LEGACY_OFFICE[extension]
		if (!legacy) return { ok: false, error: 'attachments.typeNotAllowed' }
		contentType = legacy
	}
	const sha256 = createHash('sha256').update(content).digest('hex')
	return { ok: true, fileName, contentType, sha256, content }
}
