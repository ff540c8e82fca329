import { data } from 'react-router'
import { z } from 'zod'
import { listPresence, touchPresence } from '#db/queries/reports.ts'
import type { Route } from './+types/presence.ts'
import { requireReport } from './report-access.server.ts'
import { dbContext } from '../../utils/context.ts'
import { readJson } from '../../utils/request.server.ts'

const PresenceSchema = z.object({ sectionId: z.string().max(200).nullable().optional() })

const MAX_PRESENCE_BYTES = 4 * 1024

/** Heartbeat from an open editor: records who is here and returns the others seen recently. */
export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report } = await requireReport(context, request, params.reportId)
	const read = await readJson(request, MAX_PRESENCE_BYTES)
	// An empty or unreadable heartbeat still says who is here; text that cannot be stored does not.
	if (!read.ok && read.reason !== 'malformed') {
		const message = read.reason === 'unsafe_text' ? 'errors.unsafeText' : 'errors.malformed'
		throw data({ message }, { status: read.status })
	}
	const parsed = PresenceSchema.safeParse(read.ok ? read.value : {})
	const sectionId = parsed.success ? (parsed.data.sectionId ?? null) : null
	const db = context.get(dbContext)
	await touchPresence(db, report.id, user.id, sectionId)
	const others = await listPresence(db, report.id, user.id)
	return { others: others.map(({ name, sectionId }) => ({ name, sectionId })) }
}
