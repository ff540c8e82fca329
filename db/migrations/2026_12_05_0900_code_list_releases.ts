import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * Dated, numbered releases of runtime code-list data that changes without a code change, starting
 * with the Stockholm depositary record (communications of amendments, Art. 25(4) declarations and
 * deposits, Art. 22(3)(b) notifications). A release is never changed or removed: a correction is a
 * newer release, so every past state can be rebuilt (`version` is consecutive per list).
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('code_list_release')
		.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
		.addColumn('list_id', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
		.addColumn('events', 'jsonb', (c) => c.notNull())
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
		.addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('code_list_release_version_key', ['list_id', 'version'])
		.execute()
	await sql`
		create function forbid_code_list_release_change() returns trigger language plpgsql as $$
		begin
			raise exception 'code_list_release is append-only';
		end;
		$$
	`.execute(db)
	await sql`
		create trigger code_list_release_append_only before update or delete on code_list_release
		for each statement execute function forbid_code_list_release_change()
	`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('code_list_release').execute()
	await sql`drop function forbid_code_list_release_change()`.execute(db)
}
