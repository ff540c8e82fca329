import type { Answers } from '#forms/types.ts'
import {
	VALUE_CONVENTIONS,
	visibleAnswers,
	type CompiledMeta,
	type CompiledReport,
	type CompiledLayout,
} from './dataset.ts'

/** One report in JSON exports: who, which submission, and its visible answers in the value model. */
export interface JsonReport {
	type: 'report'
	party_code: string
	party_name: string
	report_status: string
	submission_number: number
	submission_state: string
	submitted_at: string
	sha256: string
	answers: Answers
}

export function jsonMeta(meta: CompiledMeta, layout: CompiledLayout) {
	return {
		type: 'meta' as const,
		form_id: meta.formId,
		form_version: meta.formVersion,
		form_sha256: meta.formSha256,
		cycle: meta.cycleCode,
		cycle_title: meta.cycleTitle,
		status_filter: meta.status,
		language: meta.lang,
		generated_at: meta.generatedAt,
		report_count: meta.reportCount,
		questions: layout.questions.map((question) => ({ id: question.id, type: question.type })),
		conventions: VALUE_CONVENTIONS,
		...(meta.licence ? { licence: meta.licence } : {}),
	}
}

export function jsonReport(layout: CompiledLayout, report: CompiledReport): JsonReport {
	return {
		type: 'report',
		party_code: report.partyCode,
		party_name: report.partyName,
		report_status: report.reportStatus,
		submission_number: report.submissionNumber,
		submission_state: report.submissionState,
		submitted_at: report.submittedAt,
		sha256: report.sha256,
		answers: visibleAnswers(
			layout.definition,
			report,
			layout.questions.map((question) => question.id),
		),
	}
}

/**
 * NDJSON: a `meta` line, then one `report` line per country. Markers keep their value-model form
 * (`{"marker":"not_available"}`), so they never read as numbers.
 */
export async function* ndjsonLines(
	meta: CompiledMeta,
	layout: CompiledLayout,
	reports: AsyncIterable<CompiledReport>,
): AsyncGenerator<string> {
	yield `${JSON.stringify(jsonMeta(meta, layout))}\n`
	for await (const report of reports) yield `${JSON.stringify(jsonReport(layout, report))}\n`
}

/** JSON: `{ "meta": {...}, "reports": [ ... ] }`, produced piece by piece. */
export async function* jsonChunks(
	meta: CompiledMeta,
	layout: CompiledLayout,
	reports: AsyncIterable<CompiledReport>,
): AsyncGenerator<string> {
	yield `{"meta":${JSON.stringify(jsonMeta(meta, layout))},"reports":[`
	let first = true
	for await (const report of reports) {
		yield `${first ? '' : ','}\n${JSON.stringify(jsonReport(layout, report))}`
		first = false
	}
	yield '\n]}\n'
}
