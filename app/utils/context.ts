import type { Kysely } from 'kysely'
import { createContext, type RouterContext } from 'react-router'
import type { Database } from '#db/types.ts'
import type { Language } from './i18n.ts'
import type { CurrentUser } from './permissions.ts'

type AppContexts = {
	db: RouterContext<Kysely<Database>>
	user: RouterContext<CurrentUser | null>
	language: RouterContext<Language>
	clientIp: RouterContext<string>
	cspNonce: RouterContext<string | undefined>
}

/**
 * Router context keys are compared by identity. The HTTP server (run from source) and the built
 * app (its own bundled copy of this module) must share the same keys, so they live on globalThis.
 */
const globalKey = Symbol.for('chemrep.router-contexts')
const holder = globalThis as unknown as { [globalKey]?: AppContexts }
const contexts: AppContexts = (holder[globalKey] ??= {
	db: createContext<Kysely<Database>>(),
	user: createContext<CurrentUser | null>(null),
	language: createContext<Language>('en'),
	clientIp: createContext<string>('unknown'),
	cspNonce: createContext<string | undefined>(undefined),
})

/** The database handle, injected per request by the server (and by tests). */
export const dbContext = contexts.db

/** The signed-in user, or null; set by the session middleware in root.tsx. */
export const userContext = contexts.user

/** The language chosen for this request. */
export const languageContext = contexts.language

/** The client's network address, as determined by the HTTP server (proxy-aware when configured). */
export const clientIpContext = contexts.clientIp

/** The nonce of this response's Content-Security-Policy, for the scripts the page renders. */
export const cspNonceContext = contexts.cspNonce
