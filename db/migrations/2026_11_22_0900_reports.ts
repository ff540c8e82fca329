import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('party_code', 'text', (c) => c.notNull().references('party.code'))
		.addColumn('cycle_id', 'uuid', (c) => c.notNull().references('reporting_cycle.id'))
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('form_version', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('draft')
				.check(sql`status in ('draft', 'submitted', 'under_review', 'returned', 'accepted')`),
		)
		.addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('reopen_requested_at', 'timestamptz')
		.addColumn('prefilled_from_report_id', 'uuid', (c) => c.references('report.id'))
		.addColumn('migration_report', 'jsonb')
		.addColumn('created_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('report_party_cycle_key', ['party_code', 'cycle_id'])
		.execute()
	await db.schema
		.createIndex('report_cycle_idx')
		.on('report')
		.columns(['cycle_id', 'status'])
		.execute()

	await db.schema
		.createTable('report_answer')
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('value', 'jsonb', (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('updated_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('report_answer_pkey', ['report_id', 'question_id'])
		.execute()

	await db.schema
		.createTable('report_change')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('old_value', 'jsonb')
		.addColumn('new_value', 'jsonb')
		.addColumn('source', 'text', (c) => c.notNull().defaultTo('editor'))
		.addColumn('changed_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
	await db.schema
		.createIndex('report_change_report_idx')
		.on('report_change')
		.columns(['report_id', 'revision'])
		.execute()
	await db.schema
		.createIndex('report_change_question_idx')
		.on('report_change')
		.columns(['report_id', 'question_id', 'id'])
		.execute()

	await db.schema
		.createTable('submission')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id'))
		.addColumn('number', 'integer', (c) => c.notNull())
		.addColumn('report_revision', 'integer', (c) => c.notNull())
		.addColumn('form_id', 'text', (c) => c.notNull())
		.addColumn('form_version', 'integer', (c) => c.notNull())
		.addColumn('answers', 'jsonb', (c) => c.notNull())
		.addColumn('acknowledgements', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('current')
				.check(sql`state in ('current', 'recalled', 'superseded', 'accepted', 'returned')`),
		)
		.addColumn('submitted_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('submitted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('on_behalf', 'jsonb')
		.addUniqueConstraint('submission_report_number_key', ['report_id', 'number'])
		.execute()
	await sql`
		create function forbid_submission_content_change() returns trigger language plpgsql as $$
		begin
			if new.answers is distinct from old.answers or new.sha256 is distinct from old.sha256
				or new.acknowledgements is distinct from old.acknowledgements
				or new.form_id is distinct from old.form_id or new.form_version is distinct from old.form_version
				or new.submitted_by is distinct from old.submitted_by or new.submitted_at is distinct from old.submitted_at then
				raise exception 'submitted revisions are immutable';
			end if;
			return new;
		end;
		$$
	`.execute(db)
	await sql`
		create trigger submission_immutable before update on submission
		for each row execute function forbid_submission_content_change()
	`.execute(db)
	await sql`
		create trigger submission_no_delete before delete on submission
		for each statement execute function forbid_audit_event_change()
	`.execute(db)

	await db.schema
		.createTable('report_event')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id'))
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('from_status', 'text')
		.addColumn('to_status', 'text', (c) => c.notNull())
		.addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('submission_id', 'uuid', (c) => c.references('submission.id'))
		.addColumn('comment', 'text')
		.addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
	await db.schema
		.createIndex('report_event_report_idx')
		.on('report_event')
		.columns(['report_id', 'id'])
		.execute()

	await db.schema
		.createTable('warning_acknowledgement')
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('issue_key', 'text', (c) => c.notNull())
		.addColumn('explanation', 'text', (c) => c.notNull())
		.addColumn('acknowledged_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('acknowledged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('warning_acknowledgement_pkey', ['report_id', 'issue_key'])
		.execute()

	await db.schema
		.createTable('attachment')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id'))
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('content_type', 'text', (c) => c.notNull())
		.addColumn('size_bytes', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', 'bytea', (c) => c.notNull())
		.addColumn('uploaded_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('deleted_at', 'timestamptz')
		.execute()
	await db.schema
		.createIndex('attachment_report_idx')
		.on('attachment')
		.columns(['report_id', 'question_id'])
		.execute()

	await db.schema
		.createTable('report_presence')
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('section_id', 'text')
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('report_presence_pkey', ['report_id', 'user_id'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const table of [
		'report_presence',
		'attachment',
		'warning_acknowledgement',
		'report_event',
	]) {
		await db.schema.dropTable(table).execute()
	}
	await sql`drop trigger submission_no_delete on submission`.execute(db)
	await db.schema.dropTable('submission').execute()
	await sql`drop function forbid_submission_content_change()`.execute(db)
	for (const table of ['report_change', 'report_answer', 'report']) {
		await db.schema.dropTable(table).execute()
	}
}
