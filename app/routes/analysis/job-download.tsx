import { exportJobResult } from '#db/queries/exports.ts'
import type { Route } from './+types/job-download.ts'
import { dbContext } from '../../utils/context.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'

/** The finished file of a background export, for the analyst who asked for it. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const jobId = routeParam(params.jobId, uuidText)
	const result = await exportJobResult(context.get(dbContext), jobId)
	if (!result || result.requestedBy !== user.id || !result.result) throw notFound()
	return downloadResponse(new Uint8Array(result.result), {
		fileName: result.fileName ?? 'export',
		contentType: result.contentType ?? 'application/octet-stream',
	})
}
