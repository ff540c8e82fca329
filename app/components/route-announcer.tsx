import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'

/**
 * Says the new page's title (`pageTitle`) to screen readers after a move inside the app (a link,
 * a redirect after a form): a browser announces a page it loads, not one React Router renders.
 * Focus stays where the user left it. A change of the query alone (a filter, a page of results)
 * is the same page and is not announced; the first page is the browser's own to announce.
 */
export function RouteAnnouncer() {
	const { pathname } = useLocation()
	const [title, setTitle] = useState('')
	const announced = useRef(pathname)
	useEffect(() => {
		if (announced.current === pathname) return
		announced.current = pathname
		// The new page's <title> was written in the commit this effect follows.
		setTitle(document.title)
	}, [pathname])
	return (
		<p className="visually-hidden" aria-live="assertive" aria-atomic="true" data-route-announcer>
			{title}
		</p>
	)
}
