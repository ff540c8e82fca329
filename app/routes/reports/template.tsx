import { z } from 'zod'
import { reportFileName } from '#exports/report-document.ts'
import { buildReportWorkbookInWorker } from '#exports/worker/client.ts'
import type { Route } from './+types/template.ts'
import { requireReport } from './report-access.server.ts'
import { loadReportDocument } from '../../domain/report-exports.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { LANGUAGES } from '../../utils/i18n.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { parseQuery } from '../../utils/request.server.ts'

const QuerySchema = z.object({
	mode: z.enum(['blank', 'prefilled']).default('prefilled'),
	lang: z.enum(LANGUAGES).optional(),
})

/**
 * `GET /reports/:reportId/template?mode=blank|prefilled&lang=..`: an Excel template of the
 * report's working copy to fill offline and upload on the import page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const access = await requireReport(context, request, params.reportId)
	const query = parseQuery(request, QuerySchema)
	const lang = query.lang ?? context.get(languageContext)
	const doc = await loadReportDocument(context.get(dbContext), access, { lang, workingCopy: true })
	if (!doc) throw notFound()
	const bytes = await buildReportWorkbookInWorker(doc, { kind: 'template', mode: query.mode })
	return downloadResponse(bytes, {
		fileName: reportFileName(doc, 'xlsx', `-template-${query.mode}`),
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	})
}
