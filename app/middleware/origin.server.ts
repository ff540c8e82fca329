import { data, type MiddlewareFunction } from 'react-router'
import { publicOrigin } from '../utils/env.server.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery guard: a state-changing request must come from one of our own pages.
 * Browsers send Origin on every POST; Referer is the fallback; a request with neither is refused.
 * The expected origin comes from configuration, never from the request's Host header.
 */
export const originCheck: MiddlewareFunction<Response> = ({ request }, next) => {
	if (SAFE_METHODS.has(request.method)) return next()
	const expected = publicOrigin()
	const origin = request.headers.get('Origin') ?? refererOrigin(request.headers.get('Referer'))
	if (origin !== expected) {
		throw data({ message: 'errors.crossOrigin' }, { status: 403 })
	}
	return next()
}

function refererOrigin(referer: string | null) {
	if (!referer) return null
	try {
		return new URL(referer).origin
	} catch {
		return null
	}
}
