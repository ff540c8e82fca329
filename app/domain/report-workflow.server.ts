import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import {
	insertReportEvent,
	insertSubmission,
	latestSubmission,
	listAcknowledgements,
	loadAnswers,
	lockReport,
	setReportStatus,
	setSubmissionState,
	type Report,
} from '#db/queries/reports.ts'
import type { Database } from '#db/types.ts'
import { issueKey, validateForSubmission, type SubmissionCheck } from '#forms/engine/index.ts'
import type { Answers } from '#forms/types.ts'
import type { CurrentUser } from '../utils/permissions.ts'
import { canonicalJson } from './canonical.ts'
import { loadReportContext, type ReportContext } from './report-context.server.ts'
import { decideTransition, type TransitionFacts, type WorkflowAction } from './workflow.ts'

export type WorkflowInput = {
	reportId: string
	actor: CurrentUser
	action: WorkflowAction
	comment?: string
	onBehalf?: { reason: string; sourceAttachmentId: string }
}

export type WorkflowOutcome =
	| {
			ok: true
			status: Report['status']
			submission?: { id: string; number: number; sha256: string }
	  }
	| {
			ok: false
			reason: 'not_found' | 'not_allowed_in_state' | 'not_allowed_for_role' | 'precondition'
			message: string
	  }

/** Everything a submission is judged on: the engine's verdict with the reporter's explanations. */
export async function checkForSubmission(
	db: DbHandle,
	context: ReportContext,
): Promise<SubmissionCheck & { answers: Answers; explanations: Record<string, string> }> {
	const stored = await loadAnswers(db, context.report.id)
	const answers = Object.fromEntries(
		Object.entries(stored).map(([id, a]) => [id, a.value]),
	) as Answers
	const explanations = Object.fromEntries(
		(await listAcknowledgements(db, context.report.id)).map((a) => [a.issue_key, a.explanation]),
	)
	const check = validateForSubmission(
		context.definition,
		answers,
		context.formContext,
		explanations,
	)
	return { ...check, answers, explanations }
}

export function submissionFingerprint(input: {
	formId: string
	formVersion: number
	partyCode: string
	cycleCode: string
	answers: Answers
	acknowledgements: { issueKey: string; explanation: string }[]
}) {
	return createHash('sha256').update(canonicalJson(input)).digest('hex')
}

const SUBMITTING: readonly WorkflowAction[] = ['submit', 'resubmit', 'submit_on_behalf']

/**
 * Applies a workflow action in one transaction: locks the report row, recomputes the facts the
 * preconditions need (errors, explained warnings, open threads) from the database as it is now,
 * asks the transition table, then writes the new state, the immutable submission when submitting,
 * the event history and the audit log. Concurrent requests queue on the row lock, so a double
 * click or two contact points at once produce exactly one submission.
 */
export async function applyWorkflowAction(
	db: Kysely<Database>,
	input: WorkflowInput,
	hooks: {
		countOpenThreads?: (trx: DbHandle, reportId: string) => Promise<number>
		afterTransition?: AfterTransition
	} = {},
): Promise<WorkflowOutcome> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockReport(trx, input.reportId)
		if (!locked) return { ok: false, reason: 'not_found', message: 'errors.notFound' } as const
		const context = await loadReportContext(trx, locked.id)
		if (!context) return { ok: false, reason: 'not_found', message: 'errors.notFound' } as const
		const report = locked

		const submitting = SUBMITTING.includes(input.action)
		const check = submitting ? await checkForSubmission(trx, context) : undefined
		const facts: TransitionFacts = {
			partyCode: report.partyCode,
			errorCount: check?.errors.length ?? 0,
			unexplainedWarningCount:
				input.action === 'submit_on_behalf' ? 0 : (check?.unexplainedWarnings.length ?? 0),
			openThreadCount: hooks.countOpenThreads ? await hooks.countOpenThreads(trx, report.id) : 0,
			hasMessage: Boolean(input.comment?.trim()),
			reopenRequested: report.reopenRequestedAt !== null,
			hasSourceDocument: Boolean(input.onBehalf?.sourceAttachmentId),
			hasReason: Boolean(input.onBehalf?.reason.trim()),
		}
		const decision = decideTransition(report.status, input.action, input.actor, facts)
		if (!decision.ok) return decision

		let submission: { id: string; number: number; sha256: string } | undefined
		const previous = await latestSubmission(trx, report.id)
		if (submitting && check) {
			const acknowledgements = check.warnings
				.map((w) => ({ issueKey: issueKey(w), explanation: check.explanations[issueKey(w)] ?? '' }))
				.filter((a) => a.explanation)
			const submittedAt = new Date()
			const sha256 = submissionFingerprint({
				formId: report.formId,
				formVersion: report.formVersion,
				partyCode: report.partyCode,
				cycleCode: context.cycle.code,
				answers: check.answers,
				acknowledgements,
			})
			if (previous?.state === 'current') await setSubmissionState(trx, previous.id, 'superseded')
			const created = await insertSubmission(trx, {
				reportId: report.id,
				reportRevision: report.revision,
				formId: report.formId,
				formVersion: report.formVersion,
				answers: check.answers,
				acknowledgements,
				sha256,
				submittedBy: input.actor.id,
				submittedAt,
				onBehalf: input.onBehalf ? { ...input.onBehalf, enteredBy: input.actor.id } : undefined,
			})
			submission = { id: created.id, number: created.number, sha256 }
		} else if (previous) {
			const nextState =
				input.action === 'recall'
					? 'recalled'
					: input.action === 'return'
						? 'returned'
						: input.action === 'accept'
							? 'accepted'
							: undefined
			if (nextState) {
				if (nextState === 'accepted') {
					await trx
						.updateTable('submission')
						.set({ state: 'superseded' })
						.where('report_id', '=', report.id)
						.where('state', '=', 'accepted')
						.execute()
				}
				await setSubmissionState(trx, previous.id, nextState)
			}
		}

		await setReportStatus(trx, report.id, decision.to, {
			reopenRequested:
				input.action === 'request_reopen' ? true : input.action === 'reopen' ? false : undefined,
		})
		await insertReportEvent(trx, {
			reportId: report.id,
			action: input.action,
			fromStatus: report.status,
			toStatus: decision.to,
			actorId: input.actor.id,
			submissionId: submission?.id ?? previous?.id ?? null,
			comment: input.comment?.trim() || input.onBehalf?.reason || null,
		})
		await recordAuditEvent(trx, {
			actorUserId: input.actor.id,
			action: `report.${input.action}`,
			subjectType: 'report',
			subjectId: report.id,
			partyCode: report.partyCode,
			details: { from: report.status, to: decision.to, submission: submission?.number },
		})
		await hooks.afterTransition?.(trx, {
			report,
			context,
			action: input.action,
			to: decision.to,
			actor: input.actor,
			comment: input.comment,
			submission,
		})
		return { ok: true, status: decision.to, submission } as const
	})
}

export type AfterTransition = (
	trx: DbHandle,
	event: {
		report: Report
		context: ReportContext
		action: WorkflowAction
		to: Report['status']
		actor: CurrentUser
		comment?: string
		submission?: { id: string; number: number; sha256: string }
	},
) => Promise<void>
