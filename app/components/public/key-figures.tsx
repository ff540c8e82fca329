import { useTranslation } from '../../utils/use-translation.tsx'
import { chartRows } from '../../domain/key-figure-chart.ts'
import type { KeyFigure } from '../../domain/key-figures.ts'
import { BarChart } from '../bar-chart.tsx'
import type { PublicFormats } from './formats.ts'

/**
 * The key figures of a Party's latest accepted reports: per report, a small chart of each
 * quantity per chemical and year, whose table gives the figures; quantities the Party marked
 * confidential are counted, never shown.
 */
export function KeyFigures({
	reports,
	formats,
}: {
	reports: readonly { cycle: { code: string; title: string }; figures: readonly KeyFigure[] }[]
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	return (
		<section aria-labelledby="figures-title" className="stack">
			<h2 id="figures-title">{t('figures.heading')}</h2>
			{reports.length === 0 ? <p>{t('figures.none')}</p> : <p>{t('figures.intro')}</p>}
			{reports.map((report) => (
				<section
					key={report.cycle.code}
					aria-labelledby={`figures-${report.cycle.code}`}
					className="stack"
				>
					<h3 id={`figures-${report.cycle.code}`}>{report.cycle.title}</h3>
					{report.figures.map((figure) => (
						<FigureChart key={figure.concept} figure={figure} formats={formats} />
					))}
				</section>
			))}
		</section>
	)
}

function FigureChart({ figure, formats }: { figure: KeyFigure; formats: PublicFormats }) {
	const { t } = useTranslation('public')
	const concept = t(`figures.concepts.${figure.concept.replaceAll('.', '_')}`)
	const unit = t(`figures.units.${figure.unit}`)
	const columnLabel = (year: string | null) => year ?? t('figures.wholePeriod')
	const rows = chartRows(figure)
	return (
		<div className="stack key-figure">
			{rows.length > 0 ? (
				<BarChart
					heading={concept}
					headingLevel={4}
					formatNumber={formats.number}
					chart={{
						categories: figure.columns.map((column) => ({
							key: column.key,
							label: columnLabel(column.year),
						})),
						series: rows.map((row) => ({
							key: row.key || 'total',
							label: row.others ? t('figures.others') : (row.label ?? t('figures.total')),
							values: row.amounts.map((amount) => amount ?? 0),
						})),
					}}
					labels={{
						dataTable: t('figures.dataTable'),
						unit: t('figures.unit', { unit }),
						category: t('figures.year'),
						summary: t('figures.summary', {
							concept,
							totals: figure.columns
								.map(
									(column, index) =>
										`${columnLabel(column.year)}: ${formats.number(figure.totals[index] ?? 0)} ${unit}`,
								)
								.join('; '),
						}),
					}}
				/>
			) : (
				<>
					<h4>{concept}</h4>
					{figure.rows.length > 0 ? <p>{t('figures.zero')}</p> : null}
				</>
			)}
			{figure.confidential > 0 ? (
				<p className="muted" data-testid="confidential-note">
					{t('figures.confidential', { count: figure.confidential })}
				</p>
			) : null}
		</div>
	)
}
