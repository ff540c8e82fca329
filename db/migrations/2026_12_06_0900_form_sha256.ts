import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

const SHA256_HEX = sql`form_sha256 ~ '^[0-9a-f]{64}$'`

/**
 * The SHA-256 of the frozen form version (forms/published, docs/decisions/011) a report was
 * started with and a submission was checked against. Null on rows made before it was recorded.
 * A submission's form hash is as immutable as the rest of its content.
 */
export async function up(db: Kysely<any>): Promise<void> {
	for (const table of ['report', 'submission']) {
		await db.schema
			.alterTable(table)
			.addColumn('form_sha256', 'text', (c) => c.check(SHA256_HEX))
			.execute()
	}
	await sql`
		create or replace function forbid_submission_content_change() returns trigger language plpgsql as $$
		begin
			if new.answers is distinct from old.answers or new.sha256 is distinct from old.sha256
				or new.acknowledgements is distinct from old.acknowledgements
				or new.form_id is distinct from old.form_id or new.form_version is distinct from old.form_version
				or new.form_sha256 is distinct from old.form_sha256
				or new.submitted_by is distinct from old.submitted_by or new.submitted_at is distinct from old.submitted_at then
				raise exception 'submitted revisions are immutable';
			end if;
			return new;
		end;
		$$
	`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
		create or replace function forbid_submission_content_change() returns trigger language plpgsql as $$
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
	for (const table of ['submission', 'report']) {
		await db.schema.alterTable(table).dropColumn('form_sha256').execute()
	}
}
