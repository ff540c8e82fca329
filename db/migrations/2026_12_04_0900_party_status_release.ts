import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * Party status from a dated, sourced release instead of demo data: the dates of signature, of
 * the instrument of consent and of entry into force, the kind of instrument, and the release a
 * row comes from (null: entered by an administrator, kept over later releases). The demo rows go;
 * the reference seed writes the release in their place.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('party_convention_status')
		.addColumn('signed_on', 'date')
		.addColumn('consented_on', 'date')
		.addColumn('instrument', 'text', (c) =>
			c.check(
				sql`instrument in ('ratification', 'acceptance', 'approval', 'accession', 'succession')`,
			),
		)
		.addColumn('in_force_on', 'date')
		.addColumn('release', 'text')
		.execute()
	await db.deleteFrom('party_convention_status').where('is_demo', '=', true).execute()
	await db.schema.alterTable('party_convention_status').dropColumn('is_demo').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('party_convention_status')
		.addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute()
	await db.schema
		.alterTable('party_convention_status')
		.dropColumn('release')
		.dropColumn('in_force_on')
		.dropColumn('instrument')
		.dropColumn('consented_on')
		.dropColumn('signed_on')
		.execute()
}
