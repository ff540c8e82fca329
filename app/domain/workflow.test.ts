import { describe, expect, it } from 'vitest'
import { ROLES, type Role } from '#db/types.ts'
import {
	availableActions,
	decideTransition,
	REPORT_STATES,
	TRANSITIONS,
	WORKFLOW_ACTIONS,
	type ReportState,
	type TransitionFacts,
	type WorkflowAction,
} from './workflow.ts'

const FACTS: TransitionFacts = {
	partyCode: 'KEN',
	errorCount: 0,
	unexplainedWarningCount: 0,
	openThreadCount: 1,
	openSecretariatNoteCount: 0,
	openThreadsConfirmed: true,
	hasMessage: false,
	reopenRequested: false,
	hasSourceDocument: true,
	hasReason: true,
	enteredOnBehalf: true,
}

/** The expected outcome of every (state, action, role) with all preconditions met. */
const EXPECTED: Record<
	WorkflowAction,
	{ role: Role; from: ReportState[]; to: ReportState | 'same' }
> = {
	submit: { role: 'contact_point', from: ['draft'], to: 'submitted' },
	recall: { role: 'contact_point', from: ['submitted'], to: 'draft' },
	start_review: { role: 'reviewer', from: ['submitted'], to: 'under_review' },
	return: { role: 'reviewer', from: ['under_review'], to: 'returned' },
	resubmit: { role: 'contact_point', from: ['returned'], to: 'submitted' },
	accept: { role: 'reviewer', from: ['under_review'], to: 'accepted' },
	request_reopen: { role: 'contact_point', from: ['accepted'], to: 'same' },
	reopen: { role: 'reviewer', from: ['accepted'], to: 'draft' },
	submit_on_behalf: { role: 'reviewer', from: ['draft', 'returned'], to: 'submitted' },
}

describe('workflow transition table', () => {
	const cases = REPORT_STATES.flatMap((state) =>
		WORKFLOW_ACTIONS.flatMap((action) => ROLES.map((role) => ({ state, action, role }))),
	)

	it('covers every action in the table', () => {
		expect(Object.keys(TRANSITIONS).sort()).toEqual([...WORKFLOW_ACTIONS].sort())
		expect(cases).toHaveLength(REPORT_STATES.length * WORKFLOW_ACTIONS.length * ROLES.length)
	})

	it.each(cases)('$action on $state by $role', ({ state, action, role }) => {
		const actor = { roles: [role], partyCodes: ['KEN'] }
		const decision = decideTransition(state, action, actor, FACTS)
		const expected = EXPECTED[action]
		if (role !== expected.role) {
			expect(decision).toMatchObject({ ok: false, reason: 'not_allowed_for_role' })
		} else if (!expected.from.includes(state)) {
			expect(decision).toMatchObject({ ok: false, reason: 'not_allowed_in_state' })
		} else {
			expect(decision).toEqual({
				ok: true,
				to: expected.to === 'same' ? state : expected.to,
				effects: TRANSITIONS[action].effects,
			})
		}
	})

	it('refuses a contact point of another country', () => {
		const decision = decideTransition(
			'draft',
			'submit',
			{ roles: ['contact_point'], partyCodes: ['IND'] },
			FACTS,
		)
		expect(decision).toMatchObject({ ok: false, reason: 'not_allowed_for_role' })
	})

	it('refuses a contributor to submit or recall', () => {
		const contributor = { roles: ['contributor'] as Role[], partyCodes: ['KEN'] }
		expect(decideTransition('draft', 'submit', contributor, FACTS).ok).toBe(false)
		expect(decideTransition('submitted', 'recall', contributor, FACTS).ok).toBe(false)
	})

	it('blocks submission while errors remain or warnings are unexplained', () => {
		const ocp = { roles: ['contact_point'] as Role[], partyCodes: ['KEN'] }
		expect(decideTransition('draft', 'submit', ocp, { ...FACTS, errorCount: 2 })).toEqual({
			ok: false,
			reason: 'precondition',
			message: 'workflow.errorsRemain',
		})
		expect(
			decideTransition('returned', 'resubmit', ocp, { ...FACTS, unexplainedWarningCount: 1 }),
		).toMatchObject({
			message: 'workflow.warningsUnexplained',
		})
	})

	it('needs an open thread or a message to return a report', () => {
		const reviewer = { roles: ['reviewer'] as Role[], partyCodes: [] }
		const none = { ...FACTS, openThreadCount: 0, hasMessage: false }
		expect(decideTransition('under_review', 'return', reviewer, none)).toMatchObject({
			message: 'workflow.returnNeedsReason',
		})
		expect(
			decideTransition('under_review', 'return', reviewer, { ...none, hasMessage: true }).ok,
		).toBe(true)
	})

	it('accepts a report with open threads or notes only once the reviewer confirms it', () => {
		const reviewer = { roles: ['reviewer'] as Role[], partyCodes: [] }
		const unconfirmed = { ...FACTS, openThreadsConfirmed: false }
		for (const open of [
			{ openThreadCount: 2, openSecretariatNoteCount: 0 },
			{ openThreadCount: 0, openSecretariatNoteCount: 1 },
		]) {
			expect(
				decideTransition('under_review', 'accept', reviewer, { ...unconfirmed, ...open }),
			).toEqual({
				ok: false,
				reason: 'precondition',
				message: 'workflow.openThreadsNeedConfirmation',
			})
			expect(
				decideTransition('under_review', 'accept', reviewer, { ...FACTS, ...open }),
			).toMatchObject({ ok: true, to: 'accepted' })
		}
		const settled = { ...unconfirmed, openThreadCount: 0, openSecretariatNoteCount: 0 }
		expect(decideTransition('under_review', 'accept', reviewer, settled).ok).toBe(true)
	})

	it('allows one reopen request at a time and needs a source document for entry on behalf', () => {
		const ocp = { roles: ['contact_point'] as Role[], partyCodes: ['KEN'] }
		expect(
			decideTransition('accepted', 'request_reopen', ocp, { ...FACTS, reopenRequested: true }).ok,
		).toBe(false)
		const reviewer = { roles: ['reviewer'] as Role[], partyCodes: [] }
		expect(
			decideTransition('draft', 'submit_on_behalf', reviewer, {
				...FACTS,
				hasSourceDocument: false,
			}),
		).toMatchObject({
			message: 'workflow.sourceDocumentRequired',
		})
		// Only a report the secretariat entered is submitted on the country's behalf.
		expect(
			decideTransition('draft', 'submit_on_behalf', reviewer, {
				...FACTS,
				enteredOnBehalf: false,
			}),
		).toMatchObject({ ok: false, message: 'workflow.notEnteredOnBehalf' })
	})

	it('lists the actions available to an actor', () => {
		expect(
			availableActions('draft', { roles: ['contact_point'], partyCodes: ['KEN'] }, 'KEN'),
		).toEqual(['submit'])
		expect(availableActions('submitted', { roles: ['reviewer'], partyCodes: [] }, 'KEN')).toEqual([
			'start_review',
		])
		expect(
			availableActions('submitted', { roles: ['contributor'], partyCodes: ['KEN'] }, 'KEN'),
		).toEqual([])
	})

	it('records a submission exactly when a report becomes submitted, and clears its date when it becomes a draft again', () => {
		for (const [action, transition] of Object.entries(TRANSITIONS)) {
			const submits = transition.to === 'submitted'
			expect(transition.effects.submission === 'record', action).toBe(submits)
			expect(transition.effects.submissionDate === 'set', action).toBe(submits)
			const backToDraft = transition.to === 'draft'
			expect(transition.effects.submissionDate === 'clear', action).toBe(backToDraft)
		}
	})
})
