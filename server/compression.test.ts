import events, { once, type EventEmitter } from 'node:events'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import express, { type RequestHandler } from 'express'
import compression from 'compression'
import { afterEach, describe, expect, it } from 'vitest'
import { compressResponses } from './compression.ts'

const CHUNK = randomBytes(64 * 1024)
const CHUNKS = 40

/**
 * Streams CHUNKS incompressible chunks the way React Router's writer does (wait for 'drain' with
 * `once`, then remove the listener with `off`) and reports how many 'drain' listeners the zlib
 * stream still holds at the end.
 */
function streamingApp(middleware: RequestHandler) {
	let leftOnStream = -1
	let waits = 0
	const app = express()
	app.use(middleware)
	app.get('/', async (_req, res) => {
		res.type('application/octet-stream')
		for (let i = 0; i < CHUNKS; i++) {
			if (!res.write(CHUNK)) {
				waits++
				const drained = () => {}
				const wait = new Promise<void>((resolve) => res.once('drain', () => resolve()))
				res.once('drain', drained)
				await wait
				res.off('drain', drained)
			}
		}
		const stream = res.on('drain', () => {}) as unknown as EventEmitter
		leftOnStream = stream === (res as unknown) ? -1 : stream.listenerCount('drain')
		res.end()
	})
	return { app, result: () => ({ leftOnStream, waits }) }
}

const servers: { close: () => void }[] = []
afterEach(() => servers.splice(0).forEach((s) => s.close()))

async function download(app: express.Express) {
	const server = app.listen(0, '127.0.0.1')
	servers.push(server)
	await once(server, 'listening')
	const { port } = server.address() as AddressInfo
	const response = await fetch(`http://127.0.0.1:${port}/`, {
		headers: { 'Accept-Encoding': 'gzip' },
	})
	const body = new Uint8Array(await response.arrayBuffer())
	return { encoding: response.headers.get('content-encoding'), body }
}

describe('compressResponses', () => {
	it('leaves no listener behind on the compressed stream after each wait for drain', async () => {
		const { app, result } = streamingApp(compressResponses())
		const { encoding, body } = await download(app)
		expect(encoding).toBe('gzip')
		expect(body.byteLength).toBe(CHUNK.byteLength * CHUNKS)
		expect(body.subarray(0, CHUNK.byteLength)).toEqual(new Uint8Array(CHUNK))
		expect(result().waits).toBeGreaterThan(10)
		// The listener just added to read the stream; nothing left from the waits.
		expect(result().leftOnStream).toBe(1)
	})

	it('is needed: compression alone keeps a listener per wait', async () => {
		const { app, result } = streamingApp(compression())
		// Room for the pile-up, so Node does not print its leak warning in the test output.
		const limit = events.defaultMaxListeners
		events.defaultMaxListeners = 1_000
		try {
			await download(app)
		} finally {
			events.defaultMaxListeners = limit
		}
		expect(result().leftOnStream).toBeGreaterThan(10)
	})
})
