import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { geoCentroid, geoEqualEarth, geoPath } from 'd3-geo'
import { feature } from 'topojson-client'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { GeometryCollection, Topology } from 'topojson-specification'

/**
 * World map geometry for inline SVG, computed on the server once per process from the maintained
 * Natural Earth extracts of `world-atlas` (TopoJSON keyed by ISO 3166-1 numeric code): country
 * outlines at 1:110m, and for the States too small for that scale (small island States,
 * microstates) a point at their 1:50m centroid. Nothing of it is fetched from the internet, and
 * only the projected path strings reach the browser.
 */

export const MAP_WIDTH = 960
export const MAP_HEIGHT = 470

export type WorldShape = { m49: string; d: string }
export type WorldPoint = { x: number; y: number }

export type WorldGeometry = {
	width: number
	height: number
	/** Country outlines, Antarctica left out. */
	shapes: WorldShape[]
	/** Projected centroids of the 1:50m countries missing at 1:110m, by ISO numeric code. */
	points: Map<string, WorldPoint>
}

type CountryProperties = { name?: string }

const ANTARCTICA = '010'
const require = createRequire(import.meta.url)

function countries(file: string): Feature<Geometry, CountryProperties>[] {
	const topology = JSON.parse(
		readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'),
	) as Topology<{ countries: GeometryCollection<CountryProperties> }>
	const collection = feature(topology, topology.objects.countries) as FeatureCollection<
		Geometry,
		CountryProperties
	>
	return collection.features.filter((f) => f.id !== undefined && String(f.id) !== ANTARCTICA)
}

let cached: WorldGeometry | undefined

export function worldGeometry(): WorldGeometry {
	if (cached) return cached
	const outlines = countries('countries-110m.json')
	const projection = geoEqualEarth().fitExtent(
		[
			[4, 4],
			[MAP_WIDTH - 4, MAP_HEIGHT - 4],
		],
		{ type: 'FeatureCollection', features: outlines },
	)
	const path = geoPath(projection).digits(1)
	const shapes = outlines.flatMap((f) => {
		const d = path(f)
		return d ? [{ m49: String(f.id), d }] : []
	})
	const outlined = new Set(shapes.map((shape) => shape.m49))
	const points = new Map<string, WorldPoint>()
	for (const f of countries('countries-50m.json')) {
		const m49 = String(f.id)
		if (outlined.has(m49)) continue
		const projected = projection(geoCentroid(f))
		if (projected) points.set(m49, { x: round(projected[0]), y: round(projected[1]) })
	}
	cached = {
		width: MAP_WIDTH,
		height: MAP_HEIGHT,
		shapes,
		points,
	}
	return cached
}

function round(value: number) {
	return Math.round(value * 10) / 10
}
