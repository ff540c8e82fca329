import type { ReactNode } from 'react'

/**
 * A wide table's horizontal scroll box, focusable so keyboard users can scroll it (axe
 * `scrollable-region-focusable`). `labelledBy`: the id of the table's caption or of the heading
 * that names it. A region landmark of its own, unless it sits in a section that is already a
 * landmark named by the same heading (`inNamedSection`): then it is a group, since two landmarks
 * of one name only repeat themselves (axe `landmark-unique`).
 */
export function ScrollRegion({
	labelledBy,
	inNamedSection = false,
	children,
}: {
	labelledBy: string
	inNamedSection?: boolean
	children: ReactNode
}) {
	return (
		<div
			className="table-scroll"
			role={inNamedSection ? 'group' : 'region'}
			tabIndex={0}
			aria-labelledby={labelledBy}
		>
			{children}
		</div>
	)
}
