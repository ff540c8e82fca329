import { randomBytes } from 'node:crypto'
import { argon2id, argon2Verify } from 'hash-wasm'
import { z } from 'zod'

/**
 * argon2id at OWASP's recommended baseline (m=19 MiB, t=2, p=1), stored in the standard PHC string
 * format (`$argon2id$v=19$m=…`). WebAssembly rather than a native addon: see ADR 003.
 */
const ARGON2_PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 }

export function hashPassword(password: string): Promise<string> {
	return argon2id({ ...ARGON2_PARAMS, password, salt: randomBytes(16), outputType: 'encoded' })
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
	try {
		return await argon2Verify({ hash, password })
	} catch {
		return false
	}
}

/**
 * A hash made with ARGON2_PARAMS (checked by a test), of a password nobody uses. Precomputed, so
 * the first sign-in with an unknown email costs one hash like any other, not two.
 */
export const DUMMY_HASH =
	'$argon2id$v=19$m=19456,t=2,p=1$wIdWydnC3Aolik+mPfaM4A$jEU4sqB1fmNXkeL4TdshXS6cKFMXaq3lnMOElqlHoT4'

/** Burns comparable time when the account does not exist, so timing does not reveal accounts. */
export async function verifyAgainstDummy(password: string) {
	await verifyPassword(DUMMY_HASH, password)
}

export const NewPasswordSchema = z
	.string()
	.min(12, { message: 'password.tooShort' })
	.max(200, { message: 'password.tooLong' })
