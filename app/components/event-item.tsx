import type { ReactNode } from 'react'
import { useFormat } from '../utils/use-format.ts'

/**
 * One line of a history (a report's events, an account's audit trail): when, what, by whom, and
 * the comment given. The time and the name are bidi isolates and the comment takes its own
 * direction, so a Latin name or an Arabic comment reads right on a page of either direction.
 */
export function EventItem({
	at,
	what,
	actor,
	detail,
	comment,
}: {
	/** The instant, ISO 8601. */
	at: string
	what: ReactNode
	actor?: string | null
	/** Said after the name, e.g. the submission's number. */
	detail?: ReactNode
	comment?: string | null
}) {
	const format = useFormat()
	return (
		<li>
			<bdi>
				<time dateTime={at}>{format.dateTime(at)}</time>
			</bdi>{' '}
			— {what}
			{actor ? (
				<>
					{' '}
					(<bdi>{actor}</bdi>)
				</>
			) : null}
			{detail}
			{comment ? (
				<q className="event-comment" dir="auto">
					{comment}
				</q>
			) : null}
		</li>
	)
}
