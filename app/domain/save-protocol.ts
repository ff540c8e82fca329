/**
 * The autosave protocol between the editor and `POST /reports/:reportId/answers`.
 *
 * Request: per-question patches. For each question, `base` is the value the editor started from
 * and `baseRevision` the revision at which that value was stored (0: never answered); `value`
 * null clears the answer. `sinceRevision` is the report revision the editor is in sync with.
 *
 * Response 200: `SaveResponse`: what was written, what others changed since `sinceRevision`
 * (apply those that are not being edited), and conflicts (both values, to let the user choose).
 * 400: invalid patch (`errors`), nothing written. 409: the report is no longer editable.
 */
export const MAX_CHANGES_PER_SAVE = 200
export const MAX_SAVE_BYTES = 512 * 1024

export type SavePayload = {
	sinceRevision: number
	changes: { questionId: string; baseRevision: number; base?: unknown; value: unknown }[]
}

export type AnswerUpdate = { questionId: string; value: unknown; revision: number }

export type Conflict = {
	questionId: string
	yours: unknown
	theirs: unknown
	/** Revision of `theirs`: choosing "keep mine" saves against it. */
	theirsRevision: number
	theirsBy: string | null
}

export type SaveResponse = {
	revision: number
	applied: AnswerUpdate[]
	updates: AnswerUpdate[]
	conflicts: Conflict[]
}

export type SaveErrorResponse = {
	error: 'invalid' | 'locked' | 'stale' | 'too_large' | 'malformed'
	message: string
	errors?: { questionId: string; message: string }[]
	reportStatus?: string
}
