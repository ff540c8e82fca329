import { createHash, randomBytes } from 'node:crypto'

/** A URL-safe random token with 256 bits of entropy. */
export function randomToken(): string {
	return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as SHA-256 digests, so a database leak does not hand out live sessions. */
export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex')
}
