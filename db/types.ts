import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely'
import type { ConventionStatus, Instrument } from '#forms/codelists/party-status.ts'
import type { Convention, Language } from '#forms/vocabulary.ts'

/** `timestamptz` columns: Date when read, Date or ISO string when written. */
type Timestamp = ColumnType<Date, Date | string, Date | string>
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>
/** `date` columns are read as 'YYYY-MM-DD' strings on both drivers. */
type DateString = ColumnType<string, string, string>
type NullableDateString = ColumnType<string | null, string | null, string | null>
/** jsonb columns: write JSON text (see `jsonb()` in db/json.ts), read parsed values. */
type Json<T> = ColumnType<T, string, string>

export const ROLES = ['contributor', 'contact_point', 'reviewer', 'analyst', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const NATIONAL_ROLES = ['contributor', 'contact_point'] as const satisfies readonly Role[]

export type LocalizedNames = Record<Language, string>

export const REGIONAL_GROUPS = [
	'africa',
	'asia_pacific',
	'eastern_europe',
	'latin_america_caribbean',
	'weog',
] as const
export type RegionalGroup = (typeof REGIONAL_GROUPS)[number]

export { CONVENTIONS, type Convention } from '#forms/vocabulary.ts'
export { CONVENTION_STATUSES } from '#forms/codelists/party-status.ts'
export type { ConventionStatus, Instrument } from '#forms/codelists/party-status.ts'

export interface PartyTable {
	code: string
	alpha2: string
	m49: string | null
	kind: string
	regional_group: RegionalGroup | null
	names: Json<LocalizedNames>
	created_at: GeneratedTimestamp
}

export interface PartyConventionStatusTable {
	party_code: string
	convention: Convention
	status: ConventionStatus
	signed_on: NullableDateString
	consented_on: NullableDateString
	instrument: Instrument | null
	in_force_on: NullableDateString
	/** The Party-status release the row comes from; null when entered by an administrator. */
	release: string | null
	note: string | null
	updated_at: GeneratedTimestamp
	updated_by: string | null
}

export interface AppUserTable {
	id: Generated<string>
	email: string
	name: string
	password_hash: string | null
	preferred_language: Language
	reminder_emails: Generated<boolean>
	is_active: Generated<boolean>
	created_at: GeneratedTimestamp
	updated_at: GeneratedTimestamp
}

export interface UserRoleTable {
	user_id: string
	role: Role
}

export interface UserPartyTable {
	user_id: string
	party_code: string
}

export interface SessionTable {
	id: string
	user_id: string
	created_at: GeneratedTimestamp
	last_seen_at: GeneratedTimestamp
	expires_at: Timestamp
	revoked_at: Timestamp | null
	revoked_reason: string | null
	ip: string | null
	user_agent: string | null
}

export interface LoginAttemptTable {
	id: Generated<number>
	email: string
	ip: string
	succeeded: boolean
	attempted_at: GeneratedTimestamp
}

export interface RateLimitEventTable {
	id: Generated<number>
	bucket: string
	key: string
	occurred_at: GeneratedTimestamp
}

export type TokenPurpose = 'invitation' | 'password_reset'

export interface OneTimeTokenTable {
	id: Generated<string>
	token_hash: string
	user_id: string
	purpose: TokenPurpose
	created_at: GeneratedTimestamp
	expires_at: Timestamp
	used_at: Timestamp | null
	created_by: string | null
}

export const API_SCOPES = ['read:public', 'read:compiled', 'read:reports'] as const
export type ApiScope = (typeof API_SCOPES)[number]

/** A personal API token for `/api/v1` (see the migration): only its hash is stored. */
export interface ApiTokenTable {
	id: Generated<string>
	user_id: string
	name: string
	token_hash: string
	token_prefix: string
	scopes: Json<ApiScope[]>
	created_at: GeneratedTimestamp
	expires_at: Timestamp
	last_used_at: Timestamp | null
	last_used_ip: string | null
	revoked_at: Timestamp | null
}

export type OutboxStatus = 'queued' | 'sent' | 'failed'

export interface OutboxMessageTable {
	id: Generated<string>
	to_address: string
	subject: string
	body_text: string
	kind: string
	dedupe_key: string | null
	status: Generated<OutboxStatus>
	attempts: Generated<number>
	locked_until: Timestamp | null
	last_error: string | null
	created_at: GeneratedTimestamp
	sent_at: Timestamp | null
}

export interface ReportingCycleTable {
	id: Generated<string>
	code: string
	convention: Convention
	form_id: string
	form_version: number
	/** The form variant the cycle asks (e.g. `short`); null when the form has none. */
	form_variant: string | null
	title: Json<Partial<LocalizedNames>>
	period_start: DateString
	period_end: DateString
	opens_on: DateString
	deadline: DateString
	created_at: GeneratedTimestamp
	updated_at: GeneratedTimestamp
}

export interface AuditEventTable {
	id: Generated<number>
	occurred_at: GeneratedTimestamp
	actor_user_id: string | null
	action: string
	subject_type: string
	subject_id: string | null
	party_code: string | null
	ip: string | null
	details: Json<Record<string, unknown>>
}

/** A numbered release of runtime code-list data (append-only; see the migration). */
export interface CodeListReleaseTable {
	id: Generated<number>
	list_id: string
	version: number
	events: Json<unknown[]>
	note: string
	recorded_by: string
	recorded_at: GeneratedTimestamp
}

export type ReportStatus = 'draft' | 'submitted' | 'under_review' | 'returned' | 'accepted'

export interface ReportTable {
	id: Generated<string>
	party_code: string
	cycle_id: string
	form_id: string
	form_version: number
	/** SHA-256 of the frozen form version the report was started with (null: made before it was kept). */
	form_sha256: string | null
	status: Generated<ReportStatus>
	revision: Generated<number>
	reopen_requested_at: Timestamp | null
	prefilled_from_report_id: string | null
	migration_report: Json<unknown[] | null> | null
	entered_on_behalf_by: string | null
	created_by: string | null
	created_at: GeneratedTimestamp
	/** Who last wrote the answers, and when (a change of status is a report event). */
	updated_by: string | null
	updated_at: GeneratedTimestamp
}

export interface ReportAnswerTable {
	report_id: string
	question_id: string
	value: Json<unknown>
	revision: number
	updated_by: string | null
	updated_at: GeneratedTimestamp
}

export interface ReportChangeTable {
	id: Generated<number>
	report_id: string
	revision: number
	question_id: string
	old_value: Json<unknown> | null
	new_value: Json<unknown> | null
	source: Generated<string>
	changed_by: string | null
	changed_at: GeneratedTimestamp
}

export type SubmissionState = 'current' | 'recalled' | 'superseded' | 'accepted' | 'returned'

export interface SubmissionTable {
	id: Generated<string>
	report_id: string
	number: number
	report_revision: number
	form_id: string
	form_version: number
	/** SHA-256 of the frozen form version the submission was checked against (null: made before it was kept). */
	form_sha256: string | null
	answers: Json<unknown>
	acknowledgements: Json<unknown[]>
	sha256: string
	state: Generated<SubmissionState>
	submitted_by: string
	submitted_at: GeneratedTimestamp
	on_behalf: Json<unknown> | null
}

export interface ReportEventTable {
	id: Generated<number>
	report_id: string
	action: string
	from_status: string | null
	to_status: string
	actor_id: string | null
	submission_id: string | null
	comment: string | null
	occurred_at: GeneratedTimestamp
}

export interface WarningAcknowledgementTable {
	report_id: string
	issue_key: string
	explanation: string
	acknowledged_by: string | null
	acknowledged_at: GeneratedTimestamp
}

export interface AttachmentTable {
	id: Generated<string>
	report_id: string
	question_id: string
	file_name: string
	content_type: string
	size_bytes: number
	sha256: string
	content: Buffer | Uint8Array
	uploaded_by: string | null
	uploaded_at: GeneratedTimestamp
	deleted_at: Timestamp | null
}

export interface ReportPresenceTable {
	report_id: string
	user_id: string
	section_id: string | null
	last_seen_at: GeneratedTimestamp
}

export type ThreadVisibility = 'shared' | 'secretariat'
export type ThreadStatus = 'open' | 'resolved'

export interface ReviewThreadTable {
	id: Generated<string>
	report_id: string
	question_id: string | null
	row_id: string | null
	visibility: Generated<ThreadVisibility>
	status: Generated<ThreadStatus>
	submission_number: number | null
	created_by: string
	created_at: GeneratedTimestamp
	resolved_by: string | null
	resolved_at: Timestamp | null
}

export interface ReviewMessageTable {
	id: Generated<string>
	thread_id: string
	author_id: string
	body: string
	created_at: GeneratedTimestamp
}

export type ExportJobState = 'queued' | 'running' | 'done' | 'failed'

export interface ExportJobTable {
	id: Generated<string>
	requested_by: string
	cycle_id: string
	format: 'xlsx' | 'csv'
	params: Json<Record<string, unknown>>
	state: Generated<ExportJobState>
	phase: string | null
	progress_done: Generated<number>
	progress_total: Generated<number>
	attempts: Generated<number>
	locked_until: Timestamp | null
	error: string | null
	file_name: string | null
	content_type: string | null
	result: Buffer | Uint8Array | null
	result_bytes: number | null
	created_at: GeneratedTimestamp
	started_at: Timestamp | null
	finished_at: Timestamp | null
	expires_at: GeneratedTimestamp
}

export interface AnswerImportTable {
	id: Generated<string>
	report_id: string
	user_id: string
	file_name: string
	file_sha256: string
	template_mode: string
	base_revision: number
	can_apply: boolean
	changes: Json<unknown[]>
	preview: Json<unknown>
	created_at: GeneratedTimestamp
	applied_at: Timestamp | null
	applied_revision: number | null
}

export type ReuseDecision = 'accepted' | 'refused'

/** What a report's users decided about an answer "report once" offered (see the migration). */
export interface ReuseDecisionTable {
	report_id: string
	offer_id: string
	question_id: string
	source_submission_id: string
	decision: ReuseDecision
	revision: number | null
	decided_by: string | null
	decided_at: GeneratedTimestamp
}

/** The secretariat's decision to publish a cycle on the public portal (see the migration). */
export interface CyclePublicationTable {
	cycle_id: string
	published_from: DateString
	decided_by: string | null
	decided_at: GeneratedTimestamp
}

export interface Database {
	party: PartyTable
	party_convention_status: PartyConventionStatusTable
	app_user: AppUserTable
	user_role: UserRoleTable
	user_party: UserPartyTable
	session: SessionTable
	login_attempt: LoginAttemptTable
	rate_limit_event: RateLimitEventTable
	one_time_token: OneTimeTokenTable
	api_token: ApiTokenTable
	outbox_message: OutboxMessageTable
	reporting_cycle: ReportingCycleTable
	audit_event: AuditEventTable
	code_list_release: CodeListReleaseTable
	report: ReportTable
	report_answer: ReportAnswerTable
	report_change: ReportChangeTable
	submission: SubmissionTable
	report_event: ReportEventTable
	warning_acknowledgement: WarningAcknowledgementTable
	attachment: AttachmentTable
	report_presence: ReportPresenceTable
	export_job: ExportJobTable
	answer_import: AnswerImportTable
	reuse_decision: ReuseDecisionTable
	review_thread: ReviewThreadTable
	review_message: ReviewMessageTable
	cycle_publication: CyclePublicationTable
}

export type PartyRow = Selectable<PartyTable>
export type AppUserRow = Selectable<AppUserTable>
export type NewAppUser = Insertable<AppUserTable>
export type AppUserUpdate = Updateable<AppUserTable>
export type SessionRow = Selectable<SessionTable>
export type ReportingCycleRow = Selectable<ReportingCycleTable>
export type OutboxMessageRow = Selectable<OutboxMessageTable>
export type AuditEventRow = Selectable<AuditEventTable>
