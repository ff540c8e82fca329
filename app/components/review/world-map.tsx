import { useId, useMemo, useRef, useState } from 'react'
import type { DashboardStatus, WorldMapData } from '../../domain/dashboard.ts'

/**
 * How a status is hatched: stripes at an angle (degrees, 0 = horizontal), dots, a checkerboard,
 * or a plain fill.
 */
export type Pattern = { lines: number } | { dots: true } | { checker: true } | { solid: true }

/** A status's look: its colour, and a pattern of its own drawn in `ink` over it. */
export type StatusStyle = { fill: string; ink: string; pattern: Pattern }

/**
 * Okabe–Ito colours (distinguishable with colour-vision deficiencies), each status with a pattern
 * of its own shape, so that the statuses also differ without colour: no two have stripes in the
 * same direction, and dots, the checkerboard and the plain fill are used once each. `ink` is the
 * pattern's colour, contrasting with `fill`.
 */
export const STATUS_STYLES: Record<DashboardStatus, StatusStyle> = {
	not_started: { fill: '#D55E00', ink: '#FFFFFF', pattern: { lines: 0 } },
	draft: { fill: '#F0E442', ink: '#1B1F23', pattern: { dots: true } },
	submitted: { fill: '#56B4E9', ink: '#1B1F23', pattern: { lines: 45 } },
	under_review: { fill: '#0072B2', ink: '#FFFFFF', pattern: { lines: 90 } },
	returned: { fill: '#CC79A7', ink: '#1B1F23', pattern: { checker: true } },
	accepted: { fill: '#009E73', ink: '#009E73', pattern: { solid: true } },
}

export const STATUS_ORDER = Object.keys(STATUS_STYLES) as DashboardStatus[]

const OTHER_FILL = '#D9DDE1'
const BORDER = '#4A5561'
/** Side of one pattern tile, in map units. */
const TILE = 8

/** One tile of a status's pattern; stripes are drawn horizontally and the tile turned. */
function StatusPattern({ id, style }: { id: string; style: StatusStyle }) {
	const { fill, ink, pattern } = style
	const half = TILE / 2
	return (
		<pattern
			id={id}
			patternUnits="userSpaceOnUse"
			width={TILE}
			height={TILE}
			patternTransform={
				'lines' in pattern && pattern.lines ? `rotate(${pattern.lines})` : undefined
			}
		>
			<rect width={TILE} height={TILE} fill={fill} />
			{'lines' in pattern ? <rect y={half - 1.1} width={TILE} height={2.2} fill={ink} /> : null}
			{'dots' in pattern ? <circle cx={half} cy={half} r={1.8} fill={ink} /> : null}
			{'checker' in pattern ? (
				<path
					d={`M0,0 H${half} V${half} H0 Z M${half},${half} H${TILE} V${TILE} H${half} Z`}
					fill={ink}
				/>
			) : null}
		</pattern>
	)
}

/** `<pattern>` definitions, one per status, referenced as `url(#<prefix>-<status>)`. */
function StatusPatterns({
	prefix,
	styles,
}: {
	prefix: string
	styles: Record<string, StatusStyle>
}) {
	return (
		<defs>
			{Object.entries(styles).map(([status, style]) => (
				<StatusPattern key={status} id={`${prefix}-${status}`} style={style} />
			))}
		</defs>
	)
}

/** An id usable inside `url(#…)`. */
function svgId(reactId: string, name: string) {
	return `${name}${reactId.replace(/[^a-zA-Z0-9_-]/g, '')}`
}

/**
 * A square in a status's colour and pattern, for legends, tables and the tooltip (decorative): a
 * dashboard status, or any status's `style` (null: a place that is no Party's).
 */
export function StatusSwatch({
	status,
	style = status ? STATUS_STYLES[status] : null,
}: {
	status?: DashboardStatus | null
	style?: StatusStyle | null
}) {
	const id = svgId(useId(), 'swatch')
	return (
		<svg className="status-swatch" viewBox="0 0 24 24" width={24} height={24} aria-hidden="true">
			{style ? (
				<defs>
					<StatusPattern id={id} style={style} />
				</defs>
			) : null}
			<rect
				x={0.5}
				y={0.5}
				width={23}
				height={23}
				fill={style ? `url(#${id})` : OTHER_FILL}
				stroke={BORDER}
			/>
		</svg>
	)
}

type Place<S extends string> = { key: string; name: string; status: S }
type Tip = { key: string; x: number; y: number }

type WorldMapLabels<S extends string> = {
	heading: string
	summary: string
	legend: string
	status: Record<S, string>
	other: string
	markers: string
	/** How to move between Parties with the keyboard; the map without scripts has no such keys. */
	keyboard?: string
	notOnMap: string | null
}

/** Parties on the map in the order the keyboard visits them (alphabetical). */
function placesOf<S extends string>(map: WorldMapData<S>): Place<S>[] {
	const all: Place<S>[] = [
		...map.areas.flatMap((area, index) =>
			area.name && area.status ? [{ key: `a${index}`, name: area.name, status: area.status }] : [],
		),
		...map.points.map((point, index) => ({
			key: `p${index}`,
			name: point.name,
			status: point.status,
		})),
	]
	return all.sort((a, b) => a.name.localeCompare(b.name))
}

/** The Party an arrow, Home or End key moves to from `index`, if the key moves at all. */
function placeAfterKey<S extends string>(
	places: Place<S>[],
	index: number,
	key: string,
): Place<S> | undefined {
	if (key === 'ArrowRight' || key === 'ArrowDown') return places[(index + 1) % places.length]
	if (key === 'ArrowLeft' || key === 'ArrowUp')
		return places[(index - 1 + places.length) % places.length]
	if (key === 'Home') return places[0]
	if (key === 'End') return places[places.length - 1]
	return undefined
}

/**
 * Keyboard and pointer behaviour of the map's Parties: one of them in the tab order (roving
 * tabindex), the tooltip next to the focused or hovered one. `placeProps` are the props of a
 * shape on the map (hidden from assistive technology when it is no Party's).
 */
function useMapPlaces<S extends string>(map: WorldMapData<S>, statusLabels: Record<S, string>) {
	const frame = useRef<HTMLDivElement>(null)
	const [tip, setTip] = useState<Tip | null>(null)
	const places = useMemo(() => placesOf(map), [map])
	const byKey = useMemo(() => new Map(places.map((place) => [place.key, place])), [places])
	const [active, setActive] = useState(places[0]?.key)

	/** Places the tooltip next to `element` (keyboard) or at the pointer. */
	const show = (key: string, element: Element, pointer?: { x: number; y: number }) => {
		const box = frame.current?.getBoundingClientRect()
		if (!box) return
		const shape = element.getBoundingClientRect()
		const x = pointer ? pointer.x : shape.left + shape.width / 2
		const y = pointer ? pointer.y : shape.top
		setTip({ key, x: x - box.left, y: y - box.top })
	}
	const onKeyDown = (event: React.KeyboardEvent<SVGElement>, key: string) => {
		const index = places.findIndex((place) => place.key === key)
		const next = placeAfterKey(places, index, event.key)
		if (next) {
			event.preventDefault()
			setActive(next.key)
			frame.current?.querySelector<SVGElement>(`[data-place="${next.key}"]`)?.focus()
		} else if (event.key === 'Escape') setTip(null)
	}
	const placeProps = (key: string) => {
		const place = byKey.get(key)
		return place
			? {
					'data-place': key,
					role: 'img',
					'aria-label': `${place.name}: ${statusLabels[place.status]}`,
					tabIndex: key === active ? 0 : -1,
					onFocus: (event: React.FocusEvent<SVGElement>) => {
						setActive(key)
						show(key, event.currentTarget)
					},
					onBlur: () => setTip(null),
					onPointerEnter: (event: React.PointerEvent<SVGElement>) =>
						show(key, event.currentTarget, { x: event.clientX, y: event.clientY }),
					onPointerMove: (event: React.PointerEvent<SVGElement>) =>
						show(key, event.currentTarget, { x: event.clientX, y: event.clientY }),
					onPointerLeave: () => setTip(null),
					onKeyDown: (event: React.KeyboardEvent<SVGElement>) => onKeyDown(event, key),
				}
			: { 'aria-hidden': true as const }
	}
	const shown = tip ? byKey.get(tip.key) : undefined
	return { frame, tip: shown && tip ? { ...tip, place: shown } : null, placeProps }
}

function MapTooltip<S extends string>({
	tip,
	statusLabel,
	style,
}: {
	tip: Tip & { place: Place<S> }
	statusLabel: string
	style: StatusStyle
}) {
	return (
		<div
			className="world-map__tooltip"
			aria-hidden="true"
			data-testid="map-tooltip"
			style={{ left: tip.x, top: tip.y }}
		>
			<strong>{tip.place.name}</strong>
			<span className="world-map__tooltip-status">
				<StatusSwatch style={style} />
				{statusLabel}
			</span>
		</div>
	)
}

/** The statuses a map shows, in legend order, with the look of each. */
export type MapStatuses<S extends string> = { order: readonly S[]; styles: Record<S, StatusStyle> }

/** The review dashboard's report statuses. */
export const DASHBOARD_MAP_STATUSES: MapStatuses<DashboardStatus> = {
	order: STATUS_ORDER,
	styles: STATUS_STYLES,
}

function MapCaption<S extends string>({
	id,
	counts,
	labels,
	statuses,
}: {
	id: string
	counts: Record<S, number>
	labels: WorldMapLabels<S>
	statuses: MapStatuses<S>
}) {
	return (
		<figcaption>
			<p className="visually-hidden" id={`${id}-desc`}>
				{labels.summary}
			</p>
			{labels.keyboard ? (
				<p className="field-help" id={`${id}-keys`}>
					{labels.keyboard}
				</p>
			) : null}
			<h3 className="world-map__legend-title">{labels.legend}</h3>
			<ul className="world-map__legend">
				{statuses.order.map((status) => (
					<li key={status} data-status={status}>
						<StatusSwatch style={statuses.styles[status]} />
						{labels.status[status]} ({counts[status]})
					</li>
				))}
				<li>
					<StatusSwatch style={null} />
					{labels.other}
				</li>
			</ul>
			<p className="muted">
				{labels.markers}
				{labels.notOnMap ? ` ${labels.notOnMap}` : null}
			</p>
		</figcaption>
	)
}

type ShapeProps = (key: string) => Record<string, unknown>

/**
 * The map's shapes: outlines, then the small States as circles. `placeProps` gives each Party's
 * shape its behaviour; `titled` adds a `<title>` ("Kenya: On time"), the browser's own tooltip.
 */
function MapShapes<S extends string>({
	map,
	prefix,
	statusLabels,
	placeProps,
	titled,
}: {
	map: WorldMapData<S>
	prefix: string
	statusLabels: Record<S, string>
	placeProps: ShapeProps
	titled: boolean
}) {
	const fill = (status: S | null) => (status ? `url(#${prefix}-${status})` : OTHER_FILL)
	const title = (name: string | null, status: S | null) =>
		titled && name && status ? <title>{`${name}: ${statusLabels[status]}`}</title> : null
	return (
		<>
			<g stroke={BORDER} strokeWidth={0.3} strokeLinejoin="round">
				{map.areas.map((area, index) => (
					<path
						key={index}
						d={area.d}
						fill={fill(area.status)}
						data-status={area.status ?? undefined}
						className={area.status ? 'world-map__place' : undefined}
						{...placeProps(`a${index}`)}
					>
						{title(area.name, area.status)}
					</path>
				))}
			</g>
			<g stroke="#1B1F23" strokeWidth={0.8}>
				{map.points.map((point, index) => (
					<circle
						key={point.name}
						cx={point.x}
						cy={point.y}
						r={3.5}
						fill={fill(point.status)}
						data-status={point.status}
						className="world-map__place"
						{...placeProps(`p${index}`)}
					>
						{title(point.name, point.status)}
					</circle>
				))}
			</g>
		</>
	)
}

/** What both maps draw: the Parties' shapes, the status of each, its counts and the words. */
interface WorldMapProps<S extends string> {
	map: WorldMapData<S>
	counts: Record<S, number>
	labels: WorldMapLabels<S>
	statuses: MapStatuses<S>
}

/**
 * The world coloured and patterned by report status, as inline SVG drawn from paths computed on
 * the server, with a legend. Each Party on the map is named ("Kenya: Accepted") for assistive
 * technology and shows a tooltip with its name and status on hover and on keyboard focus. The map
 * is one stop in the tab order: the arrow keys move from Party to Party (alphabetical order), Home
 * and End go to the first and last, Escape hides the tooltip. The table of Parties next to it
 * carries the same information.
 */
export function WorldMap<S extends string>({ map, counts, labels, statuses }: WorldMapProps<S>) {
	const id = useId()
	const prefix = svgId(id, 'map')
	const { frame, tip, placeProps } = useMapPlaces(map, labels.status)
	return (
		<figure className="world-map" aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{labels.heading}</h2>
			<div className="world-map__frame" ref={frame}>
				<svg
					className="world-map__svg"
					viewBox={`0 0 ${map.width} ${map.height}`}
					role="group"
					aria-labelledby={`${id}-heading`}
					aria-describedby={`${id}-desc ${id}-keys`}
				>
					<StatusPatterns prefix={prefix} styles={statuses.styles} />
					<MapShapes
						map={map}
						prefix={prefix}
						statusLabels={labels.status}
						placeProps={placeProps as ShapeProps}
						titled={false}
					/>
				</svg>
				{tip ? (
					<MapTooltip
						tip={tip}
						statusLabel={labels.status[tip.place.status]}
						style={statuses.styles[tip.place.status]}
					/>
				) : null}
			</div>
			<MapCaption id={id} counts={counts} labels={labels} statuses={statuses} />
		</figure>
	)
}

const NO_BEHAVIOUR: ShapeProps = () => ({})

/**
 * The same map for pages served without scripts (the public portal): one picture, named and
 * summarised for assistive technology, whose Parties show their name and status as the browser's
 * own tooltip on hover; nothing in it takes focus. The page puts the table of Parties next to it,
 * which carries the same information and is what keyboard and screen reader users read.
 */
export function StaticWorldMap<S extends string>({
	map,
	counts,
	labels,
	statuses,
}: WorldMapProps<S>) {
	const id = useId()
	const prefix = svgId(id, 'map')
	return (
		<figure className="world-map" aria-labelledby={`${id}-heading`}>
			<h2 id={`${id}-heading`}>{labels.heading}</h2>
			<div className="world-map__frame">
				<svg
					className="world-map__svg"
					viewBox={`0 0 ${map.width} ${map.height}`}
					role="img"
					aria-labelledby={`${id}-heading`}
					aria-describedby={`${id}-desc`}
				>
					<StatusPatterns prefix={prefix} styles={statuses.styles} />
					<MapShapes
						map={map}
						prefix={prefix}
						statusLabels={labels.status}
						placeProps={NO_BEHAVIOUR}
						titled
					/>
				</svg>
			</div>
			<MapCaption id={id} counts={counts} labels={labels} statuses={statuses} />
		</figure>
	)
}
