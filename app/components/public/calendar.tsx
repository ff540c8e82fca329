import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import type { CalendarEntry } from '#forms/commonality.ts'
import type { PublicFormats } from './formats.ts'

/**
 * The cross-convention reporting calendar: every report falling due in the calendar's years, from
 * the published cycles, the form versions' own deadlines and each form's cadence.
 */
export function ReportingCalendar({
	entries,
	formats,
}: {
	entries: readonly (CalendarEntry & { formTitle: string })[]
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	const years = entries.map((entry) => entry.deadline.slice(0, 4))
	return (
		<section aria-labelledby="calendar-title" className="stack">
			<h2 id="calendar-title">{t('calendar.heading')}</h2>
			<p>{t('calendar.intro')}</p>
			<table className="table">
				<caption>{t('calendar.caption', { from: years[0] ?? '', to: years.at(-1) ?? '' })}</caption>
				<thead>
					<tr>
						<th scope="col">{t('calendar.deadline')}</th>
						<th scope="col">{t('calendar.report')}</th>
						<th scope="col">{t('calendar.period')}</th>
						<th scope="col">{t('calendar.source')}</th>
					</tr>
				</thead>
				<tbody>
					{entries.map((entry) => (
						<tr key={`${entry.formId}-${entry.deadline}`} data-source={entry.source}>
							<th scope="row">{formats.date(entry.deadline)}</th>
							<td>
								{entry.source === 'cycle' && entry.code ? (
									<Link to={`/cycles/${entry.code}`}>{entry.formTitle}</Link>
								) : (
									entry.formTitle
								)}{' '}
								<span className="muted">({formats.convention(entry.convention)})</span>
							</td>
							<td>
								{formats.date(entry.periodStart)} – {formats.date(entry.periodEnd)}
							</td>
							<td>{t(`calendar.sources.${entry.source}`)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	)
}
