import { exportJobResult } from '#db/queries/exports.ts'
import type { Route } from './+types/job-download.ts'
import { dbContext } from '../../utils/context.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'

/** The finished file of a background export, for the analyst who asked for it. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const result = await exportJobResult(context.get(dbContext), params.jobId)
	if (!result || result.requested_by !== user.id || !result.result) throw notFound()
	return downloadResponse(new Uint8Array(result.result), {
		fileName: result.file_name ?? 'export',
		contentType: result.content_type ?? 'application/octet-stream',
	})
}
