import { sql } from 'kysely'
import type { OutboxStatus } from '../types.ts'
import type { DbHandle } from './handle.ts'

export type NewOutboxMessage = {
	to: string
	subject: string
	bodyText: string
	kind: string
	/** When set, a second message with the same key is silently not queued (idempotent notifications). */
	dedupeKey?: string
}

export async function enqueueMessage(db: DbHandle, message: NewOutboxMessage) {
	const row = await db
		.insertInto('outbox_message')
		.values({
			to_address: message.to,
			subject: message.subject,
			body_text: message.bodyText,
			kind: message.kind,
			dedupe_key: message.dedupeKey ?? null,
		})
		.onConflict((oc) => oc.column('dedupe_key').doNothing())
		.returning('id')
		.executeTakeFirst()
	return row?.id
}

const MESSAGE_COLUMNS = [
	'id',
	'to_address as toAddress',
	'subject',
	'kind',
	'status',
	'attempts',
	'created_at as createdAt',
	'sent_at as sentAt',
	'last_error as lastError',
] as const

export async function listOutbox(
	db: DbHandle,
	filter: { status?: OutboxStatus; to?: string; limit?: number; offset?: number } = {},
) {
	return db
		.selectFrom('outbox_message')
		.$if(Boolean(filter.status), (qb) => qb.where('status', '=', filter.status!))
		.$if(Boolean(filter.to), (qb) => qb.where('to_address', 'ilike', `%${filter.to!}%`))
		.select(MESSAGE_COLUMNS)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.limit(filter.limit ?? 100)
		.offset(filter.offset ?? 0)
		.execute()
}

export async function findOutboxMessage(db: DbHandle, id: string) {
	return db
		.selectFrom('outbox_message')
		.select([...MESSAGE_COLUMNS, 'body_text as bodyText'])
		.where('id', '=', id)
		.executeTakeFirst()
}

/**
 * Leases up to `limit` queued messages for five minutes. `skip locked` and the lease let several
 * app instances deliver in parallel without sending a message twice; the SMTP call happens after
 * this statement commits, so no transaction stays open while mail is sent.
 */
export async function leaseQueuedMessages(db: DbHandle, limit: number) {
	return db
		.updateTable('outbox_message')
		.set({ locked_until: sql`now() + interval '5 minutes'` })
		.where('id', 'in', (eb) =>
			eb
				.selectFrom('outbox_message')
				.where('status', '=', 'queued')
				.where((w) =>
					w.or([w('locked_until', 'is', null), w('locked_until', '<', sql<Date>`now()`)]),
				)
				.select('id')
				.orderBy('created_at')
				.limit(limit)
				.forUpdate()
				.skipLocked(),
		)
		.returning(['id', 'to_address as toAddress', 'subject', 'body_text as bodyText'])
		.execute()
}

export async function markMessageSent(db: DbHandle, id: string) {
	await db
		.updateTable('outbox_message')
		.set({
			status: 'sent',
			sent_at: sql`now()`,
			attempts: sql`attempts + 1`,
			last_error: null,
			locked_until: null,
		})
		.where('id', '=', id)
		.execute()
}

export async function markMessageFailed(db: DbHandle, id: string, error: string) {
	await db
		.updateTable('outbox_message')
		.set((eb) => ({
			attempts: sql`attempts + 1`,
			last_error: error.slice(0, 1000),
			locked_until: null,
			status: eb
				.case()
				.when('attempts', '>=', 4)
				.then('failed' as OutboxStatus)
				.else('queued' as OutboxStatus)
				.end(),
		}))
		.where('id', '=', id)
		.execute()
}

/** Which of `keys` are already queued (in batches, however many there are). */
export async function queuedDedupeKeys(db: DbHandle, keys: string[]): Promise<Set<string>> {
	const found = new Set<string>()
	for (let start = 0; start < keys.length; start += 1000) {
		const rows = await db
			.selectFrom('outbox_message')
			.where('dedupe_key', 'in', keys.slice(start, start + 1000))
			.select('dedupe_key')
			.execute()
		for (const row of rows) if (row.dedupe_key) found.add(row.dedupe_key)
	}
	return found
}
