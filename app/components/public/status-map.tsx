import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import { TIMELINESS, type Timeliness, type WorldMapData } from '../../domain/dashboard.ts'
import type { PublicReport } from '../../domain/public-portal.ts'
import { ScrollRegion } from '../scroll-region.tsx'
import { StaticWorldMap, StatusSwatch, type MapStatuses } from '../review/world-map.tsx'
import type { PublicFormats } from './formats.ts'

/**
 * Okabe–Ito colours with a pattern each (no two alike without colour), for the timeliness of the
 * Parties' reports on the public map.
 */
export const TIMELINESS_MAP_STATUSES: MapStatuses<Timeliness> = {
	order: TIMELINESS,
	styles: {
		on_time: { fill: '#009E73', ink: '#009E73', pattern: { solid: true } },
		late: { fill: '#E69F00', ink: '#1B1F23', pattern: { lines: 45 } },
		missing: { fill: '#D55E00', ink: '#FFFFFF', pattern: { lines: 0 } },
		pending: { fill: '#56B4E9', ink: '#1B1F23', pattern: { dots: true } },
	},
}

/** The public map of a cycle: each Party by the timeliness of its report, without scripts. */
export function CycleStatusMap({
	map,
	counts,
	formats,
}: {
	map: WorldMapData<Timeliness>
	counts: Record<Timeliness, number>
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	const labels = Object.fromEntries(
		TIMELINESS.map((key) => [key, t(`timeliness.${key}`)]),
	) as Record<Timeliness, string>
	return (
		<StaticWorldMap
			map={map}
			counts={counts}
			statuses={TIMELINESS_MAP_STATUSES}
			labels={{
				heading: t('map.heading'),
				summary: t('map.summary', {
					counts: TIMELINESS.map((key) => `${labels[key]} ${formats.number(counts[key])}`).join(
						', ',
					),
				}),
				legend: t('map.legend'),
				status: labels,
				other: t('map.other'),
				markers: t('map.markers'),
				notOnMap:
					map.notOnMap.length > 0
						? t('map.notOnMap', {
								names: map.notOnMap
									.map((place) => `${place.name} (${labels[place.status]})`)
									.join(', '),
							})
						: null,
			}}
		/>
	)
}

/**
 * The Parties of a cycle with their report: the map's table alternative. Each names the Party's
 * profile and, for an accepted report, its PDF.
 */
export function CycleReportsTable({
	reports,
	cycleCode,
	formats,
	headingId,
}: {
	reports: readonly PublicReport[]
	cycleCode: string
	formats: PublicFormats
	headingId: string
}) {
	const { t } = useTranslation('public')
	return (
		<ScrollRegion labelledBy={headingId}>
			<table className="table">
				<thead>
					<tr>
						<th scope="col">{t('table.party')}</th>
						<th scope="col">{t('table.region')}</th>
						<ReportHeaders />
					</tr>
				</thead>
				<tbody>
					{reports.map((report) => (
						<tr key={report.partyCode} data-timeliness={report.timeliness}>
							<th scope="row">
								<Link to={`/parties/${report.partyCode}`}>{report.name}</Link>
							</th>
							<td>{formats.region(report.region)}</td>
							<ReportCells
								report={report}
								cycleCode={cycleCode}
								pdfLabel={t('table.pdf', { party: report.name })}
								formats={formats}
							/>
						</tr>
					))}
				</tbody>
			</table>
		</ScrollRegion>
	)
}

/** The header cells of `ReportCells`. */
export function ReportHeaders() {
	const { t } = useTranslation('public')
	return (
		<>
			<th scope="col">{t('table.report')}</th>
			<th scope="col">{t('table.submittedOn')}</th>
			<th scope="col">{t('table.timeliness')}</th>
			<th scope="col">{t('table.document')}</th>
		</>
	)
}

/**
 * A report's cells in a table row: its state, its date of submission, its timeliness, and the
 * link to its PDF once accepted (`pdfLabel` names it among the table's other links).
 */
export function ReportCells({
	report,
	cycleCode,
	pdfLabel,
	formats,
}: {
	report: PublicReport
	cycleCode: string
	pdfLabel: string
	formats: PublicFormats
}) {
	const { t, i18n } = useTranslation('public')
	return (
		<>
			<td>{t(`reportState.${report.state}`)}</td>
			<td>{report.submittedOn ? formats.date(report.submittedOn) : '—'}</td>
			<td>
				<StatusSwatch style={TIMELINESS_MAP_STATUSES.styles[report.timeliness]} />{' '}
				{t(`timeliness.${report.timeliness}`)}
			</td>
			<td>
				{report.acceptedNumber !== null ? (
					<a href={reportPdfPath(report.partyCode, cycleCode, i18n.language)} download>
						{pdfLabel}
					</a>
				) : (
					'—'
				)}
			</td>
		</>
	)
}

/** Where a Party's accepted report to a cycle is served as PDF, in a language. */
export function reportPdfPath(partyCode: string, cycleCode: string, language: string) {
	return `/parties/${partyCode}/reports/${encodeURIComponent(cycleCode)}?lang=${language}`
}
