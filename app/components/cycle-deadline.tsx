import { useTranslation } from 'react-i18next'
import { daysUntil, formatDate } from '../utils/dates.ts'

/** "Due 31 Aug 2026 — 12 days left" / "— 5 days overdue". */
export function CycleDeadline({ deadline, today }: { deadline: string; today: string }) {
	const { t, i18n } = useTranslation()
	const days = daysUntil(deadline, today)
	return (
		<p className="deadline">
			{t('deadline.due', { date: formatDate(deadline, i18n.language) })}{' '}
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
