import { expressionBuilder, sql, type Expression, type RawBuilder } from 'kysely'
import { jsonb } from '../json.ts'
import type { Database, ReportStatus, SubmissionState } from '../types.ts'
import type { Answers } from '#forms/types.ts'
import type { DbHandle } from './handle.ts'
import { isUuid } from './cycles.ts'

export type Report = {
	id: string
	partyCode: string
	cycleId: string
	formId: string
	formVersion: number
	/** SHA-256 of the frozen form version the report was started with; null on older reports. */
	formSha256: string | null
	status: ReportStatus
	revision: number
	reopenRequestedAt: Date | null
	prefilledFromReportId: string | null
	migrationReport: unknown[] | null
	/** Set when the secretariat enters the report from a document the country sent. */
	enteredOnBehalfBy: string | null
	createdAt: Date
	updatedAt: Date
	updatedBy: string | null
}

const reportColumns = [
	'r.id',
	'r.party_code',
	'r.cycle_id',
	'r.form_id',
	'r.form_version',
	'r.form_sha256',
	'r.status',
	'r.revision',
	'r.reopen_requested_at',
	'r.prefilled_from_report_id',
	'r.migration_report',
	'r.entered_on_behalf_by',
	'r.created_at',
	'r.updated_at',
	'r.updated_by',
] as const

type ReportRow = {
	id: string
	party_code: string
	cycle_id: string
	form_id: string
	form_version: number
	form_sha256: string | null
	status: ReportStatus
	revision: number
	reopen_requested_at: Date | null
	prefilled_from_report_id: string | null
	migration_report: unknown[] | null
	entered_on_behalf_by: string | null
	created_at: Date
	updated_at: Date
	updated_by: string | null
}

function toReport(row: ReportRow): Report {
	return {
		id: row.id,
		partyCode: row.party_code,
		cycleId: row.cycle_id,
		formId: row.form_id,
		formVersion: row.form_version,
		formSha256: row.form_sha256,
		status: row.status,
		revision: row.revision,
		reopenRequestedAt: row.reopen_requested_at,
		prefilledFromReportId: row.prefilled_from_report_id,
		migrationReport: row.migration_report,
		enteredOnBehalfBy: row.entered_on_behalf_by,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		updatedBy: row.updated_by,
	}
}

export async function findReport(db: DbHandle, id: string): Promise<Report | undefined> {
	if (!isUuid(id)) return undefined
	const row = await db
		.selectFrom('report as r')
		.where('r.id', '=', id)
		.select(reportColumns)
		.executeTakeFirst()
	return row ? toReport(row) : undefined
}

/** Locks the report row until the transaction ends; use inside a transaction only. */
export async function lockReport(trx: DbHandle, id: string): Promise<Report | undefined> {
	if (!isUuid(id)) return undefined
	const row = await trx
		.selectFrom('report as r')
		.where('r.id', '=', id)
		.select(reportColumns)
		.forUpdate()
		.executeTakeFirst()
	return row ? toReport(row) : undefined
}

export async function findReportForCycle(db: DbHandle, partyCode: string, cycleId: string) {
	const row = await db
		.selectFrom('report as r')
		.where('r.party_code', '=', partyCode)
		.where('r.cycle_id', '=', cycleId)
		.select(reportColumns)
		.executeTakeFirst()
	return row ? toReport(row) : undefined
}

export async function listReportsForParty(db: DbHandle, partyCode: string) {
	const rows = await db
		.selectFrom('report as r')
		.leftJoin('app_user as u', 'u.id', 'r.updated_by')
		.where('r.party_code', '=', partyCode)
		.select([...reportColumns, 'u.name as updated_by_name'])
		.execute()
	return rows.map((row) => ({ ...toReport(row), updatedByName: row.updated_by_name }))
}

export async function insertReport(
	db: DbHandle,
	report: {
		partyCode: string
		cycleId: string
		formId: string
		formVersion: number
		/** SHA-256 of the frozen form version (`formVersionIdentity` in forms/registry.ts). */
		formSha256: string
		createdBy: string
		prefilledFromReportId?: string | null
		migrationReport?: unknown[] | null
		enteredOnBehalfBy?: string | null
	},
) {
	const row = await db
		.insertInto('report')
		.values({
			party_code: report.partyCode,
			cycle_id: report.cycleId,
			form_id: report.formId,
			form_version: report.formVersion,
			form_sha256: report.formSha256,
			created_by: report.createdBy,
			updated_by: report.createdBy,
			prefilled_from_report_id: report.prefilledFromReportId ?? null,
			migration_report: report.migrationReport ? jsonb(report.migrationReport) : null,
			entered_on_behalf_by: report.enteredOnBehalfBy ?? null,
		})
		.onConflict((oc) => oc.columns(['party_code', 'cycle_id']).doNothing())
		.returning('id')
		.executeTakeFirst()
	return row?.id
}

export type StoredAnswer = {
	value: unknown
	revision: number
	updatedBy: string | null
	updatedAt: Date
}

/** The report's working copy as the engine reads it: question id → value. */
export async function loadAnswerValues(db: DbHandle, reportId: string): Promise<Answers> {
	const stored = await loadAnswers(db, reportId)
	return Object.fromEntries(Object.entries(stored).map(([id, a]) => [id, a.value])) as Answers
}

export async function loadAnswers(db: DbHandle, reportId: string) {
	const rows = await db
		.selectFrom('report_answer')
		.where('report_id', '=', reportId)
		.select(['question_id', 'value', 'revision', 'updated_by', 'updated_at'])
		.execute()
	// Keyed by question id: no prototype, so no id can reach Object.prototype.
	const answers: Record<string, StoredAnswer> = Object.create(null)
	for (const row of rows) {
		answers[row.question_id] = {
			value: row.value,
			revision: row.revision,
			updatedBy: row.updated_by,
			updatedAt: row.updated_at,
		}
	}
	return answers
}

export type AnswerChange = { questionId: string; value: unknown; revision: number }

export type AnswerWrite = { questionId: string; oldValue: unknown; newValue: unknown }

const isCleared = (value: unknown) => value === null || value === undefined
const jsonOrNull = (value: unknown) => (isCleared(value) ? null : jsonb(value))

/** The report as a save read it: the write happens only if it is still so. */
type RevisionGuard = { revision: number; status: ReportStatus }

/**
 * A save's writes, made in the same statement as its read when the report is still as the caller
 * last saw it (see `readForSave`): the caller has checked the patch against `expected`'s form and
 * decided access on it, and no change needs merging.
 */
export type WriteIfUnchanged = {
	expected: Pick<Report, 'formId' | 'formVersion' | 'partyCode' | 'enteredOnBehalfBy' | 'status'>
	userId: string | null
	source: string
	changes: readonly { questionId: string; baseRevision: number; value: unknown }[]
	/** The newest revision the editor has seen: a report behind it is not written. */
	newest: number
}

/**
 * The steps that move the report to its next revision and write the rows of `w` (question_id,
 * old_value, new_value; a null new value deletes the answer) at it, with one history row each.
 * Every step reads `bumped`, so nothing is written unless `condition` holds on the report row,
 * which the update locks and re-checks on its latest version.
 */
function writeSteps(
	reportId: string,
	userId: string | null,
	source: string,
	condition: RawBuilder<unknown>,
) {
	return [
		sql`bumped as (
			update report set revision = revision + 1, updated_by = ${userId}::uuid, updated_at = now()
			where id = ${reportId}::uuid and ${condition}
			returning revision
		)`,
		sql`removed as (
			delete from report_answer
			where report_id = ${reportId}::uuid
			and question_id in (select question_id from w where new_value is null)
			and exists (select from bumped)
		)`,
		sql`upserted as (
			insert into report_answer (report_id, question_id, value, revision, updated_by)
			select ${reportId}::uuid, w.question_id, w.new_value, bumped.revision, ${userId}::uuid
			from bumped, w where w.new_value is not null
			on conflict (report_id, question_id) do update set
				value = excluded.value,
				revision = excluded.revision,
				updated_by = excluded.updated_by,
				updated_at = now()
		)`,
		sql`changed as (
			insert into report_change
				(report_id, revision, question_id, old_value, new_value, changed_by, source)
			select ${reportId}::uuid, bumped.revision, w.question_id, w.old_value, w.new_value,
				${userId}::uuid, ${source}::text
			from bumped, w
		)`,
	]
}

/**
 * The fast path's writes: each change whose value differs from the stored one (jsonb equality,
 * which for JSON-born values is `sameValue`), only if the report in `r` is still as `expected`,
 * is not behind `newest` and no change needs merging (nobody wrote its question after its
 * `baseRevision`); and then only if the report row is still at `r`'s revision when locked.
 */
function fastWriteSteps(reportId: string, write: WriteIfUnchanged) {
	const { expected } = write
	const rows = write.changes.map(
		(c) => sql`(${c.questionId}::text, ${c.baseRevision}::integer, ${jsonOrNull(c.value)}::jsonb)`,
	)
	return [
		sql`v (question_id, base_revision, value) as (values ${sql.join(rows)})`,
		sql`ok as (
			select from r
			where r.form_id = ${expected.formId} and r.form_version = ${expected.formVersion}
			and r.party_code = ${expected.partyCode} and r.status = ${expected.status}
			and r.entered_on_behalf_by is not distinct from ${expected.enteredOnBehalfBy}::uuid
			and r.revision >= ${write.newest}
			and not exists (
				select from stored s join v using (question_id) where s.revision > v.base_revision
			)
		)`,
		sql`w as (
			select v.question_id, s.value as old_value, v.value as new_value
			from v left join stored s using (question_id)
			where exists (select from ok) and s.value is distinct from v.value
		)`,
		...writeSteps(
			reportId,
			write.userId,
			write.source,
			sql`revision = (select revision from r) and exists (select from w)`,
		),
	]
}

type SaveReadRow = ReportRow & {
	stored: { question_id: string; value: unknown; revision: number; updated_by: string | null }[]
	changed: { question_id: string; value: unknown; revision: number }[]
	unchanged: boolean | null
	written: number | null
}

/**
 * What an autosave decides on, read in one statement (so from one snapshot): the report, the
 * stored answers of `questionIds`, and every answer changed after `sinceRevision` with its current
 * value (null when cleared).
 *
 * With `write`, the same statement also makes the save's writes when it can without merging (see
 * `WriteIfUnchanged`): `written` is then the new revision, and the read is what the writes were
 * decided on. `unchanged` says whether the report was as `expected` with nothing to merge: if so
 * and nothing was written although some change differs from its stored value, another save took
 * the report's row between this read and the write.
 */
export async function readForSave(
	db: DbHandle,
	reportId: string,
	questionIds: string[],
	sinceRevision: number,
	write?: WriteIfUnchanged,
) {
	if (!isUuid(reportId)) return undefined
	// No question has an empty id: with nothing to read, the answers come back empty.
	const ids = questionIds.length > 0 ? questionIds : ['']
	const steps = [
		sql`r as materialized (
			select ${sql.raw(reportColumns.join(', '))} from report r where r.id = ${reportId}::uuid
		)`,
		sql`stored as materialized (
			select a.question_id, a.value, a.revision, a.updated_by from report_answer a
			where a.report_id = ${reportId}::uuid and a.question_id in (${sql.join(ids)})
		)`,
		...(write && write.changes.length > 0 ? fastWriteSteps(reportId, write) : []),
	]
	const fast = steps.length > 2
	const row = (
		await sql<SaveReadRow>`with ${sql.join(steps)}
		select r.*,
			(select coalesce(json_agg(stored), '[]') from stored) as stored,
			(select coalesce(json_agg(c), '[]') from (
				select c.question_id, cur.value, max(c.revision) as revision
				from report_change c
				left join report_answer cur
					on cur.report_id = c.report_id and cur.question_id = c.question_id
				where c.report_id = r.id and c.revision > ${sinceRevision}
				group by c.question_id, cur.value
			) c) as changed,
			${fast ? sql`exists (select from ok)` : sql`null::boolean`} as unchanged,
			${fast ? sql`(select revision from bumped)` : sql`null::integer`} as written
		from r`.execute(db)
	).rows[0]
	if (!row) return undefined
	const stored = new Map<string, Omit<StoredAnswer, 'updatedAt'>>()
	for (const answer of row.stored) {
		stored.set(answer.question_id, {
			value: answer.value,
			revision: Number(answer.revision),
			updatedBy: answer.updated_by,
		})
	}
	const changed: AnswerChange[] = row.changed.map((c) => ({
		questionId: c.question_id,
		value: c.value ?? null,
		revision: Number(c.revision),
	}))
	return {
		report: toReport(row),
		stored,
		changed,
		unchanged: row.unchanged === true,
		written: row.written === null ? null : Number(row.written),
	}
}

function revisionWrite(
	reportId: string,
	userId: string | null,
	writes: AnswerWrite[],
	source: string,
	guard?: RevisionGuard,
) {
	const rows = writes.map(
		(w) =>
			sql`(${w.questionId}::text, ${jsonOrNull(w.oldValue)}::jsonb, ${jsonOrNull(w.newValue)}::jsonb)`,
	)
	const values =
		rows.length > 0
			? sql`w (question_id, old_value, new_value) as (values ${sql.join(rows)})`
			: sql`w as (select null::text as question_id, null::jsonb as old_value,
				null::jsonb as new_value where false)`
	const condition = guard
		? sql`revision = ${guard.revision} and status = ${guard.status}`
		: sql`true`
	const steps = [values, ...writeSteps(reportId, userId, source, condition)]
	return sql<{ revision: number }>`with ${sql.join(steps)} select revision from bumped`
}

/**
 * Moves the report to its next revision and writes the changed answers at it (a null new value
 * deletes the answer), with one history row per question, in one statement. Returns the new
 * revision.
 */
export async function writeRevision(
	db: DbHandle,
	reportId: string,
	userId: string | null,
	writes: AnswerWrite[],
	source = 'editor',
): Promise<number> {
	const row = (await revisionWrite(reportId, userId, writes, source).execute(db)).rows[0]
	if (!row) throw new Error(`Report ${reportId} not found`)
	return Number(row.revision)
}

/**
 * `writeRevision`, only if the report is still at the revision and status the caller read: the
 * statement takes the report's row lock and re-checks both on the latest row. Returns the new
 * revision, or null (nothing written) when someone else saved, or the status changed, meanwhile.
 */
export async function writeRevisionIfUnchanged(
	db: DbHandle,
	report: { id: string } & RevisionGuard,
	userId: string | null,
	writes: AnswerWrite[],
	source = 'editor',
): Promise<number | null> {
	const guard = { revision: report.revision, status: report.status }
	const row = (await revisionWrite(report.id, userId, writes, source, guard).execute(db)).rows[0]
	return row ? Number(row.revision) : null
}

/**
 * Dates a report as made in the past: created at `createdAt`, its answers and their history last
 * written at `answersAt`. For the demo seed, which replays reports of past cycles at their own
 * dates (the writes themselves stamp the time they run).
 */
export async function dateReportInThePast(
	db: DbHandle,
	reportId: string,
	dates: { createdAt: Date; answersAt: Date },
) {
	await db
		.updateTable('report')
		.set({ created_at: dates.createdAt, updated_at: dates.answersAt })
		.where('id', '=', reportId)
		.execute()
	await db
		.updateTable('report_answer')
		.set({ updated_at: dates.answersAt })
		.where('report_id', '=', reportId)
		.execute()
	await db
		.updateTable('report_change')
		.set({ changed_at: dates.answersAt })
		.where('report_id', '=', reportId)
		.execute()
}

/**
 * Moves the report to `status`. `updated_at` and `updated_by` stay: they say who last wrote the
 * answers and when; a status change is recorded as a report event.
 */
export async function setReportStatus(
	trx: DbHandle,
	reportId: string,
	status: ReportStatus,
	changes: { reopenRequested?: boolean } = {},
) {
	await trx
		.updateTable('report')
		.set({
			status,
			...(changes.reopenRequested !== undefined
				? { reopen_requested_at: changes.reopenRequested ? sql`now()` : null }
				: {}),
		})
		.where('id', '=', reportId)
		.execute()
}

export async function insertReportEvent(
	trx: DbHandle,
	event: {
		reportId: string
		action: string
		fromStatus: ReportStatus | null
		toStatus: ReportStatus
		actorId: string | null
		submissionId?: string | null
		comment?: string | null
		/** Default: now. */
		occurredAt?: Date
	},
) {
	await trx
		.insertInto('report_event')
		.values({
			report_id: event.reportId,
			action: event.action,
			from_status: event.fromStatus,
			to_status: event.toStatus,
			actor_id: event.actorId,
			submission_id: event.submissionId ?? null,
			comment: event.comment ?? null,
			...(event.occurredAt ? { occurred_at: event.occurredAt } : {}),
		})
		.execute()
}

/** Earlier accepted submissions of a report are superseded when another one is accepted. */
export async function supersedeAcceptedSubmissions(trx: DbHandle, reportId: string) {
	await trx
		.updateTable('submission')
		.set({ state: 'superseded' })
		.where('report_id', '=', reportId)
		.where('state', '=', 'accepted')
		.execute()
}

export async function listReportEvents(db: DbHandle, reportId: string) {
	return db
		.selectFrom('report_event as e')
		.leftJoin('app_user as u', 'u.id', 'e.actor_id')
		.leftJoin('submission as s', 's.id', 'e.submission_id')
		.where('e.report_id', '=', reportId)
		.select([
			'e.id',
			'e.action',
			'e.from_status as fromStatus',
			'e.to_status as toStatus',
			'e.comment',
			'e.occurred_at as occurredAt',
			'u.name as actorName',
			's.number as submissionNumber',
		])
		.orderBy('e.id', 'desc')
		.execute()
}

/** One entry per save: revision, who, when, and which questions changed. */
export async function listSaves(db: DbHandle, reportId: string, limit = 200) {
	return db
		.selectFrom('report_change as c')
		.leftJoin('app_user as u', 'u.id', 'c.changed_by')
		.where('c.report_id', '=', reportId)
		.groupBy(['c.revision', 'u.name', 'c.source'])
		.select([
			'c.revision',
			'u.name as changedByName',
			'c.source',
			sql<Date>`max(c.changed_at)`.as('changedAt'),
			sql<string[]>`array_agg(c.question_id order by c.question_id)`.as('questionIds'),
		])
		.orderBy('c.revision', 'desc')
		.limit(limit)
		.execute()
}

export async function questionHistory(db: DbHandle, reportId: string, questionId: string) {
	return db
		.selectFrom('report_change as c')
		.leftJoin('app_user as u', 'u.id', 'c.changed_by')
		.where('c.report_id', '=', reportId)
		.where('c.question_id', '=', questionId)
		.select([
			'c.id',
			'c.revision',
			'c.old_value as oldValue',
			'c.new_value as newValue',
			'c.changed_at as changedAt',
			'c.source',
			'u.name as changedByName',
		])
		.orderBy('c.id', 'desc')
		.execute()
}

export async function listAcknowledgements(db: DbHandle, reportId: string) {
	return db
		.selectFrom('warning_acknowledgement as a')
		.leftJoin('app_user as u', 'u.id', 'a.acknowledged_by')
		.where('a.report_id', '=', reportId)
		.select([
			'a.issue_key as issueKey',
			'a.explanation',
			'a.acknowledged_at as acknowledgedAt',
			'u.name as acknowledgedByName',
		])
		.execute()
}

/** Sets (or, with no explanation, removes) the explanation of one or more warnings at once. */
export async function setAcknowledgements(
	db: DbHandle,
	reportId: string,
	issueKeys: readonly string[],
	explanation: string | null,
	userId: string,
) {
	if (issueKeys.length === 0) return
	if (!explanation) {
		await db
			.deleteFrom('warning_acknowledgement')
			.where('report_id', '=', reportId)
			.where('issue_key', 'in', issueKeys)
			.execute()
		return
	}
	await db
		.insertInto('warning_acknowledgement')
		.values(
			issueKeys.map((issueKey) => ({
				report_id: reportId,
				issue_key: issueKey,
				explanation,
				acknowledged_by: userId,
			})),
		)
		.onConflict((oc) =>
			oc.columns(['report_id', 'issue_key']).doUpdateSet({
				explanation,
				acknowledged_by: userId,
				acknowledged_at: sql`now()`,
			}),
		)
		.execute()
}

export type SubmissionRecord = {
	id: string
	reportId: string
	number: number
	reportRevision: number
	formId: string
	formVersion: number
	/** SHA-256 of the frozen form version the submission was checked against; null on older ones. */
	formSha256: string | null
	answers: Record<string, unknown>
	acknowledgements: { issueKey: string; explanation: string }[]
	sha256: string
	state: SubmissionState
	submittedBy: string
	submittedByName: string | null
	submittedAt: Date
	onBehalf: { reason: string; sourceAttachmentId: string } | null
}

const submissionColumns = [
	's.id',
	's.report_id',
	's.number',
	's.report_revision',
	's.form_id',
	's.form_version',
	's.form_sha256',
	's.answers',
	's.acknowledgements',
	's.sha256',
	's.state',
	's.submitted_by',
	's.submitted_at',
	's.on_behalf',
	'u.name as submitted_by_name',
] as const

function toSubmission(row: {
	id: string
	report_id: string
	number: number
	report_revision: number
	form_id: string
	form_version: number
	form_sha256: string | null
	answers: unknown
	acknowledgements: unknown[]
	sha256: string
	state: SubmissionState
	submitted_by: string
	submitted_at: Date
	on_behalf: unknown
	submitted_by_name: string | null
}): SubmissionRecord {
	return {
		id: row.id,
		reportId: row.report_id,
		number: row.number,
		reportRevision: row.report_revision,
		formId: row.form_id,
		formVersion: row.form_version,
		formSha256: row.form_sha256,
		answers: row.answers as Record<string, unknown>,
		acknowledgements: row.acknowledgements as SubmissionRecord['acknowledgements'],
		sha256: row.sha256,
		state: row.state,
		submittedBy: row.submitted_by,
		submittedByName: row.submitted_by_name,
		submittedAt: row.submitted_at,
		onBehalf: row.on_behalf as SubmissionRecord['onBehalf'],
	}
}

export async function insertSubmission(
	trx: DbHandle,
	submission: {
		reportId: string
		reportRevision: number
		formId: string
		formVersion: number
		/** SHA-256 of the frozen form version the answers were checked against. */
		formSha256: string
		answers: unknown
		acknowledgements: unknown[]
		sha256: string
		submittedBy: string
		submittedAt: Date
		onBehalf?: unknown
	},
) {
	const next = await trx
		.selectFrom('submission')
		.where('report_id', '=', submission.reportId)
		.select(sql<number>`coalesce(max(number), 0) + 1`.as('n'))
		.executeTakeFirstOrThrow()
	const row = await trx
		.insertInto('submission')
		.values({
			report_id: submission.reportId,
			number: Number(next.n),
			report_revision: submission.reportRevision,
			form_id: submission.formId,
			form_version: submission.formVersion,
			form_sha256: submission.formSha256,
			answers: jsonb(submission.answers),
			acknowledgements: jsonb(submission.acknowledgements),
			sha256: submission.sha256,
			submitted_by: submission.submittedBy,
			submitted_at: submission.submittedAt,
			on_behalf: submission.onBehalf ? jsonb(submission.onBehalf) : null,
		})
		.returning(['id', 'number'])
		.executeTakeFirstOrThrow()
	return row
}

export async function setSubmissionState(trx: DbHandle, id: string, state: SubmissionState) {
	await trx.updateTable('submission').set({ state }).where('id', '=', id).execute()
}

export async function findSubmission(db: DbHandle, reportId: string, number: number) {
	const row = await db
		.selectFrom('submission as s')
		.leftJoin('app_user as u', 'u.id', 's.submitted_by')
		.where('s.report_id', '=', reportId)
		.where('s.number', '=', number)
		.select(submissionColumns)
		.executeTakeFirst()
	return row ? toSubmission(row) : undefined
}

/** The report's latest submission, or its latest in `state`. */
export async function latestSubmission(db: DbHandle, reportId: string, state?: SubmissionState) {
	const row = await db
		.selectFrom('submission as s')
		.leftJoin('app_user as u', 'u.id', 's.submitted_by')
		.where('s.report_id', '=', reportId)
		.$if(state !== undefined, (qb) => qb.where('s.state', '=', state!))
		.select(submissionColumns)
		.orderBy('s.number', 'desc')
		.executeTakeFirst()
	return row ? toSubmission(row) : undefined
}

/**
 * When the report was first submitted, not counting recalled submissions: what timeliness is judged
 * on (the dashboard, the review queue, the public portal). A subquery on the report's id, for a
 * select list or a condition; null if it never was.
 */
export function firstSubmittedAtOf(reportId: Expression<string | null>) {
	return expressionBuilder<Database>()
		.selectFrom('submission as s')
		.where('s.report_id', '=', reportId)
		.where('s.state', '<>', 'recalled')
		.select(sql<Date | null>`min(s.submitted_at)`.as('first'))
}

/** `firstSubmittedAtOf` for one report; undefined if it never was submitted. */
export async function firstSubmittedAt(db: DbHandle, reportId: string): Promise<Date | undefined> {
	const row = await db
		.selectNoFrom(firstSubmittedAtOf(sql.val(reportId)).as('first'))
		.executeTakeFirst()
	return row?.first ? new Date(row.first) : undefined
}

export async function listSubmissions(db: DbHandle, reportId: string) {
	return db
		.selectFrom('submission as s')
		.leftJoin('app_user as u', 'u.id', 's.submitted_by')
		.where('s.report_id', '=', reportId)
		.select([
			's.id',
			's.number',
			's.sha256',
			's.state',
			's.submitted_at as submittedAt',
			's.report_revision as reportRevision',
			'u.name as submittedByName',
		])
		.orderBy('s.number', 'desc')
		.execute()
}

export async function touchPresence(
	db: DbHandle,
	reportId: string,
	userId: string,
	sectionId: string | null,
) {
	await db
		.insertInto('report_presence')
		.values({ report_id: reportId, user_id: userId, section_id: sectionId })
		.onConflict((oc) =>
			oc
				.columns(['report_id', 'user_id'])
				.doUpdateSet({ section_id: sectionId, last_seen_at: sql`now()` }),
		)
		.execute()
}

/** Other people seen on the report in the last `withinSeconds`. */
export async function listPresence(
	db: DbHandle,
	reportId: string,
	exceptUserId: string,
	withinSeconds = 60,
) {
	return db
		.selectFrom('report_presence as p')
		.innerJoin('app_user as u', 'u.id', 'p.user_id')
		.where('p.report_id', '=', reportId)
		.where('p.user_id', '<>', exceptUserId)
		.where('p.last_seen_at', '>', sql<Date>`now() - make_interval(secs => ${withinSeconds})`)
		.select(['u.name', 'p.section_id as sectionId', 'p.last_seen_at as lastSeenAt'])
		.orderBy('u.name')
		.execute()
}
