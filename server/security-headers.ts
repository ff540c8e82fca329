import { randomBytes } from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'
import { servedOverHttps } from '#app/utils/env.server.ts'

/**
 * The Content-Security-Policy of every page and response of the app. Scripts run only with this
 * response's nonce ('strict-dynamic' lets them load the app's modules); React Router puts the nonce
 * on every script and module preload it renders (app/entry.server.tsx). Inline style attributes are
 * allowed: React renders a few (chart bar colours, progress widths, tooltip positions), and a
 * nonce cannot cover attributes. Nothing may frame the app, and forms post only to it.
 */
export function contentSecurityPolicy(nonce: string) {
	return [
		"default-src 'self'",
		`script-src 'nonce-${nonce}' 'strict-dynamic' 'self'`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"font-src 'self' data:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'none'",
		"frame-ancestors 'none'",
		"form-action 'self'",
	].join('; ')
}

export const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Headers on every response of the app (static files included), and a fresh CSP nonce per request
 * in `res.locals.cspNonce`. HSTS only when the browser reached us over HTTPS: the public origin is
 * https, or the trusted proxy says so (X-Forwarded-Proto, honoured by Express only with
 * TRUST_PROXY). In development the CSP is report-only, so Vite's injected scripts keep working while
 * violations still show in the console.
 */
export function securityHeaders(options: { development?: boolean } = {}) {
	const cspHeader = options.development
		? 'Content-Security-Policy-Report-Only'
		: 'Content-Security-Policy'
	return (req: Request, res: Response, next: NextFunction) => {
		const nonce = randomBytes(16).toString('base64')
		res.locals.cspNonce = nonce
		res.setHeader(cspHeader, contentSecurityPolicy(nonce))
		res.setHeader('X-Content-Type-Options', 'nosniff')
		res.setHeader('Referrer-Policy', 'same-origin')
		res.setHeader('X-Frame-Options', 'DENY')
		res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
		res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()')
		if (req.secure || servedOverHttps()) res.setHeader('Strict-Transport-Security', HSTS)
		next()
	}
}
