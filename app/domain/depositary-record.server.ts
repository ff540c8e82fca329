import type { Kysely } from 'kysely'
import { z } from 'zod'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { insertCodeListRelease, listCodeListReleases } from '#db/queries/code-list-releases.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { findParty } from '#db/queries/parties.ts'
import type { Database } from '#db/types.ts'
import {
	AMENDMENTS,
	CHEMICALS,
	DEPOSITARY_EVENT_KINDS,
	DEPOSITARY_RECORD_LIST_ID,
	depositaryRecordWith,
	isAmendmentId,
	isOptInParty,
	type AmendmentId,
	type DepositaryRecord,
	type DepositaryRelease,
	type RecordedEvent,
} from '#forms/codelists/index.ts'
import { RecordedEventSchema } from '#forms/codelists/depositary-events.ts'
import { isIsoDate } from '#forms/engine/patterns.ts'
import { todayIso } from '../utils/dates.ts'
import type { FieldErrors } from '../utils/request.server.ts'

const StoredEvents = z.array(RecordedEventSchema)

/** Every recorded release of the depositary record, oldest first, with who recorded it. */
export async function listDepositaryReleases(db: DbHandle) {
	const releases = await listCodeListReleases(db, DEPOSITARY_RECORD_LIST_ID)
	return releases.map((release) => ({ ...release, events: StoredEvents.parse(release.events) }))
}

/**
 * The current depositary record: the built-in release 0 and every recorded release (up to
 * `throughVersion` when given, to rebuild an earlier state). What the engine needs to decide, per
 * Party and year, which chemicals are asked.
 */
export async function loadDepositaryRecord(
	db: DbHandle,
	throughVersion?: number,
): Promise<DepositaryRecord> {
	const releases: DepositaryRelease[] = await listDepositaryReleases(db)
	return depositaryRecordWith(
		throughVersion === undefined
			? releases
			: releases.filter((release) => release.version <= throughVersion),
	)
}

/** The listings an amendment adopted, and the listings whose exemptions it changed. */
export function chemicalsOfAmendment(amendment: AmendmentId): string[] {
	return CHEMICALS.entries
		.filter(
			(entry) =>
				entry.amendment === amendment ||
				entry.laterChanges?.some((change) => change.amendment === amendment),
		)
		.map((entry) => entry.code)
}

const PARTY_KINDS: readonly string[] = [
	'declaration',
	'ratification',
	'non_acceptance',
	'withdrawal',
]
const LISTING_KINDS: readonly string[] = ['ratification', 'non_acceptance', 'withdrawal']

const text = (max: number, tooLong: string) =>
	z
		.string()
		.trim()
		.max(max, tooLong)
		.optional()
		.transform((value) => value || undefined)

/**
 * One entry of the depositary record as an administrator types it (the record-entry form of
 * /admin/code-lists). Which fields are needed depends on the kind; the others are ignored.
 */
export const DepositaryEntrySchema = z
	.object({
		kind: z.enum(DEPOSITARY_EVENT_KINDS, { error: 'admin:depositary.errors.kind' }),
		amendment: text(40, 'admin:depositary.errors.amendment'),
		partyCode: text(3, 'admin:depositary.errors.party').transform((value) => value?.toUpperCase()),
		date: text(10, 'admin:errors.date'),
		chemicals: z
			.union([z.string(), z.array(z.string())])
			.optional()
			.transform((value) => (value === undefined ? [] : [value].flat().filter(Boolean))),
		reference: text(300, 'admin:depositary.errors.tooLong'),
		source: z
			.string({ error: 'admin:depositary.errors.sourceRequired' })
			.trim()
			.min(3, 'admin:depositary.errors.sourceRequired')
			.max(2000, 'admin:depositary.errors.tooLong'),
		note: text(500, 'admin:depositary.errors.tooLong'),
		verified: z.literal('yes').optional(),
		confirmCorrection: z.literal('yes').optional(),
	})
	.superRefine((entry, ctx) => {
		const issue = (path: string, message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message })
		const needsAmendment = entry.kind !== 'declaration'
		if (needsAmendment && (!entry.amendment || !isAmendmentId(entry.amendment)))
			issue('amendment', 'admin:depositary.errors.amendment')
		if (entry.amendment === 'original') issue('amendment', 'admin:depositary.errors.amendment')
		if (PARTY_KINDS.includes(entry.kind) && !/^[A-Z]{3}$/.test(entry.partyCode ?? ''))
			issue('partyCode', 'admin:depositary.errors.party')
		if (entry.date !== undefined || needsAmendment) {
			if (!entry.date || !isIsoDate(entry.date)) issue('date', 'admin:errors.date')
			else if (entry.date > todayIso()) issue('date', 'admin:depositary.errors.futureDate')
			else if (
				needsAmendment &&
				entry.amendment &&
				isAmendmentId(entry.amendment) &&
				entry.date < AMENDMENTS[entry.amendment].adoptedOn
			)
				issue('date', 'admin:depositary.errors.beforeAdoption')
		}
		if (entry.chemicals.length > 0) {
			if (!LISTING_KINDS.includes(entry.kind))
				issue('chemicals', 'admin:depositary.errors.chemicalsNotHere')
			else if (entry.amendment && isAmendmentId(entry.amendment)) {
				const listed = chemicalsOfAmendment(entry.amendment)
				if (!entry.chemicals.every((code) => listed.includes(code)))
					issue('chemicals', 'admin:depositary.errors.chemicalNotInAmendment')
			}
		}
	})
export type DepositaryEntry = z.output<typeof DepositaryEntrySchema>

function toEvent(entry: DepositaryEntry): RecordedEvent {
	const provenance = {
		reference: entry.reference ?? null,
		source: entry.source,
		verified: entry.verified === 'yes',
	}
	const amendment = entry.amendment as Exclude<AmendmentId, 'original'>
	const partyCode = entry.partyCode ?? ''
	const date = entry.date ?? ''
	switch (entry.kind) {
		case 'communication':
			return { kind: 'communication', amendment, date, ...provenance }
		case 'declaration':
			return { kind: 'declaration', partyCode, date: entry.date ?? null, ...provenance }
		default:
			return {
				kind: entry.kind,
				partyCode,
				amendment,
				date,
				...(entry.chemicals.length > 0 ? { chemicals: entry.chemicals } : {}),
				...provenance,
			}
	}
}

export type RecordOutcome =
	| { ok: true; version: number; event: RecordedEvent }
	| {
			ok: false
			status: 400 | 409
			fieldErrors: FieldErrors
			formError: string
			formErrorParams?: Record<string, string>
	  }

function refused(
	field: string,
	message: string,
	params?: Record<string, string>,
	status: 400 | 409 = 400,
): RecordOutcome {
	// A message with parameters is shown once, above the form (field messages take none).
	return params
		? { ok: false, status, fieldErrors: {}, formError: message, formErrorParams: params }
		: { ok: false, status, fieldErrors: { [field]: [message] }, formError: message }
}

/** What the record already says against the entry (Art. 22(3)(b), 25(4)); null when it fits. */
function conflict(entry: RecordedEvent, record: DepositaryRecord): RecordOutcome | null {
	const amendment = 'amendment' in entry ? entry.amendment : undefined
	const communication = record.events
		.filter((event) => event.kind === 'communication' && event.amendment === amendment)
		.at(-1)
	switch (entry.kind) {
		case 'communication':
			return communication
				? refused('confirmCorrection', 'admin:depositary.errors.alreadyCommunicated', {
						date: communication.date ?? '',
					})
				: null
		case 'declaration':
			return isOptInParty(entry.partyCode, record)
				? refused('partyCode', 'admin:depositary.errors.alreadyOptIn')
				: null
		case 'ratification':
			return isOptInParty(entry.partyCode, record)
				? null
				: refused('partyCode', 'admin:depositary.errors.notOptIn')
		case 'non_acceptance': {
			if (isOptInParty(entry.partyCode, record))
				return refused('partyCode', 'admin:depositary.errors.optInCannotNotify')
			if (!communication?.date)
				return refused('amendment', 'admin:depositary.errors.notCommunicated')
			// Within one year of the communication (Art. 22(3)(b)).
			const until = new Date(`${communication.date}T00:00:00Z`)
			until.setUTCFullYear(until.getUTCFullYear() + 1)
			const last = until.toISOString().slice(0, 10)
			return entry.date >= communication.date && entry.date < last
				? null
				: refused('date', 'admin:depositary.errors.nonAcceptanceOutsideYear', {
						from: communication.date,
						until: last,
					})
		}
		case 'withdrawal': {
			const notified = record.events.some(
				(event) =>
					event.kind === 'non_acceptance' &&
					event.partyCode === entry.partyCode &&
					event.amendment === entry.amendment,
			)
			return notified ? null : refused('amendment', 'admin:depositary.errors.noNonAcceptance')
		}
	}
}

/**
 * Records one entry of the depositary record as the next release, with its audit entry, in one
 * transaction. A communication already recorded is corrected only when `confirmCorrection` is set.
 */
export async function recordDepositaryEntry(
	db: Kysely<Database>,
	actor: { id: string },
	entry: DepositaryEntry,
): Promise<RecordOutcome> {
	if (
		entry.partyCode &&
		PARTY_KINDS.includes(entry.kind) &&
		!(await findParty(db, entry.partyCode))
	)
		return refused('partyCode', 'admin:depositary.errors.party')
	const event = toEvent(entry)
	return db.transaction().execute(async (trx) => {
		const record = await loadDepositaryRecord(trx)
		const problem = conflict(event, record)
		if (problem && !(event.kind === 'communication' && entry.confirmCorrection === 'yes'))
			return problem
		const version = await insertCodeListRelease(trx, {
			listId: DEPOSITARY_RECORD_LIST_ID,
			events: [event],
			note: entry.note ?? '',
			recordedBy: actor.id,
		})
		await recordAuditEvent(trx, {
			actorUserId: actor.id,
			action: 'code_list.release_recorded',
			subjectType: 'code_list_release',
			subjectId: `${DEPOSITARY_RECORD_LIST_ID}@${version}`,
			partyCode: 'partyCode' in event ? event.partyCode : null,
			details: {
				listId: DEPOSITARY_RECORD_LIST_ID,
				version,
				events: [event],
				note: entry.note ?? '',
				...(problem && !problem.ok ? { corrects: problem.formErrorParams } : {}),
			},
		})
		return { ok: true as const, version, event }
	})
}
