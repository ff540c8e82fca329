import { describe, expect, it } from 'vitest'
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.server.ts'

describe('password hashes', () => {
	it('verifies unknown accounts against a hash of the same cost as real ones', async () => {
		const real = await hashPassword('a good long passphrase')
		const parameters = (hash: string) => hash.split('$').slice(1, 4)
		expect(parameters(DUMMY_HASH)).toEqual(parameters(real))
		expect(parameters(real)).toEqual(['argon2id', 'v=19', 'm=19456,t=2,p=1'])
		expect(await verifyPassword(DUMMY_HASH, 'a good long passphrase')).toBe(false)
		expect(await verifyPassword(real, 'a good long passphrase')).toBe(true)
	})
})
