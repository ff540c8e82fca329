import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * The secretariat's decision to publish a reporting cycle on the public portal (issue 16): one row
 * per published cycle, with the first day (UTC) the cycle, its Parties' reporting status and its
 * accepted reports are public. No row: the cycle is not published. Who decided and when is kept
 * here and in the audit log, which also keeps earlier decisions (a withdrawn publication deletes
 * the row).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('cycle_publication')
		.addColumn('cycle_id', 'uuid', (c) =>
			c.primaryKey().references('reporting_cycle.id').onDelete('cascade'),
		)
		.addColumn('published_from', 'date', (c) => c.notNull())
		.addColumn('decided_by', 'uuid', (c) => c.references('app_user.id').onDelete('set null'))
		.addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('cycle_publication').execute()
}
