import { sql } from 'kysely'
import type { DbHandle } from './handle.ts'

const COUNTED = {
	users: 'app_user',
	parties: 'party',
	cycles: 'reporting_cycle',
	messages: 'outbox_message',
} as const

/** How many users, Parties, reporting cycles and emails the system holds (administration home). */
export async function countRecords(db: DbHandle): Promise<Record<keyof typeof COUNTED, number>> {
	const entries = await Promise.all(
		Object.entries(COUNTED).map(async ([key, table]) => {
			const row = await db
				.selectFrom(table)
				.select(sql<number>`count(*)`.as('n'))
				.executeTakeFirstOrThrow()
			return [key, Number(row.n)] as const
		}),
	)
	return Object.fromEntries(entries) as Record<keyof typeof COUNTED, number>
}
