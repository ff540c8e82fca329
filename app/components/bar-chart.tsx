import { useId } from 'react'
import type { ChartData } from '#exports/compiled/charts.ts'

/** Okabe–Ito colours (distinguishable with colour-vision deficiencies), dark enough on white. */
const COLOURS = [
	'#0072B2',
	'#D55E00',
	'#009E73',
	'#CC79A7',
	'#56B4E9',
	'#E69F00',
	'#000000',
	'#7F7F7F',
]

const WIDTH = 760
const HEIGHT = 340
const MARGIN = { top: 16, right: 16, bottom: 110, left: 130 }

function niceMax(value: number): number {
	if (value <= 0) return 1
	const power = 10 ** Math.floor(Math.log10(value))
	const steps = [1, 2, 2.5, 5, 10]
	return (steps.find((step) => step * power >= value) ?? 10) * power
}

const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom
const BASELINE = MARGIN.top + PLOT_HEIGHT

/** What the chart draws: categories along the axis, a bar per series in each. */
export type BarChartData = Pick<ChartData, 'categories' | 'series'>

type Category = ChartData['categories'][number]

/** One category's bars, side by side, each named with its value, and the category's label. */
function CategoryBars({
	chart,
	category,
	categoryIndex,
	y,
	formatNumber,
}: {
	chart: BarChartData
	category: Category
	categoryIndex: number
	y: (value: number) => number
	formatNumber: (value: number) => string
}) {
	const groupWidth = PLOT_WIDTH / Math.max(chart.categories.length, 1)
	const barWidth = Math.max(2, (groupWidth * 0.8) / Math.max(chart.series.length, 1))
	const groupX = MARGIN.left + categoryIndex * groupWidth + groupWidth * 0.1
	const labelX = groupX + (groupWidth * 0.8) / 2
	return (
		<g>
			{chart.series.map((series, seriesIndex) => {
				const value = series.values[categoryIndex] ?? 0
				return (
					<rect
						key={series.key}
						x={groupX + seriesIndex * barWidth}
						y={y(Math.max(value, 0))}
						width={barWidth - 1}
						height={Math.max(0, BASELINE - y(Math.max(value, 0)))}
						fill={COLOURS[seriesIndex % COLOURS.length]}
					>
						<title>{`${series.label}, ${category.label}: ${formatNumber(value)}`}</title>
					</rect>
				)
			})}
			<text
				x={labelX}
				y={BASELINE + 14}
				textAnchor="end"
				fontSize={11}
				fill="#333"
				transform={`rotate(-35 ${labelX} ${BASELINE + 14})`}
			>
				{category.label.length > 24 ? `${category.label.slice(0, 23)}…` : category.label}
			</text>
		</g>
	)
}

function ChartDataTable({
	chart,
	heading,
	formatNumber,
	labels,
}: {
	chart: BarChartData
	heading: string
	formatNumber: (value: number) => string
	labels: { dataTable: string; category: string }
}) {
	return (
		<details className="chart__data">
			<summary>{labels.dataTable}</summary>
			<div className="table-scroll">
				<table className="table">
					<caption>{heading}</caption>
					<thead>
						<tr>
							<th scope="col">{labels.category}</th>
							{chart.series.map((series) => (
								<th key={series.key} scope="col">
									{series.label}
								</th>
							))}
						</tr>
					</thead>
					<tbody>
						{chart.categories.map((category, categoryIndex) => (
							<tr key={category.key}>
								<th scope="row">{category.label}</th>
								{chart.series.map((series) => (
									<td key={series.key} className="numeric">
										{formatNumber(series.values[categoryIndex] ?? 0)}
									</td>
								))}
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</details>
	)
}

/**
 * A grouped bar chart as inline SVG, described for screen readers (title, summary) and followed by
 * the same figures as a table, which is also what keyboard and screen reader users navigate.
 */
export function BarChart({
	chart,
	heading,
	headingLevel = 3,
	formatNumber,
	labels,
}: {
	chart: BarChartData
	heading: string
	/** The level of the chart's heading in the page's outline. */
	headingLevel?: 3 | 4
	formatNumber: (value: number) => string
	labels: { dataTable: string; unit: string | null; category: string; summary: string }
}) {
	const Heading = headingLevel === 4 ? 'h4' : 'h3'
	const id = useId()
	const max = niceMax(Math.max(0, ...chart.series.flatMap((series) => series.values)))
	const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT
	const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => fraction * max)
	return (
		<figure className="chart" aria-labelledby={`${id}-title`}>
			<Heading id={`${id}-title`}>{heading}</Heading>
			{labels.unit ? <p className="muted">{labels.unit}</p> : null}
			<svg
				viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
				role="img"
				aria-labelledby={`${id}-svg-title ${id}-svg-desc`}
				className="chart__svg"
				// Coordinates run left to right in every language (text-anchor would flip in Arabic).
				direction="ltr"
			>
				<title id={`${id}-svg-title`}>{heading}</title>
				<desc id={`${id}-svg-desc`}>{labels.summary}</desc>
				{ticks.map((tick) => (
					<g key={tick}>
						<line
							x1={MARGIN.left}
							x2={WIDTH - MARGIN.right}
							y1={y(tick)}
							y2={y(tick)}
							stroke="#d0d7de"
							strokeWidth={1}
						/>
						<text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#333">
							{formatNumber(tick)}
						</text>
					</g>
				))}
				{chart.categories.map((category, categoryIndex) => (
					<CategoryBars
						key={category.key}
						chart={chart}
						category={category}
						categoryIndex={categoryIndex}
						y={y}
						formatNumber={formatNumber}
					/>
				))}
				<line
					x1={MARGIN.left}
					x2={WIDTH - MARGIN.right}
					y1={BASELINE}
					y2={BASELINE}
					stroke="#333"
				/>
			</svg>
			<ul className="chart__legend" aria-hidden="true">
				{chart.series.map((series, index) => (
					<li key={series.key}>
						<span
							className="chart__swatch"
							style={{ background: COLOURS[index % COLOURS.length] }}
						/>
						{series.label}
					</li>
				))}
			</ul>
			<ChartDataTable chart={chart} heading={heading} formatNumber={formatNumber} labels={labels} />
		</figure>
	)
}
