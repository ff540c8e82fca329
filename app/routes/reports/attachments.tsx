import { data } from 'react-router'
import { z } from 'zod'
import { insertAttachment } from '#db/queries/attachments.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { Route } from './+types/attachments.ts'
import { requireReport } from './report-access.server.ts'
import { checkUpload, SOURCE_DOCUMENT } from '../../domain/attachments.server.ts'
import { findQuestion } from '../../components/editor/form-model.ts'
import { dbContext } from '../../utils/context.ts'
import { getEnv } from '../../utils/env.server.ts'
import { isSecretariat } from '../../utils/permissions.ts'
import { readFormData } from '../../utils/request.server.ts'

const UploadSchema = z.object({
	questionId: z.string().min(1).max(200),
	file: z.instanceof(File),
})

type UploadError = { error: string; params?: Record<string, string | number> }

/**
 * Upload of a file for an attachment question (or, for the secretariat, the source document of a
 * report entered on a country's behalf). The type comes from the bytes; the size limit is
 * ATTACHMENT_MAX_MB. The answer that references the file is saved by the editor.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report, definition, canEdit } = await requireReport(context, request, params.reportId)
	const maxBytes = getEnv().ATTACHMENT_MAX_MB * 1_048_576
	if (!canEdit && !isSecretariat(user)) {
		return data<UploadError>({ error: 'attachments.notEditable' }, { status: 403 })
	}
	const read = await readFormData(request, maxBytes + 64 * 1024)
	if (!read.ok) {
		return data<UploadError>(
			{ error: 'attachments.tooLarge', params: { limit: getEnv().ATTACHMENT_MAX_MB } },
			{ status: 413 },
		)
	}
	const parsed = UploadSchema.safeParse({
		questionId: read.formData.get('questionId'),
		file: read.formData.get('file'),
	})
	if (!parsed.success) return data<UploadError>({ error: 'attachments.noFile' }, { status: 400 })
	const question = findQuestion(definition, parsed.data.questionId)
	// Besides answers' files, the secretariat uploads the source document of a report it enters.
	const sourceDocument = parsed.data.questionId === SOURCE_DOCUMENT && isSecretariat(user)
	if (!sourceDocument && !canEdit) return data<UploadError>({ error: 'attachments.notEditable' }, { status: 403 })
	if (!sourceDocument && question?.type !== 'attachment') {
		return data<UploadError>({ error: 'attachments.unknownQuestion' }, { status: 400 })
	}
	const checked = await checkUpload(parsed.data.file, maxBytes)
	if (!checked.ok) {
		return data<UploadError>(
			{ error: checked.error, params: { limit: getEnv().ATTACHMENT_MAX_MB } },
			{ status: checked.error === 'attachments.tooLarge' ? 413 : 415 },
		)
	}
	const db = context.get(dbContext)
	const row = await db.transaction().execute(async (trx) => {
		const inserted = await insertAttachment(trx, {
			reportId: report.id,
			questionId: parsed.data.questionId,
			fileName: checked.fileName,
			contentType: checked.contentType,
			sha256: checked.sha256,
			content: checked.content,
			uploadedBy: user.id,
		})
		await recordAuditEvent(trx, {
			actorUserId: user.id,
			action: 'attachment.uploaded',
			subjectType: 'report',
			subjectId: report.id,
			partyCode: report.partyCode,
			details: { attachmentId: inserted.id, fileName: checked.fileName, sha256: checked.sha256 },
		})
		return inserted
	})
	return {
		attachment: { id: row.id, fileName: row.file_name, sizeBytes: row.size_bytes, contentType: row.content_type },
	}
}
