import type { Kysely } from 'kysely'
import { z } from 'zod'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { revokeUserSessions } from '#db/queries/sessions.ts'
import { consumeToken, findUsableToken, insertOneTimeToken } from '#db/queries/tokens.ts'
import { setPasswordHash, updateUserProfile } from '#db/queries/users.ts'
import type { Database, TokenPurpose } from '#db/types.ts'
import { randomToken, sha256 } from './crypto.server.ts'
import { publicOrigin } from './env.server.ts'
import { isLanguage } from './i18n.ts'
import { serverTranslator } from './i18n.server.ts'
import { queueEmail } from './mail.server.ts'
import { hashPassword, NewPasswordSchema } from './password.server.ts'

const LIFETIME_MS: Record<TokenPurpose, number> = {
	invitation: 7 * 24 * 3_600_000,
	password_reset: 60 * 60_000,
}

const PATH: Record<TokenPurpose, string> = {
	invitation: '/invitation/',
	password_reset: '/reset-password/',
}

/**
 * Issues a one-time link (invitation or password reset) and queues the email that carries it. Only the
 * token's hash is stored; older unused tokens of the same purpose stop working. The link is built on
 * the configured public origin, never on the request's headers. Returns the link.
 */
export async function sendAccountLink(
	db: DbHandle,
	recipient: { id: string; email: string; name: string; preferredLanguage: string },
	purpose: TokenPurpose,
	createdBy: string | null,
) {
	const token = randomToken()
	await insertOneTimeToken(db, {
		tokenHash: sha256(token),
		userId: recipient.id,
		purpose,
		expiresAt: new Date(Date.now() + LIFETIME_MS[purpose]),
		createdBy,
	})
	const t = serverTranslator(
		isLanguage(recipient.preferredLanguage) ? recipient.preferredLanguage : 'en',
	)
	const link = `${publicOrigin()}${PATH[purpose]}${token}`
	const kind = purpose === 'invitation' ? 'invitation' : 'passwordReset'
	await queueEmail(db, {
		to: recipient.email,
		subject: t(`email:${kind}.subject`),
		bodyText: t(`email:${kind}.body`, {
			name: recipient.name,
			link,
			interpolation: { escapeValue: false },
		}),
		kind: purpose,
	})
	return link
}

export function findTokenFromUrl(db: DbHandle, token: string | undefined, purpose: TokenPurpose) {
	if (!token || token.length > 100) return undefined
	return findUsableToken(db, sha256(token), purpose)
}

export const SetPasswordSchema = z
	.object({
		name: z.string().trim().min(1, 'auth:errors.nameRequired').max(200).optional(),
		password: NewPasswordSchema,
		confirmPassword: z.string().max(200),
	})
	.refine((v) => v.password === v.confirmPassword, {
		path: ['confirmPassword'],
		message: 'auth:errors.passwordsDiffer',
	})

/**
 * Uses a one-time link: sets the password (and the name, for invitations), revokes every other
 * session of the account and returns the user id, or null if the link was already used or expired.
 */
export async function completeAccountLink(
	db: Kysely<Database>,
	token: string | undefined,
	purpose: TokenPurpose,
	input: { password: string; name?: string },
	ip: string,
): Promise<string | null> {
	const found = await findTokenFromUrl(db, token, purpose)
	if (!found) return null
	const passwordHash = await hashPassword(input.password)
	return db.transaction().execute(async (trx) => {
		if (!(await consumeToken(trx, found.id))) return null
		await setPasswordHash(trx, found.userId, passwordHash)
		if (input.name) await updateUserProfile(trx, found.userId, { name: input.name })
		await revokeUserSessions(trx, found.userId, purpose)
		await recordAuditEvent(trx, {
			actorUserId: found.userId,
			action: purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
			subjectType: 'user',
			subjectId: found.userId,
			ip,
		})
		return found.userId
	})
}
