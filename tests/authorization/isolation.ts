import { sql, type ControlledTransaction, type Kysely } from 'kysely'
import type { Database } from '#db/types.ts'

/** The suite's own table: what the app wrote, row by row (never one of the app's tables). */
const CHANGE_LOG = 'matrix_change'

/**
 * Records every row the app inserts, deletes or really changes (an update to identical values is
 * not a change), in every table of the schema, into `matrix_change`. Test databases only: the log
 * is how a cell proves it wrote nothing, or wrote where it had to.
 */
export async function installChangeLog(db: Kysely<Database>) {
	await sql`
		create table ${sql.id(CHANGE_LOG)} (table_name text not null, operation text not null)
	`.execute(db)
	await sql`
		create function matrix_record_change() returns trigger language plpgsql as $$
		begin
			insert into ${sql.id(CHANGE_LOG)} (table_name, operation) values (tg_table_name, tg_op);
			return null;
		end
		$$
	`.execute(db)
	const { rows } = await sql<{ table_name: string }>`
		select table_name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE'
			and table_name <> ${CHANGE_LOG} and table_name not like 'kysely_%'
	`.execute(db)
	for (const { table_name: table } of rows) {
		await sql`
			create trigger matrix_change_rows after insert or delete on ${sql.id(table)}
			for each row execute function matrix_record_change()
		`.execute(db)
		await sql`
			create trigger matrix_change_updates after update on ${sql.id(table)}
			for each row when (old.* is distinct from new.*) execute function matrix_record_change()
		`.execute(db)
	}
}

/**
 * What a cell wrote: table name → rows inserted, updated or deleted; 'unknown' when a statement
 * failed outside any transaction of the app's and left the cell's transaction aborted.
 */
export type Changes = Record<string, number> | 'unknown'

let savepoints = 0

/**
 * The handle a cell's loader or action gets: everything runs in the cell's transaction, and the
 * app's own transactions become savepoints inside it (committing or rolling back as they would).
 */
function savepointing(trx: ControlledTransaction<Database>): Kysely<Database> {
	const transaction = () => {
		const builder = {
			setIsolationLevel: () => builder,
			setAccessMode: () => builder,
			execute: async <T>(work: (inner: Kysely<Database>) => Promise<T>): Promise<T> => {
				const name = sql.id(`app_${++savepoints}`)
				await sql`savepoint ${name}`.execute(trx)
				try {
					const result = await work(handle)
					await sql`release savepoint ${name}`.execute(trx)
					return result
				} catch (error) {
					await sql`rollback to savepoint ${name}`.execute(trx)
					throw error
				}
			},
		}
		return builder
	}
	const handle: Kysely<Database> = new Proxy(trx, {
		get(target, property, receiver) {
			if (property === 'transaction') return transaction
			const value = Reflect.get(target, property, receiver) as unknown
			return typeof value === 'function' ? value.bind(target) : value
		},
	}) as unknown as Kysely<Database>
	return handle
}

/**
 * Runs `work` against a handle whose writes are all rolled back afterwards, so every cell of the
 * matrix starts from the same fixtures, and returns what it wrote (from the change log).
 */
export async function isolated<T>(
	db: Kysely<Database>,
	work: (db: Kysely<Database>) => Promise<T>,
): Promise<{ value: T; changes: Changes }> {
	const trx = await db.startTransaction().execute()
	try {
		const value = await work(savepointing(trx))
		const changes: Changes = await sql<{ table_name: string; n: number }>`
			select table_name, count(*)::int as n from ${sql.id(CHANGE_LOG)} group by table_name
		`
			.execute(trx)
			.then(
				({ rows }) => Object.fromEntries(rows.map((r) => [r.table_name, r.n])),
				() => 'unknown' as const,
			)
		return { value, changes }
	} finally {
		await trx.rollback().execute()
	}
}
