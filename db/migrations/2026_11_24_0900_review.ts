import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('review_thread')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id'))
		.addColumn('question_id', 'text')
		.addColumn('row_id', 'text')
		.addColumn('visibility', 'text', (c) =>
			c
				.notNull()
				.defaultTo('shared')
				.check(sql`visibility in ('shared', 'secretariat')`),
		)
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('open')
				.check(sql`status in ('open', 'resolved')`),
		)
		.addColumn('submission_number', 'integer')
		.addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('resolved_by', 'uuid', (c) => c.references('app_user.id'))
		.addColumn('resolved_at', 'timestamptz')
		.execute()
	await db.schema
		.createIndex('review_thread_report_idx')
		.on('review_thread')
		.columns(['report_id', 'status'])
		.execute()

	await db.schema
		.createTable('review_message')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('thread_id', 'uuid', (c) => c.notNull().references('review_thread.id'))
		.addColumn('author_id', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
	// A report the secretariat enters from a document the country sent: reviewers may edit it.
	await db.schema
		.alterTable('report')
		.addColumn('entered_on_behalf_by', 'uuid', (c) => c.references('app_user.id'))
		.execute()

	await db.schema
		.createIndex('review_message_thread_idx')
		.on('review_message')
		.columns(['thread_id', 'created_at'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('report').dropColumn('entered_on_behalf_by').execute()
	await db.schema.dropTable('review_message').execute()
	await db.schema.dropTable('review_thread').execute()
}
