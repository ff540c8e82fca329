import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('party')
		.addColumn('code', 'text', (c) => c.primaryKey())
		.addColumn('alpha2', 'text', (c) => c.notNull().unique())
		.addColumn('m49', 'text')
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('regional_group', 'text', (c) =>
			c.check(
				sql`regional_group in ('africa', 'asia_pacific', 'eastern_europe', 'latin_america_caribbean', 'weog')`,
			),
		)
		.addColumn('names', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()

	await db.schema
		.createTable('app_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('password_hash', 'text')
		.addColumn('preferred_language', 'text', (c) => c.notNull().defaultTo('en'))
		.addColumn('reminder_emails', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('is_active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
	await sql`create unique index app_user_email_key on app_user (lower(email))`.execute(db)

	await db.schema
		.createTable('party_convention_status')
		.addColumn('party_code', 'text', (c) => c.notNull().references('party.code'))
		.addColumn('convention', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(sql`status in ('party', 'signatory', 'non_party')`),
		)
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('note', 'text')
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.addPrimaryKeyConstraint('party_convention_status_pkey', ['party_code', 'convention'])
		.execute()

	await db.schema
		.createTable('user_role')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('role', 'text', (c) =>
			c
				.notNull()
				.check(sql`role in ('contributor', 'contact_point', 'reviewer', 'analyst', 'admin')`),
		)
		.addPrimaryKeyConstraint('user_role_pkey', ['user_id', 'role'])
		.execute()

	await db.schema
		.createTable('user_party')
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('party_code', 'text', (c) => c.notNull().references('party.code'))
		.addPrimaryKeyConstraint('user_party_pkey', ['user_id', 'party_code'])
		.execute()
	await db.schema
		.createIndex('user_party_party_idx')
		.on('user_party')
		.column('party_code')
		.execute()

	await db.schema
		.createTable('session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('revoked_at', 'timestamptz')
		.addColumn('revoked_reason', 'text')
		.addColumn('ip', 'text')
		.addColumn('user_agent', 'text')
		.execute()
	await db.schema.createIndex('session_user_idx').on('session').column('user_id').execute()

	await db.schema
		.createTable('login_attempt')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('email', 'text', (c) => c.notNull())
		.addColumn('ip', 'text', (c) => c.notNull())
		.addColumn('succeeded', 'boolean', (c) => c.notNull())
		.addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
	await db.schema
		.createIndex('login_attempt_email_idx')
		.on('login_attempt')
		.columns(['email', 'attempted_at'])
		.execute()
	await db.schema
		.createIndex('login_attempt_ip_idx')
		.on('login_attempt')
		.columns(['ip', 'attempted_at'])
		.execute()

	await db.schema
		.createTable('one_time_token')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(sql`purpose in ('invitation', 'password_reset')`),
		)
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.execute()

	await db.schema
		.createTable('outbox_message')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('to_address', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('body_text', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('dedupe_key', 'text', (c) => c.unique())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`status in ('queued', 'sent', 'failed')`),
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', 'timestamptz')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('sent_at', 'timestamptz')
		.execute()
	await db.schema
		.createIndex('outbox_message_status_idx')
		.on('outbox_message')
		.columns(['status', 'created_at'])
		.execute()

	await db.schema
		.createTable('reporting_cycle')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('code', 'text', (c) => c.notNull().unique())
		.addColumn('convention', 'text', (c) => c.notNull())
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('form_version', 'integer', (c) => c.notNull())
		.addColumn('title', 'jsonb', (c) => c.notNull())
		.addColumn('period_start', 'date', (c) => c.notNull())
		.addColumn('period_end', 'date', (c) => c.notNull())
		.addColumn('opens_on', 'date', (c) => c.notNull())
		.addColumn('deadline', 'date', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('reporting_cycle_period_check', sql`period_start <= period_end`)
		.addCheckConstraint('reporting_cycle_deadline_check', sql`opens_on <= deadline`)
		.execute()

	await db.schema
		.createTable('audit_event')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor_user_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('subject_type', 'text', (c) => c.notNull())
		.addColumn('subject_id', 'text')
		.addColumn('party_code', 'text')
		.addColumn('ip', 'text')
		.addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.execute()
	await db.schema
		.createIndex('audit_event_subject_idx')
		.on('audit_event')
		.columns(['subject_type', 'subject_id'])
		.execute()
	await sql`
		create function forbid_audit_event_change() returns trigger language plpgsql as $$
		begin
			raise exception 'audit_event is append-only';
		end;
		$$
	`.execute(db)
	await sql`
		create trigger audit_event_append_only before update or delete on audit_event
		for each statement execute function forbid_audit_event_change()
	`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_event').execute()
	await sql`drop function forbid_audit_event_change()`.execute(db)
	for (const table of [
		'reporting_cycle',
		'outbox_message',
		'one_time_token',
		'login_attempt',
		'session',
		'user_party',
		'user_role',
		'party_convention_status',
		'app_user',
		'party',
	]) {
		await db.schema.dropTable(table).execute()
	}
}
