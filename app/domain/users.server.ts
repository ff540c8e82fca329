import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { listParties } from '#db/queries/parties.ts'
import { revokeUserSessions } from '#db/queries/sessions.ts'
import {
	findUserByEmail,
	findUserById,
	insertUser,
	setUserAccess,
	setUserActive,
} from '#db/queries/users.ts'
import type { Database } from '#db/types.ts'
import type { Language } from '#forms/vocabulary.ts'
import { sendAccountLink } from '../utils/account-tokens.server.ts'
import { hashPassword } from '../utils/password.server.ts'
import type { UserAccess } from './user-access.ts'

export type AdminResult =
	| {
			ok: true
			userId?: string
			/** The invitation link (for the command line's first admin). */ link?: string
	  }
	| { ok: false; field?: string; error: string }

async function unknownCountries(db: Kysely<Database>, codes: string[]) {
	if (codes.length === 0) return []
	const known = new Set((await listParties(db)).map((p) => p.code))
	return codes.filter((c) => !known.has(c))
}

/**
 * Creates an account without a password and emails an invitation link to set one. `adminId` is
 * null only for the first administrator, created from the command line (`npm run admin:create`).
 */
export async function inviteUser(
	db: Kysely<Database>,
	input: { email: string; name: string; preferredLanguage: Language } & UserAccess,
	adminId: string | null,
): Promise<AdminResult> {
	if (await findUserByEmail(db, input.email)) {
		return { ok: false, field: 'email', error: 'admin:errors.emailTaken' }
	}
	if ((await unknownCountries(db, input.partyCodes)).length > 0) {
		return { ok: false, field: 'partyCodes', error: 'admin:errors.unknownCountry' }
	}
	const { userId, link } = await db.transaction().execute(async (trx) => {
		const id = await insertUser(trx, { ...input, passwordHash: null })
		const link = await sendAccountLink(
			trx,
			{ id, email: input.email, name: input.name, preferredLanguage: input.preferredLanguage },
			'invitation',
			adminId,
		)
		await recordAuditEvent(trx, {
			actorUserId: adminId,
			action: 'user.invited',
			subjectType: 'user',
			subjectId: id,
			details: { email: input.email, roles: input.roles, partyCodes: input.partyCodes },
		})
		return { userId: id, link }
	})
	return { ok: true, userId, link }
}

/**
 * Creates an administrator from the command line (`npm run admin:create`), when nobody can sign in
 * to invite one: with a password typed by the operator, or else by an invitation link.
 */
export async function createAdministrator(
	db: Kysely<Database>,
	input: { email: string; name: string; preferredLanguage: Language; password?: string },
): Promise<AdminResult> {
	if (input.password === undefined) {
		return inviteUser(db, { ...input, roles: ['admin'], partyCodes: [] }, null)
	}
	if (await findUserByEmail(db, input.email)) {
		return { ok: false, field: 'email', error: 'admin:errors.emailTaken' }
	}
	const passwordHash = await hashPassword(input.password)
	const userId = await db.transaction().execute(async (trx) => {
		const id = await insertUser(trx, { ...input, passwordHash, roles: ['admin'], partyCodes: [] })
		await recordAuditEvent(trx, {
			actorUserId: null,
			action: 'user.created_from_command_line',
			subjectType: 'user',
			subjectId: id,
			details: { email: input.email, roles: ['admin'] },
		})
		return id
	})
	return { ok: true, userId }
}

export async function changeUserAccess(
	db: Kysely<Database>,
	userId: string,
	access: UserAccess,
	adminId: string,
): Promise<AdminResult> {
	if (userId === adminId && !access.roles.includes('admin')) {
		return { ok: false, field: 'roles', error: 'admin:errors.cannotDropOwnAdmin' }
	}
	if ((await unknownCountries(db, access.partyCodes)).length > 0) {
		return { ok: false, field: 'partyCodes', error: 'admin:errors.unknownCountry' }
	}
	const before = await findUserById(db, userId)
	if (!before) return { ok: false, error: 'errors.notFound' }
	await db.transaction().execute(async (trx) => {
		await setUserAccess(trx, userId, access.roles, access.partyCodes)
		await recordAuditEvent(trx, {
			actorUserId: adminId,
			action: 'user.access_changed',
			subjectType: 'user',
			subjectId: userId,
			details: {
				before: { roles: before.roles, partyCodes: before.partyCodes },
				after: access,
			},
		})
	})
	return { ok: true }
}

/** Deactivation revokes every session at once; the account keeps its history. */
export async function setUserActivation(
	db: Kysely<Database>,
	userId: string,
	active: boolean,
	adminId: string,
): Promise<AdminResult> {
	if (userId === adminId && !active)
		return { ok: false, error: 'admin:errors.cannotDeactivateSelf' }
	await db.transaction().execute(async (trx) => {
		await setUserActive(trx, userId, active)
		if (!active) await revokeUserSessions(trx, userId, 'deactivated')
		await recordAuditEvent(trx, {
			actorUserId: adminId,
			action: active ? 'user.reactivated' : 'user.deactivated',
			subjectType: 'user',
			subjectId: userId,
		})
	})
	return { ok: true }
}

export async function revokeSessionsAsAdmin(db: Kysely<Database>, userId: string, adminId: string) {
	const revoked = await db.transaction().execute(async (trx) => {
		const count = await revokeUserSessions(trx, userId, 'revoked_by_admin')
		await recordAuditEvent(trx, {
			actorUserId: adminId,
			action: 'user.sessions_revoked',
			subjectType: 'user',
			subjectId: userId,
			details: { count },
		})
		return count
	})
	return revoked
}
