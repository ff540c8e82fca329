import { createHash } from 'node:crypto'
import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import {
	findAnswerImport,
	insertAnswerImport,
	markAnswerImportApplied,
} from '#db/queries/exports.ts'
import { findReport, loadAnswers } from '#db/queries/reports.ts'
import type { Database } from '#db/types.ts'
import { diffImport, tableCellChanges, type ChangeKind } from '#exports/excel/import-diff.ts'
import { readTemplate, type ImportFileError, type ImportProblem } from '#exports/excel/import.ts'
import { answerText, type AnswerTextOptions } from '#forms/answer-text.ts'
import { findQuestion } from '#forms/question-index.ts'
import { formText } from '#forms/text.ts'
import type { Answers, Language, Severity } from '#forms/types.ts'
import { saveAnswers } from './answers.server.ts'
import type { ReportContext } from './report-context.server.ts'
import { isEditableState } from './workflow.ts'

/** An import preview is offered for this long; after that the upload has to be checked again. */
export const IMPORT_PREVIEW_HOURS = 24

export type PreviewRow = {
	questionId: string
	label: string
	change: ChangeKind
	current: string
	incoming: string
	/** Cell by cell changes of a table. */
	details: string[]
	moreDetails: number
	problems: ImportProblem[]
	issues: { severity: Severity; message: string }[]
}

/** What the preview page shows, stored with the import so a reload shows the same. */
export type ImportPreview = {
	fileName: string
	mode: 'blank' | 'prefilled'
	counts: Record<ChangeKind, number> & { problems: number }
	sections: { sectionId: string; title: string; rows: PreviewRow[] }[]
	otherProblems: ImportProblem[]
}

type StoredChange = { questionId: string; baseRevision: number; base: unknown; value: unknown }

export type PreviewOutcome =
	| { ok: true; importId: string }
	| { ok: false; error: ImportFileError | 'notEditable'; params?: Record<string, string> }

/**
 * The dry run: reads the uploaded template against the report's form version and current answers
 * and stores the comparison (per question: current and incoming value, cell problems, validation
 * issues after applying) with the changes to apply. Nothing in the report changes.
 */
export async function previewImport(
	db: Kysely<Database>,
	input: {
		context: ReportContext
		userId: string
		lang: Language
		file: { name: string; bytes: Uint8Array }
		rowsLabel: (count: number) => string
	},
): Promise<PreviewOutcome> {
	const { report, definition, formContext } = input.context
	if (!isEditableState(report.status)) return { ok: false, error: 'notEditable' }
	const stored = await loadAnswers(db, report.id)
	const current = Object.fromEntries(
		Object.entries(stored).map(([id, answer]) => [id, answer.value]),
	) as Answers
	const parsed = await readTemplate(input.file.bytes, {
		definition,
		formContext,
		reportId: report.id,
		partyCode: report.partyCode,
		currentAnswers: current,
	})
	if (!parsed.ok) return { ok: false, error: parsed.error, params: parsed.params }

	const diff = diffImport(definition, formContext, current, parsed)
	const text = formText(definition, input.lang)
	const counts = {
		unchanged: 0,
		added: 0,
		changed: 0,
		cleared: 0,
		problems: parsed.problems.length,
	}
	const shown: AnswerTextOptions = {
		empty: '',
		bracketMarkers: true,
		oneLine: { rowCount: input.rowsLabel },
	}
	const sections: ImportPreview['sections'] = []
	for (const entry of diff.entries) {
		counts[entry.change]++
		const question = findQuestion(definition, entry.questionId)!
		let section = sections.find((candidate) => candidate.sectionId === entry.sectionId)
		if (!section) {
			section = { sectionId: entry.sectionId, title: text.section(entry.sectionId), rows: [] }
			sections.push(section)
		}
		const details =
			entry.change === 'changed'
				? tableCellChanges(question, entry.current, entry.incoming, text)
				: undefined
		section.rows.push({
			questionId: entry.questionId,
			label: text.label(entry.questionId),
			change: entry.change,
			current: answerText(question, entry.current, text, shown),
			incoming: answerText(question, entry.incoming, text, shown),
			details: details?.lines ?? [],
			moreDetails: details?.more ?? 0,
			problems: entry.problems,
			issues: (diff.issues[entry.questionId] ?? []).map((issue) => ({
				severity: issue.severity,
				message: text.message(issue),
			})),
		})
	}
	const preview: ImportPreview = {
		fileName: input.file.name,
		mode: parsed.identity.mode,
		counts,
		sections,
		otherProblems: diff.otherProblems,
	}
	const changes: StoredChange[] = diff.changes.map((change) => ({
		questionId: change.questionId,
		baseRevision: stored[change.questionId]?.revision ?? 0,
		base: current[change.questionId] ?? null,
		value: change.value,
	}))
	const importId = await insertAnswerImport(db, {
		reportId: report.id,
		userId: input.userId,
		fileName: input.file.name,
		fileSha256: createHash('sha256').update(input.file.bytes).digest('hex'),
		templateMode: parsed.identity.mode,
		baseRevision: report.revision,
		canApply: diff.canApply,
		changes,
		preview,
	})
	await recordAuditEvent(db, {
		actorUserId: input.userId,
		action: 'report.excel_import_checked',
		subjectType: 'report',
		subjectId: report.id,
		partyCode: report.partyCode,
		details: { importId, changes: changes.length, problems: parsed.problems.length },
	})
	return { ok: true, importId }
}

/** A stored preview, for the user who uploaded it. */
export async function findImportPreview(
	db: Kysely<Database>,
	reportId: string,
	importId: string,
	userId: string,
) {
	const entry = await findAnswerImport(db, reportId, importId)
	if (!entry || entry.userId !== userId) return undefined
	return {
		id: entry.id,
		canApply: entry.canApply,
		appliedAt: entry.appliedAt,
		appliedRevision: entry.appliedRevision,
		changeCount: entry.changes.length,
		expired: entry.createdAt.getTime() < Date.now() - IMPORT_PREVIEW_HOURS * 3_600_000,
		preview: entry.preview as ImportPreview,
	}
}

export type ApplyOutcome =
	| { ok: true; revision: number; applied: number; conflicts: string[] }
	| {
			ok: false
			reason:
				| 'not_found'
				| 'already_applied'
				| 'expired'
				| 'has_problems'
				| 'changed_since_preview'
				| 'not_editable'
				| 'invalid'
	  }

/**
 * Applies a checked import to the draft as one save (source `excel_import`): one new revision,
 * one history row per changed question and one audit event. Refused when the preview had
 * problems, expired, was applied already, or the report changed since it was made.
 */
export async function applyImport(
	db: Kysely<Database>,
	input: { context: ReportContext; userId: string; importId: string },
): Promise<ApplyOutcome> {
	const { report } = input.context
	const entry = await findAnswerImport(db, report.id, input.importId)
	if (!entry || entry.userId !== input.userId) return { ok: false, reason: 'not_found' }
	if (entry.appliedAt) return { ok: false, reason: 'already_applied' }
	if (entry.createdAt.getTime() < Date.now() - IMPORT_PREVIEW_HOURS * 3_600_000) {
		return { ok: false, reason: 'expired' }
	}
	if (!entry.canApply) return { ok: false, reason: 'has_problems' }
	const fresh = await findReport(db, report.id)
	if (!fresh || !isEditableState(fresh.status)) return { ok: false, reason: 'not_editable' }
	if (fresh.revision !== entry.baseRevision) return { ok: false, reason: 'changed_since_preview' }
	const outcome = await saveAnswers(db, {
		reportId: report.id,
		userId: input.userId,
		source: 'excel_import',
		payload: {
			sinceRevision: entry.baseRevision,
			changes: entry.changes as StoredChange[],
		},
	})
	if (outcome.kind === 'locked' || outcome.kind === 'not_found' || outcome.kind === 'forbidden')
		return { ok: false, reason: 'not_editable' }
	if (outcome.kind === 'stale') return { ok: false, reason: 'changed_since_preview' }
	if (outcome.kind === 'invalid') return { ok: false, reason: 'invalid' }
	await markAnswerImportApplied(db, entry.id, outcome.revision)
	return {
		ok: true,
		revision: outcome.revision,
		applied: outcome.applied.length,
		conflicts: outcome.conflicts.map((conflict) => conflict.questionId),
	}
}
