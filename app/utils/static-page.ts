import { useMatches } from 'react-router'
import { useRootData } from './root-data.ts'

/**
 * The `handle` of a route whose page is served without any script to visitors who are not signed
 * in (the public portal): it works with links and GET forms alone, and loads no JavaScript.
 * Signed-in users get the usual hydrated page.
 */
export const STATIC_FOR_VISITORS = { staticForVisitors: true } as const

/** Whether this response is such a page: no user, and the page's route says so. */
export function useIsStaticPage(): boolean {
	const matches = useMatches()
	const root = useRootData()
	if (!root || root.user) return false
	const handle = matches.at(-1)?.handle as Partial<typeof STATIC_FOR_VISITORS> | undefined
	return handle?.staticForVisitors === true
}
