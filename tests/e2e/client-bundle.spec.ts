import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name)
		return statSync(full).isDirectory() ? files(full) : [full]
	})
}

/** Server-only code must never reach the browser: no drivers, no hashing, no SQL. */
test('the client build contains no server code', () => {
	const bundle = files('build/client')
		.filter((f) => f.endsWith('.js'))
		.map((f) => ({ file: f, text: readFileSync(f, 'utf8') }))
	expect(bundle.length).toBeGreaterThan(5)
	const forbidden = [
		/from\s*["']pg["']/,
		/node_modules\/pg\//,
		/\bpg-protocol\b/,
		/\bkysely\b/i,
		/\bargon2\b/,
		/\bPGlite\b/,
		/\bselect\s+.+\s+from\s+["a-z_]+\s+where\b/i,
		/\binsert into\b/i,
		/\bcreate table\b/i,
		/password_hash/,
		/\bnodemailer\b/,
		// zod: the server checks everything pages send; no page builds a schema (app/utils/zod-jitless.ts).
		/["']\$Zod[A-Za-z]+["']/,
	]
	const hits = bundle.flatMap(({ file, text }) =>
		forbidden.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`),
	)
	expect(hits).toEqual([])
})
