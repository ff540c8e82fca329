import { useTranslation } from 'react-i18next'
import { daysUntil, formatDate } from '../utils/dates.ts'

/**
 * "Due 31 Aug 2026 — 12 days left" / "— 5 days overdue"; for a report that was submitted (its first
 * submission that was not recalled, `submittedAt`), when it was and whether on time or late.
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
	const { t, i18n } = useTranslation()
	const due = t('deadline.due', { date: formatDate(deadline, i18n.language) })
	if (submittedAt) {
		const daysLate = -daysUntil(deadline, submittedAt.slice(0, 10))
		const date = formatDate(submittedAt, i18n.language)
		return (
			<p className="deadline">
				{due}{' '}
				<span className={daysLate > 0 ? 'badge badge--late' : 'badge badge--ok'}>
					{daysLate > 0
						? t('deadline.submittedLate', { date, count: daysLate })
						: t('deadline.submittedOnTime', { date })}
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
