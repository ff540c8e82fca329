import { z } from 'zod'
import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import {
	lockReport,
	readForSave,
	writeRevisionIfUnchanged,
	type AnswerWrite,
	type Report,
} from '#db/queries/reports.ts'
import type { DbHandle } from '#db/queries/handle.ts'
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

/** Who may save, decided on the report the save read: `not_found` hides it from its caller. */
export type SaveAuthorization = (report: Report) => 'ok' | 'not_found' | 'forbidden'

function isBlank(value: unknown) {
	return value === null || value === undefined
}

type SaveInput = {
	reportId: string
	userId: string
	payload: SavePayload
	source?: string
	authorize?: SaveAuthorization
}

/** Saves from elsewhere than the editor (an Excel import) leave an audit row. */
function isAudited(input: SaveInput) {
	return input.source !== undefined && input.source !== 'editor'
}

/** Someone else saved to the report between this save's read and its write: read again. */
const RETRY = Symbol('retry')

/** Optimistic attempts before a save waits for the report's lock instead. */
const OPTIMISTIC_ATTEMPTS = 4

/**
 * Applies one autosave: reads the report and the answers it touches, asks `authorize` whether the
 * caller may save to it, validates the patch against the report's form, checks that it is
 * editable, merges each question against what others saved since `baseRevision` (see
 * `mergeAnswer`), and writes the changed answers at a new revision with their history. It returns
 * the conflicts it could not resolve: those questions are left as others saved them, never silently
 * overwritten.
 *
 * Concurrency is optimistic: the write is one statement that happens only if the report is still
 * at the revision and status the save read (every answer write bumps the revision), so no lock is
 * held while the server merges, and saves to one report do not queue behind each other. A save
 * that lost the race reads again; after a few lost races it takes the report's row lock first and
 * cannot lose. An import's audit row is written in the same transaction as its answers.
 */
export async function saveAnswers(db: Kysely<Database>, input: SaveInput): Promise<SaveOutcome> {
	const audited = isAudited(input)
	for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
		const outcome = audited
			? await db.transaction().execute((trx) => attemptSave(trx, input))
			: await attemptSave(db, input)
		if (outcome !== RETRY) return outcome
	}
	return db.transaction().execute(async (trx) => {
		await lockReport(trx, input.reportId)
		const outcome = await attemptSave(trx, input)
		if (outcome === RETRY) throw new Error('The report changed while this save held its lock')
		return outcome
	})
}

async function attemptSave(db: DbHandle, input: SaveInput): Promise<SaveOutcome | typeof RETRY> {
	const { payload } = input
	const questionIds = payload.changes.map((c) => c.questionId)
	const read = await readForSave(db, input.reportId, questionIds, payload.sinceRevision)
	if (!read) return { kind: 'not_found' }
	const { report, stored } = read
	const access = input.authorize?.(report) ?? 'ok'
	if (access !== 'ok') return { kind: access }
	const definition = getFormDefinition(report.formId, report.formVersion)
	if (!definition) return { kind: 'not_found' }
	const errors = validatePatch(definition, payload.changes)
	if (errors.length > 0) return { kind: 'invalid', status: 400, errors }
	if (!isEditableState(report.status))
		return { kind: 'locked', status: 409, reportStatus: report.status }
	const newest = Math.max(payload.sinceRevision, ...payload.changes.map((c) => c.baseRevision))
	if (newest > report.revision) return { kind: 'stale', status: 400 }

	const writes: AnswerWrite[] = []
	const conflicts: Conflict[] = []
	for (const change of payload.changes) {
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
	let revision = report.revision
	if (writes.length > 0) {
		const written = await writeRevisionIfUnchanged(db, report, input.userId, writes, input.source)
		if (written === null) return RETRY
		revision = written
	}
	const applied = writes.map((w) => ({ questionId: w.questionId, value: w.newValue, revision }))
	// What others changed since the editor's sync point, then what this save wrote (merged results
	// the editor does not have yet among them).
	const written = new Set(applied.map((a) => a.questionId))
	const sent = new Map(
		payload.changes.map((c) => [c.questionId, isBlank(c.value) ? null : c.value]),
	)
	const updates = [
		...read.changed.filter((c) => !written.has(c.questionId)),
		...applied.map((a) => ({ ...a, value: a.value ?? null })),
	].filter((u) => !sent.has(u.questionId) || !sameValue(u.value, sent.get(u.questionId)))
	if (writes.length > 0 && isAudited(input)) {
		await recordAuditEvent(db, {
			actorUserId: input.userId,
			action: `report.answers_${input.source}`,
			subjectType: 'report',
			subjectId: report.id,
			partyCode: report.partyCode,
			details: { revision, questions: writes.map((w) => w.questionId) },
		})
	}
	return { kind: 'saved', revision, applied, conflicts, updates }
}
