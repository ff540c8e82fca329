import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { countOpenThreads } from '#db/queries/threads.ts'
import {
	insertReportEvent,
	insertSubmission,
	latestSubmission,
	listAcknowledgements,
	loadAnswerValues,
	lockReport,
	setReportStatus,
	setSubmissionState,
	supersedeAcceptedSubmissions,
	writeRevision,
	type Report,
} from '#db/queries/reports.ts'
import type { Database } from '#db/types.ts'
import { canonicalJson } from '#forms/canonical.ts'
import { issueKey, validateForSubmission, type SubmissionCheck } from '#forms/engine/index.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import { submissionDateAnswers } from '#forms/system-answers.ts'
import type { Answers } from '#forms/types.ts'
import { todayIso } from '../utils/dates.ts'
import { publicOrigin } from '../utils/env.server.ts'
import { SOURCE_DOCUMENT, storeAttachment, type UploadedFile } from './attachments.server.ts'
import { sameValue } from './canonical.ts'
import { notifyTransition } from './notifications.server.ts'
import { loadReportContext, type ReportContext } from './report-context.server.ts'
import {
	decideTransition,
	TRANSITIONS,
	type Actor,
	type TransitionDecision,
	type TransitionFacts,
	type WorkflowAction,
} from './workflow.ts'

/** Who acts: the user's id for the history, roles and countries for the transition table. */
export type WorkflowActor = Actor & { id: string }

/** What the person acting gives with the action (the page's own inputs). */
export type WorkflowInputs = {
	comment?: string
	/**
	 * Submission on the country's behalf: the reason and the document the country sent, stored in
	 * the same transaction as the submission that cites it (nothing is stored if it is refused).
	 */
	onBehalf?: { reason: string; sourceDocument: UploadedFile }
	/** The reviewer confirmed accepting although threads are open. */
	openThreadsConfirmed?: boolean
}

export type WorkflowInput = WorkflowInputs & {
	reportId: string
	actor: WorkflowActor
	action: WorkflowAction
	/** When the action happens; the demo seed replays past dates. Default: now. */
	at?: Date
	/** Email the people concerned (default). The demo seed replays its history silently. */
	notify?: boolean
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

type SubmissionCheckWithAnswers = SubmissionCheck & {
	answers: Answers
	explanations: Record<string, string>
}

/** Everything a submission is judged on: the engine's verdict with the reporter's explanations. */
export async function checkForSubmission(
	db: DbHandle,
	context: ReportContext,
): Promise<SubmissionCheckWithAnswers> {
	const answers = await loadAnswerValues(db, context.report.id)
	const explanations = Object.fromEntries(
		(await listAcknowledgements(db, context.report.id)).map((a) => [a.issueKey, a.explanation]),
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

/**
 * The facts the transition table judges `action` on, from the database as it is now.
 * `inputs: 'asked on the page'` is for a preview before the person acts: what the page itself
 * asks for (message, reason, source document, confirmation) counts as given.
 */
async function factsFor(
	db: DbHandle,
	context: ReportContext,
	action: WorkflowAction,
	inputs: WorkflowInputs | 'asked on the page',
): Promise<{ facts: TransitionFacts; check?: SubmissionCheckWithAnswers }> {
	const { report } = context
	const given = inputs === 'asked on the page'
	const check =
		TRANSITIONS[action].effects.submission === 'record'
			? await checkForSubmission(db, context)
			: undefined
	const sharedThreads = await countOpenThreads(db, report.id)
	const allThreads = await countOpenThreads(db, report.id, true)
	const facts: TransitionFacts = {
		partyCode: report.partyCode,
		errorCount: check?.errors.length ?? 0,
		unexplainedWarningCount: check?.unexplainedWarnings.length ?? 0,
		openThreadCount: sharedThreads,
		openSecretariatNoteCount: allThreads - sharedThreads,
		openThreadsConfirmed: given || inputs.openThreadsConfirmed === true,
		hasMessage: given || Boolean(inputs.comment?.trim()),
		reopenRequested: report.reopenRequestedAt !== null,
		hasSourceDocument: given || Boolean(inputs.onBehalf?.sourceDocument),
		hasReason: given || Boolean(inputs.onBehalf?.reason.trim()),
		enteredOnBehalf: report.enteredOnBehalfBy !== null,
	}
	return { facts, check }
}

/**
 * Whether `actor` could take `action` now, judged as the transaction will judge it, with what the
 * page asks for counted as given; with the submission check, for the page to show.
 */
export async function previewWorkflowAction(
	db: DbHandle,
	context: ReportContext,
	actor: Actor,
	action: WorkflowAction,
): Promise<{ decision: TransitionDecision; check?: SubmissionCheckWithAnswers }> {
	const { facts, check } = await factsFor(db, context, action, 'asked on the page')
	return { decision: decideTransition(context.report.status, action, actor, facts), check }
}

/**
 * Writes answers the system sets (the date of submission; null clears) to the working copy, with
 * their history, when they differ from `current`. Returns the new revision, if anything changed.
 */
async function writeSystemAnswers(
	trx: DbHandle,
	reportId: string,
	userId: string,
	current: Answers,
	values: Record<string, Answers[string] | null>,
): Promise<number | undefined> {
	const writes = Object.entries(values)
		.filter(([id, value]) => !sameValue(current[id] ?? null, value))
		.map(([questionId, newValue]) => ({
			questionId,
			oldValue: current[questionId] ?? null,
			newValue,
		}))
	if (writes.length === 0) return undefined
	return writeRevision(trx, reportId, userId, writes, 'workflow')
}

/** Stores the immutable submission: answers with the date of submission, fingerprinted. */
async function recordSubmission(
	trx: DbHandle,
	context: ReportContext,
	input: WorkflowInput,
	check: SubmissionCheckWithAnswers,
	at: Date,
) {
	const { report } = context
	const acknowledgements = check.warnings
		.map((w) => ({ issueKey: issueKey(w), explanation: check.explanations[issueKey(w)] ?? '' }))
		.filter((a) => a.explanation)
	const dated = submissionDateAnswers(context.definition, todayIso(at))
	const answers = { ...check.answers, ...dated }
	const revision = await writeSystemAnswers(trx, report.id, input.actor.id, check.answers, dated)
	const sha256 = submissionFingerprint({
		formId: report.formId,
		formVersion: report.formVersion,
		partyCode: report.partyCode,
		cycleCode: context.cycle.code,
		answers,
		acknowledgements,
	})
	const previous = await latestSubmission(trx, report.id)
	if (previous?.state === 'current') await setSubmissionState(trx, previous.id, 'superseded')
	const onBehalf = input.action === 'submit_on_behalf' ? input.onBehalf : undefined
	const source = onBehalf
		? await storeAttachment(trx, {
				report,
				questionId: SOURCE_DOCUMENT,
				file: onBehalf.sourceDocument,
				userId: input.actor.id,
			})
		: undefined
	const created = await insertSubmission(trx, {
		reportId: report.id,
		reportRevision: revision ?? report.revision,
		formId: report.formId,
		formVersion: report.formVersion,
		formSha256: requireFormSha256(report.formId, report.formVersion),
		answers,
		acknowledgements,
		sha256,
		submittedBy: input.actor.id,
		submittedAt: at,
		onBehalf:
			onBehalf && source
				? { reason: onBehalf.reason, sourceAttachmentId: source.id, enteredBy: input.actor.id }
				: undefined,
	})
	return { id: created.id, number: created.number, sha256 }
}

/** Clears the date of submission of a report that is a draft again (recalled, reopened). */
async function clearSubmissionDate(trx: DbHandle, context: ReportContext, userId: string) {
	const current = await loadAnswerValues(trx, context.report.id)
	const cleared = Object.fromEntries(
		Object.keys(submissionDateAnswers(context.definition, '')).map((id) => [id, null]),
	)
	await writeSystemAnswers(trx, context.report.id, userId, current, cleared)
}

/**
 * The one way to move a report through its workflow. In one transaction: locks the report row,
 * computes the facts from the database as it is now (`factsFor`, as the preview does), asks the
 * transition table, applies the transition's effects, appends to the event history and the
 * audit log, and queues the notifications. Concurrent requests queue on the row lock, so a double
 * click or two contact points at once produce exactly one submission.
 */
export async function applyWorkflowAction(
	db: Kysely<Database>,
	input: WorkflowInput,
): Promise<WorkflowOutcome> {
	return db.transaction().execute(async (trx) => {
		const locked = await lockReport(trx, input.reportId)
		const context = locked && (await loadReportContext(trx, locked.id))
		if (!locked || !context) {
			return { ok: false, reason: 'not_found', message: 'errors.notFound' } as const
		}
		const report = locked
		const at = input.at ?? new Date()
		const { facts, check } = await factsFor(trx, { ...context, report }, input.action, input)
		const decision = decideTransition(report.status, input.action, input.actor, facts)
		if (!decision.ok) return decision
		const { effects } = decision

		const previous = await latestSubmission(trx, report.id)
		let submission: { id: string; number: number; sha256: string } | undefined
		if (effects.submission === 'record') {
			if (!check) throw new Error('A submission is recorded only after its check')
			submission = await recordSubmission(trx, { ...context, report }, input, check, at)
		} else if (effects.submission && previous) {
			if (effects.submission === 'accepted') await supersedeAcceptedSubmissions(trx, report.id)
			await setSubmissionState(trx, previous.id, effects.submission)
		}
		if (effects.submissionDate === 'clear') {
			await clearSubmissionDate(trx, context, input.actor.id)
		}
		await setReportStatus(trx, report.id, decision.to, {
			reopenRequested: effects.reopenRequest ? effects.reopenRequest === 'set' : undefined,
		})
		const comment = input.comment?.trim() || input.onBehalf?.reason || null
		await insertReportEvent(trx, {
			reportId: report.id,
			action: input.action,
			fromStatus: report.status,
			toStatus: decision.to,
			actorId: input.actor.id,
			submissionId: submission?.id ?? previous?.id ?? null,
			comment,
			occurredAt: at,
		})
		await recordAuditEvent(trx, {
			actorUserId: input.actor.id,
			action: `report.${input.action}`,
			subjectType: 'report',
			subjectId: report.id,
			partyCode: report.partyCode,
			details: { from: report.status, to: decision.to, submission: submission?.number },
		})
		if (input.notify !== false) {
			await notifyTransition(trx, {
				report,
				context,
				action: input.action,
				comment: input.comment,
				submission,
				origin: publicOrigin(),
			})
		}
		return { ok: true, status: decision.to, submission } as const
	})
}
