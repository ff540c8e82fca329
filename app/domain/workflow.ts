import type { Role } from '#db/types.ts'

/**
 * The report workflow: one transition table, one pure function. The server wrapper
 * (`workflow.server.ts`) locks the report row, calls `decideTransition` again inside the
 * transaction with fresh facts, writes the new state and appends to the event history.
 *
 * | action           | from            | to           | who                         | preconditions                                             |
 * |------------------|-----------------|--------------|-----------------------------|-----------------------------------------------------------|
 * | submit           | draft           | submitted    | the country's contact point | no errors; every warning explained                        |
 * | recall           | submitted       | draft        | the country's contact point | review not started                                        |
 * | start_review     | submitted       | under_review | reviewer                    |                                                           |
 * | return           | under_review    | returned     | reviewer                    | an open thread or a message                               |
 * | resubmit         | returned        | submitted    | the country's contact point | no errors; every warning explained                        |
 * | accept           | under_review    | accepted     | reviewer                    | open threads confirmed, if any                            |
 * | request_reopen   | accepted        | accepted     | the country's contact point | no request pending                                        |
 * | reopen           | accepted        | draft        | reviewer                    |                                                           |
 * | submit_on_behalf | draft, returned | submitted    | reviewer                    | entered on behalf; no errors; a source document; a reason |
 *
 * Each transition also names its effects (`TransitionEffects`): what happens to the latest
 * submission, to the date of submission the system writes into the answers, and to a pending
 * request to reopen. The server applies exactly these, so the table is the whole workflow.
 *
 * Countries edit only in `draft` and `returned`; every submission is kept, so the accepted or
 * recalled revision stays in the history.
 */

export const REPORT_STATES = ['draft', 'submitted', 'under_review', 'returned', 'accepted'] as const
export type ReportState = (typeof REPORT_STATES)[number]

export const WORKFLOW_ACTIONS = [
	'submit',
	'recall',
	'start_review',
	'return',
	'resubmit',
	'accept',
	'request_reopen',
	'reopen',
	'submit_on_behalf',
] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** States in which the country may change answers. */
export const EDITABLE_STATES: readonly ReportState[] = ['draft', 'returned']

/** Who acts: national roles count only for the report's own country. */
export type Actor = { roles: readonly Role[]; partyCodes: readonly string[] }

/** What the preconditions look at, computed by the caller from the database and the engine. */
export type TransitionFacts = {
	partyCode: string
	errorCount: number
	unexplainedWarningCount: number
	/** Open threads the country sees. */
	openThreadCount: number
	/** Open notes only the secretariat sees. */
	openSecretariatNoteCount: number
	/** The reviewer explicitly confirmed acting although threads are open. */
	openThreadsConfirmed: boolean
	hasMessage: boolean
	reopenRequested: boolean
	hasSourceDocument: boolean
	hasReason: boolean
	/** The secretariat started the report from a document the country sent. */
	enteredOnBehalf: boolean
}

type Who = 'country_contact_point' | 'reviewer'

type Precondition = {
	/** i18n key (namespace `report`) explaining why the action is refused. */
	failure: string
	holds: (facts: TransitionFacts) => boolean
}

/** What a transition changes besides the report's state. */
export type TransitionEffects = {
	/**
	 * The latest submission: `record` stores a new immutable one (the current one becomes
	 * superseded); otherwise the latest submission takes that state (`accepted` supersedes an
	 * earlier accepted one).
	 */
	submission?: 'record' | 'recalled' | 'returned' | 'accepted'
	/** The date of submission the system writes into the answers: set to today, or cleared. */
	submissionDate?: 'set' | 'clear'
	/** The country's pending request to reopen an accepted report. */
	reopenRequest?: 'set' | 'clear'
}

export type Transition = {
	from: readonly ReportState[]
	to: ReportState | 'same'
	who: Who
	preconditions: readonly Precondition[]
	effects: TransitionEffects
}

const RECORD_SUBMISSION: TransitionEffects = { submission: 'record', submissionDate: 'set' }

const noErrors: Precondition = {
	failure: 'workflow.errorsRemain',
	holds: (f) => f.errorCount === 0,
}
const warningsExplained: Precondition = {
	failure: 'workflow.warningsUnexplained',
	holds: (f) => f.unexplainedWarningCount === 0,
}

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
	submit: {
		from: ['draft'],
		to: 'submitted',
		who: 'country_contact_point',
		preconditions: [noErrors, warningsExplained],
		effects: RECORD_SUBMISSION,
	},
	recall: {
		from: ['submitted'],
		to: 'draft',
		who: 'country_contact_point',
		preconditions: [],
		effects: { submission: 'recalled', submissionDate: 'clear' },
	},
	start_review: {
		from: ['submitted'],
		to: 'under_review',
		who: 'reviewer',
		preconditions: [],
		effects: {},
	},
	return: {
		from: ['under_review'],
		to: 'returned',
		who: 'reviewer',
		preconditions: [
			{
				failure: 'workflow.returnNeedsReason',
				holds: (f) => f.openThreadCount > 0 || f.hasMessage,
			},
		],
		effects: { submission: 'returned' },
	},
	resubmit: {
		from: ['returned'],
		to: 'submitted',
		who: 'country_contact_point',
		preconditions: [noErrors, warningsExplained],
		effects: RECORD_SUBMISSION,
	},
	accept: {
		from: ['under_review'],
		to: 'accepted',
		who: 'reviewer',
		preconditions: [
			{
				failure: 'workflow.openThreadsNeedConfirmation',
				holds: (f) =>
					f.openThreadCount + f.openSecretariatNoteCount === 0 || f.openThreadsConfirmed,
			},
		],
		effects: { submission: 'accepted' },
	},
	request_reopen: {
		from: ['accepted'],
		to: 'same',
		who: 'country_contact_point',
		preconditions: [
			{ failure: 'workflow.reopenAlreadyRequested', holds: (f) => !f.reopenRequested },
		],
		effects: { reopenRequest: 'set' },
	},
	reopen: {
		from: ['accepted'],
		to: 'draft',
		who: 'reviewer',
		preconditions: [],
		effects: { reopenRequest: 'clear', submissionDate: 'clear' },
	},
	submit_on_behalf: {
		from: ['draft', 'returned'],
		to: 'submitted',
		who: 'reviewer',
		preconditions: [
			{ failure: 'workflow.notEnteredOnBehalf', holds: (f) => f.enteredOnBehalf },
			noErrors,
			{ failure: 'workflow.sourceDocumentRequired', holds: (f) => f.hasSourceDocument },
			{ failure: 'workflow.reasonRequired', holds: (f) => f.hasReason },
		],
		effects: RECORD_SUBMISSION,
	},
}

export type TransitionDecision =
	| { ok: true; to: ReportState; effects: TransitionEffects }
	| {
			ok: false
			reason: 'not_allowed_in_state' | 'not_allowed_for_role' | 'precondition'
			message: string
	  }

function actorMayAct(who: Who, actor: Actor, partyCode: string) {
	if (who === 'reviewer') return actor.roles.includes('reviewer')
	return actor.roles.includes('contact_point') && actor.partyCodes.includes(partyCode)
}

/** Decides whether `actor` may apply `action` to a report in `state`, and where it leads. */
export function decideTransition(
	state: ReportState,
	action: WorkflowAction,
	actor: Actor,
	facts: TransitionFacts,
): TransitionDecision {
	const transition = TRANSITIONS[action]
	if (!actorMayAct(transition.who, actor, facts.partyCode)) {
		return { ok: false, reason: 'not_allowed_for_role', message: 'workflow.notAllowedForRole' }
	}
	if (!transition.from.includes(state)) {
		return { ok: false, reason: 'not_allowed_in_state', message: 'workflow.notAllowedInState' }
	}
	const failed = transition.preconditions.find((p) => !p.holds(facts))
	if (failed) return { ok: false, reason: 'precondition', message: failed.failure }
	return {
		ok: true,
		to: transition.to === 'same' ? state : transition.to,
		effects: transition.effects,
	}
}

/** The actions `actor` could take now (preconditions aside), for showing buttons. */
export function availableActions(
	state: ReportState,
	actor: Actor,
	partyCode: string,
): WorkflowAction[] {
	return WORKFLOW_ACTIONS.filter((action) => {
		const t = TRANSITIONS[action]
		return t.from.includes(state) && actorMayAct(t.who, actor, partyCode)
	})
}

export function isEditableState(state: ReportState) {
	return EDITABLE_STATES.includes(state)
}
