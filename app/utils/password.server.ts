import argon2 from 'argon2'
import { z } from 'zod'

// argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimums.
export function hashPassword(password: string): Promise<string> {
	return argon2.hash(password, { type: argon2.argon2id })
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
	try {
		return await argon2.verify(hash, password)
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
