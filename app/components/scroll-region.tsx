import type { ReactNode } from 'react'

/**
 * A wide table's horizontal scroll box, focusable so keyboard users can scroll it (axe
 * `scrollable-region-focusable`). `labelledBy`: the id of the table's caption or of the heading
 * that names it. A named group, not a landmark: most sit in a section named by the same words,
 * and two landmarks of one name only repeat themselves (axe `landmark-unique`).
 */
export function ScrollRegion({
	labelledBy,
	children,
}: {
	labelledBy: string
	children: ReactNode
}) {
	return (
		<div className="table-scroll" role="group" tabIndex={0} aria-labelledby={labelledBy}>
			{children}
		</div>
	)
}
