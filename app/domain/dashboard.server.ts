import type { ReportingCycle } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { partyReportRows } from '#db/queries/party-reports.ts'
import type { Language } from '../utils/i18n.ts'
import {
	summariseCycle,
	type CycleDashboard,
	type DashboardMap,
	type DashboardParty,
	type MapPoint,
	type WorldMapData,
} from './dashboard.ts'
import { worldGeometry } from './world-geometry.server.ts'

export async function loadCycleDashboard(
	db: DbHandle,
	cycle: ReportingCycle,
	input: { today: string; language: Language },
): Promise<CycleDashboard> {
	return summariseCycle(await partyReportRows(db, cycle), { ...input, deadline: cycle.deadline })
}

/** The world map coloured by the Parties' status (non-Parties and territories: `status` null). */
export function dashboardMap(parties: readonly DashboardParty[]): DashboardMap {
	return worldMapOf(parties)
}

/**
 * The world map of `places` (Parties with their M49 code, a status and a name): outlines coloured
 * by status, small States as points, and the Parties the map cannot place listed apart.
 */
export function worldMapOf<S extends string>(
	places: readonly { m49: string | null; status: S; name: string }[],
): WorldMapData<S> {
	const world = worldGeometry()
	const byM49 = new Map(places.filter((p) => p.m49).map((p) => [p.m49!, p]))
	const areas = world.shapes.map((shape) => {
		const place = byM49.get(shape.m49)
		return { d: shape.d, status: place?.status ?? null, name: place?.name ?? null }
	})
	const outlined = new Set(world.shapes.map((shape) => shape.m49))
	const points: MapPoint<S>[] = []
	const notOnMap: WorldMapData<S>['notOnMap'] = []
	for (const place of places) {
		if (place.m49 && outlined.has(place.m49)) continue
		const point = place.m49 ? world.points.get(place.m49) : undefined
		if (point) points.push({ ...point, status: place.status, name: place.name })
		else notOnMap.push({ name: place.name, status: place.status })
	}
	return {
		width: world.width,
		height: world.height,
		areas,
		points,
		notOnMap,
	}
}
