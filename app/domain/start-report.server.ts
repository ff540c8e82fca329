import type { Kysely } from 'kysely'
import { copyAttachment } from '#db/queries/attachments.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { findPreviousCycle, type ReportingCycle } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import {
	findReportForCycle,
	insertReport,
	insertReportEvent,
	latestSubmission,
	loadAnswerValues,
	writeRevision,
} from '#db/queries/reports.ts'
import type { Database } from '#db/types.ts'
import { initialAnswers } from '#forms/engine/index.ts'
import { migrateAnswers, type MigrationReportEntry } from '#forms/migrations/index.ts'
import { getFormDefinition, requireFormDefinition, requireFormSha256 } from '#forms/registry.ts'
import { isAttachmentList } from '#forms/engine/values.ts'
import { questionsOf } from '#forms/question-index.ts'
import type { Answers, AttachmentRef, FormDefinition } from '#forms/types.ts'
import { withExpectedRows } from './fixed-rows.ts'
import { loadDepositaryRecord } from './depositary-record.server.ts'
import { formContextFor } from './report-context.server.ts'

export type StartMode = 'blank' | 'prefill'

export type StartOutcome =
	| {
			ok: true
			reportId: string
			created: boolean
			carriedOver?: { fromCycle: string; report: MigrationReportEntry[] }
	  }
	| { ok: false; error: 'report.noPreviousReport' | 'report.cycleNotOpen' }

/**
 * The previous cycle's answers of the Party, best source first: the accepted submission, else the
 * latest submission, else the draft.
 */
async function previousAnswers(db: DbHandle, partyCode: string, cycle: ReportingCycle) {
	const previousCycle = await findPreviousCycle(db, cycle)
	if (!previousCycle) return undefined
	const previous = await findReportForCycle(db, partyCode, previousCycle.id)
	if (!previous) return undefined
	const submitted =
		(await latestSubmission(db, previous.id, 'accepted')) ??
		(await latestSubmission(db, previous.id))
	const answers = submitted?.answers ?? (await loadAnswerValues(db, previous.id))
	const definition = getFormDefinition(previous.formId, previous.formVersion)
	if (!definition) return undefined
	return { cycle: previousCycle, report: previous, definition, answers: answers as Answers }
}

/**
 * The carried answers with every file they name copied from the previous report into the new one,
 * so that the new report's file links open its own copies (a report reads only its own files, and
 * the previous report keeps its record as it was). A file the previous report does not have is
 * left out: its link opened nothing there either.
 */
async function withFilesCopied(
	trx: DbHandle,
	definition: FormDefinition,
	answers: Answers,
	fromReportId: string,
	toReportId: string,
): Promise<Answers> {
	const out: Answers = { ...answers }
	for (const question of questionsOf(definition)) {
		const value = answers[question.id]
		if (question.type !== 'attachment' || !isAttachmentList(value)) continue
		const copies: AttachmentRef[] = []
		for (const ref of value) {
			const attachmentId = await copyAttachment(trx, {
				fromReportId,
				attachmentId: ref.attachmentId,
				toReportId,
				questionId: question.id,
			})
			if (attachmentId) copies.push({ attachmentId, name: ref.name })
		}
		if (copies.length > 0) out[question.id] = copies
		else delete out[question.id]
	}
	return out
}

/**
 * Starts the Party's report for a cycle: blank (context pre-fills and the fixed table rows), or
 * prefilled from the previous cycle's report through the form migrations, keeping the migration
 * report so the editor can show what was carried over and what could not be. The migration runs in
 * this cycle's context even when the form version is the same: what the system fills in (Party,
 * period years, date of submission) is recomputed, and rows for years outside the new period are
 * left out and reported. Starting twice returns the existing report.
 */
export async function startReport(
	db: Kysely<Database>,
	input: {
		partyCode: string
		cycle: ReportingCycle
		mode: StartMode
		userId: string
		today: string
		/** The secretariat enters this report from a document the country sent. */
		onBehalf?: boolean
		/** When; the demo seed replays past dates. Default: now. */
		at?: Date
	},
): Promise<StartOutcome> {
	const existing = await findReportForCycle(db, input.partyCode, input.cycle.id)
	if (existing) return { ok: true, reportId: existing.id, created: false }
	if (input.cycle.opensOn > input.today) return { ok: false, error: 'report.cycleNotOpen' }
	const definition = requireFormDefinition(input.cycle.formId, input.cycle.formVersion)
	const ctx = formContextFor(input.partyCode, input.cycle, await loadDepositaryRecord(db))
	let answers: Answers = initialAnswers(definition, ctx)
	let carriedOver: { fromCycle: string; report: MigrationReportEntry[] } | undefined
	let prefilledFrom: string | null = null
	if (input.mode === 'prefill') {
		const previous = await previousAnswers(db, input.partyCode, input.cycle)
		if (!previous) return { ok: false, error: 'report.noPreviousReport' }
		const migrated = migrateAnswers(previous.definition, definition, previous.answers, ctx)
		answers = withExpectedRows(definition, { ...answers, ...migrated.answers }, ctx)
		carriedOver = { fromCycle: previous.cycle.code, report: migrated.report }
		prefilledFrom = previous.report.id
	}
	return db.transaction().execute(async (trx) => {
		const reportId = await insertReport(trx, {
			partyCode: input.partyCode,
			cycleId: input.cycle.id,
			formId: definition.formId,
			formVersion: definition.version,
			formSha256: requireFormSha256(definition.formId, definition.version),
			createdBy: input.userId,
			prefilledFromReportId: prefilledFrom,
			migrationReport: carriedOver?.report ?? null,
			enteredOnBehalfBy: input.onBehalf ? input.userId : null,
		})
		if (!reportId) {
			const raced = await findReportForCycle(trx, input.partyCode, input.cycle.id)
			return { ok: true, reportId: raced!.id, created: false } as const
		}
		if (prefilledFrom) {
			answers = await withFilesCopied(trx, definition, answers, prefilledFrom, reportId)
		}
		const writes = Object.entries(answers).map(([questionId, value]) => ({
			questionId,
			oldValue: null,
			newValue: value,
		}))
		if (writes.length > 0) {
			await writeRevision(
				trx,
				reportId,
				input.userId,
				writes,
				input.mode === 'prefill' ? 'prefill' : 'initial',
			)
		}
		await insertReportEvent(trx, {
			reportId,
			action: 'create',
			fromStatus: null,
			toStatus: 'draft',
			actorId: input.userId,
			comment: input.mode === 'prefill' ? `prefilled from ${carriedOver?.fromCycle}` : null,
			occurredAt: input.at,
		})
		await recordAuditEvent(trx, {
			actorUserId: input.userId,
			action: 'report.created',
			subjectType: 'report',
			subjectId: reportId,
			partyCode: input.partyCode,
			details: { cycle: input.cycle.code, mode: input.mode },
		})
		return { ok: true, reportId, created: true, carriedOver } as const
	})
}
