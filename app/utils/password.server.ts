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

/** Burns comparable time when the account does not exist, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string) {
	dummyHash ??= hashPassword('dummy password for timing equalisation')
	await verifyPassword(await dummyHash, password)
}

export const NewPasswordSchema = z
	.string()
	.min(12, { message: 'password.tooShort' })
	.max(200, { message: 'password.tooLong' })
