import { z } from 'zod'
import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import {
	answersChangedSince,
	loadAnswersOf,
	lockReport,
	writeRevision,
	type AnswerWrite,
	type Report,
} from '#db/queries/reports.ts'
import type { Database } from '#db/types.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { sameValue } from './canonical.ts'
import { mergeAnswer } from './merge.ts'
import { validatePatch } from './patch-validation.ts'
import {
	MAX_CHANGES_PER_SAVE,
	type AnswerUpdate,
	type Conflict,
	type SavePayload,
} from './save-protocol.ts'
import { isEditableState } from './workflow.ts'

/** Server-side check of an autosave request body (see `save-protocol.ts`). */
export const SavePayloadSchema = z.object({
	sinceRevision: z.number().int().min(0),
	changes: z
		.array(
			z.object({
				questionId: z.string().min(1).max(200),
				baseRevision: z.number().int().min(0),
				base: z.unknown().optional(),
				value: z.unknown(),
			}),
		)
		.min(1)
		.max(MAX_CHANGES_PER_SAVE),
})

export type SaveOutcome =
	| {
			kind: 'saved'
			revision: number
			/** Questions written by this save, with their new revision. */
			applied: AnswerUpdate[]
			conflicts: Conflict[]
			/** Answers others changed since `sinceRevision` (merged results included): refresh these. */
			updates: AnswerUpdate[]
	  }
	| { kind: 'invalid'; status: 400; errors: { questionId: string; message: string }[] }
	| { kind: 'locked'; status: 409; reportStatus: string }
	| { kind: 'stale'; status: 400 }
	| { kind: 'not_found' }
	| { kind: 'forbidden' }

/** Who may save, decided on the locked report: `not_found` hides the report from its caller. */
export type SaveAuthorization = (report: Report) => 'ok' | 'not_found' | 'forbidden'

function isBlank(value: unknown) {
	return value === null || value === undefined
}

/**
 * Applies one autosave in a single transaction: locks the report, asks `authorize` whether the
 * caller may save to it, validates the patch against the report's form, re-checks that it is editable,
 * merges each question against what others saved since `baseRevision` (see `mergeAnswer`), writes
 * the changed answers at a new revision with their history, and returns the conflicts it could not
 * resolve — those questions are left as others saved them, never silently overwritten.
 */
export async function saveAnswers(
	db: Kysely<Database>,
	input: {
		reportId: string
		userId: string
		payload: SavePayload
		source?: string
		authorize?: SaveAuthorization
	},
): Promise<SaveOutcome> {
	return db.transaction().execute(async (trx): Promise<SaveOutcome> => {
		const report = await lockReport(trx, input.reportId)
		if (!report) return { kind: 'not_found' }
		const access = input.authorize?.(report) ?? 'ok'
		if (access !== 'ok') return { kind: access }
		const definition = getFormDefinition(report.formId, report.formVersion)
		if (!definition) return { kind: 'not_found' }
		const errors = validatePatch(definition, input.payload.changes)
		if (errors.length > 0) return { kind: 'invalid', status: 400, errors }
		if (!isEditableState(report.status))
			return { kind: 'locked', status: 409, reportStatus: report.status }
		const newest = Math.max(
			input.payload.sinceRevision,
			...input.payload.changes.map((c) => c.baseRevision),
		)
		if (newest > report.revision) return { kind: 'stale', status: 400 }

		const questionIds = input.payload.changes.map((c) => c.questionId)
		const stored = await loadAnswersOf(trx, report.id, questionIds)

		const writes: AnswerWrite[] = []
		const conflicts: Conflict[] = []
		for (const change of input.payload.changes) {
			const current = stored[change.questionId]
			const theirs = current?.value ?? null
			const mine = isBlank(change.value) ? null : change.value
			let next: unknown = mine
			if (current && current.revision > change.baseRevision) {
				const result = mergeAnswer(change.base ?? null, mine, theirs)
				if (!result.ok) {
					conflicts.push({
						questionId: change.questionId,
						yours: mine,
						theirs,
						theirsRevision: current.revision,
						theirsBy: current.updatedBy,
					})
					continue
				}
				next = result.value
			}
			if (sameValue(next, theirs)) continue
			writes.push({ questionId: change.questionId, oldValue: theirs, newValue: next })
		}
		const revision =
			writes.length > 0
				? await writeRevision(trx, report.id, input.userId, writes, input.source)
				: report.revision
		const sent = new Map(
			input.payload.changes.map((c) => [c.questionId, isBlank(c.value) ? null : c.value]),
		)
		// What others changed since the editor's sync point, and merged results it does not have yet.
		// When nobody wrote since that point, this save's own merged results are all there is.
		const changedSince =
			report.revision === input.payload.sinceRevision
				? writes.map((w) => ({ questionId: w.questionId, value: w.newValue ?? null, revision }))
				: await answersChangedSince(trx, report.id, input.payload.sinceRevision)
		const updates = changedSince.filter(
			(u) => !sent.has(u.questionId) || !sameValue(u.value, sent.get(u.questionId)),
		)
		if (writes.length > 0 && input.source && input.source !== 'editor') {
			await recordAuditEvent(trx, {
				actorUserId: input.userId,
				action: `report.answers_${input.source}`,
				subjectType: 'report',
				subjectId: report.id,
				partyCode: report.partyCode,
				details: { revision, questions: writes.map((w) => w.questionId) },
			})
		}
		return {
			kind: 'saved',
			revision,
			applied: writes.map((w) => ({ questionId: w.questionId, value: w.newValue, revision })),
			conflicts,
			updates,
		}
	})
}
