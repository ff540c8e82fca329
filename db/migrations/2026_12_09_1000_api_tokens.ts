import { sql, type Kysely } from 'kysely'

// Frozen: never import app code here, never edit after it has shipped.

/**
 * Personal API tokens (docs/decisions/015): a user's bearer credentials for `/api/v1`. Only the
 * SHA-256 of the token is kept (`token_hash`); `token_prefix` is its first characters, shown on
 * the account page so the holder can tell tokens apart. `scopes` is a JSON array of scope names.
 * A token stops working at `expires_at` or once `revoked_at` is set; `last_used_at` is written
 * (at most once a minute) when it is used.
 */
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('api_token')
		.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
		.addColumn('user_id', 'uuid', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('token_hash', 'text', (c) => c.notNull().unique())
		.addColumn('token_prefix', 'text', (c) => c.notNull())
		.addColumn('scopes', 'jsonb', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('last_used_at', 'timestamptz')
		.addColumn('last_used_ip', 'text')
		.addColumn('revoked_at', 'timestamptz')
		.execute()
	await db.schema.createIndex('api_token_user_idx').on('api_token').column('user_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('api_token').execute()
}
