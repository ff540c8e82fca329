import { useId } from 'react'

const WIDTH = 760
const HEIGHT = 300
const MARGIN = { top: 24, right: 24, bottom: 40, left: 56 }
const DAY = 86_400_000

export type SubmissionPoint = { date: string; count: number; cumulative: number }

function time(date: string) {
	return Date.parse(`${date}T00:00:00Z`)
}

function niceMax(value: number): number {
	if (value <= 5) return 5
	const power = 10 ** Math.floor(Math.log10(value))
	const steps = [1, 2, 2.5, 5, 10]
	return (steps.find((step) => step * power >= value) ?? 10) * power
}

/** First days of the months between two dates, thinned to at most `max` ticks. */
function monthTicks(start: number, end: number, max: number): number[] {
	const ticks: number[] = []
	const cursor = new Date(start)
	cursor.setUTCDate(1)
	cursor.setUTCMonth(cursor.getUTCMonth() + 1)
	while (cursor.getTime() <= end) {
		ticks.push(cursor.getTime())
		cursor.setUTCMonth(cursor.getUTCMonth() + 1)
	}
	const every = Math.max(1, Math.ceil(ticks.length / max))
	return ticks.filter((_, index) => index % every === 0)
}

const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom
const BASELINE = MARGIN.top + PLOT_HEIGHT

/** Time and count scales over the cycle, and the step line of the cumulative count. */
function chartScale(
	points: readonly SubmissionPoint[],
	opensOn: string,
	deadline: string,
	today: string,
) {
	const first = points[0]?.date
	const last = points[points.length - 1]?.date
	const start = Math.min(time(opensOn), first ? time(first) : Infinity)
	const end = Math.max(time(deadline), last ? time(last) : -Infinity, start + DAY)
	const total = points[points.length - 1]?.cumulative ?? 0
	const yMax = niceMax(total)
	const x = (t: number) => MARGIN.left + ((t - start) / (end - start)) * PLOT_WIDTH
	const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / yMax) * PLOT_HEIGHT
	const stopAt = Math.max(start, Math.min(Math.max(time(today), last ? time(last) : start), end))
	let line = `M${x(start)},${y(0)}`
	for (const point of points) {
		const at = x(time(point.date))
		line += `H${at}V${y(point.cumulative)}`
	}
	line += `H${x(stopAt)}`
	return { start, end, yMax, x, y, line }
}

type ChartScale = ReturnType<typeof chartScale>

function CountAxis({ scale, label }: { scale: ChartScale; label: string }) {
	const yTicks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => Math.round(fraction * scale.yMax))
	return (
		<>
			{yTicks.map((tick) => (
				<g key={tick}>
					<line
						x1={MARGIN.left}
						x2={WIDTH - MARGIN.right}
						y1={scale.y(tick)}
						y2={scale.y(tick)}
						stroke="#D0D7DE"
					/>
					<text
						x={MARGIN.left - 6}
						y={scale.y(tick) + 4}
						textAnchor="end"
						fontSize={11}
						fill="#333"
					>
						{tick}
					</text>
				</g>
			))}
			<text
				x={14}
				y={MARGIN.top + PLOT_HEIGHT / 2}
				fontSize={11}
				fill="#333"
				textAnchor="middle"
				transform={`rotate(-90 14 ${MARGIN.top + PLOT_HEIGHT / 2})`}
			>
				{label}
			</text>
		</>
	)
}

function TimeAxis({
	scale,
	formatMonth,
}: {
	scale: ChartScale
	formatMonth: (time: number) => string
}) {
	return (
		<>
			{monthTicks(scale.start, scale.end, 8).map((tick) => (
				<g key={tick}>
					<line
						x1={scale.x(tick)}
						x2={scale.x(tick)}
						y1={BASELINE}
						y2={BASELINE + 4}
						stroke="#333"
					/>
					<text x={scale.x(tick)} y={BASELINE + 18} textAnchor="middle" fontSize={11} fill="#333">
						{formatMonth(tick)}
					</text>
				</g>
			))}
			<line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={BASELINE} y2={BASELINE} stroke="#333" />
		</>
	)
}

function DeadlineMarker({ x, label }: { x: number; label: string }) {
	const atRight = x > WIDTH / 2
	return (
		<>
			<line
				x1={x}
				x2={x}
				y1={MARGIN.top - 8}
				y2={BASELINE}
				stroke="#B3261E"
				strokeWidth={1.5}
				strokeDasharray="6 4"
			/>
			<text
				x={atRight ? x - 4 : x + 4}
				y={MARGIN.top - 10}
				textAnchor={atRight ? 'end' : 'start'}
				fontSize={11}
				fill="#B3261E"
			>
				{label}
			</text>
		</>
	)
}

function SubmissionsTable({
	points,
	formatDate,
	labels,
}: {
	points: readonly SubmissionPoint[]
	formatDate: (date: string) => string
	labels: { heading: string; dataTable: string; date: string; onDay: string; cumulative: string }
}) {
	return (
		<details className="chart__data">
			<summary>{labels.dataTable}</summary>
			<div className="table-scroll">
				<table className="table">
					<caption>{labels.heading}</caption>
					<thead>
						<tr>
							<th scope="col">{labels.date}</th>
							<th scope="col">{labels.onDay}</th>
							<th scope="col">{labels.cumulative}</th>
						</tr>
					</thead>
					<tbody>
						{points.map((point) => (
							<tr key={point.date}>
								<th scope="row">{formatDate(point.date)}</th>
								<td className="numeric">{point.count}</td>
								<td className="numeric">{point.cumulative}</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</details>
	)
}

/**
 * Cumulative first submissions over the cycle, from its opening to the deadline (or the latest
 * submission when later), as a step line with the deadline marked. The summary is the SVG's
 * description and is shown as text; the figures follow as a table.
 */
export function SubmissionsChart({
	points,
	opensOn,
	deadline,
	today,
	formatDate,
	formatMonth,
	labels,
}: {
	points: readonly SubmissionPoint[]
	opensOn: string
	deadline: string
	today: string
	formatDate: (date: string) => string
	formatMonth: (time: number) => string
	labels: {
		heading: string
		summary: string
		deadline: string
		axis: string
		dataTable: string
		date: string
		onDay: string
		cumulative: string
	}
}) {
	const id = useId()
	const scale = chartScale(points, opensOn, deadline, today)
	return (
		<figure className="chart submissions-chart" aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{labels.heading}</h2>
			<p>{labels.summary}</p>
			<svg
				viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
				role="img"
				aria-labelledby={`${id}-title ${id}-desc`}
				className="chart__svg"
				// Coordinates run left to right in every language (text-anchor would flip in Arabic).
				direction="ltr"
			>
				<title id={`${id}-title`}>{labels.heading}</title>
				<desc id={`${id}-desc`}>{labels.summary}</desc>
				<CountAxis scale={scale} label={labels.axis} />
				<TimeAxis scale={scale} formatMonth={formatMonth} />
				<DeadlineMarker
					x={scale.x(time(deadline))}
					label={`${labels.deadline}: ${formatDate(deadline)}`}
				/>
				<path d={scale.line} fill="none" stroke="#0072B2" strokeWidth={2.5} />
			</svg>
			{points.length > 0 ? (
				<SubmissionsTable points={points} formatDate={formatDate} labels={labels} />
			) : null}
		</figure>
	)
}
