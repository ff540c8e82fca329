import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compressResponses } from './compression.ts'
import { precompressAssets, servePrecompressedAssets } from './precompressed-assets.ts'

/** Script-like text that compresses well, as built scripts do. */
const SCRIPT = Array.from(
	{ length: 400 },
	(_, i) => `export function field${i}(value){return value===null?"":String(value)+"${i}"}`,
).join('\n')
const STYLE = Array.from({ length: 200 }, (_, i) => `.cell-${i}{padding:${i}px}`).join('\n')
const SMALL = 'export const x = 1'
const FONT = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))

/** The browser build's output, with its assets directory (served as /assets). */
let outDir: string
let dir: string

/**
 * Writes these files into the assets directory and runs the plugin as Vite does once every
 * environment is built.
 */
async function build(files: Record<string, string | Buffer>) {
	for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
	const hook = precompressAssets().buildApp as {
		order: string
		handler: (builder: unknown) => Promise<void>
	}
	expect(hook.order).toBe('post')
	await hook.handler({
		config: { root: outDir },
		environments: { client: { config: { build: { outDir: '.', assetsDir: 'assets' } } } },
	})
}

beforeAll(async () => {
	outDir = mkdtempSync(path.join(tmpdir(), 'client-'))
	dir = path.join(outDir, 'assets')
	mkdirSync(dir)
	writeFileSync(path.join(outDir, 'site.json'), STYLE)
	await build({
		'editor-abc123.js': SCRIPT,
		'manifest-1f2e3d4c.js': `window.__manifest=${JSON.stringify({ routes: SCRIPT.split('\n') })}`,
		'app-def456.css': STYLE,
		'tiny-0a1b2c.js': SMALL,
		'font-9f8e7d.woff2': FONT,
	})
})
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('precompressAssets (build)', () => {
	it('writes a brotli and a gzip copy beside each script and style sheet, the route manifest too', () => {
		for (const name of ['editor-abc123.js', 'manifest-1f2e3d4c.js', 'app-def456.css']) {
			const text = readFileSync(path.join(dir, name), 'utf8')
			const brotli = readFileSync(path.join(dir, `${name}.br`))
			const gzipped = readFileSync(path.join(dir, `${name}.gz`))
			expect(brotliDecompressSync(brotli).toString()).toBe(text)
			expect(gunzipSync(gzipped).toString()).toBe(text)
			expect(brotli.length).toBeLessThan(gzipped.length)
			expect(gzipped.length).toBeLessThan(text.length / 4)
		}
	})

	it('leaves small files, files that come compressed (fonts, images) and files outside the assets alone', () => {
		for (const file of ['assets/tiny-0a1b2c.js', 'assets/font-9f8e7d.woff2', 'site.json']) {
			expect(existsSync(path.join(outDir, `${file}.br`))).toBe(false)
			expect(existsSync(path.join(outDir, `${file}.gz`))).toBe(false)
		}
	})

	it('does nothing without a browser build', async () => {
		const hook = precompressAssets().buildApp as { handler: (builder: unknown) => Promise<void> }
		await expect(
			hook.handler({ config: { root: outDir }, environments: {} }),
		).resolves.toBeUndefined()
	})
})

describe('servePrecompressedAssets', () => {
	let origin: { port: number; close: () => void }
	beforeAll(async () => {
		const app = express()
		app.use(compressResponses())
		app.use('/assets', servePrecompressedAssets(dir))
		const server = app.listen(0, '127.0.0.1')
		await once(server, 'listening')
		origin = { port: (server.address() as AddressInfo).port, close: () => server.close() }
	})
	afterAll(() => origin.close())

	/** The raw response: node:http does not decompress, so the bytes are what was sent. */
	function get(pathname: string, acceptEncoding?: string, method = 'GET') {
		return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
			(resolve, reject) => {
				const req = request(
					{
						host: '127.0.0.1',
						port: origin.port,
						path: pathname,
						method,
						headers: acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding },
					},
					(res) => {
						const chunks: Buffer[] = []
						res.on('data', (chunk: Buffer) => chunks.push(chunk))
						res.on('end', () =>
							resolve({
								status: res.statusCode!,
								headers: res.headers,
								body: Buffer.concat(chunks),
							}),
						)
					},
				)
				req.on('error', reject)
				req.end()
			},
		)
	}

	it('sends the brotli copy to a browser that accepts brotli, as a script cached for a year', async () => {
		const response = await get('/assets/editor-abc123.js', 'gzip, deflate, br, zstd')
		expect(response.status).toBe(200)
		expect(response.headers['content-encoding']).toBe('br')
		expect(response.headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/i)
		expect(response.headers['vary']).toContain('Accept-Encoding')
		expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
		expect(brotliDecompressSync(response.body).toString()).toBe(SCRIPT)
	})

	it('sends the gzip copy where brotli is not accepted (or refused with q=0)', async () => {
		for (const accepted of ['gzip, deflate', 'br;q=0, gzip']) {
			const response = await get('/assets/app-def456.css', accepted)
			expect(response.headers['content-encoding']).toBe('gzip')
			expect(response.headers['content-type']).toMatch(/^text\/css; charset=utf-8$/i)
			expect(gunzipSync(response.body).toString()).toBe(STYLE)
		}
	})

	it('sends the file itself to a client that accepts no compression', async () => {
		for (const accepted of [undefined, 'identity']) {
			const response = await get('/assets/editor-abc123.js', accepted)
			expect(response.headers['content-encoding']).toBeUndefined()
			expect(response.body.toString()).toBe(SCRIPT)
		}
	})

	it('answers HEAD with the headers of what GET would send', async () => {
		const response = await get('/assets/editor-abc123.js', 'br', 'HEAD')
		expect(response.status).toBe(200)
		expect(response.headers['content-encoding']).toBe('br')
		expect(Number(response.headers['content-length'])).toBe(
			readFileSync(path.join(dir, 'editor-abc123.js.br')).length,
		)
		expect(response.body.length).toBe(0)
	})

	it('serves files without a compressed copy as they are, and 404 for unknown ones', async () => {
		const tiny = await get('/assets/tiny-0a1b2c.js', 'br')
		expect(tiny.headers['content-encoding']).toBeUndefined()
		expect(tiny.body.toString()).toBe(SMALL)
		const font = await get('/assets/font-9f8e7d.woff2', 'br, gzip')
		expect(font.headers['content-encoding']).toBeUndefined()
		expect(font.body.equals(FONT)).toBe(true)
		expect((await get('/assets/missing-000000.js', 'br')).status).toBe(404)
		expect((await get('/assets/%E0%A4%A.js', 'br')).status).toBe(400)
	})
})
