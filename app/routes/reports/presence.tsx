import { z } from 'zod'
import { listPresence, touchPresence } from '#db/queries/reports.ts'
import type { Route } from './+types/presence.ts'
import { requireReport } from './report-access.server.ts'
import { dbContext } from '../../utils/context.ts'

const PresenceSchema = z.object({ sectionId: z.string().max(200).nullable().optional() })

/** Heartbeat from an open editor: records who is here and returns the others seen recently. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report } = await requireReport(context, request, params.reportId)
	let body: unknown = {}
	try {
		body = await request.json()
	} catch {
		// An empty heartbeat is fine.
	}
	const parsed = PresenceSchema.safeParse(body)
	const sectionId = parsed.success ? (parsed.data.sectionId ?? null) : null
	const db = context.get(dbContext)
	await touchPresence(db, report.id, user.id, sectionId)
	const others = await listPresence(db, report.id, user.id)
	return { others: others.map((o) => ({ name: o.name, sectionId: o.section_id })) }
}
