import { describe, expect, it } from 'vitest'
import { cachedPublicFile, matchesIfNoneMatch, publicPageEtag } from './public-cache.server.ts'

const request = (ifNoneMatch?: string) =>
	new Request('http://localhost:3000/parties/KEN', {
		headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {},
	})

describe('ETags of public pages', () => {
	it('change with the page and its parameters, the language, the day and the data', () => {
		const url = (path: string) => new URL(`http://localhost:3000${path}`)
		const etag = publicPageEtag(url('/parties/KEN'), 'en', 'v1', '2026-12-04')
		expect(etag).toMatch(/^W\/"[\w-]+"$/)
		expect(publicPageEtag(url('/parties/KEN'), 'en', 'v1', '2026-12-04')).toBe(etag)
		for (const other of [
			publicPageEtag(url('/parties/IND'), 'en', 'v1', '2026-12-04'),
			publicPageEtag(url('/parties/KEN?x=1'), 'en', 'v1', '2026-12-04'),
			publicPageEtag(url('/parties/KEN'), 'fr', 'v1', '2026-12-04'),
			publicPageEtag(url('/parties/KEN'), 'en', 'v2', '2026-12-04'),
			publicPageEtag(url('/parties/KEN'), 'en', 'v1', '2026-12-05'),
		])
			expect(other).not.toBe(etag)
	})

	it('are compared weakly, in lists, and * takes any', () => {
		expect(matchesIfNoneMatch(request('W/"abc"'), 'W/"abc"')).toBe(true)
		expect(matchesIfNoneMatch(request('"abc"'), 'W/"abc"')).toBe(true)
		expect(matchesIfNoneMatch(request('W/"x", W/"abc"'), 'W/"abc"')).toBe(true)
		expect(matchesIfNoneMatch(request('*'), 'W/"abc"')).toBe(true)
		expect(matchesIfNoneMatch(request('W/"abd"'), 'W/"abc"')).toBe(false)
		expect(matchesIfNoneMatch(request(), 'W/"abc"')).toBe(false)
	})
})

describe('public files', () => {
	it('are built once per version, however many ask at once, and a failed build is tried again', async () => {
		let builds = 0
		const build = async () => {
			builds++
			await new Promise((resolve) => setTimeout(resolve, 10))
			return new Uint8Array([1, 2, 3])
		}
		const files = await Promise.all([1, 2, 3].map(() => cachedPublicFile('W/"one"', build)))
		expect(builds).toBe(1)
		expect(files.every((file) => file === files[0])).toBe(true)
		await cachedPublicFile('W/"one"', build)
		expect(builds).toBe(1)
		await cachedPublicFile('W/"two"', build)
		expect(builds).toBe(2)
		await expect(
			cachedPublicFile('W/"three"', () => Promise.reject(new Error('no fonts'))),
		).rejects.toThrow('no fonts')
		expect(await cachedPublicFile('W/"three"', build)).toEqual(new Uint8Array([1, 2, 3]))
	})
})
