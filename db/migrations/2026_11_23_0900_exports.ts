import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('export_job')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('requested_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('cycle_id', 'uuid', (c) => c.notNull().references('reporting_cycle.id'))
		.addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('xlsx', 'csv')`))
		.addColumn('params', 'jsonb', (c) => c.notNull())
		.addColumn('state', 'text', (c) =>
			c
				.notNull()
				.defaultTo('queued')
				.check(sql`state in ('queued', 'running', 'done', 'failed')`),
		)
		.addColumn('phase', 'text')
		.addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('locked_until', 'timestamptz')
		.addColumn('error', 'text')
		.addColumn('file_name', 'text')
		.addColumn('content_type', 'text')
		.addColumn('result', 'bytea')
		.addColumn('result_bytes', 'integer')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('started_at', 'timestamptz')
		.addColumn('finished_at', 'timestamptz')
		.addColumn('expires_at', 'timestamptz', (c) =>
			c.notNull().defaultTo(sql`now() + interval '1 day'`),
		)
		.execute()
	await db.schema
		.createIndex('export_job_state_idx')
		.on('export_job')
		.columns(['state', 'created_at'])
		.execute()
	await db.schema
		.createIndex('export_job_requested_by_idx')
		.on('export_job')
		.columns(['requested_by', 'created_at'])
		.execute()

	await db.schema
		.createTable('answer_import')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('file_sha256', 'text', (c) => c.notNull())
		.addColumn('template_mode', 'text', (c) => c.notNull())
		.addColumn('base_revision', 'integer', (c) => c.notNull())
		.addColumn('can_apply', 'boolean', (c) => c.notNull())
		.addColumn('changes', 'jsonb', (c) => c.notNull())
		.addColumn('preview', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('applied_at', 'timestamptz')
		.addColumn('applied_revision', 'integer')
		.execute()
	await db.schema
		.createIndex('answer_import_report_idx')
		.on('answer_import')
		.columns(['report_id', 'created_at'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('answer_import').execute()
	await db.schema.dropTable('export_job').execute()
}
