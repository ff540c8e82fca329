import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/attachments.ts'
import { mayWriteAnswers, requireReport } from './report-access.server.ts'
import {
	answerUploadRefusal,
	checkUpload,
	storeAttachment,
} from '../../domain/attachments.server.ts'
import { findQuestion } from '#forms/question-index.ts'
import { dbContext } from '../../utils/context.ts'
import { getEnv } from '../../utils/env.server.ts'
import { readFormData } from '../../utils/request.server.ts'

const UploadSchema = z.object({
	questionId: z.string().min(1).max(200),
	file: z.instanceof(File),
})

type UploadError = { error: string; params?: Record<string, string | number> }

/**
 * Upload of a file for an attachment question, by whoever may write the report's answers, while
 * it is editable (`answerUploadRefusal`). The type comes from the bytes; the size limit is
 * ATTACHMENT_MAX_MB. The answer that references the file is saved by the editor. The source
 * document of a report entered on the country's behalf comes with its submission, not here.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report, definition } = await requireReport(context, request, params.reportId)
	const limit = getEnv().ATTACHMENT_MAX_MB
	const refuse = (status: number, error: string) =>
		data<UploadError>({ error, params: { limit } }, { status })
	// Who and when first, so that an upload nobody may make is not even read.
	const refusal = answerUploadRefusal({
		mayWriteAnswers: mayWriteAnswers(user, report),
		state: report.status,
	})
	if (refusal) return refuse(refusal.status, refusal.error)
	const read = await readFormData(request, limit * 1_048_576 + 64 * 1024)
	if (!read.ok) {
		// Too large: said with the limit; anything else as the form reader answered it.
		if (read.response.init?.status === 413) return refuse(413, 'attachments.tooLarge')
		return read.response
	}
	const parsed = UploadSchema.safeParse({
		questionId: read.formData.get('questionId'),
		file: read.formData.get('file'),
	})
	if (!parsed.success) return refuse(400, 'attachments.noFile')
	if (findQuestion(definition, parsed.data.questionId)?.type !== 'attachment') {
		return refuse(400, 'attachments.unknownQuestion')
	}
	const checked = await checkUpload(parsed.data.file, limit * 1_048_576)
	if (!checked.ok)
		return refuse(checked.error === 'attachments.tooLarge' ? 413 : 415, checked.error)
	const row = await context
		.get(dbContext)
		.transaction()
		.execute((trx) =>
			storeAttachment(trx, {
				report,
				questionId: parsed.data.questionId,
				file: checked,
				userId: user.id,
			}),
		)
	return {
		attachment: {
			id: row.id,
			fileName: row.fileName,
			sizeBytes: row.sizeBytes,
			contentType: row.contentType,
		},
	}
}
