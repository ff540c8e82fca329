import type { EventEmitter } from 'node:events'
import compression from 'compression'
import type { RequestHandler, Response } from 'express'

type Listener = (...args: unknown[]) => void

/**
 * gzip/brotli compression of responses, with 'drain' listeners that can be removed again.
 *
 * compression 1.8 sends `res.on('drain')` to its zlib stream but leaves `removeListener` and `off`
 * on the response (expressjs/compression#135). React Router's stream writer waits for room with
 * `once('drain')` after each write the zlib stream cannot take and removes its listener with
 * `off`, so every such wait left one listener on the stream: a long page sent to a slow client
 * piled them up until the response ended (MaxListenersExceededWarning in the server's log). Here a
 * 'drain' listener is removed from where it was added.
 */
export function compressResponses(): RequestHandler {
	const compress = compression()
	return (req, res, next) => {
		compress(req, res, (error?: unknown) => {
			if (error) return next(error)
			removeDrainListenersWhereAdded(res)
			next()
		})
	}
}

function removeDrainListenersWhereAdded(res: Response) {
	const on = res.on as (this: Response, event: string | symbol, listener: Listener) => EventEmitter
	const removeListener = res.removeListener as (
		this: Response,
		event: string | symbol,
		listener: Listener,
	) => Response
	// compression's `on` returns the zlib stream it added a 'drain' listener to.
	let drainTarget: EventEmitter | undefined
	function onEvent(this: Response, event: string | symbol, listener: Listener) {
		const target = on.call(this, event, listener)
		if (event === 'drain' && target !== this) drainTarget = target
		return target
	}
	function removeEventListener(this: Response, event: string | symbol, listener: Listener) {
		removeListener.call(this, event, listener)
		if (event === 'drain') drainTarget?.removeListener(event, listener)
		return this
	}
	res.on = onEvent as Response['on']
	res.removeListener = res.off = removeEventListener as Response['removeListener']
}
