import type { PGlite } from '@electric-sql/pglite'
import {
	CompiledQuery,
	PostgresAdapter,
	PostgresIntrospector,
	PostgresQueryCompiler,
	type DatabaseConnection,
	type Dialect,
	type Driver,
	type Kysely,
	type QueryCompiler,
	type QueryResult,
	type TransactionSettings,
} from 'kysely'

/**
 * Kysely dialect for embedded PGlite.
 *
 * PGlite has exactly one connection, so the driver hands that connection out behind a FIFO mutex:
 * a transaction owns it from `begin` to `commit`/`rollback`, and every other query waits its turn.
 * That serialises transactions the way row locks would on PostgreSQL. Using the outer `db` instead
 * of `trx` inside a transaction would wait for itself forever — always use `trx`.
 */
export class PGliteDialect implements Dialect {
	readonly #pglite: () => Promise<PGlite>

	constructor(pglite: () => Promise<PGlite>) {
		this.#pglite = pglite
	}

	createAdapter() {
		return new PostgresAdapter()
	}
	createDriver(): Driver {
		return new PGliteDriver(this.#pglite)
	}
	createQueryCompiler(): QueryCompiler {
		return new PostgresQueryCompiler()
	}
	createIntrospector(db: Kysely<unknown>) {
		return new PostgresIntrospector(db)
	}
}

class Mutex {
	#tail: Promise<void> = Promise.resolve()

	lock(): Promise<() => void> {
		let release!: () => void
		const next = new Promise<void>((resolve) => (release = resolve))
		const acquired = this.#tail.then(() => release)
		this.#tail = this.#tail.then(() => next)
		return acquired
	}
}

class PGliteDriver implements Driver {
	readonly #open: () => Promise<PGlite>
	readonly #mutex = new Mutex()
	#pglite: PGlite | undefined
	#connection: PGliteConnection | undefined
	#release: (() => void) | undefined

	constructor(open: () => Promise<PGlite>) {
		this.#open = open
	}

	async init() {
		this.#pglite = await this.#open()
		this.#connection = new PGliteConnection(this.#pglite)
	}

	async acquireConnection(): Promise<DatabaseConnection> {
		const release = await this.#mutex.lock()
		this.#release = release
		return this.#connection!
	}

	async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
		const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : ''
		await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}`))
	}
	async commitTransaction(connection: DatabaseConnection) {
		await connection.executeQuery(CompiledQuery.raw('commit'))
	}
	async rollbackTransaction(connection: DatabaseConnection) {
		await connection.executeQuery(CompiledQuery.raw('rollback'))
	}
	async savepoint(connection: DatabaseConnection, name: string) {
		await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteIdentifier(name)}`))
	}
	async rollbackToSavepoint(connection: DatabaseConnection, name: string) {
		await connection.executeQuery(
			CompiledQuery.raw(`rollback to savepoint ${quoteIdentifier(name)}`),
		)
	}
	async releaseSavepoint(connection: DatabaseConnection, name: string) {
		await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoteIdentifier(name)}`))
	}

	async releaseConnection() {
		const release = this.#release
		this.#release = undefined
		release?.()
	}

	async destroy() {
		const release = await this.#mutex.lock()
		try {
			if (this.#pglite && !this.#pglite.closed) await this.#pglite.close()
		} finally {
			release()
		}
	}
}

function quoteIdentifier(name: string) {
	return `"${name.replaceAll('"', '""')}"`
}

class PGliteConnection implements DatabaseConnection {
	readonly #pglite: PGlite

	constructor(pglite: PGlite) {
		this.#pglite = pglite
	}

	async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
		const result = await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters], {
			rowMode: 'object',
		})
		const affected = result.affectedRows
		return {
			rows: result.rows,
			...(affected !== undefined ? { numAffectedRows: BigInt(affected) } : {}),
		}
	}

	// eslint-disable-next-line require-yield
	async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
		throw new Error('PGlite does not support streaming queries')
	}
}
