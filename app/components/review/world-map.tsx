import { useId } from 'react'
import type { DashboardMap, DashboardStatus } from '../../domain/dashboard.server.ts'

type Pattern = 'solid' | 'dots' | 'diagonal' | 'backslash' | 'cross' | 'horizontal'

/**
 * Okabe–Ito colours (distinguishable with colour-vision deficiencies), each with its own pattern
 * so the statuses also differ without colour; `ink` is the pattern's contrasting colour.
 */
export const STATUS_STYLES: Record<
	DashboardStatus,
	{ fill: string; ink: string; pattern: Pattern }
> = {
	not_started: { fill: '#D55E00', ink: '#FFFFFF', pattern: 'backslash' },
	draft: { fill: '#F0E442', ink: '#1B1F23', pattern: 'horizontal' },
	returned: { fill: '#E69F00', ink: '#1B1F23', pattern: 'cross' },
	submitted: { fill: '#56B4E9', ink: '#1B1F23', pattern: 'diagonal' },
	under_review: { fill: '#0072B2', ink: '#FFFFFF', pattern: 'dots' },
	accepted: { fill: '#009E73', ink: '#009E73', pattern: 'solid' },
}

export const STATUS_ORDER = Object.keys(STATUS_STYLES) as DashboardStatus[]

const OTHER_FILL = '#D9DDE1'
const BORDER = '#4A5561'

function PatternMarks({ pattern, ink }: { pattern: Pattern; ink: string }) {
	switch (pattern) {
		case 'dots':
			return <circle cx={3} cy={3} r={1.2} fill={ink} />
		case 'diagonal':
			return <path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" stroke={ink} strokeWidth={1} />
		case 'backslash':
			return <path d="M0,0 L6,6 M5,-1 L7,1 M-1,5 L1,7" stroke={ink} strokeWidth={1} />
		case 'cross':
			return <path d="M0,6 L6,0 M0,0 L6,6" stroke={ink} strokeWidth={0.8} />
		case 'horizontal':
			return <path d="M0,3 L6,3" stroke={ink} strokeWidth={1} />
		case 'solid':
			return null
	}
}

function StatusPattern({ id, status }: { id: string; status: DashboardStatus }) {
	const style = STATUS_STYLES[status]
	return (
		<pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6}>
			<rect width={6} height={6} fill={style.fill} />
			<PatternMarks pattern={style.pattern} ink={style.ink} />
		</pattern>
	)
}

/** `<pattern>` definitions, one per status, referenced as `url(#<prefix>-<status>)`. */
function StatusPatterns({ prefix }: { prefix: string }) {
	return (
		<defs>
			{STATUS_ORDER.map((status) => (
				<StatusPattern key={status} id={`${prefix}-${status}`} status={status} />
			))}
		</defs>
	)
}

/** An id usable inside `url(#…)`. */
function svgId(reactId: string, name: string) {
	return `${name}${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`
}

/** A small square in a status's colour and pattern, for legends and tables (decorative). */
export function StatusSwatch({ status }: { status: DashboardStatus | null }) {
	const id = svgId(useId(), 'swatch')
	return (
		<svg className="status-swatch" viewBox="0 0 18 18" width={18} height={18} aria-hidden="true">
			{status ? (
				<defs>
					<StatusPattern id={id} status={status} />
				</defs>
			) : null}
			<rect
				x={0.5}
				y={0.5}
				width={17}
				height={17}
				fill={status ? `url(#${id})` : OTHER_FILL}
				stroke={BORDER}
			/>
		</svg>
	)
}

/**
 * The world coloured by report status, as inline SVG drawn from paths computed on the server.
 * The SVG is one image for assistive technology (title and summary); the legend is text, and
 * the table of Parties next to it carries the same information.
 */
export function WorldMap({
	map,
	counts,
	labels,
}: {
	map: DashboardMap
	counts: Record<DashboardStatus, number>
	labels: {
		heading: string
		summary: string
		legend: string
		status: Record<DashboardStatus, string>
		other: string
		markers: string
		notOnMap: string | null
	}
}) {
	const id = useId()
	const prefix = svgId(id, 'map')
	const fill = (status: DashboardStatus | null) =>
		status ? `url(#${prefix}-${status})` : OTHER_FILL
	return (
		<figure className="world-map" aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{labels.heading}</h2>
			<svg
				className="world-map__svg"
				viewBox={`0 0 ${map.width} ${map.height}`}
				role="img"
				aria-labelledby={`${id}-title ${id}-desc`}
			>
				<title id={`${id}-title`}>{labels.heading}</title>
				<desc id={`${id}-desc`}>{labels.summary}</desc>
				<StatusPatterns prefix={prefix} />
				<g stroke={BORDER} strokeWidth={0.3} strokeLinejoin="round">
					{map.areas.map((area, index) => (
						<path
							key={index}
							d={area.d}
							fill={fill(area.status)}
							data-status={area.status ?? undefined}
						>
							{area.name && area.status ? (
								<title>{`${area.name}: ${labels.status[area.status]}`}</title>
							) : null}
						</path>
					))}
				</g>
				<g stroke="#1B1F23" strokeWidth={0.8}>
					{map.points.map((point) => (
						<circle
							key={point.name}
							cx={point.x}
							cy={point.y}
							r={3.5}
							fill={fill(point.status)}
							data-status={point.status}
						>
							<title>{`${point.name}: ${labels.status[point.status]}`}</title>
						</circle>
					))}
				</g>
			</svg>
			<figcaption>
				<h3 className="world-map__legend-title">{labels.legend}</h3>
				<ul className="world-map__legend">
					{STATUS_ORDER.map((status) => (
						<li key={status}>
							<StatusSwatch status={status} />
							{labels.status[status]} ({counts[status]})
						</li>
					))}
					<li>
						<StatusSwatch status={null} />
						{labels.other}
					</li>
				</ul>
				<p className="muted">
					{labels.markers}
					{labels.notOnMap ? ` ${labels.notOnMap}` : null}
				</p>
			</figcaption>
		</figure>
	)
}
