import { findAttachment } from '#db/queries/attachments.ts'
import type { Route } from './+types/attachment.ts'
import { requireReport } from './report-access.server.ts'
import { extensionsOf } from '../../domain/attachment-types.ts'
import { storedFileName } from '../../domain/attachments.server.ts'
import { dbContext } from '../../utils/context.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'

/**
 * Download of an attachment, for those who may read the report (others: 404). Always a download
 * (`downloadResponse`), named with the extension of its content type, whatever it was stored as.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report } = await requireReport(context, request, params.reportId)
	const attachmentId = routeParam(params.attachmentId, uuidText)
	const file = await findAttachment(context.get(dbContext), report.id, attachmentId)
	if (!file) throw notFound()
	const known = extensionsOf(file.contentType).length > 0
	return downloadResponse(new Uint8Array(file.content), {
		fileName: storedFileName(file.fileName, file.contentType),
		contentType: known ? file.contentType : 'application/octet-stream',
	})
}
