import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import { REGIONS, TIMELINESS, type Timeliness, type WorldMapData } from '../../domain/dashboard.ts'
import { percentOf, type CycleRates, type PublicReport } from '../../domain/public-portal.ts'
import type { PublicFormats } from './formats.ts'
import { CycleReportsTable, CycleStatusMap } from './status-map.tsx'

/** What the overview and a cycle's page show of one published cycle. */
export type CycleStatusData = {
	cycle: { code: string; title: string; convention: string; deadline: string }
	reports: PublicReport[]
	counts: Record<Timeliness, number>
	map: WorldMapData<Timeliness>
}

/** The cycle's figures: Parties asked to report, and how many reported when. */
export function CycleFigures({
	status,
	formats,
}: {
	status: CycleStatusData
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	const accepted = status.reports.filter((report) => report.state === 'accepted').length
	return (
		<dl className="dashboard__figures">
			<div>
				<dt>{t('figuresOfCycle.parties')}</dt>
				<dd>{formats.number(status.reports.length)}</dd>
			</div>
			{TIMELINESS.filter((key) => key !== 'pending' || status.counts.pending > 0).map((key) => (
				<div key={key}>
					<dt>{t(`timeliness.${key}`)}</dt>
					<dd>{formats.number(status.counts[key])}</dd>
				</div>
			))}
			<div>
				<dt>{t('figuresOfCycle.accepted')}</dt>
				<dd>{formats.number(accepted)}</dd>
			</div>
		</dl>
	)
}

/**
 * A published cycle's status: its figures, the map, and the map's table alternative (the Parties
 * with their reports), collapsed where the page has more to show (`collapsed`).
 */
export function CycleStatus({
	status,
	formats,
	collapsed,
}: {
	status: CycleStatusData
	formats: PublicFormats
	collapsed: boolean
}) {
	const { t } = useTranslation('public')
	const tableHeading = t('cycle.partiesHeading', { count: status.reports.length })
	const table = (
		<CycleReportsTable
			reports={status.reports}
			cycleCode={status.cycle.code}
			formats={formats}
			headingId="parties-title"
		/>
	)
	return (
		<div className="stack">
			<CycleFigures status={status} formats={formats} />
			<CycleStatusMap map={status.map} counts={status.counts} formats={formats} />
			{collapsed ? (
				<details>
					<summary id="parties-title">{tableHeading}</summary>
					{table}
				</details>
			) : (
				<section aria-labelledby="parties-title" className="stack">
					<h2 id="parties-title">{tableHeading}</h2>
					{table}
				</section>
			)}
			{collapsed ? (
				<p>
					<Link to={`/cycles/${status.cycle.code}`}>
						{t('cycle.open', { cycle: status.cycle.title })}
					</Link>
				</p>
			) : null}
		</div>
	)
}

/** One cycle's submission rates by UN regional group, as a table. */
export function RegionRatesTable({
	rates,
	formats,
}: {
	rates: CycleRates
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	const rows = REGIONS.filter((region) => rates.regions[region].parties > 0).map((region) => ({
		key: region,
		label: formats.region(region),
		...rates.regions[region],
	}))
	return (
		<section aria-labelledby="regions-title" className="stack">
			<h2 id="regions-title">{t('regionsTable.heading')}</h2>
			<table className="table">
				<thead>
					<tr>
						<th scope="col">{t('table.region')}</th>
						<th scope="col">{t('regionsTable.parties')}</th>
						<th scope="col">{t('regionsTable.submitted')}</th>
						<th scope="col">{t('regionsTable.onTime')}</th>
						<th scope="col">{t('regionsTable.rate')}</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.key}>
							<th scope="row">{row.label}</th>
							<td className="numeric">{formats.number(row.parties)}</td>
							<td className="numeric">{formats.number(row.submitted)}</td>
							<td className="numeric">{formats.number(row.onTime)}</td>
							<td className="numeric">{formats.percent(percentOf(row.submitted, row.parties))}</td>
						</tr>
					))}
				</tbody>
				<tfoot>
					<tr>
						<th scope="row">{t('rates.all')}</th>
						<td className="numeric">{formats.number(rates.all.parties)}</td>
						<td className="numeric">{formats.number(rates.all.submitted)}</td>
						<td className="numeric">{formats.number(rates.all.onTime)}</td>
						<td className="numeric">
							{formats.percent(percentOf(rates.all.submitted, rates.all.parties))}
						</td>
					</tr>
				</tfoot>
			</table>
		</section>
	)
}
