import { findAttachment } from '#db/queries/attachments.ts'
import type { Route } from './+types/attachment.ts'
import { requireReport } from './report-access.server.ts'
import { dbContext } from '../../utils/context.ts'
import { notFound } from '../../utils/permissions.server.ts'

/** Download of an attachment, for those who may read the report (others: 404). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report } = await requireReport(context, request, params.reportId)
	const file = await findAttachment(context.get(dbContext), report.id, params.attachmentId)
	if (!file) throw notFound()
	const body = new Uint8Array(file.content)
	return new Response(body, {
		headers: {
			'Content-Type': file.content_type,
			'Content-Length': String(body.byteLength),
			'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store',
		},
	})
}
