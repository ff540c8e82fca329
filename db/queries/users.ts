import { sql } from 'kysely'
import type { Language } from '#forms/vocabulary.ts'
import type { Role } from '../types.ts'
import type { DbHandle } from './handle.ts'

export type UserSummary = {
	id: string
	email: string
	name: string
	isActive: boolean
	hasPassword: boolean
	preferredLanguage: Language
	reminderEmails: boolean
	roles: Role[]
	partyCodes: string[]
	createdAt: Date
}

export type UserWithPassword = UserSummary & { passwordHash: string | null }

function userColumns(db: DbHandle) {
	return db.selectFrom('app_user as u').select((eb) => [
		'u.id',
		'u.email',
		'u.name',
		'u.is_active',
		'u.password_hash',
		'u.preferred_language',
		'u.reminder_emails',
		'u.created_at',
		eb
			.selectFrom('user_role as r')
			.whereRef('r.user_id', '=', 'u.id')
			.select(sql<Role[]>`coalesce(array_agg(r.role order by r.role), '{}')`.as('roles'))
			.as('roles'),
		eb
			.selectFrom('user_party as p')
			.whereRef('p.user_id', '=', 'u.id')
			.select(
				sql<string[]>`coalesce(array_agg(p.party_code order by p.party_code), '{}')`.as('parties'),
			)
			.as('party_codes'),
	])
}

type UserRowWithRelations = {
	id: string
	email: string
	name: string
	is_active: boolean
	password_hash: string | null
	preferred_language: Language
	reminder_emails: boolean
	created_at: Date
	roles: Role[] | null
	party_codes: string[] | null
}

function toUser(row: UserRowWithRelations): UserWithPassword {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		isActive: row.is_active,
		hasPassword: row.password_hash !== null,
		passwordHash: row.password_hash,
		preferredLanguage: row.preferred_language,
		reminderEmails: row.reminder_emails,
		roles: row.roles ?? [],
		partyCodes: row.party_codes ?? [],
		createdAt: row.created_at,
	}
}

function withoutPassword({ passwordHash: _, ...user }: UserWithPassword): UserSummary {
	return user
}

export async function findUserByEmail(db: DbHandle, email: string) {
	const row = await userColumns(db)
		.where(sql`lower(u.email)`, '=', email.trim().toLowerCase())
		.executeTakeFirst()
	return row ? toUser(row) : undefined
}

export async function findUserById(db: DbHandle, id: string): Promise<UserSummary | undefined> {
	const row = await userColumns(db).where('u.id', '=', id).executeTakeFirst()
	return row ? withoutPassword(toUser(row)) : undefined
}

/** The active user of a live session and when that session was last seen, in one query. */
export async function findSessionUser(db: DbHandle, sessionId: string, idleCutoff: Date) {
	const row = await userColumns(db)
		.innerJoin('session as s', 's.user_id', 'u.id')
		.where('s.id', '=', sessionId)
		.where('s.revoked_at', 'is', null)
		.where('s.expires_at', '>', sql<Date>`now()`)
		.where('s.last_seen_at', '>', idleCutoff)
		.where('u.is_active', '=', true)
		.select('s.last_seen_at')
		.executeTakeFirst()
	return row ? { user: withoutPassword(toUser(row)), lastSeenAt: row.last_seen_at } : undefined
}

export type UserListFilter = { query?: string; role?: Role; partyCode?: string; limit?: number }

export async function listUsers(db: DbHandle, filter: UserListFilter = {}): Promise<UserSummary[]> {
	const rows = await userColumns(db)
		.$if(Boolean(filter.query), (qb) =>
			qb.where((eb) =>
				eb.or([
					eb('u.email', 'ilike', `%${escapeLike(filter.query!)}%`),
					eb('u.name', 'ilike', `%${escapeLike(filter.query!)}%`),
				]),
			),
		)
		.$if(Boolean(filter.role), (qb) =>
			qb.where((eb) =>
				eb.exists(
					eb
						.selectFrom('user_role as fr')
						.whereRef('fr.user_id', '=', 'u.id')
						.where('fr.role', '=', filter.role!)
						.select('fr.user_id'),
				),
			),
		)
		.$if(Boolean(filter.partyCode), (qb) =>
			qb.where((eb) =>
				eb.exists(
					eb
						.selectFrom('user_party as fp')
						.whereRef('fp.user_id', '=', 'u.id')
						.where('fp.party_code', '=', filter.partyCode!)
						.select('fp.user_id'),
				),
			),
		)
		.orderBy('u.name')
		.limit(filter.limit ?? 500)
		.execute()
	return rows.map((row) => withoutPassword(toUser(row)))
}

export function escapeLike(value: string) {
	return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}

export type NewUser = {
	email: string
	name: string
	passwordHash?: string | null
	preferredLanguage?: Language
	roles: Role[]
	partyCodes: string[]
}

export async function insertUser(db: DbHandle, user: NewUser): Promise<string> {
	const { id } = await db
		.insertInto('app_user')
		.values({
			email: user.email.trim(),
			name: user.name.trim(),
			password_hash: user.passwordHash ?? null,
			preferred_language: user.preferredLanguage ?? 'en',
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	await setUserAccess(db, id, user.roles, user.partyCodes)
	return id
}

/** Replaces the user's roles and countries. */
export async function setUserAccess(
	db: DbHandle,
	userId: string,
	roles: readonly Role[],
	partyCodes: readonly string[],
) {
	await db.deleteFrom('user_role').where('user_id', '=', userId).execute()
	await db.deleteFrom('user_party').where('user_id', '=', userId).execute()
	if (roles.length > 0) {
		await db
			.insertInto('user_role')
			.values(roles.map((role) => ({ user_id: userId, role })))
			.execute()
	}
	if (partyCodes.length > 0) {
		await db
			.insertInto('user_party')
			.values(partyCodes.map((party_code) => ({ user_id: userId, party_code })))
			.execute()
	}
}

export async function updateUserProfile(
	db: DbHandle,
	userId: string,
	changes: { name?: string; preferredLanguage?: Language; reminderEmails?: boolean },
) {
	await db
		.updateTable('app_user')
		.set({
			...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
			...(changes.preferredLanguage ? { preferred_language: changes.preferredLanguage } : {}),
			...(changes.reminderEmails !== undefined ? { reminder_emails: changes.reminderEmails } : {}),
			updated_at: sql`now()`,
		})
		.where('id', '=', userId)
		.execute()
}

export async function setPasswordHash(db: DbHandle, userId: string, passwordHash: string) {
	await db
		.updateTable('app_user')
		.set({ password_hash: passwordHash, updated_at: sql`now()` })
		.where('id', '=', userId)
		.execute()
}

export async function setUserActive(db: DbHandle, userId: string, isActive: boolean) {
	await db
		.updateTable('app_user')
		.set({ is_active: isActive, updated_at: sql`now()` })
		.where('id', '=', userId)
		.execute()
}

/** Active users holding any of the roles, for a country when given (notifications). */
export async function listActiveUsersWithRoles(
	db: DbHandle,
	roles: readonly Role[],
	partyCode?: string,
) {
	return db
		.selectFrom('app_user as u')
		.where('u.is_active', '=', true)
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('user_role as r')
					.whereRef('r.user_id', '=', 'u.id')
					.where('r.role', 'in', roles)
					.select('r.user_id'),
			),
		)
		.$if(partyCode !== undefined, (qb) =>
			qb.where((eb) =>
				eb.exists(
					eb
						.selectFrom('user_party as p')
						.whereRef('p.user_id', '=', 'u.id')
						.where('p.party_code', '=', partyCode!)
						.select('p.user_id'),
				),
			),
		)
		.select([
			'u.id',
			'u.email',
			'u.name',
			'u.preferred_language as preferredLanguage',
			'u.reminder_emails as reminderEmails',
		])
		.orderBy('u.email')
		.execute()
}

/**
 * Active national users (contact points, contributors) who take reminder emails: one row per
 * user, country and national role.
 */
export async function listReminderRecipients(db: DbHandle) {
	const rows = await db
		.selectFrom('app_user as u')
		.innerJoin('user_party as p', 'p.user_id', 'u.id')
		.innerJoin('user_role as r', 'r.user_id', 'u.id')
		.where('u.is_active', '=', true)
		.where('u.reminder_emails', '=', true)
		.where('r.role', 'in', ['contact_point', 'contributor'])
		.select(['u.id', 'u.email', 'u.name', 'u.preferred_language', 'p.party_code', 'r.role'])
		.execute()
	return rows.map((row) => ({
		id: row.id,
		email: row.email,
		name: row.name,
		preferredLanguage: row.preferred_language,
		partyCode: row.party_code,
		role: row.role,
	}))
}
