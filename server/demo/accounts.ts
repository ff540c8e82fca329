import { sql } from 'kysely'
import { hashPassword } from '#app/utils/password.server.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { revokeUserSessions } from '#db/queries/sessions.ts'
import { findUserByEmail, insertUser } from '#db/queries/users.ts'
import type { Role } from '#db/types.ts'

/** Published in the README: demo accounts must never be usable on a real system. */
export const DEMO_PASSWORD = 'demo-password-2026'

/** Every demo account, those of DEMO_ACCOUNTS and the demo reports' contact points, uses it. */
export const DEMO_EMAIL_DOMAIN = 'demo.example.org'

export type DemoAccount = { email: string; name: string; roles: Role[]; partyCodes: string[] }

export const DEMO_ACCOUNTS: DemoAccount[] = [
	{ email: 'admin@demo.example.org', name: 'Ada Admin', roles: ['admin'], partyCodes: [] },
	{
		email: 'reviewer@demo.example.org',
		name: 'Rafael Reviewer',
		roles: ['reviewer'],
		partyCodes: [],
	},
	{ email: 'analyst@demo.example.org', name: 'Ana Analyst', roles: ['analyst'], partyCodes: [] },
	{
		email: 'ocp.kenya@demo.example.org',
		name: 'Wanjiru Kamau',
		roles: ['contact_point'],
		partyCodes: ['KEN'],
	},
	{
		email: 'contributor.kenya@demo.example.org',
		name: 'Otieno Odhiambo',
		roles: ['contributor'],
		partyCodes: ['KEN'],
	},
	{
		email: 'ocp.india@demo.example.org',
		name: 'Priya Sharma',
		roles: ['contact_point'],
		partyCodes: ['IND'],
	},
	{
		email: 'contributor.india@demo.example.org',
		name: 'Arjun Mehta',
		roles: ['contributor'],
		partyCodes: ['IND'],
	},
]

/** Creates the demo accounts that do not exist yet. Idempotent. */
export async function seedDemoAccounts(db: DbHandle) {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	for (const account of DEMO_ACCOUNTS) {
		if (await findUserByEmail(db, account.email)) continue
		await insertUser(db, { ...account, passwordHash })
	}
}

export function formatDemoAccounts() {
	const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length))
	const lines = DEMO_ACCOUNTS.map(
		(a) =>
			`  ${a.email.padEnd(width)}  ${a.roles.join(', ')}${a.partyCodes.length ? ` (${a.partyCodes.join(', ')})` : ''}`,
	)
	return [`Demo accounts (password for all: ${DEMO_PASSWORD}):`, ...lines].join('\n')
}

/** Demo accounts that could sign in (active, with a password): emails, sorted. */
export async function usableDemoAccounts(db: DbHandle): Promise<string[]> {
	const rows = await db
		.selectFrom('app_user')
		.where(sql<string>`lower(email)`, 'like', `%@${DEMO_EMAIL_DOMAIN}`)
		.where('is_active', '=', true)
		.where('password_hash', 'is not', null)
		.select('email')
		.orderBy('email')
		.execute()
	return rows.map((r) => r.email)
}

/**
 * Makes every demo account unusable: deactivated, password removed, sessions revoked. Their rows
 * stay, since reports and the audit log refer to them. Returns the emails disabled.
 */
export async function disableDemoAccounts(db: DbHandle): Promise<string[]> {
	const rows = await db
		.updateTable('app_user')
		.set({ is_active: false, password_hash: null })
		.where(sql<string>`lower(email)`, 'like', `%@${DEMO_EMAIL_DOMAIN}`)
		.where((eb) => eb.or([eb('is_active', '=', true), eb('password_hash', 'is not', null)]))
		.returning(['id', 'email'])
		.execute()
	for (const row of rows) await revokeUserSessions(db, row.id, 'demo_disabled')
	return rows.map((r) => r.email).sort()
}
