import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createContext, type MiddlewareFunction, type RouterContextProvider } from 'react-router'
import { publicDataVersion } from '#db/queries/public-reports.ts'
import { dbContext, languageContext, userContext } from './context.ts'
import { todayIso } from './dates.ts'
import { resourcesFor } from './i18n.server.ts'
import type { Language } from './i18n.ts'

/**
 * HTTP caching of the public portal (issue 16). A public page seen by a visitor who is not signed
 * in is `Cache-Control: public` with an `ETag`, and a request whose `If-None-Match` names the
 * current one gets `304 Not Modified` before any loader runs or anything renders
 * (`publicPageMiddleware`). A public page is a function of its URL, the language, the day, the
 * build and the public data, so its ETag fingerprints exactly these: the data by its version
 * (`publicDataVersion`, one query), the language with its UI texts, the build by the server
 * bundle's own hash. A signed-in user's responses stay `private, no-store` (the session
 * middleware), and so does any response that sets a cookie.
 */

/** How long a browser or a shared cache may reuse a public page without asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 300

const CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`
/** The language of a page follows the `lng` cookie, then Accept-Language. */
const VARY = 'Accept-Language, Cookie'

function fingerprint(...parts: string[]): string {
	const hash = createHash('sha256')
	for (const part of parts) hash.update(part).update('\u0000')
	return hash.digest('base64url').slice(0, 27)
}

const textFingerprints = new Map<Language, string>()
function textsFingerprint(language: Language) {
	let value = textFingerprints.get(language)
	if (!value) {
		value = fingerprint(JSON.stringify(resourcesFor(language)))
		textFingerprints.set(language, value)
	}
	return value
}

let buildFingerprint: string | undefined
/**
 * The build this process serves: the hash of the module this code was bundled into (in production
 * the server build, which holds every page's code and the names of its styles), read once.
 */
function buildVersion(): string {
	buildFingerprint ??= fingerprint(readFileSync(fileURLToPath(import.meta.url), 'utf8'))
	return buildFingerprint
}

/** The version of the public data this request reads (set by `publicPageMiddleware`). */
const publicVersionContext = createContext<string | null>(null)

/**
 * The version of the public data for this request: the one the middleware read, else read now
 * (a loader called on its own, as the tests do).
 */
export async function publicVersion(context: Readonly<RouterContextProvider>): Promise<string> {
	return context.get(publicVersionContext) ?? publicDataVersion(context.get(dbContext))
}

/** The ETag of a public page: its URL, the language, the day, the data version and the build. */
export function publicPageEtag(url: URL, language: Language, version: string, today: string) {
	return publicEtag(
		url.pathname,
		url.search,
		language,
		textsFingerprint(language),
		today,
		version,
		buildVersion(),
	)
}

/**
 * The route middleware of the public pages: for a visitor, 304 when the browser already has the
 * current version of the page, else the page with its caching headers.
 */
export const publicPageMiddleware: MiddlewareFunction<Response> = async (
	{ request, context },
	next,
) => {
	if (context.get(userContext)) return next()
	const version = await publicDataVersion(context.get(dbContext))
	context.set(publicVersionContext, version)
	const etag = publicPageEtag(
		new URL(request.url),
		context.get(languageContext),
		version,
		todayIso(),
	)
	if (matchesIfNoneMatch(request, etag)) return notModified(etag)
	const response = await next()
	if (response.status === 200 && !response.headers.has('Set-Cookie'))
		setPublicCacheHeaders(response.headers, etag)
	return response
}

/** Whether `If-None-Match` names `etag` (weak comparison, RFC 9110 §13.1.2), or is `*`. */
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
	const header = request.headers.get('If-None-Match')
	if (!header) return false
	const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
	return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}

/** The headers of a public response whose content is fingerprinted by `etag`. */
export function setPublicCacheHeaders(headers: Headers, etag: string) {
	headers.set('Cache-Control', CACHE_CONTROL)
	headers.set('ETag', etag)
	headers.set('Vary', VARY)
}

/** 304 with the headers a cache needs to keep using what it has. */
export function notModified(etag: string, headers = new Headers()): Response {
	setPublicCacheHeaders(headers, etag)
	headers.delete('Content-Type')
	headers.delete('Content-Length')
	return new Response(null, { status: 304, headers })
}

/** A weak ETag of content named by `parts` (a file: its source's hash, its language, the build). */
export function publicEtag(...parts: string[]): string {
	return `W/"${fingerprint(...parts)}"`
}

/** Public files built, by ETag, oldest first; and the builds under way. */
const builtFiles = new Map<string, Uint8Array>()
const buildingFiles = new Map<string, Promise<Uint8Array>>()
const FILES_MAX_BYTES = 64 * 1_048_576
let builtBytes = 0

function keepFile(etag: string, bytes: Uint8Array) {
	if (builtFiles.has(etag)) return
	builtFiles.set(etag, bytes)
	builtBytes += bytes.byteLength
	for (const [key, older] of builtFiles) {
		if (builtBytes <= FILES_MAX_BYTES) break
		builtFiles.delete(key)
		builtBytes -= older.byteLength
	}
}

/**
 * A public file (a published report's PDF) built once per process and version: requests for the
 * same `etag` share one build, and the latest files are kept up to `FILES_MAX_BYTES`, so many
 * visitors asking for the same report cost one rendering. A failed build is not kept.
 */
export async function cachedPublicFile(
	etag: string,
	build: () => Promise<Uint8Array>,
): Promise<Uint8Array> {
	const built = builtFiles.get(etag)
	if (built) return built
	const building = buildingFiles.get(etag)
	if (building) return building
	const started = build().finally(() => buildingFiles.delete(etag))
	buildingFiles.set(etag, started)
	const bytes = await started
	keepFile(etag, bytes)
	return bytes
}
