import { data } from 'react-router'
import type { Route } from './+types/answers.ts'
import { mayWriteAnswers } from './report-access.server.ts'
import { SavePayloadSchema, saveAnswers } from '../../domain/answers.server.ts'
import { MAX_SAVE_BYTES, type SaveErrorResponse, type SaveResponse } from '../../domain/save-protocol.ts'
import { dbContext } from '../../utils/context.ts'
import { canReadCountry } from '../../utils/permissions.ts'
import { requireUser } from '../../utils/permissions.server.ts'

function error(status: number, body: SaveErrorResponse) {
	return data(body, { status })
}

/** The autosave endpoint (see `app/domain/save-protocol.ts`). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const user = requireUser(context, request)
	const length = Number(request.headers.get('Content-Length') ?? '0')
	if (length > MAX_SAVE_BYTES) return error(413, { error: 'too_large', message: 'save.errors.tooLarge' })
	let body: unknown
	try {
		const text = await request.text()
		if (text.length > MAX_SAVE_BYTES) return error(413, { error: 'too_large', message: 'save.errors.tooLarge' })
		body = JSON.parse(text)
	} catch {
		return error(400, { error: 'malformed', message: 'save.errors.malformed' })
	}
	const parsed = SavePayloadSchema.safeParse(body)
	if (!parsed.success) return error(400, { error: 'malformed', message: 'save.errors.malformed' })
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
			return data<SaveResponse>({
				revision: outcome.revision,
				applied: outcome.applied,
				updates: outcome.updates,
				conflicts: outcome.conflicts,
			})
		case 'invalid':
			return error(400, { error: 'invalid', message: 'save.errors.invalid', errors: outcome.errors })
		case 'locked':
			return error(409, { error: 'locked', message: 'save.errors.locked', reportStatus: outcome.reportStatus })
		case 'stale':
			return error(400, { error: 'stale', message: 'save.errors.stale' })
		case 'not_found':
			return error(404, { error: 'invalid', message: 'errors.notFound' })
		case 'forbidden':
			return error(403, { error: 'locked', message: 'errors.forbidden' })
	}
}
