import { data, type MiddlewareFunction } from 'react-router'
import { getEnv } from '../utils/env.server.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cross-site request forgery guard: a state-changing request must come from one of our own pages.
 * Browsers send Origin on every POST; Referer is the fallback; a request with neither is refused.
 */
export const originCheck: MiddlewareFunction<Response> = ({ request }, next) => {
	if (SAFE_METHODS.has(request.method)) return next()
	const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin
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
