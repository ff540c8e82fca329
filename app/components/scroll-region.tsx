import type { ReactNode } from 'react'

/**
 * A wide table's horizontal scroll box: a named region that takes keyboard focus, so keyboard
 * users can scroll it (axe `scrollable-region-focusable`). `labelledBy`: the id of the table's
 * caption or of the heading that names it.
 */
export function ScrollRegion({
	labelledBy,
	children,
}: {
	labelledBy: string
	children: ReactNode
}) {
	return (
		<div className="table-scroll" role="region" tabIndex={0} aria-labelledby={labelledBy}>
			{children}
		</div>
	)
}
