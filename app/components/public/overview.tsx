import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import type { CalendarEntry } from '#forms/commonality.ts'
import type { Convention } from '#db/types.ts'
import type { CycleRates } from '../../domain/public-portal.ts'
import { ReportingCalendar } from './calendar.tsx'
import { CycleStatus, type CycleStatusData } from './cycle-status.tsx'
import { usePublicFormats } from './formats.ts'
import { SubmissionRates } from './rates.tsx'

export type OverviewData = {
	cycles: {
		code: string
		title: string
		convention: Convention
		deadline: string
		periodStart: string
		periodEnd: string
	}[]
	selected: CycleStatusData | null
	rates: CycleRates[]
	calendar: (CalendarEntry & { formTitle: string })[]
	today: string
}

/** Chooses the cycle the map shows: a plain GET form, so it works without scripts. */
function CycleChooser({ data }: { data: OverviewData }) {
	const { t } = useTranslation('public')
	const formats = usePublicFormats()
	const conventions = [...new Set(data.cycles.map((cycle) => cycle.convention))]
	return (
		<form method="get" action="/" className="field-row">
			<div className="field">
				<label htmlFor="overview-cycle">{t('overview.cycle')}</label>
				<select id="overview-cycle" name="cycle" defaultValue={data.selected?.cycle.code}>
					{conventions.map((convention) => (
						<optgroup key={convention} label={formats.convention(convention)}>
							{[...data.cycles]
								.reverse()
								.filter((cycle) => cycle.convention === convention)
								.map((cycle) => (
									<option key={cycle.code} value={cycle.code}>
										{cycle.title}
									</option>
								))}
						</optgroup>
					))}
				</select>
			</div>
			<button type="submit" className="button">
				{t('overview.show')}
			</button>
		</form>
	)
}

/**
 * The public portal's home page for visitors: the reporting status of a published cycle on a
 * map (with its table), submission rates by regional group over the cycles, the cross-convention
 * reporting calendar, and where to read more (country profiles, SDG 12.4.1).
 */
export function PublicOverview({ data }: { data: OverviewData }) {
	const { t } = useTranslation('public')
	const formats = usePublicFormats()
	return (
		<article aria-labelledby="overview-title" className="stack public-page">
			<h1 id="overview-title">{t('overview.title')}</h1>
			<p>{t('overview.intro')}</p>
			<p>
				<Link to="/sdg-12-4-1">{t('overview.sdgLink')}</Link>
			</p>
			{data.selected ? (
				<>
					<CycleChooser data={data} />
					<p>
						{t('overview.statusIntro', {
							cycle: data.selected.cycle.title,
							deadline: formats.date(data.selected.cycle.deadline),
							today: formats.date(data.today),
						})}
					</p>
					<CycleStatus status={data.selected} formats={formats} collapsed />
					<SubmissionRates cycles={data.cycles} rates={data.rates} formats={formats} />
				</>
			) : (
				<p>{t('overview.noCycles')}</p>
			)}
			<ReportingCalendar entries={data.calendar} formats={formats} />
		</article>
	)
}
