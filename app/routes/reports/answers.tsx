import type { Route } from './+types/answers.ts'
import { mayWriteAnswers } from './report-access.server.ts'
import { SavePayloadSchema, saveAnswers } from '../../domain/answers.server.ts'
import { MAX_SAVE_BYTES, type SaveErrorResponse, type SaveResponse } from '../../domain/save-protocol.ts'
import { dbContext } from '../../utils/context.ts'
import { canReadCountry } from '../../utils/permissions.ts'
import { requireUser } from '../../utils/permissions.server.ts'

/**
 * A JSON response that states its length, so the compression middleware leaves a short one (most
 * saves) as it is instead of starting a compressor for a few hundred bytes.
 */
function json(status: number, body: SaveResponse | SaveErrorResponse) {
	const bytes = new TextEncoder().encode(JSON.stringify(body))
	return new Response(bytes, {
		status,
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Length': String(bytes.byteLength),
		},
	})
}

/** The autosave endpoint (see `app/domain/save-protocol.ts`). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const user = requireUser(context, request)
	const length = Number(request.headers.get('Content-Length') ?? '0')
	if (length > MAX_SAVE_BYTES) return json(413, { error: 'too_large', message: 'save.errors.tooLarge' })
	let body: unknown
	try {
		const text = await request.text()
		if (text.length > MAX_SAVE_BYTES) return json(413, { error: 'too_large', message: 'save.errors.tooLarge' })
		body = JSON.parse(text)
	} catch {
		return json(400, { error: 'malformed', message: 'save.errors.malformed' })
	}
	const parsed = SavePayloadSchema.safeParse(body)
	if (!parsed.success) return json(400, { error: 'malformed', message: 'save.errors.malformed' })
	// Access is decided on the report as the save reads it: one read, not two.
	const outcome = await saveAnswers(context.get(dbContext), {
		reportId: params.reportId,
		userId: user.id,
		payload: parsed.data,
		authorize: (report) => {
			if (!canReadCountry(user, report.partyCode)) return 'not_found'
			return mayWriteAnswers(user, report) ? 'ok' : 'forbidden'
		},
	})
	switch (outcome.kind) {
		case 'saved':
			return json(200, {
				revision: outcome.revision,
				applied: outcome.applied,
				updates: outcome.updates,
				conflicts: outcome.conflicts,
			})
		case 'invalid':
			return json(400, { error: 'invalid', message: 'save.errors.invalid', errors: outcome.errors })
		case 'locked':
			return json(409, { error: 'locked', message: 'save.errors.locked', reportStatus: outcome.reportStatus })
		case 'stale':
			return json(400, { error: 'stale', message: 'save.errors.stale' })
		case 'not_found':
			return json(404, { error: 'invalid', message: 'errors.notFound' })
		case 'forbidden':
			return json(403, { error: 'locked', message: 'errors.forbidden' })
	}
}
