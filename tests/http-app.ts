import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Kysely } from 'kysely'
import type { ServerBuild } from 'react-router'
import { createServer, type ViteDevServer } from 'vite'
import type { createHttpApp as CreateHttpApp } from '../server/app.ts'
import type { Database } from '#db/types.ts'
import { TEST_ORIGIN, TEST_PASSWORD } from './factories.ts'

export type HttpApp = {
	/** Requests a path of the app (no redirects followed; string or byte bodies only). */
	fetch: (path: string, init?: RequestInit) => Promise<Response>
	close: () => Promise<void>
}

let vite: ViteDevServer | undefined

/**
 * The real HTTP application (server/app.ts: Express, headers, proxy handling, React Router with
 * the app's middleware and routes) on a random local port, with the route modules compiled by Vite
 * from source, so no production build is needed.
 */
export async function startHttpApp(
	db: Kysely<Database>,
	options: { trustProxyHops?: number } = {},
): Promise<HttpApp> {
	vite ??= await createServer({
		server: { middlewareMode: true, hmr: false },
		appType: 'custom',
		logLevel: 'error',
	})
	const loaded = vite
	// Loaded through Vite like the routes, so both use the same copy of react-router.
	const { createHttpApp } = (await loaded.ssrLoadModule('/server/app.ts')) as {
		createHttpApp: typeof CreateHttpApp
	}
	const app = createHttpApp({
		db,
		build: () => loaded.ssrLoadModule('virtual:react-router/server-build') as Promise<ServerBuild>,
		maxBodyBytes: 21 * 1_048_576,
		trustProxyHops: options.trustProxyHops ?? 0,
	})
	const server: Server = await new Promise((resolve) => {
		const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
	})
	const { port } = server.address() as AddressInfo
	return {
		fetch: (path, init) => send(port, path, init),
		close: () => new Promise((resolve) => server.close(() => resolve())),
	}
}

/**
 * An HTTP request with the Host header of the tests' public origin (the default, http://localhost:3000),
 * as a browser on that origin sends it
 * (fetch cannot set Host; React Router compares it with Origin on posts).
 */
function send(port: number, path: string, init: RequestInit = {}): Promise<Response> {
	const headers = new Headers(init.headers)
	if (!headers.has('Host')) headers.set('Host', new URL(TEST_ORIGIN).host)
	const body =
		typeof init.body === 'string' || init.body instanceof Uint8Array
			? Buffer.from(init.body)
			: undefined
	if (body) headers.set('Content-Length', String(body.length))
	return new Promise((resolve, reject) => {
		const req = request(
			{
				host: '127.0.0.1',
				port,
				path,
				method: init.method ?? 'GET',
				headers: Object.fromEntries(headers),
			},
			(res) => {
				const chunks: Buffer[] = []
				res.on('data', (chunk: Buffer) => chunks.push(chunk))
				res.on('end', () => {
					const responseHeaders = new Headers()
					for (const [name, value] of Object.entries(res.headers)) {
						for (const v of Array.isArray(value) ? value : [value ?? '']) {
							responseHeaders.append(name, v)
						}
					}
					const status = res.statusCode ?? 500
					const noBody = status === 204 || status === 304
					resolve(
						new Response(noBody ? null : Buffer.concat(chunks), {
							status,
							headers: responseHeaders,
						}),
					)
				})
			},
		)
		req.on('error', reject)
		if (body) req.write(body)
		req.end()
	})
}

/** Signs in over HTTP with the tests' password; returns the session cookie for a Cookie header. */
export async function signIn(app: HttpApp, email: string, password = TEST_PASSWORD) {
	const response = await app.fetch('/login', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: TEST_ORIGIN },
		body: new URLSearchParams({ email, password }).toString(),
	})
	if (response.status !== 302) throw new Error(`sign-in of ${email}: ${response.status}`)
	return (response.headers.get('Set-Cookie') ?? '').split(';')[0]!
}

export async function stopVite() {
	await vite?.close()
	vite = undefined
}
