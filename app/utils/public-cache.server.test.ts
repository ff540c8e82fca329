import { RouterContextProvider } from 'react-router'
import { describe, expect, it } from 'vitest'
import { languageContext, userContext } from './context.ts'
import type { CurrentUser } from './permissions.ts'
import {
	cachedPublicFile,
	markPublicPage,
	matchesIfNoneMatch,
	publicPageResponse,
} from './public-cache.server.ts'

const request = (ifNoneMatch?: string) =>
	new Request('http://localhost:3000/parties/KEN', {
		headers: ifNoneMatch ? { 'If-None-Match': ifNoneMatch } : {},
	})

function publicContext(data: unknown, user: CurrentUser | null = null) {
	const context = new RouterContextProvider()
	context.set(userContext, user)
	context.set(languageContext, 'en')
	markPublicPage(context, data)
	return context
}

describe('caching of public pages', () => {
	it('marks a visitor’s page public with an ETag of its data, language and build', () => {
		const headers = new Headers()
		const unchanged = publicPageResponse(request(), 200, headers, publicContext({ a: 1 }), 'v1')
		expect(unchanged).toBeUndefined()
		expect(headers.get('Cache-Control')).toMatch(/^public, max-age=\d+$/)
		expect(headers.get('Vary')).toBe('Accept-Language, Cookie')
		const etag = headers.get('ETag')!
		const other = (data: unknown, build = 'v1') => {
			const h = new Headers()
			publicPageResponse(request(), 200, h, publicContext(data), build)
			return h.get('ETag')
		}
		expect(other({ a: 1 })).toBe(etag)
		expect(other({ a: 2 })).not.toBe(etag)
		expect(other({ a: 1 }, 'v2')).not.toBe(etag)
	})

	it('answers 304 when the browser names the current version', () => {
		const headers = new Headers()
		publicPageResponse(request(), 200, headers, publicContext({ a: 1 }), 'v1')
		const etag = headers.get('ETag')!
		const response = publicPageResponse(
			request(etag),
			200,
			new Headers(),
			publicContext({ a: 1 }),
			'v1',
		)
		expect(response?.status).toBe(304)
		expect(response?.headers.get('ETag')).toBe(etag)
	})

	it('leaves signed-in users’ pages, errors, pages that set a cookie and other pages alone', () => {
		const user = { id: 'u', roles: ['admin'], partyCodes: [] } as unknown as CurrentUser
		const cases: [number, Headers, RouterContextProvider][] = [
			[200, new Headers(), publicContext({ a: 1 }, user)],
			[404, new Headers(), publicContext({ a: 1 })],
			[200, new Headers({ 'Set-Cookie': 'lng=fr' }), publicContext({ a: 1 })],
			[200, new Headers(), new RouterContextProvider()],
		]
		for (const [status, headers, context] of cases) {
			expect(publicPageResponse(request('*'), status, headers, context, 'v1')).toBeUndefined()
			expect(headers.get('ETag')).toBeNull()
		}
	})

	it('compares entity tags weakly, in lists, and takes * for any', () => {
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
