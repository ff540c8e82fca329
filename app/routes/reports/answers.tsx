import type { Route } from './+types/answers.ts'
import { mayWriteAnswers } from './report-access.server.ts'
import { SavePayloadSchema, saveAnswers } from '../../domain/answers.server.ts'
import {
	MAX_SAVE_BYTES,
	type SaveErrorResponse,
	type SaveResponse,
} from '../../domain/save-protocol.ts'
import { dbContext } from '../../utils/context.ts'
import { isSafeText, uuidText } from '../../utils/input.ts'
import { canReadCountry } from '../../utils/permissions.ts'
import { requireUser } from '../../utils/permissions.server.ts'
import { readJson, routeParam } from '../../utils/request.server.ts'

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

/** The question a problem at `path` of a save body belongs to (`changes[i]`), when it names one. */
function questionAt(body: unknown, path: (string | number)[]) {
	if (path[0] !== 'changes' || typeof path[1] !== 'number' || path.length < 3) return undefined
	if (path[2] === 'questionId') return undefined
	const changes = (body as { changes?: unknown }).changes
	const change = Array.isArray(changes) ? (changes[path[1]] as { questionId?: unknown }) : null
	return typeof change?.questionId === 'string' && isSafeText(change.questionId)
		? change.questionId
		: undefined
}

/** The autosave endpoint (see `app/domain/save-protocol.ts`). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const user = requireUser(context, request)
	const reportId = routeParam(params.reportId, uuidText)
	const read = await readJson(request, MAX_SAVE_BYTES)
	if (!read.ok) {
		if (read.reason === 'too_large')
			return json(413, { error: 'too_large', message: 'save.errors.tooLarge' })
		if (read.reason === 'too_deep')
			return json(400, { error: 'malformed', message: 'save.errors.tooDeep' })
		if (read.reason === 'unsafe_text') {
			// Refused per question where it can be, so the editor shows it where it was typed.
			const questions = read.problems.map((problem) => questionAt(read.value, problem.path))
			if (questions.every((id) => id !== undefined)) {
				const errors = [...new Set(questions)].map((questionId) => ({
					questionId,
					message: 'save.errors.unsafeText',
				}))
				return json(400, { error: 'invalid', message: 'save.errors.invalid', errors })
			}
			return json(400, { error: 'malformed', message: 'save.errors.unsafeText' })
		}
		return json(400, { error: 'malformed', message: 'save.errors.malformed' })
	}
	const parsed = SavePayloadSchema.safeParse(read.value)
	if (!parsed.success) return json(400, { error: 'malformed', message: 'save.errors.malformed' })
	// Access is decided on the report as the save reads it: one read, not two.
	const outcome = await saveAnswers(context.get(dbContext), {
		reportId,
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
			return json(409, {
				error: 'locked',
				message: 'save.errors.locked',
				reportStatus: outcome.reportStatus,
			})
		case 'stale':
			return json(400, { error: 'stale', message: 'save.errors.stale' })
		case 'not_found':
			return json(404, { error: 'invalid', message: 'errors.notFound' })
		case 'forbidden':
			return json(403, { error: 'locked', message: 'errors.forbidden' })
	}
}
