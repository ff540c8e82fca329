import { createHash } from 'node:crypto'
import { createContext, type RouterContextProvider } from 'react-router'
import { languageContext, userContext } from './context.ts'
import { resourcesFor } from './i18n.server.ts'
import type { Language } from './i18n.ts'

/**
 * HTTP caching of the public portal (issue 16): a public page seen by a visitor who is not signed
 * in is `Cache-Control: public` with an `ETag`, and a request whose `If-None-Match` names the
 * current one gets `304 Not Modified` without the page being rendered. The ETag is a fingerprint
 * of what the page shows: the loader's data (`markPublicPage`), the language and its UI texts, and
 * the build (its scripts and styles). A signed-in user's responses stay `private, no-store` (the
 * session middleware), and so does any response that sets a cookie.
 */

/** How long a browser or a shared cache may reuse a public page without asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 300

const CACHE_CONTROL = `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`
/** The language of a page follows the `lng` cookie, then Accept-Language. */
const VARY = 'Accept-Language, Cookie'

const publicPageContext = createContext<{ fingerprint: string } | null>(null)

function fingerprint(...parts: string[]): string {
	const hash = createHash('sha256')
	for (const part of parts) hash.update(part).update('\u0000')
	return hash.digest('base64url').slice(0, 27)
}

/** Declares the page public: what it shows is `data` (besides its language and the build). */
export function markPublicPage(context: Readonly<RouterContextProvider>, data: unknown) {
	context.set(publicPageContext, { fingerprint: fingerprint(JSON.stringify(data)) })
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

/**
 * For the document of a page (entry.server.tsx, before rendering): on a public page's successful
 * response to a visitor, sets the caching headers and, when the browser already has this version,
 * answers 304 instead of rendering. `buildVersion` identifies the build's assets.
 */
export function publicPageResponse(
	request: Request,
	status: number,
	headers: Headers,
	context: Readonly<RouterContextProvider>,
	buildVersion: string,
): Response | undefined {
	const page = context.get(publicPageContext)
	if (!page || status !== 200 || context.get(userContext) || headers.has('Set-Cookie')) return
	const language = context.get(languageContext)
	const etag = publicEtag(page.fingerprint, language, textsFingerprint(language), buildVersion)
	setPublicCacheHeaders(headers, etag)
	if (matchesIfNoneMatch(request, etag)) return notModified(etag, new Headers(headers))
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
