import { listAttachmentInfo } from '#db/queries/exports.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { findParty } from '#db/queries/parties.ts'
import { findSubmission, latestSubmission, loadAnswers } from '#db/queries/reports.ts'
import type { SubmissionRecord } from '#db/queries/reports.ts'
import type { DocumentState, ReportDocument } from '#exports/report-document.ts'
import { requireFormSha256 } from '#forms/registry.ts'
import type { Answers, AttachmentRef, Language } from '#forms/types.ts'
import type { ReportContext } from './report-context.server.ts'
import { isEditableState } from './workflow.ts'

/** Statuses in which the report's latest submission is what the country has on record. */
const SUBMITTED_STATUSES = new Set(['submitted', 'under_review', 'accepted'])

/**
 * What a report export prints: a given submission (its immutable snapshot, hash and time), or
 * by default the latest submission of a submitted, reviewed or accepted report, else the working
 * copy (a draft, printed with a watermark); `workingCopy` always takes the working copy (Excel
 * templates). Undefined when the submission does not exist.
 */
export async function loadReportDocument(
	db: DbHandle,
	context: ReportContext,
	options: { lang: Language; submissionNumber?: number; workingCopy?: boolean; now?: Date },
): Promise<ReportDocument | undefined> {
	const { report, cycle, definition, formContext } = context
	let submission: SubmissionRecord | undefined
	if (options.submissionNumber !== undefined) {
		submission = await findSubmission(db, report.id, options.submissionNumber)
		if (!submission) return undefined
	} else if (!options.workingCopy && SUBMITTED_STATUSES.has(report.status)) {
		submission = await latestSubmission(db, report.id)
	}
	let answers: Answers
	let status: DocumentState
	if (submission) {
		answers = submission.answers as Answers
		status =
			submission.state === 'current'
				? report.status === 'under_review'
					? 'under_review'
					: 'submitted'
				: submission.state
	} else {
		answers = Object.fromEntries(
			Object.entries(await loadAnswers(db, report.id)).map(([id, stored]) => [id, stored.value]),
		) as Answers
		status = report.status
	}
	const party = await findParty(db, report.partyCode)
	const attachmentIds = Object.values(answers)
		.filter(Array.isArray)
		.flatMap((value) =>
			(value as unknown[])
				.filter(
					(item): item is AttachmentRef =>
						typeof item === 'object' && item !== null && 'attachmentId' in item,
				)
				.map((item) => item.attachmentId),
		)
	const attachments = await listAttachmentInfo(db, report.id, attachmentIds)
	return {
		definition,
		lang: options.lang,
		answers,
		formContext,
		attachments,
		meta: {
			reportId: report.id,
			partyCode: report.partyCode,
			partyName: party?.names[options.lang] || party?.names.en || report.partyCode,
			formId: report.formId,
			formVersion: report.formVersion,
			// A submission: the form it was checked against; a working copy: the form it is printed with.
			formSha256: submission
				? submission.formSha256
				: requireFormSha256(report.formId, report.formVersion),
			cycleCode: cycle.code,
			cycleTitle: cycle.title[options.lang] ?? cycle.title.en ?? cycle.code,
			periodStart: cycle.periodStart,
			periodEnd: cycle.periodEnd,
			status,
			isDraft: !submission && isEditableState(report.status),
			submissionNumber: submission?.number ?? null,
			submittedAt: submission?.submittedAt.toISOString() ?? null,
			sha256: submission?.sha256 ?? null,
			revision: submission?.reportRevision ?? report.revision,
			generatedAt: (options.now ?? new Date()).toISOString(),
		},
	}
}
