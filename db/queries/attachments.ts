import { sql } from 'kysely'
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
		.returning([
			'id',
			'file_name as fileName',
			'size_bytes as sizeBytes',
			'content_type as contentType',
		])
		.executeTakeFirstOrThrow()
	return row
}

/** What a copy of a file keeps: all but its id, report, question and time of upload. */
const KEPT_BY_A_COPY = [
	'file_name',
	'content_type',
	'size_bytes',
	'sha256',
	'content',
	'uploaded_by',
] as const

/**
 * Copies a file of one report into another, under `questionId`: same name, type, bytes and
 * uploader, a new id (a report started from the previous cycle's keeps the files its answers name,
 * while the previous report keeps its own). The new id, or undefined if `fromReportId` has no such
 * file.
 */
export async function copyAttachment(
	db: DbHandle,
	input: { fromReportId: string; attachmentId: string; toReportId: string; questionId: string },
) {
	if (!isUuid(input.attachmentId)) return undefined
	const row = await db
		.insertInto('attachment')
		.columns(['report_id', 'question_id', ...KEPT_BY_A_COPY])
		.expression(
			db
				.selectFrom('attachment')
				.where('report_id', '=', input.fromReportId)
				.where('id', '=', input.attachmentId)
				.select([
					sql<string>`${input.toReportId}::uuid`.as('report_id'),
					sql<string>`${input.questionId}::text`.as('question_id'),
					...KEPT_BY_A_COPY,
				]),
		)
		.returning('id')
		.executeTakeFirst()
	return row?.id
}

/** Every file of the report (deleted ones too), by id: its name and the sha256 of its bytes. */
export async function fileIdentities(db: DbHandle, reportId: string) {
	const rows = await db
		.selectFrom('attachment')
		.where('report_id', '=', reportId)
		.select(['id', 'file_name as fileName', 'sha256'])
		.execute()
	return new Map(rows.map(({ id, fileName, sha256 }) => [id, { fileName, sha256 }]))
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
			'a.question_id as questionId',
			'a.file_name as fileName',
			'a.content_type as contentType',
			'a.size_bytes as sizeBytes',
			'a.uploaded_at as uploadedAt',
			'u.name as uploadedByName',
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
			'question_id as questionId',
			'file_name as fileName',
			'content_type as contentType',
			'size_bytes as sizeBytes',
			'sha256',
			'content',
			'deleted_at as deletedAt',
		])
		.executeTakeFirst()
}
