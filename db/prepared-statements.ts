import pg from 'pg'

export type PreparedStatementOptions = {
	/** Uses of the same text before it is prepared, so one-off statements (seeds, imports) never are. */
	threshold: number
	/** Named statements per process, at most: each connection keeps the ones it ran until it closes. */
	limit: number
}

export const DEFAULT_PREPARED_STATEMENTS: PreparedStatementOptions = { threshold: 3, limit: 250 }

/** Distinct texts counted before the counts start again, so counting stays bounded too. */
const COUNTED_TEXTS_LIMIT = 5_000

/**
 * Which statements run as named prepared statements: a parameterised text the process has sent
 * `threshold` times gets a name, first come, up to `limit` names. PostgreSQL then parses and plans
 * it once per connection instead of on every call: the autosave statement (a dozen CTEs) spent
 * about as long being planned as being run. Texts past the limit still run, unprepared.
 *
 * The same idea as pgjdbc's `prepareThreshold` and Npgsql's automatic preparation, without their
 * per-connection eviction, which node-postgres has no public way to do (a statement stays prepared
 * until its connection closes; the pool closes idle ones). Statements without parameters run on
 * the simple protocol as before: `begin`, `commit`, DDL.
 */
export function statementNamer(options: PreparedStatementOptions) {
	const names = new Map<string, string>()
	const uses = new Map<string, number>()
	return (text: string): string | undefined => {
		const name = names.get(text)
		if (name !== undefined || names.size >= options.limit) return name
		const count = (uses.get(text) ?? 0) + 1
		if (count < options.threshold) {
			if (uses.size >= COUNTED_TEXTS_LIMIT) uses.clear()
			uses.set(text, count)
			return undefined
		}
		uses.delete(text)
		const assigned = `chemrep_${names.size + 1}`
		names.set(text, assigned)
		return assigned
	}
}

/**
 * A pg `Client` class for `pg.Pool({ Client })` that sends the statements `nameOf` names as named
 * prepared statements. Only `query(text, values)` is affected, the call kysely makes; cursors,
 * configs and callbacks pass through unchanged.
 */
export function preparingClient(nameOf: (text: string) => string | undefined) {
	return class PreparingClient extends pg.Client {
		override query: pg.Client['query'] = ((...args: unknown[]) => {
			const [text, values] = args
			const name =
				args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0
					? nameOf(text)
					: undefined
			const run = super.query.bind(this) as (...call: unknown[]) => unknown
			return name === undefined ? run(...args) : run({ name, text, values })
		}) as pg.Client['query']
	}
}
