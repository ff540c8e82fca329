import { useTranslation } from '../../utils/use-translation.tsx'
import { REGIONS, type Region } from '../../domain/dashboard.ts'
import { percentOf, type CycleRates } from '../../domain/public-portal.ts'
import type { Convention } from '#db/types.ts'
import { BarChart } from '../bar-chart.tsx'
import type { PublicFormats } from './formats.ts'

type RatedCycle = {
	code: string
	title: string
	convention: Convention
	periodStart: string
	periodEnd: string
}

/**
 * A cycle's name on the chart's axis: the years it covers ("2022–2025"), with its code where
 * another cycle of the chart covers the same years (the chart's summary names the cycles in full).
 */
function axisLabels(cycles: readonly RatedCycle[]): Map<string, string> {
	const years = (cycle: RatedCycle) => {
		const [start, end] = [cycle.periodStart.slice(0, 4), cycle.periodEnd.slice(0, 4)]
		return start === end ? start : `${start}–${end}`
	}
	return new Map(
		cycles.map((cycle) => {
			const label = years(cycle)
			const shared = cycles.some((other) => other !== cycle && years(other) === label)
			return [cycle.code, shared ? `${label} (${cycle.code})` : label]
		}),
	)
}

/**
 * Submission rates by UN regional group over the published cycles, one chart per convention: for
 * each cycle (oldest first) and group, the share of the Parties asked to report that submitted,
 * by the deadline or after it. The chart's table gives the same figures.
 */
export function SubmissionRates({
	cycles,
	rates,
	formats,
}: {
	cycles: readonly RatedCycle[]
	rates: readonly CycleRates[]
	formats: PublicFormats
}) {
	const { t } = useTranslation('public')
	const byCode = new Map(rates.map((rate) => [rate.cycleCode, rate]))
	const conventions = [...new Set(cycles.map((cycle) => cycle.convention))]
	return (
		<section aria-labelledby="rates-title" className="stack">
			<h2 id="rates-title">{t('rates.heading')}</h2>
			<p>{t('rates.intro')}</p>
			{conventions.map((convention) => {
				const own = cycles.filter((cycle) => cycle.convention === convention)
				const labels = axisLabels(own)
				const ownRates = own.map((cycle) => byCode.get(cycle.code)!)
				const regions = REGIONS.filter((region) =>
					ownRates.some((rate) => rate.regions[region].parties > 0),
				)
				const share = (rate: CycleRates, region: Region | 'all') => {
					const counts = region === 'all' ? rate.all : rate.regions[region]
					return percentOf(counts.submitted, counts.parties) ?? 0
				}
				return (
					<BarChart
						key={convention}
						heading={formats.convention(convention)}
						formatNumber={(value) => formats.percent(value)}
						chart={{
							categories: own.map((cycle) => ({
								key: cycle.code,
								label: labels.get(cycle.code)!,
							})),
							series: [
								...regions.map((region) => ({
									key: region,
									label: formats.region(region),
									values: ownRates.map((rate) => share(rate, region)),
								})),
								{
									key: 'all',
									label: t('rates.all'),
									values: ownRates.map((rate) => share(rate, 'all')),
								},
							],
						}}
						labels={{
							dataTable: t('rates.dataTable'),
							unit: t('rates.unit'),
							category: t('rates.cycle'),
							summary: t('rates.summary', {
								convention: formats.convention(convention),
								cycles: own
									.map(
										(cycle, index) =>
											`${cycle.title}: ${formats.percent(share(ownRates[index]!, 'all'))}`,
									)
									.join('; '),
							}),
						}}
					/>
				)
			})}
		</section>
	)
}
