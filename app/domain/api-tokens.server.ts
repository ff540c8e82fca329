import { z } from 'zod'
import {
	findLiveApiToken,
	insertApiToken,
	revokeApiToken,
	touchApiToken,
} from '#db/queries/api-tokens.ts'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { API_SCOPES, type ApiScope, type Role } from '#db/types.ts'
import { randomToken, sha256 } from '../utils/crypto.server.ts'

export { API_SCOPES, type ApiScope }

/**
 * Who may hold each scope (docs/decisions/015). Public data needs no token at all; a token with
 * `read:public` only gets its own rate limit. Compiled data of every cycle (unpublished ones, and
 * reports still under review) is for those who may export it in the app; the reports of the
 * secretariat are for the secretariat.
 */
export const SCOPE_ROLES: Record<ApiScope, readonly Role[]> = {
	'read:public': ['analyst', 'reviewer', 'admin'],
	'read:compiled': ['analyst', 'reviewer', 'admin'],
	'read:reports': ['reviewer', 'admin'],
}

/** The scopes someone with these roles may hold (and use: a role taken away takes its scopes). */
export function scopesFor(roles: readonly Role[]): ApiScope[] {
	return API_SCOPES.filter((scope) => SCOPE_ROLES[scope].some((role) => roles.includes(role)))
}

export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const

/** Tokens start with this, so they are recognisable (secret scanners, logs) and never a session id. */
export const TOKEN_PREFIX = 'chemrep_'
/** How much of a token is kept in clear to tell tokens apart on the account page. */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 4

export const CreateTokenSchema = z.object({
	name: z.string().trim().min(1, 'account.tokens.nameRequired').max(100),
	scopes: z.preprocess(
		(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.enum(API_SCOPES)).min(1, 'account.tokens.scopeRequired'),
	),
	lifetimeDays: z.coerce
		.number()
		.refine((days) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(days)),
})

type TokenOwner = { id: string; roles: readonly Role[] }

export type CreatedToken =
	| { ok: true; id: string; token: string; expiresAt: Date }
	| { ok: false; error: 'notAllowed'; scopes: ApiScope[] }

/**
 * Issues a personal API token: 256 random bits, stored only as their SHA-256; the token itself is
 * returned once, to be shown once. Scopes the owner's roles do not allow are refused.
 */
export async function createApiToken(
	db: DbHandle,
	owner: TokenOwner,
	input: z.output<typeof CreateTokenSchema>,
	ip: string,
	now = new Date(),
): Promise<CreatedToken> {
	const allowed = scopesFor(owner.roles)
	const refused = input.scopes.filter((scope) => !allowed.includes(scope))
	if (refused.length > 0) return { ok: false, error: 'notAllowed', scopes: refused }
	const token = `${TOKEN_PREFIX}${randomToken()}`
	const expiresAt = new Date(now.getTime() + input.lifetimeDays * 86_400_000)
	const scopes = API_SCOPES.filter((scope) => input.scopes.includes(scope))
	const id = await insertApiToken(db, {
		userId: owner.id,
		name: input.name,
		tokenHash: sha256(token),
		tokenPrefix: token.slice(0, SHOWN_PREFIX_LENGTH),
		scopes,
		expiresAt,
	})
	await recordAuditEvent(db, {
		actorUserId: owner.id,
		action: 'api_token.created',
		subjectType: 'api_token',
		subjectId: id,
		ip,
		details: { name: input.name, scopes, expiresAt: expiresAt.toISOString() },
	})
	return { ok: true, id, token, expiresAt }
}

/** Revokes one of the owner's own tokens (whatever their roles now); false if it has none such. */
export async function revokeOwnApiToken(
	db: DbHandle,
	ownerId: string,
	tokenId: string,
	ip: string,
) {
	if (!(await revokeApiToken(db, ownerId, tokenId))) return false
	await recordAuditEvent(db, {
		actorUserId: ownerId,
		action: 'api_token.revoked',
		subjectType: 'api_token',
		subjectId: tokenId,
		ip,
	})
	return true
}

/** Who a bearer token speaks for, and what it may read now. */
export type ApiCaller = { tokenId: string; userId: string; scopes: ApiScope[] }

/**
 * The caller a bearer token stands for, or undefined when it is unknown, revoked, expired, or its
 * account is deactivated. Its scopes are those it was given that its holder's roles still allow.
 */
export async function authenticateApiToken(
	db: DbHandle,
	token: string,
): Promise<ApiCaller | undefined> {
	if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return undefined
	const found = await findLiveApiToken(db, sha256(token))
	if (!found) return undefined
	const allowed = scopesFor(found.roles)
	return {
		tokenId: found.tokenId,
		userId: found.userId,
		scopes: found.scopes.filter((scope) => allowed.includes(scope)),
	}
}

/**
 * Records a use of a token: its last use (time and address) and an entry in the audit log naming
 * what was asked for and the answer's status.
 */
export async function auditApiTokenUse(
	db: DbHandle,
	caller: ApiCaller,
	use: { ip: string; method: string; path: string; status: number },
) {
	await touchApiToken(db, caller.tokenId, use.ip)
	await recordAuditEvent(db, {
		actorUserId: caller.userId,
		action: 'api_token.used',
		subjectType: 'api_token',
		subjectId: caller.tokenId,
		ip: use.ip,
		details: { method: use.method, path: use.path, status: use.status },
	})
}
