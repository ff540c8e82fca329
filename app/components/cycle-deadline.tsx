import { useTranslation } from '../utils/use-translation.tsx'
import { daysUntil } from '../utils/dates.ts'
import { useFormat } from '../utils/use-format.ts'
import { useSentence } from './sentence.tsx'

/**
 * "Due 31 Aug 2026 — 12 days left" / "— 5 days overdue"; for a report that was submitted (its first
 * submission that was not recalled, `submittedAt`), when it was and whether on time or late. Dates
 * are `<time>` elements in their own bidi isolate (see `useSentence`).
 */
export function CycleDeadline({
	deadline,
	today,
	submittedAt,
}: {
	deadline: string
	today: string
	submittedAt?: string | null
}) {
	const { t } = useTranslation()
	const sentence = useSentence()
	const format = useFormat()
	const due = sentence('deadline.due', {
		date: <time dateTime={deadline}>{format.date(deadline)}</time>,
	})
	if (submittedAt) {
		const daysLate = -daysUntil(deadline, submittedAt.slice(0, 10))
		const date = <time dateTime={submittedAt}>{format.date(submittedAt)}</time>
		return (
			<p className="deadline">
				{due}{' '}
				<span className={daysLate > 0 ? 'badge badge--late' : 'badge badge--ok'}>
					{daysLate > 0
						? sentence('deadline.submittedLate', { date, count: daysLate })
						: sentence('deadline.submittedOnTime', { date })}
				</span>
			</p>
		)
	}
	const days = daysUntil(deadline, today)
	return (
		<p className="deadline">
			{due}{' '}
			<span className={days < 0 ? 'badge badge--late' : days <= 30 ? 'badge badge--soon' : 'badge'}>
				{days < 0
					? t('deadline.overdue', { count: -days })
					: days === 0
						? t('deadline.today')
						: t('deadline.left', { count: days })}
			</span>
		</p>
	)
}
