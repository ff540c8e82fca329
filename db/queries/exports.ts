import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import type { ExportJobState, LocalizedNames, ReportStatus, SubmissionState } from '../types.ts'
import type { DbHandle } from './handle.ts'
import { isUuid } from './cycles.ts'

// --- Submissions of a cycle (compiled exports) ---------------------------------------------------

export type CompiledStatusFilter = 'accepted' | 'submitted'

export type CycleSubmission = {
	submissionId: string
	reportId: string
	partyCode: string
	partyNames: LocalizedNames
	reportStatus: ReportStatus
	number: number
	state: SubmissionState
	submittedAt: Date
	sha256: string
}

/**
 * One submission per report of the cycle, ordered by Party code: the accepted one (`accepted`),
 * or the latest one under review or accepted (`submitted`). Drafts never appear: only immutable
 * submitted snapshots do.
 */
export async function listCycleSubmissions(
	db: DbHandle,
	cycleId: string,
	status: CompiledStatusFilter,
): Promise<CycleSubmission[]> {
	const states: SubmissionState[] = status === 'accepted' ? ['accepted'] : ['current', 'accepted']
	const rows = await db
		.selectFrom('submission as s')
		.innerJoin('report as r', 'r.id', 's.report_id')
		.innerJoin('party as p', 'p.code', 'r.party_code')
		.where('r.cycle_id', '=', cycleId)
		.where('s.state', 'in', states)
		.distinctOn('s.report_id')
		.select([
			's.id',
			's.report_id',
			's.number',
			's.state',
			's.submitted_at',
			's.sha256',
			'r.party_code',
			'r.status',
			'p.names',
		])
		.orderBy('s.report_id')
		.orderBy('s.number', 'desc')
		.execute()
	return rows
		.map((row) => ({
			submissionId: row.id,
			reportId: row.report_id,
			partyCode: row.party_code,
			partyNames: row.names,
			reportStatus: row.status,
			number: row.number,
			state: row.state,
			submittedAt: row.submitted_at,
			sha256: row.sha256,
		}))
		.sort((a, b) => a.partyCode.localeCompare(b.partyCode))
}

/**
 * Per cycle id, how many reports have a submission under review or accepted (`submitted`) and how
 * many have an accepted one (`accepted`). Cycles without any are left out.
 */
export async function countCycleSubmissions(db: DbHandle) {
	const rows = await db
		.selectFrom('submission as s')
		.innerJoin('report as r', 'r.id', 's.report_id')
		.where('s.state', 'in', ['current', 'accepted'])
		.groupBy('r.cycle_id')
		.select([
			'r.cycle_id',
			sql<number>`count(distinct s.report_id)`.as('submitted'),
			sql<number>`count(distinct s.report_id) filter (where s.state = 'accepted')`.as('accepted'),
		])
		.execute()
	return new Map(
		rows.map((row) => [
			row.cycle_id,
			{ submitted: Number(row.submitted), accepted: Number(row.accepted) },
		]),
	)
}

/** Answers of submissions as the JSON text stored (parsed where they are used). */
export async function loadSubmissionAnswersText(db: DbHandle, submissionIds: string[]) {
	if (submissionIds.length === 0) return new Map<string, string>()
	const rows = await db
		.selectFrom('submission')
		.where('id', 'in', submissionIds)
		.select(['id', sql<string>`answers::text`.as('answers_json')])
		.execute()
	return new Map(rows.map((row) => [row.id, row.answers_json]))
}

/** Only some questions of each submission (previews and charts), parsed. */
export async function loadSubmissionQuestions(
	db: DbHandle,
	submissionIds: string[],
	questionIds: string[],
) {
	if (submissionIds.length === 0 || questionIds.length === 0) {
		return new Map<string, Record<string, unknown>>()
	}
	const rows = await db
		.selectFrom('submission')
		.where('id', 'in', submissionIds)
		.select([
			'id',
			sql<Record<string, unknown>>`jsonb_strip_nulls(jsonb_build_object(${sql.join(
				questionIds.flatMap((id) => [sql.lit(id), sql`answers -> ${sql.lit(id)}`]),
			)}))`.as('subset'),
		])
		.execute()
	return new Map(rows.map((row) => [row.id, row.subset]))
}

/** Files referenced by answers, deleted ones included (a submission keeps referring to them). */
export async function listAttachmentInfo(db: DbHandle, reportId: string, ids: string[]) {
	const known = ids.filter(isUuid)
	if (known.length === 0) return []
	return db
		.selectFrom('attachment')
		.where('report_id', '=', reportId)
		.where('id', 'in', known)
		.select([
			'id',
			'question_id as questionId',
			'file_name as name',
			'size_bytes as sizeBytes',
			'content_type as contentType',
		])
		.orderBy('uploaded_at')
		.execute()
}

// --- Export jobs -----------------------------------------------------------------------------

export type ExportJobParams = {
	status: CompiledStatusFilter
	questions: string[]
	lang: string
}

export type ExportJob = {
	id: string
	requestedBy: string
	cycleId: string
	format: 'xlsx' | 'csv'
	params: ExportJobParams
	state: ExportJobState
	phase: string | null
	progressDone: number
	progressTotal: number
	attempts: number
	error: string | null
	fileName: string | null
	contentType: string | null
	resultBytes: number | null
	createdAt: Date
	finishedAt: Date | null
}

const jobColumns = [
	'id',
	'requested_by',
	'cycle_id',
	'format',
	'params',
	'state',
	'phase',
	'progress_done',
	'progress_total',
	'attempts',
	'error',
	'file_name',
	'content_type',
	'result_bytes',
	'created_at',
	'finished_at',
] as const

function toJob(row: {
	id: string
	requested_by: string
	cycle_id: string
	format: 'xlsx' | 'csv'
	params: Record<string, unknown>
	state: ExportJobState
	phase: string | null
	progress_done: number
	progress_total: number
	attempts: number
	error: string | null
	file_name: string | null
	content_type: string | null
	result_bytes: number | null
	created_at: Date
	finished_at: Date | null
}): ExportJob {
	return {
		id: row.id,
		requestedBy: row.requested_by,
		cycleId: row.cycle_id,
		format: row.format,
		params: row.params as ExportJobParams,
		state: row.state,
		phase: row.phase,
		progressDone: row.progress_done,
		progressTotal: row.progress_total,
		attempts: row.attempts,
		error: row.error,
		fileName: row.file_name,
		contentType: row.content_type,
		resultBytes: row.result_bytes,
		createdAt: row.created_at,
		finishedAt: row.finished_at,
	}
}

export async function insertExportJob(
	db: DbHandle,
	job: { requestedBy: string; cycleId: string; format: 'xlsx' | 'csv'; params: ExportJobParams },
) {
	const row = await db
		.insertInto('export_job')
		.values({
			requested_by: job.requestedBy,
			cycle_id: job.cycleId,
			format: job.format,
			params: jsonb(job.params),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function findExportJob(db: DbHandle, id: string) {
	if (!isUuid(id)) return undefined
	const row = await db
		.selectFrom('export_job')
		.where('id', '=', id)
		.select(jobColumns)
		.executeTakeFirst()
	return row ? toJob(row) : undefined
}

export async function listExportJobs(db: DbHandle, requestedBy: string, limit = 10) {
	const rows = await db
		.selectFrom('export_job')
		.where('requested_by', '=', requestedBy)
		.where('expires_at', '>', sql<Date>`now()`)
		.select(jobColumns)
		.orderBy('created_at', 'desc')
		.limit(limit)
		.execute()
	return rows.map(toJob)
}

export async function exportJobResult(db: DbHandle, id: string) {
	if (!isUuid(id)) return undefined
	return db
		.selectFrom('export_job')
		.where('id', '=', id)
		.where('state', '=', 'done')
		.select([
			'result',
			'file_name as fileName',
			'content_type as contentType',
			'requested_by as requestedBy',
		])
		.executeTakeFirst()
}

/**
 * Claims one job to run: a queued one, or a running one whose instance stopped renewing its lease
 * (crashed). `for update skip locked` lets several instances claim at once without taking the
 * same job. `id` claims that job only (the request that created it starts it right away).
 */
export async function claimExportJob(
	trx: DbHandle,
	options: { id?: string; leaseSeconds: number; maxAttempts: number },
) {
	const candidate = await trx
		.selectFrom('export_job')
		.where((eb) =>
			eb.or([
				eb('state', '=', 'queued'),
				eb.and([eb('state', '=', 'running'), eb('locked_until', '<', sql<Date>`now()`)]),
			]),
		)
		.where('attempts', '<', options.maxAttempts)
		.$if(Boolean(options.id), (qb) => qb.where('id', '=', options.id!))
		.select('id')
		.orderBy('created_at')
		.limit(1)
		.forUpdate()
		.skipLocked()
		.executeTakeFirst()
	if (!candidate) return undefined
	const row = await trx
		.updateTable('export_job')
		.set({
			state: 'running',
			attempts: sql`attempts + 1`,
			locked_until: sql`now() + make_interval(secs => ${options.leaseSeconds})`,
			started_at: sql`now()`,
			phase: 'reading',
			progress_done: 0,
			error: null,
		})
		.where('id', '=', candidate.id)
		.returning(jobColumns)
		.executeTakeFirstOrThrow()
	return toJob(row)
}

/** Progress, renewing the lease (only while this run still holds the job). */
export async function updateExportJobProgress(
	db: DbHandle,
	id: string,
	progress: { phase: string; done: number; total: number; leaseSeconds: number },
) {
	await db
		.updateTable('export_job')
		.set({
			phase: progress.phase,
			progress_done: progress.done,
			progress_total: progress.total,
			locked_until: sql`now() + make_interval(secs => ${progress.leaseSeconds})`,
		})
		.where('id', '=', id)
		.where('state', '=', 'running')
		.execute()
}

export async function completeExportJob(
	db: DbHandle,
	id: string,
	result: { fileName: string; contentType: string; bytes: Uint8Array },
) {
	await db
		.updateTable('export_job')
		.set({
			state: 'done',
			phase: 'done',
			file_name: result.fileName,
			content_type: result.contentType,
			result: Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength),
			result_bytes: result.bytes.byteLength,
			finished_at: sql`now()`,
			locked_until: null,
		})
		.where('id', '=', id)
		.where('state', '=', 'running')
		.execute()
}

/** A failed run: queued again until `maxAttempts`, then failed for good. */
export async function failExportJob(db: DbHandle, id: string, error: string, maxAttempts: number) {
	await db
		.updateTable('export_job')
		.set({
			state: sql`case when attempts >= ${maxAttempts} then 'failed' else 'queued' end`,
			error,
			locked_until: null,
			finished_at: sql`case when attempts >= ${maxAttempts} then now() else null end`,
		})
		.where('id', '=', id)
		.where('state', '=', 'running')
		.execute()
}

export async function deleteExpiredExportJobs(db: DbHandle) {
	const result = await db
		.deleteFrom('export_job')
		.where('expires_at', '<', sql<Date>`now()`)
		.executeTakeFirst()
	return Number(result.numDeletedRows)
}

// --- Excel imports -------------------------------------------------------------------------

export type AnswerImportRecord = {
	id: string
	reportId: string
	userId: string
	fileName: string
	fileSha256: string
	templateMode: string
	baseRevision: number
	canApply: boolean
	changes: unknown[]
	preview: unknown
	createdAt: Date
	appliedAt: Date | null
	appliedRevision: number | null
}

export async function insertAnswerImport(
	db: DbHandle,
	entry: Omit<AnswerImportRecord, 'id' | 'createdAt' | 'appliedAt' | 'appliedRevision'>,
) {
	const row = await db
		.insertInto('answer_import')
		.values({
			report_id: entry.reportId,
			user_id: entry.userId,
			file_name: entry.fileName,
			file_sha256: entry.fileSha256,
			template_mode: entry.templateMode,
			base_revision: entry.baseRevision,
			can_apply: entry.canApply,
			changes: jsonb(entry.changes),
			preview: jsonb(entry.preview),
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function findAnswerImport(db: DbHandle, reportId: string, id: string) {
	if (!isUuid(id)) return undefined
	const row = await db
		.selectFrom('answer_import')
		.where('id', '=', id)
		.where('report_id', '=', reportId)
		.selectAll()
		.executeTakeFirst()
	if (!row) return undefined
	return {
		id: row.id,
		reportId: row.report_id,
		userId: row.user_id,
		fileName: row.file_name,
		fileSha256: row.file_sha256,
		templateMode: row.template_mode,
		baseRevision: row.base_revision,
		canApply: row.can_apply,
		changes: row.changes,
		preview: row.preview,
		createdAt: row.created_at,
		appliedAt: row.applied_at,
		appliedRevision: row.applied_revision,
	} satisfies AnswerImportRecord
}

/** Marks an import applied, once: false when it already was. */
export async function markAnswerImportApplied(db: DbHandle, id: string, revision: number) {
	const result = await db
		.updateTable('answer_import')
		.set({ applied_at: sql`now()`, applied_revision: revision })
		.where('id', '=', id)
		.where('applied_at', 'is', null)
		.executeTakeFirst()
	return Number(result.numUpdatedRows) === 1
}
