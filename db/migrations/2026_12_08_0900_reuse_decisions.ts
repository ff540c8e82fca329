import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * What a report's users decided about each answer "report once" offered them (docs/decisions/014):
 * accepted (the answer was written, its history names the source) or refused (not offered again).
 * `offer_id` names the target question, the source submission and the source question;
 * `revision` is the report revision an accepted answer was written at (what the history shows).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('reuse_decision')
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('offer_id', 'text', (c) => c.notNull())
		.addColumn('question_id', 'text', (c) => c.notNull())
		.addColumn('source_submission_id', 'uuid', (c) =>
			c.notNull().references('submission.id').onDelete('cascade'),
		)
		.addColumn('decision', 'text', (c) =>
			c.notNull().check(sql`decision in ('accepted', 'refused')`),
		)
		.addColumn('revision', 'integer')
		.addColumn('decided_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addPrimaryKeyConstraint('reuse_decision_pkey', ['report_id', 'offer_id'])
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('reuse_decision').execute()
}
