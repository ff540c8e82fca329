import { z } from 'zod'
import type { Kysely, Transaction } from 'kysely'
import { attachmentIdsOf } from '#db/queries/attachments.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import {
	lockReport,
	readForSave,
	writeRevisionIfUnchanged,
	type Report,
	type WriteIfUnchanged,
} from '#db/queries/reports.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import type { Database } from '#db/types.ts'
import { compileForm } from '#forms/engine/index.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { isSystemFilled } from '#forms/system-answers.ts'
import type { FormDefinition } from '#forms/types.ts'
import { sameValue } from './canonical.ts'
import { validatePatch } from './patch-validation.ts'
import { planSave } from './save-plan.ts'
import {
	MAX_CHANGES_PER_SAVE,
	type AnswerUpdate,
	type Conflict,
	type SavePayload,
} from './save-protocol.ts'
import { isEditableState } from './workflow.ts'
import { isUuid, jsonProblems, MAX_JSON_DEPTH, revisionNumber } from '../utils/input.ts'

/**
 * Server-side check of an autosave request body (see `save-protocol.ts`), read by `readJson` (so
 * of bounded depth, with text the database can store). Revisions fit PostgreSQL's `integer`.
 */
export const SavePayloadSchema = z.object({
	sinceRevision: revisionNumber,
	changes: z
		.array(
			z.object({
				questionId: z.string().min(1).max(200),
				baseRevision: revisionNumber,
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

/**
 * Changes to answers the system fills in (the Party, the period years, the date of submission):
 * nobody may change them. Sending the stored value back is harmless and let through.
 */
function changesToSystemAnswers(
	definition: FormDefinition,
	changes: SavePayload['changes'],
	stored: ReadonlyMap<string, { value: unknown }>,
) {
	const questions = compileForm(definition).byId
	return changes
		.filter((change) => {
			const question = questions.get(change.questionId)?.question
			if (!question || !isSystemFilled(question)) return false
			const sent = isBlank(change.value) ? null : change.value
			return !sameValue(sent, stored.get(change.questionId)?.value ?? null)
		})
		.map((change) => ({ questionId: change.questionId, message: 'save.errors.systemFilled' }))
}

/**
 * Answers (or bases) holding text the database cannot store or nested too deep: refused per
 * question. Saves over HTTP never get here with them (`readJson` refuses the body); imports can.
 */
function unsafeChanges(changes: SavePayload['changes']) {
	return changes.flatMap((change) => {
		const problem = jsonProblems([change.value, change.base], MAX_JSON_DEPTH - 4, 1)[0]
		if (!problem) return []
		const message = problem.kind === 'depth' ? 'save.errors.tooDeep' : 'save.errors.unsafeText'
		return [{ questionId: change.questionId, message }]
	})
}

/**
 * Files an answer refers to must be files of this report: a draft never points at another
 * report's attachment (nor at one that does not exist).
 */
async function foreignAttachments(
	db: DbHandle,
	reportId: string,
	definition: FormDefinition,
	changes: SavePayload['changes'],
) {
	const questions = compileForm(definition).byId
	const referred = new Map<string, string[]>()
	for (const change of changes) {
		if (questions.get(change.questionId)?.question.type !== 'attachment') continue
		if (!Array.isArray(change.value)) continue
		referred.set(
			change.questionId,
			change.value.map((item) => String((item as { attachmentId?: unknown })?.attachmentId)),
		)
	}
	if (referred.size === 0) return []
	const own = await attachmentIdsOf(db, reportId, [...referred.values()].flat().filter(isUuid))
	return [...referred]
		.filter(([, ids]) => ids.some((id) => !own.has(id.toLowerCase())))
		.map(([questionId]) => ({ questionId, message: 'save.errors.unknownAttachment' }))
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
 * `planSave`), and writes the changed answers at a new revision with their history. It returns
 * the conflicts it could not resolve: those questions are left as others saved them, never silently
 * overwritten.
 *
 * Concurrency is optimistic: the write is one statement that happens only if the report is still
 * at the revision and status the save read (every answer write bumps the revision), so no lock is
 * held while the server merges, and saves to one report do not queue behind each other. A save
 * that lost the race reads again; after a few lost races it takes the report's row lock first and
 * cannot lose. An import's audit row is written in the same transaction as its answers.
 *
 * Most saves need no merge: nobody else wrote their questions since the editor read them. Those
 * are written by the statement that reads (one round trip, see `fastWrite`); the others, and any
 * save the fast path cannot decide, go through the read, `planSave`, write sequence.
 */
export async function saveAnswers(db: Kysely<Database>, input: SaveInput): Promise<SaveOutcome> {
	const audited = isAudited(input)
	for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
		const outcome = audited
			? await db.transaction().execute((trx) => attemptSave(trx, input))
			: await attemptSave(db, input)
		if (outcome !== RETRY) return outcome
	}
	return db.transaction().execute((trx) => saveAnswersInTransaction(trx, input))
}

/**
 * The same save inside the caller's transaction, holding the report's row lock (so it cannot lose
 * a race): for a save that must commit or roll back together with other writes, as "report once"
 * writes the accepted answers and the decisions that name their source.
 */
export async function saveAnswersInTransaction(
	trx: Transaction<Database>,
	input: SaveInput,
): Promise<SaveOutcome> {
	await lockReport(trx, input.reportId)
	const outcome = await attemptSave(trx, input)
	if (outcome === RETRY) throw new Error('The report changed while this save held its lock')
	return outcome
}

/**
 * The report as this process last read it, per report id, so that the next save can be checked
 * and authorized before its read and written by the same statement. Only a hint: that statement
 * writes only if the report's form, Party, entry on behalf and status are still these, so a stale
 * entry (another process changed the report) costs a round trip, never a wrong write.
 */
const lastRead = new Map<string, Report>()
const LAST_READ_LIMIT = 10_000

function remember(report: Report) {
	lastRead.delete(report.id)
	lastRead.set(report.id, report)
	if (lastRead.size > LAST_READ_LIMIT) lastRead.delete(lastRead.keys().next().value!)
}

/** Why a patch is refused against `definition`, whoever stored what. */
async function patchErrors(
	db: DbHandle,
	reportId: string,
	definition: FormDefinition,
	changes: SavePayload['changes'],
) {
	return [
		...unsafeChanges(changes),
		...validatePatch(definition, changes),
		...(await foreignAttachments(db, reportId, definition, changes)),
	]
}

/**
 * The writes the read statement may make on its own, decided on the report as last read: the
 * caller may save to it, it is editable, the patch is valid for its form and touches no answer the
 * system fills in. Imports (audited) always take the transaction.
 */
async function fastWrite(db: DbHandle, input: SaveInput): Promise<WriteIfUnchanged | undefined> {
	const report = lastRead.get(input.reportId)
	if (!report || isAudited(input) || !isEditableState(report.status)) return undefined
	if ((input.authorize?.(report) ?? 'ok') !== 'ok') return undefined
	const definition = getFormDefinition(report.formId, report.formVersion)
	if (!definition) return undefined
	const { changes, sinceRevision } = input.payload
	const questions = compileForm(definition).byId
	const systemFilled = changes.some((change) => {
		const question = questions.get(change.questionId)?.question
		return question !== undefined && isSystemFilled(question)
	})
	if (systemFilled) return undefined
	if ((await patchErrors(db, report.id, definition, changes)).length > 0) return undefined
	return {
		expected: report,
		userId: input.userId,
		source: input.source ?? 'editor',
		changes: changes.map((c) => ({ ...c, value: isBlank(c.value) ? null : c.value })),
		newest: Math.max(sinceRevision, ...changes.map((c) => c.baseRevision)),
	}
}

type SaveRead = NonNullable<Awaited<ReturnType<typeof readForSave>>>

/**
 * The outcome of a save the read statement decided (`unchanged`): `planSave` on that read must
 * plan exactly the writes the statement made; none written while some were due means another
 * save took the report first.
 */
function fastOutcome(read: SaveRead, payload: SavePayload): SaveOutcome | typeof RETRY {
	const plan = planSave({
		revision: read.report.revision,
		stored: read.stored,
		changes: payload.changes,
		changedSince: read.changed,
	})
	if (read.written === null) {
		if (plan.writes.length > 0) return RETRY
	} else if (read.written !== plan.revision || plan.conflicts.length > 0) {
		throw new Error(`Report ${read.report.id}: the save wrote revision ${read.written}`)
	}
	const { revision, applied, conflicts, updates } = plan
	return { kind: 'saved', revision, applied, conflicts, updates }
}

async function attemptSave(db: DbHandle, input: SaveInput): Promise<SaveOutcome | typeof RETRY> {
	const { payload } = input
	const questionIds = payload.changes.map((c) => c.questionId)
	const write = await fastWrite(db, input)
	const read = await readForSave(db, input.reportId, questionIds, payload.sinceRevision, write)
	if (!read) return { kind: 'not_found' }
	remember(read.report)
	if (read.unchanged) return fastOutcome(read, payload)
	const { report, stored } = read
	const access = input.authorize?.(report) ?? 'ok'
	if (access !== 'ok') return { kind: access }
	const definition = getFormDefinition(report.formId, report.formVersion)
	if (!definition) return { kind: 'not_found' }
	const errors = await patchErrors(db, report.id, definition, payload.changes)
	if (errors.length > 0) return { kind: 'invalid', status: 400, errors }
	const systemFilled = changesToSystemAnswers(definition, payload.changes, stored)
	if (systemFilled.length > 0) return { kind: 'invalid', status: 400, errors: systemFilled }
	if (!isEditableState(report.status))
		return { kind: 'locked', status: 409, reportStatus: report.status }
	const newest = Math.max(payload.sinceRevision, ...payload.changes.map((c) => c.baseRevision))
	if (newest > report.revision) return { kind: 'stale', status: 400 }

	const { writes, revision, applied, conflicts, updates } = planSave({
		revision: report.revision,
		stored,
		changes: payload.changes,
		changedSince: read.changed,
	})
	if (writes.length > 0) {
		const written = await writeRevisionIfUnchanged(db, report, input.userId, writes, input.source)
		if (written === null) return RETRY
		if (written !== revision) throw new Error(`Report ${report.id} skipped to revision ${written}`)
	}
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
