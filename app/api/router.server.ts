import type { RouterContextProvider } from 'react-router'
import { OPERATIONS } from './openapi.server.ts'
import { runOperation, type ApiOperation, type Matched } from './operation.server.ts'

export const API_PREFIX = '/api/v1'

type Route = { operation: ApiOperation; pattern: RegExp; names: string[] }

/**
 * The operations route themselves: each one's OpenAPI path template (`/cycles/{cycleCode}/data`)
 * is its route, so what the document describes is what is served.
 */
const ROUTES: Route[] = OPERATIONS.map((operation) => {
	const names: string[] = []
	const source = operation.path
		.split('/')
		.map((segment) => {
			const name = /^\{(\w+)\}$/.exec(segment)?.[1]
			if (!name) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
			names.push(name)
			return '([^/]+)'
		})
		.join('/')
	return { operation, pattern: new RegExp(`^${source}$`), names }
})

/** The operation a path under /api/v1 asks for, with its (decoded) parameters. */
export function matchOperation(pathname: string): Matched | undefined {
	if (!pathname.startsWith(`${API_PREFIX}/`)) return undefined
	const path = pathname.slice(API_PREFIX.length)
	for (const route of ROUTES) {
		const found = route.pattern.exec(path)
		if (!found) continue
		try {
			const params = Object.fromEntries(
				route.names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]),
			)
			return { operation: route.operation, params }
		} catch {
			return undefined
		}
	}
	return undefined
}

/** The loader of `/api/v1/*`. */
export function handleApiRequest(args: {
	request: Request
	context: Readonly<RouterContextProvider>
}) {
	return runOperation(matchOperation(new URL(args.request.url).pathname), args)
}
