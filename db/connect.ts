import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect.ts'
import {
	DEFAULT_PREPARED_STATEMENTS,
	preparingClient,
	statementNamer,
} from './prepared-statements.ts'
import type { Database } from './types.ts'

const INT8 = 20
const DATE = 1082

export type DatabaseTarget =
	| {
			kind: 'postgres'
			url: string
			poolSize?: number
			/** Repeated statements as named prepared statements (default on; see prepared-statements.ts). */
			preparedStatements?: boolean
	  }
	| { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }

export const DEFAULT_PGLITE_DIR = path.resolve('.data/pglite')

/** `DATABASE_URL` set → PostgreSQL pool; unset → embedded PGlite persisted under `.data/`. */
export function targetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
	if (env.DATABASE_URL) {
		return {
			kind: 'postgres',
			url: env.DATABASE_URL,
			poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined,
			preparedStatements: env.DATABASE_PREPARED_STATEMENTS !== 'off',
		}
	}
	return {
		kind: 'pglite',
		dataDir: env.PGLITE_DIR ? path.resolve(env.PGLITE_DIR) : DEFAULT_PGLITE_DIR,
	}
}

/**
 * Both drivers are normalised to the same JS types: int8 → number (counts and ids stay far below
 * 2^53), date → 'YYYY-MM-DD' string, timestamptz → Date.
 */
export function createDatabase(target: DatabaseTarget): Kysely<Database> {
	if (target.kind === 'postgres') {
		const pool = new pg.Pool({
			connectionString: target.url,
			max: target.poolSize ?? 10,
			// Repeated statements are planned once per connection (see prepared-statements.ts).
			Client:
				target.preparedStatements === false
					? pg.Client
					: preparingClient(statementNamer(DEFAULT_PREPARED_STATEMENTS)),
			types: {
				getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
					if (oid === INT8) return (value: string) => Number(value)
					if (oid === DATE) return (value: string) => value
					return pg.types.getTypeParser(oid, format)
				}) as typeof pg.types.getTypeParser,
			},
		})
		// An idle connection the server closed (restart, failover, admin) must not crash the process:
		// the pool drops it and opens a new one on the next query.
		pool.on('error', (error) => {
			console.warn(`database: idle connection closed (${error.message})`)
		})
		// Nor one closed while a request holds it between two statements (of a transaction): the
		// client would emit 'error' with no listener, which ends the process. Handled here, the
		// next statement fails instead, the request answers 500 (nothing committed), and the pool
		// drops the connection when it is released.
		pool.on('connect', (client) => {
			client.on('error', () => {})
		})
		return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
	}
	return new Kysely<Database>({
		dialect: new PGliteDialect(async () => {
			if (target.dataDir) mkdirSync(target.dataDir, { recursive: true })
			return PGlite.create({
				dataDir: target.dataDir,
				loadDataDir: target.loadDataDir,
				parsers: {
					[INT8]: (value: string) => Number(value),
					[DATE]: (value: string) => value,
				},
			})
		}),
	})
}
