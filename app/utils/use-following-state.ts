import { useState } from 'react'

/**
 * State that starts as `source` and follows it whenever `source` changes: a control that shows
 * what the server loaded (after logins, links, back and forward) yet changes at once when the
 * user picks another value. Unlike a `key`, it never remounts the control, so the focus stays.
 */
export function useFollowingState<T>(source: T) {
	const [value, setValue] = useState(source)
	const [followed, setFollowed] = useState(source)
	if (!Object.is(followed, source)) {
		setFollowed(source)
		setValue(source)
	}
	return [value, setValue] as const
}
