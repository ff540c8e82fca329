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
	const world = worldGeometry()
	const byM49 = new Map(parties.filter((p) => p.m49).map((p) => [p.m49!, p]))
	const areas = world.shapes.map((shape) => {
		const party = byM49.get(shape.m49)
		return { d: shape.d, status: party?.status ?? null, name: party?.name ?? null }
	})
	const outlined = new Set(world.shapes.map((shape) => shape.m49))
	const points: MapPoint[] = []
	const notOnMap: DashboardMap['notOnMap'] = []
	for (const party of parties) {
		if (party.m49 && outlined.has(party.m49)) continue
		const point = party.m49 ? world.points.get(party.m49) : undefined
		if (point) points.push({ ...point, status: party.status, name: party.name })
		else notOnMap.push({ name: party.name, status: party.status })
	}
	return {
		width: world.width,
		height: world.height,
		areas,
		points,
		notOnMap,
	}
}
