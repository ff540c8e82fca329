import { hashPassword } from '#app/utils/password.server.ts'
import type { DbHandle } from '../queries/handle.ts'
import { findUserByEmail, insertUser } from '../queries/users.ts'
import type { Role } from '../types.ts'

export const DEMO_PASSWORD = 'demo-password-2026'

/** Two demo countries: Kenya and India (India is on the DDT register, so the DDT demo fits). */
export const DEMO_PARTIES = ['KEN', 'IND'] as const

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
