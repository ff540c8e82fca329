import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * Requests counted against a rate limit other than sign-in failures (those stay in login_attempt):
 * e.g. password-reset emails per address and per email address.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('rate_limit_event')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('bucket', 'text', (c) => c.notNull())
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
	await db.schema
		.createIndex('rate_limit_event_bucket_key_idx')
		.on('rate_limit_event')
		.columns(['bucket', 'key', 'occurred_at'])
		.execute()
	await db.schema
		.createIndex('rate_limit_event_occurred_at_idx')
		.on('rate_limit_event')
		.column('occurred_at')
		.execute()
	await db.schema
		.createIndex('login_attempt_attempted_at_idx')
		.on('login_attempt')
		.column('attempted_at')
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('login_attempt_attempted_at_idx').execute()
	await db.schema.dropTable('rate_limit_event').execute()
}
