import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../types.ts'

/** Every query function takes this first: the database or an open transaction. */
export type DbHandle = Kysely<Database> | Transaction<Database>
