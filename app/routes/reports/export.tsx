import { z } from 'zod'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { reportFileName } from '#exports/report-document.ts'
import { buildReportWorkbookInWorker, renderReportPdfInWorker } from '#exports/worker/client.ts'
import type { Route } from './+types/export.ts'
import { requireReport } from './report-access.server.ts'
import { loadReportDocument } from '../../domain/report-exports.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { LANGUAGES } from '../../utils/i18n.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { positiveIntText } from '../../utils/input.ts'
import { parseQuery } from '../../utils/request.server.ts'

const QuerySchema = z.object({
	format: z.enum(['pdf', 'xlsx']).default('pdf'),
	lang: z.enum(LANGUAGES).optional(),
	submission: positiveIntText.optional(),
})

/**
 * `GET /reports/:reportId/export?format=pdf|xlsx&lang=..&submission=N`: the report as PDF or
 * Excel, for the country's own users and the secretariat (anyone else: 404). Without `submission`,
 * a submitted report prints its latest submission and a draft its working copy (watermarked).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const access = await requireReport(context, request, params.reportId)
	const query = parseQuery(request, QuerySchema)
	const db = context.get(dbContext)
	const lang = query.lang ?? context.get(languageContext)
	const doc = await loadReportDocument(db, access, { lang, submissionNumber: query.submission })
	if (!doc) throw notFound()
	const format = query.format
	const bytes =
		format === 'pdf'
			? await renderReportPdfInWorker(doc)
			: await buildReportWorkbookInWorker(doc, { kind: 'export' })
	await recordAuditEvent(db, {
		actorUserId: access.user.id,
		action: 'report.exported',
		subjectType: 'report',
		subjectId: access.report.id,
		partyCode: access.report.partyCode,
		details: { format, lang, submission: doc.meta.submissionNumber },
	})
	return downloadResponse(bytes, {
		fileName: reportFileName(doc, format),
		contentType:
			format === 'pdf'
				? 'application/pdf'
				: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	})
}
