import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * False on the server and while the page hydrates, true once React runs in the browser (the render
 * right after hydration). For controls whose input only JavaScript can keep: before it, what a
 * user types is not seen by React, and hydration may overwrite it.
 */
export function useInteractive() {
	return useSyncExternalStore(
		noSubscription,
		() => true,
		() => false,
	)
}
