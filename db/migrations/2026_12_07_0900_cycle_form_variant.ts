import type { Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * The variant of its form a cycle asks (`FormDefinition.variants`, e.g. the Minamata short
 * report): null for cycles of forms without variants.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('reporting_cycle').addColumn('form_variant', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('reporting_cycle').dropColumn('form_variant').execute()
}
