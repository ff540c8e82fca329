import type { DbHandle } from './handle.ts'
import { isUuid } from './cycles.ts'

export async function insertAttachment(
	db: DbHandle,
	file: {
		reportId: string
		questionId: string
		fileName: string
		contentType: string
		sha256: string
		content: Uint8Array
		uploadedBy: string
	},
) {
	const row = await db
		.insertInto('attachment')
		.values({
			report_id: file.reportId,
			question_id: file.questionId,
			file_name: file.fileName,
			content_type: file.contentType,
			size_bytes: file.content.byteLength,
			sha256: file.sha256,
			content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
			uploaded_by: file.uploadedBy,
		})
		.returning(['id', 'file_name', 'size_bytes', 'content_type'])
		.executeTakeFirstOrThrow()
	return row
}

/** Which of `ids` (valid uuids) are files of the report, lower-cased. */
export async function attachmentIdsOf(db: DbHandle, reportId: string, ids: string[]) {
	if (ids.length === 0) return new Set<string>()
	const rows = await db
		.selectFrom('attachment')
		.where('report_id', '=', reportId)
		.where('id', 'in', ids)
		.select('id')
		.execute()
	return new Set(rows.map((row) => row.id.toLowerCase()))
}

export async function listAttachments(db: DbHandle, reportId: string) {
	return db
		.selectFrom('attachment as a')
		.leftJoin('app_user as u', 'u.id', 'a.uploaded_by')
		.where('a.report_id', '=', reportId)
		.where('a.deleted_at', 'is', null)
		.select([
			'a.id',
			'a.question_id',
			'a.file_name',
			'a.content_type',
			'a.size_bytes',
			'a.uploaded_at',
			'u.name as uploaded_by_name',
		])
		.orderBy('a.uploaded_at')
		.execute()
}

/** The file with its bytes; deleted files stay downloadable only if a submission references them. */
export async function findAttachment(db: DbHandle, reportId: string, attachmentId: string) {
	if (!isUuid(attachmentId)) return undefined
	return db
		.selectFrom('attachment')
		.where('report_id', '=', reportId)
		.where('id', '=', attachmentId)
		.select([
			'id',
			'question_id',
			'file_name',
			'content_type',
			'size_bytes',
			'sha256',
			'content',
			'deleted_at',
		])
		.executeTakeFirst()
}
