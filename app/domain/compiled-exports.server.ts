import { z } from 'zod'
import { findCycleByCode, type ReportingCycle } from '#db/queries/cycles.ts'
import {
	listCycleSubmissions,
	loadSubmissionAnswersText,
	type CompiledStatusFilter,
	type CycleSubmission,
} from '#db/queries/exports.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import {
	COMPILED_CONTENT_TYPES,
	COMPILED_EXTENSIONS,
	type CompiledFileFormat,
} from '#exports/compiled/build.ts'
import type { CompiledLicence, CompiledMeta, CompiledReport } from '#exports/compiled/dataset.ts'
import { startCompiledInWorker, type WorkerProgress } from '#exports/worker/client.ts'
import type { WireReport } from '#exports/worker/protocol.ts'
import { questionsOf } from '#forms/question-index.ts'
import type { DepositaryRecord } from '#forms/codelists/index.ts'
import { withRegisteredCodeLists } from '#forms/codelists/source.ts'
import { contextData } from '#forms/engine/code-lists.ts'
import { getFormDefinition, requireFormSha256 } from '#forms/registry.ts'
import type { Answers, FormDefinition, Language } from '#forms/types.ts'
import { LANGUAGES, localizedText } from '../utils/i18n.ts'
import { loadDepositaryRecord } from './depositary-record.server.ts'
import { formContextFor } from './report-context.server.ts'

export const COMPILED_FORMATS = ['xlsx', 'csv', 'json', 'ndjson'] as const
export type CompiledFormat = (typeof COMPILED_FORMATS)[number]

/** Question ids of a `questions` query parameter: comma separated, repeated, or both. */
export const QuestionIdsParam = z.preprocess(
	(value) =>
		(typeof value === 'string' ? [value] : Array.isArray(value) ? value : [])
			.flatMap((item) => String(item).split(','))
			.map((id) => id.trim())
			.filter(Boolean),
	z.array(z.string().min(1).max(200)).max(1000),
)

/** An empty query parameter is the same as a missing one. */
const optional = <S extends z.ZodType>(schema: S) =>
	z.preprocess((value) => (value === '' ? undefined : value), schema.optional())

/** Query parameters of `/analysis/export` (and of the analysis page's download links). */
export const CompiledQuerySchema = z.object({
	cycle: z.string().trim().min(1).max(100),
	status: optional(z.enum(['accepted', 'submitted'])).transform((v) => v ?? 'accepted'),
	/** Question ids; none means every question. */
	questions: QuestionIdsParam,
	lang: optional(z.enum(LANGUAGES)),
	format: optional(z.enum(COMPILED_FORMATS)).transform((v) => v ?? 'xlsx'),
})
export type CompiledQuery = z.output<typeof CompiledQuerySchema>

export type CompiledRequest = {
	cycle: ReportingCycle
	definition: FormDefinition
	status: CompiledStatusFilter
	/** Validated question ids in form order; empty means all. */
	questionIds: string[]
	/** Asked-for ids the form does not have (only when they are dropped rather than refused). */
	droppedQuestionIds: string[]
	lang: Language
	/** The depositary record the reports are evaluated with (which chemicals were asked). */
	depositaryRecord: DepositaryRecord
	/** Published data only: the licence their metadata state (`/api/v1` open data). */
	licence?: CompiledLicence
}

export type ResolveOutcome =
	| { ok: true; request: CompiledRequest }
	| { ok: false; error: 'unknownCycle' | 'unknownQuestions'; params?: Record<string, string> }

/**
 * Checks a compiled-data request against the cycle's form. Question ids the form does not have
 * are refused (`unknownQuestions`), or, with `dropUnknownQuestions` (the analysis page, whose
 * selection may come from the previously shown cycle), left out and listed.
 */
export async function resolveCompiledRequest(
	db: DbHandle,
	query: Omit<CompiledQuery, 'format' | 'lang'> & { lang: Language },
	options: { dropUnknownQuestions?: boolean } = {},
): Promise<ResolveOutcome> {
	const cycle = await findCycleByCode(db, query.cycle)
	const definition = cycle ? getFormDefinition(cycle.formId, cycle.formVersion) : undefined
	if (!cycle || !definition)
		return { ok: false, error: 'unknownCycle', params: { cycle: query.cycle } }
	const known = questionsOf(definition).map((question) => question.id)
	const unknown = query.questions.filter((id) => !known.includes(id))
	if (unknown.length > 0 && !options.dropUnknownQuestions) {
		return { ok: false, error: 'unknownQuestions', params: { questions: unknown.join(', ') } }
	}
	const wanted = new Set(query.questions)
	return {
		ok: true,
		request: {
			cycle,
			definition,
			status: query.status,
			questionIds: known.filter((id) => wanted.has(id)),
			droppedQuestionIds: [...new Set(unknown)],
			lang: query.lang,
			depositaryRecord: await loadDepositaryRecord(db),
		},
	}
}

export function compiledSubmissions(db: DbHandle, request: CompiledRequest) {
	return listCycleSubmissions(db, request.cycle.id, request.status)
}

export function compiledMeta(
	request: CompiledRequest,
	reportCount: number,
	now = new Date(),
): CompiledMeta {
	return {
		formId: request.definition.formId,
		formVersion: request.definition.version,
		formSha256: requireFormSha256(request.definition.formId, request.definition.version),
		cycleCode: request.cycle.code,
		cycleTitle: localizedText(request.cycle.title, request.lang, request.cycle.code),
		status: request.status,
		lang: request.lang,
		questions: request.questionIds,
		generatedAt: now.toISOString(),
		reportCount,
		...(request.licence ? { licence: request.licence } : {}),
	}
}

export function compiledFileName(
	request: CompiledRequest,
	format: CompiledFormat,
	now = new Date(),
) {
	const scope = request.questionIds.length > 0 ? '-selection' : ''
	return `${request.cycle.code}-${request.status}${scope}-${now.toISOString().slice(0, 10)}.${COMPILED_EXTENSIONS[format]}`
}

export function compiledContentType(format: CompiledFormat) {
	return COMPILED_CONTENT_TYPES[format]
}

const BATCH = 20

function reportFields(request: CompiledRequest, submission: CycleSubmission) {
	return {
		partyCode: submission.partyCode,
		partyName: submission.partyNames[request.lang] || submission.partyNames.en,
		reportStatus: submission.reportStatus,
		submissionNumber: submission.number,
		submissionState: submission.state,
		submittedAt: submission.submittedAt.toISOString(),
		sha256: submission.sha256,
		formContext: contextData(
			formContextFor(submission.partyCode, request.cycle, request.depositaryRecord),
		),
	}
}

/** Submissions' answers in batches, as stored JSON text (parsed by the worker). */
export async function* wireReports(
	db: DbHandle,
	request: CompiledRequest,
	submissions: CycleSubmission[],
): AsyncGenerator<WireReport[]> {
	for (let start = 0; start < submissions.length; start += BATCH) {
		const batch = submissions.slice(start, start + BATCH)
		const texts = await loadSubmissionAnswersText(
			db,
			batch.map((submission) => submission.submissionId),
		)
		yield batch.map((submission) => ({
			...reportFields(request, submission),
			answersJson: texts.get(submission.submissionId) ?? '{}',
		}))
	}
}

/** The same reports, parsed, one at a time (JSON and NDJSON exports). */
export async function* compiledReports(
	db: DbHandle,
	request: CompiledRequest,
	submissions: CycleSubmission[],
): AsyncGenerator<CompiledReport> {
	for await (const batch of wireReports(db, request, submissions)) {
		for (const { answersJson, formContext, ...report } of batch) {
			yield {
				...report,
				formContext: withRegisteredCodeLists(formContext),
				answers: JSON.parse(answersJson) as Answers,
			}
		}
	}
}

/**
 * Builds a compiled XLSX or CSV zip in the export worker: this thread only reads the database and
 * hands the stored JSON over, the worker flattens and writes.
 */
export async function buildCompiledInWorker(
	db: DbHandle,
	request: CompiledRequest,
	format: CompiledFileFormat,
	onProgress?: WorkerProgress,
	now = new Date(),
) {
	const submissions = await compiledSubmissions(db, request)
	const meta = compiledMeta(request, submissions.length, now)
	const build = startCompiledInWorker(format, meta, onProgress)
	for await (const batch of wireReports(db, request, submissions)) build.push(batch)
	const bytes = await build.finish()
	return {
		bytes,
		fileName: compiledFileName(request, format, now),
		contentType: compiledContentType(format),
		reportCount: submissions.length,
	}
}
