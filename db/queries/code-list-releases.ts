import { sql } from 'kysely'
import { jsonb } from '../json.ts'
import type { DbHandle } from './handle.ts'

/** A numbered release of runtime code-list data, with who recorded it. */
export type CodeListRelease = {
	listId: string
	version: number
	/** As stored; the list's owner validates them (e.g. `RecordedEventSchema`). */
	events: unknown[]
	note: string
	recordedBy: string
	recordedByName: string | null
	recordedAt: Date
}

/** Every release of a list, oldest first. */
export async function listCodeListReleases(
	db: DbHandle,
	listId: string,
): Promise<CodeListRelease[]> {
	const rows = await db
		.selectFrom('code_list_release as r')
		.leftJoin('app_user as u', 'u.id', 'r.recorded_by')
		.where('r.list_id', '=', listId)
		.select([
			'r.list_id',
			'r.version',
			'r.events',
			'r.note',
			'r.recorded_by',
			'r.recorded_at',
			'u.name as recorded_by_name',
		])
		.orderBy('r.version')
		.execute()
	return rows.map((row) => ({
		listId: row.list_id,
		version: row.version,
		events: row.events,
		note: row.note,
		recordedBy: row.recorded_by,
		recordedByName: row.recorded_by_name,
		recordedAt: row.recorded_at,
	}))
}

/**
 * Appends the next release of a list and returns its version. Call it inside a transaction: the
 * transaction lock makes concurrent releases of one list take consecutive versions.
 */
export async function insertCodeListRelease(
	db: DbHandle,
	input: { listId: string; events: unknown[]; note: string; recordedBy: string },
): Promise<number> {
	await sql`select pg_advisory_xact_lock(hashtext(${`code_list_release:${input.listId}`}))`.execute(
		db,
	)
	const latest = await db
		.selectFrom('code_list_release')
		.where('list_id', '=', input.listId)
		.select((eb) => eb.fn.max('version').as('version'))
		.executeTakeFirst()
	const version = Number(latest?.version ?? 0) + 1
	await db
		.insertInto('code_list_release')
		.values({
			list_id: input.listId,
			version,
			events: jsonb(input.events),
			note: input.note,
			recorded_by: input.recordedBy,
		})
		.execute()
	return version
}
