import path from 'node:path'
import routes from '#app/routes.ts'

type ConfigEntry = { file: string; path?: string; index?: boolean; children?: ConfigEntry[] }

export type RouteEntry = {
	/**
	 * How the policy names the route: its URL pattern ('/reports/:reportId/history'), with
	 * ' (layout)' for a route that wraps others, and 'root' for app/root.tsx.
	 */
	key: string
	/** The module, relative to app/. */
	file: string
	/** The URL pattern, without the leading slash. */
	pattern: string
	/** Root and layouts: their loader runs for every page under them, but nothing posts to them. */
	methods: readonly ('GET' | 'POST')[]
}

export type RouteModule = {
	loader?: (args: never) => unknown
	action?: (args: never) => unknown
	default?: unknown
	ErrorBoundary?: unknown
}

function join(parent: string, child: string | undefined) {
	if (!child) return parent
	return parent ? `${parent}/${child}` : child
}

/** The longest path all patterns start with, by whole segments. */
function commonPrefix(patterns: string[]) {
	const [first = [], ...rest] = patterns.map((p) => p.split('/'))
	let length = 0
	while (length < first.length && rest.every((p) => p[length] === first[length])) length++
	return first.slice(0, length).join('/')
}

function fullPatterns(entry: ConfigEntry, parent: string): string[] {
	const own = join(parent, entry.path)
	if (!entry.children) return [own]
	return entry.children.flatMap((child) => fullPatterns(child, own))
}

function flatten(entries: ConfigEntry[], parent: string): RouteEntry[] {
	return entries.flatMap((entry) => {
		const pattern = join(parent, entry.path)
		if (!entry.children) {
			return [{ key: `/${pattern}`, file: entry.file, pattern, methods: ['GET', 'POST'] as const }]
		}
		// A layout without a path of its own is named after what its children share.
		const shown = entry.path ? pattern : commonPrefix(fullPatterns(entry, parent))
		return [
			// A POST to a layout's own URL (without ?index) is the layout's to answer.
			{
				key: `/${shown} (layout)`,
				file: entry.file,
				pattern: shown,
				methods: entry.path ? (['GET', 'POST'] as const) : (['GET'] as const),
			},
			...flatten(entry.children, pattern),
		]
	})
}

/** Every route of app/routes.ts, and the root route, as the policy names them. */
export function routeEntries(): RouteEntry[] {
	return [
		{ key: 'root', file: 'root.tsx', pattern: '', methods: ['GET'] },
		...flatten(routes as ConfigEntry[], ''),
	]
}

export function loadRouteModule(entry: RouteEntry): Promise<RouteModule> {
	return import(path.resolve('app', entry.file)) as Promise<RouteModule>
}

/** The names of a pattern's parameters: ':reportId' → 'reportId', '*' → '*'. */
export function parameterNames(pattern: string) {
	return pattern
		.split('/')
		.filter((segment) => segment.startsWith(':') || segment === '*')
		.map((segment) => (segment === '*' ? '*' : segment.slice(1)))
}

/** What the policy expects of a request: the success path, the sign-in page, or an error status. */
export type Outcome = 'ok' | 'redirect-login' | number

/** How the framework answers a method the module has no function for (see createRequestHandler). */
export function frameworkOutcome(module: RouteModule, method: 'GET' | 'POST'): Outcome | undefined {
	if (method === 'POST') return module.action ? undefined : 405
	if (module.loader) return undefined
	// A page without a loader just renders; a resource route without one answers 400.
	return module.default || module.ErrorBoundary ? 'ok' : 400
}

type Settled = { thrown: boolean; value: unknown }

function statusAndLocation(value: unknown) {
	if (value instanceof Response)
		return { status: value.status, location: value.headers.get('Location') }
	if (value && typeof value === 'object' && 'init' in value && 'data' in value) {
		const init = (value as { init?: ResponseInit | null }).init
		return { status: init?.status ?? 200, location: new Headers(init?.headers).get('Location') }
	}
	return undefined
}

/**
 * The outcome of a loader or action as the policy names it: the sign-in redirect a guard throws is
 * 'redirect-login'; any other success (data, a 2xx, a redirect onwards, also to the sign-in page
 * after signing out) is 'ok'; an error its status; an exception that is not a response is what the
 * server answers for it, a 500.
 */
export function outcomeOf(settled: Settled): Outcome {
	const response = statusAndLocation(settled.value)
	if (!response) return settled.thrown ? 500 : 'ok'
	const { status, location } = response
	if (status >= 300 && status < 400) {
		const toLogin = location && new URL(location, 'http://x').pathname === '/login'
		return toLogin && settled.thrown ? 'redirect-login' : 'ok'
	}
	return status < 300 ? 'ok' : status
}

/** A short description of what came back, for failure messages. */
export function describeSettled(settled: Settled) {
	const response = statusAndLocation(settled.value)
	if (!response) {
		if (settled.value instanceof Error) return `${settled.value.name}: ${settled.value.message}`
		return settled.thrown ? String(settled.value) : 'data'
	}
	const data =
		settled.value instanceof Response
			? ''
			: JSON.stringify((settled.value as { data: unknown }).data)
	return [response.status, response.location ? `→ ${response.location}` : '', data?.slice(0, 200)]
		.filter(Boolean)
		.join(' ')
}
