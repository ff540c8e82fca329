import { jsonb } from '../json.ts'
import type { DbHandle } from './handle.ts'

export type AuditEvent = {
	actorUserId: string | null
	action: string
	subjectType: string
	subjectId?: string | null
	partyCode?: string | null
	ip?: string | null
	details?: Record<string, unknown>
}

/** Appends to the audit log; the table rejects updates and deletes. */
export async function recordAuditEvent(db: DbHandle, event: AuditEvent) {
	await db
		.insertInto('audit_event')
		.values({
			actor_user_id: event.actorUserId,
			action: event.action,
			subject_type: event.subjectType,
			subject_id: event.subjectId ?? null,
			party_code: event.partyCode ?? null,
			ip: event.ip ?? null,
			details: jsonb(event.details ?? {}),
		})
		.execute()
}

export async function listAuditEvents(
	db: DbHandle,
	filter: { subjectType?: string; subjectId?: string; actorUserId?: string; limit?: number } = {},
) {
	return db
		.selectFrom('audit_event as e')
		.leftJoin('app_user as u', 'u.id', 'e.actor_user_id')
		.$if(Boolean(filter.subjectType), (qb) => qb.where('e.subject_type', '=', filter.subjectType!))
		.$if(Boolean(filter.subjectId), (qb) => qb.where('e.subject_id', '=', filter.subjectId!))
		.$if(Boolean(filter.actorUserId), (qb) => qb.where('e.actor_user_id', '=', filter.actorUserId!))
		.select([
			'e.id',
			'e.occurred_at as occurredAt',
			'e.action',
			'e.subject_type as subjectType',
			'e.subject_id as subjectId',
			'e.party_code as partyCode',
			'e.details',
			'u.name as actorName',
			'u.email as actorEmail',
		])
		.orderBy('e.id', 'desc')
		.limit(filter.limit ?? 100)
		.execute()
}
