import type { Route } from './+types/export.ts'
import { ndjsonLines, jsonChunks } from '#exports/compiled/json.ts'
import { compiledLayout } from '#exports/compiled/dataset.ts'
import {
	buildCompiledInWorker,
	compiledContentType,
	compiledFileName,
	compiledMeta,
	CompiledQuerySchema,
	compiledReports,
	compiledSubmissions,
	resolveCompiledRequest,
} from '../../domain/compiled-exports.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { downloadResponse } from '../../utils/download.server.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { data } from 'react-router'

/**
 * `GET /analysis/export?cycle=CODE&format=xlsx|csv|json|ndjson&status=accepted|submitted&questions=a,b&lang=..`
 * Compiled data of submitted reports (never drafts) for analysts and the secretariat. XLSX and
 * CSV files are built in the export worker; JSON and NDJSON stream report by report.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const query = parseQuery(request, CompiledQuerySchema)
	const db = context.get(dbContext)
	const resolved = await resolveCompiledRequest(db, {
		...query,
		lang: query.lang ?? context.get(languageContext),
	})
	if (!resolved.ok) {
		throw data(
			{ message: 'errors.notFound', reason: resolved.error, ...resolved.params },
			{ status: 404 },
		)
	}
	const { request: compiled } = resolved
	const format = query.format
	const now = new Date()
	if (format === 'xlsx' || format === 'csv') {
		const file = await buildCompiledInWorker(db, compiled, format, undefined, now)
		return downloadResponse(file.bytes, file)
	}
	const submissions = await compiledSubmissions(db, compiled)
	const meta = compiledMeta(compiled, submissions.length, now)
	const layout = compiledLayout(compiled.definition, compiled.lang, compiled.questionIds)
	const reports = compiledReports(db, compiled, submissions)
	const chunks =
		format === 'ndjson' ? ndjsonLines(meta, layout, reports) : jsonChunks(meta, layout, reports)
	const encoder = new TextEncoder()
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await chunks.next()
			if (next.done) controller.close()
			else controller.enqueue(encoder.encode(next.value))
		},
		async cancel() {
			await chunks.return(undefined)
		},
	})
	return downloadResponse(body, {
		fileName: compiledFileName(compiled, format, now),
		contentType: compiledContentType(format),
	})
}
