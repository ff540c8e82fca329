import type { AnswerWrite } from '#db/queries/reports.ts'
import { sameValue } from './canonical.ts'
import { mergeAnswer } from './merge.ts'
import type { AnswerUpdate, Conflict, SavePayload } from './save-protocol.ts'

/** An answer as the save read it from the report. */
export type StoredAnswerForSave = { value: unknown; revision: number; updatedBy: string | null }

export type SavePlanInput = {
	/** The report's revision when the save read it. */
	revision: number
	/** The stored answers of the questions the save changes (absent: never answered). */
	stored: ReadonlyMap<string, StoredAnswerForSave>
	changes: SavePayload['changes']
	/** The answers changed after the payload's `sinceRevision`, as stored now, newest revision each. */
	changedSince: readonly AnswerUpdate[]
}

export type SavePlan = {
	/** Answers to write (a null new value clears the answer), all at `revision`. */
	writes: AnswerWrite[]
	conflicts: Conflict[]
	/** The report's revision once the writes are made: the next one, or the same when none. */
	revision: number
	/** Questions written by this save, with their new revision. */
	applied: AnswerUpdate[]
	/** Answers others changed since `sinceRevision` and merged results: the editor refreshes these. */
	updates: AnswerUpdate[]
}

const isBlank = (value: unknown) => value === null || value === undefined

/**
 * Plans one autosave, without I/O: merges each change against what others saved since its
 * `baseRevision` (see `mergeAnswer`), keeps the questions it cannot merge as conflicts (left as
 * others saved them, never silently overwritten), drops changes that leave an answer as stored,
 * and lists what the editor must refresh. Making the writes must move the report from `revision`
 * to the next revision.
 */
export function planSave(input: SavePlanInput): SavePlan {
	const writes: AnswerWrite[] = []
	const conflicts: Conflict[] = []
	for (const change of input.changes) {
		const current = input.stored.get(change.questionId)
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
	const revision = writes.length > 0 ? input.revision + 1 : input.revision
	const applied = writes.map((w) => ({ questionId: w.questionId, value: w.newValue, revision }))
	// What others changed since the editor's sync point, then what this save wrote (merged results
	// the editor does not have yet among them); not what the editor sent and so already has.
	const written = new Set(applied.map((a) => a.questionId))
	const sent = new Map(input.changes.map((c) => [c.questionId, isBlank(c.value) ? null : c.value]))
	const updates = [
		...input.changedSince.filter((c) => !written.has(c.questionId)),
		...applied.map((a) => ({ ...a, value: a.value ?? null })),
	].filter((u) => !sent.has(u.questionId) || !sameValue(u.value, sent.get(u.questionId)))
	return { writes, conflicts, revision, applied, updates }
}
