import { z } from 'zod'
import { reportFileName } from '#exports/report-document.ts'
import { renderReportPdfInWorker } from '#exports/worker/client.ts'
import type { Route } from './+types/report-pdf.ts'
import { publicReportDocument } from '../../domain/public-portal.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { LANGUAGES } from '../../utils/i18n.ts'
import { partyCodeText } from '../../utils/input.ts'
import { notFound } from '../../utils/permissions.server.ts'
import {
	cachedPublicFile,
	matchesIfNoneMatch,
	notModified,
	publicEtag,
	setPublicCacheHeaders,
} from '../../utils/public-cache.server.ts'
import { parseQuery, routeParam } from '../../utils/request.server.ts'

const CycleCode = z.string().regex(/^[a-z0-9][a-z0-9-]{2,59}$/)
const QuerySchema = z.object({ lang: z.enum(LANGUAGES).optional() })

/**
 * `GET /parties/:partyCode/reports/:cycleCode?lang=..`, public: the PDF of the Party's accepted
 * report to a published cycle, built from the accepted submission (answers marked confidential
 * print as "Confidential", their values were never stored), in the language asked. 404 for a cycle
 * that is not published and for a report not accepted. Cacheable: its ETag follows the accepted
 * submission's hash and the language, `If-None-Match` gets 304 without building the file, and a
 * file is built once per process and version (`cachedPublicFile`).
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const partyCode = routeParam(params.partyCode, partyCodeText)
	const cycleCode = routeParam(params.cycleCode, CycleCode)
	const language = parseQuery(request, QuerySchema).lang ?? context.get(languageContext)
	const doc = await publicReportDocument(context.get(dbContext), partyCode, cycleCode, {
		today: todayIso(),
		language,
	})
	if (!doc) throw notFound()
	const etag = publicEtag(
		doc.sha256,
		doc.meta.formSha256 ?? '',
		language,
		doc.meta.partyName,
		doc.meta.cycleTitle,
	)
	if (matchesIfNoneMatch(request, etag)) return notModified(etag)
	const bytes = await cachedPublicFile(etag, () => renderReportPdfInWorker(doc))
	const response = downloadResponse(bytes, {
		fileName: reportFileName(doc, 'pdf'),
		contentType: 'application/pdf',
	})
	setPublicCacheHeaders(response.headers, etag)
	return response
}
