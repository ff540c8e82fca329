import { createRequestHandler } from '@react-router/express'
import express, { type Request as ExpressRequest, type Response, type NextFunction } from 'express'
import type { Kysely } from 'kysely'
import { RouterContextProvider, type ServerBuild } from 'react-router'
import { clientIpContext, cspNonceContext, dbContext } from '#app/utils/context.ts'
import type { Database } from '#db/types.ts'
import { compressResponses } from './compression.ts'
import { servePrecompressedAssets } from './precompressed-assets.ts'
import { securityHeaders } from './security-headers.ts'

export type AppOptions = {
	db: Kysely<Database>
	/** The production build, or a loader for it (development: Vite's SSR module graph). */
	build: ServerBuild | (() => Promise<ServerBuild>)
	/** Largest request body accepted, in bytes (attachments included). */
	maxBodyBytes: number
	/** Proxies in front to trust for X-Forwarded-For/-Proto (TRUST_PROXY); 0: none. */
	trustProxyHops: number
	/** The Vite development server: CSP report-only. */
	development?: boolean
	staticDir?: string
	beforeRouter?: (app: express.Express) => void
}

/**
 * The HTTP application shared by production and development servers. It keeps no state of its own:
 * sessions, jobs and files live in the database, so several instances can share one database.
 */
export function createHttpApp(options: AppOptions) {
	const app = express()
	app.disable('x-powered-by')
	// A hop count, never `true`: with `true` Express takes the left-most X-Forwarded-For address,
	// which the client writes itself.
	app.set('trust proxy', options.trustProxyHops)
	app.use(compressResponses())
	app.use(securityHeaders({ development: options.development }))
	app.get('/healthz', (_req, res) => {
		res.type('text/plain').send('ok')
	})
	if (options.staticDir) {
		app.use('/assets', servePrecompressedAssets(`${options.staticDir}/assets`))
		app.use(express.static(options.staticDir, { maxAge: '1h' }))
	}
	app.use(bodySizeGuard(options.maxBodyBytes))
	options.beforeRouter?.(app)
	app.all(
		'/{*splat}',
		createRequestHandler({
			build: options.build,
			mode: process.env.NODE_ENV,
			getLoadContext(req, res) {
				const context = new RouterContextProvider()
				context.set(dbContext, options.db)
				context.set(clientIpContext, req.ip ?? req.socket.remoteAddress ?? 'unknown')
				context.set(cspNonceContext, res.locals.cspNonce as string | undefined)
				return context
			},
		}),
	)
	return app
}

/**
 * Refuses oversized bodies with 413 before anything reads them, and bodies of unknown length
 * (chunked uploads) with 411, so a client cannot stream an unbounded body into memory.
 */
function bodySizeGuard(maxBytes: number) {
	return (req: ExpressRequest, res: Response, next: NextFunction) => {
		if (req.method === 'GET' || req.method === 'HEAD') return next()
		const length = req.headers['content-length']
		if (length === undefined) {
			if (req.headers['transfer-encoding']) {
				res.status(411).type('text/plain').send('A Content-Length header is required.')
				return
			}
			return next()
		}
		if (Number(length) > maxBytes) {
			res
				.status(413)
				.type('text/plain')
				.send(`The request is too large (limit ${Math.round(maxBytes / 1_048_576)} MB).`)
			return
		}
		next()
	}
}
