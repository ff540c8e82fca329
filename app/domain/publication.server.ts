import type { Kysely } from 'kysely'
import { listAuditEvents, recordAuditEvent } from '#db/queries/audit.ts'
import type { ReportingCycle } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import {
	findCyclePublication,
	listPublishedCycles,
	removeCyclePublication,
	setCyclePublication,
	type PublishedCycle,
} from '#db/queries/publication.ts'
import type { Database } from '#db/types.ts'
import { PUBLICATION_EVENTS, publicationState } from './publication.ts'

/**
 * What the public portal shows is the secretariat's decision, cycle by cycle (issue 16): a cycle is
 * public from the day an administrator publishes it from (UTC dates), with its Parties' reporting
 * status and its accepted reports; before that day, or without a decision, nothing of it is. Every
 * decision is audited (`cycle.published`, `cycle.publication_withdrawn`).
 */

export type PublicationDecision =
	{ decision: 'publish'; publishedFrom: string } | { decision: 'withdraw' }

export async function loadPublicationState(db: DbHandle, cycleId: string, today: string) {
	return publicationState(await findCyclePublication(db, cycleId), today)
}

/** The publication decisions taken on a cycle, newest first, as the cycle page lists them. */
export async function publicationHistory(db: DbHandle, cycleId: string) {
	const events = await listAuditEvents(db, { subjectType: 'reporting_cycle', subjectId: cycleId })
	return events.flatMap((event) => {
		const kind = PUBLICATION_EVENTS[event.action as keyof typeof PUBLICATION_EVENTS]
		if (!kind) return []
		const after = (event.details as { after?: { publishedFrom?: string } | null }).after
		return [
			{
				id: Number(event.id),
				at: new Date(event.occurredAt).toISOString(),
				kind,
				publishedFrom: after?.publishedFrom ?? null,
				actor: event.actorName,
			},
		]
	})
}

/**
 * Applies an administrator's decision on the cycle's publication, audited with what it was before.
 * Withdrawing a publication that does not exist changes nothing and is not audited.
 */
export async function decidePublication(
	db: Kysely<Database>,
	input: {
		cycle: Pick<ReportingCycle, 'id' | 'code'>
		adminId: string
		decision: PublicationDecision
	},
): Promise<{ changed: boolean }> {
	const { cycle, adminId, decision } = input
	return db.transaction().execute(async (trx) => {
		const before = await findCyclePublication(trx, cycle.id)
		if (decision.decision === 'withdraw') {
			if (!(await removeCyclePublication(trx, cycle.id))) return { changed: false }
		} else {
			await setCyclePublication(trx, {
				cycleId: cycle.id,
				publishedFrom: decision.publishedFrom,
				decidedBy: adminId,
			})
		}
		await recordAuditEvent(trx, {
			actorUserId: adminId,
			action: (decision.decision === 'publish'
				? 'cycle.published'
				: 'cycle.publication_withdrawn') satisfies keyof typeof PUBLICATION_EVENTS,
			subjectType: 'reporting_cycle',
			subjectId: cycle.id,
			details: {
				cycle: cycle.code,
				before: before ? { publishedFrom: before.publishedFrom } : null,
				after: decision.decision === 'publish' ? { publishedFrom: decision.publishedFrom } : null,
			},
		})
		return { changed: true }
	})
}

/** The cycles the public may see on `today`. */
export function publicCycles(db: DbHandle, today: string): Promise<PublishedCycle[]> {
	return listPublishedCycles(db, today)
}

/** A published cycle by its code, or undefined when there is none public on `today`. */
export async function findPublicCycle(
	db: DbHandle,
	code: string,
	today: string,
): Promise<PublishedCycle | undefined> {
	return (await listPublishedCycles(db, today)).find((cycle) => cycle.code === code)
}
