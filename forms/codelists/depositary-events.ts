import { z } from 'zod'
import { ANNEX_AMENDMENT_IDS, type AmendmentId } from './amendments.ts'

/*
 * The schema of the depositary record's entries (see applicability.ts), apart from the record
 * itself so that what evaluates applicability (the form engine, in the browser too) does not load
 * zod: only the server validates releases.
 */

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const PartyCode = z.string().regex(/^[A-Z]{3}$/)
const Amendment = z.enum(ANNEX_AMENDMENT_IDS as [AmendmentId, ...AmendmentId[]])
const Provenance = {
	/** The depositary notification (C.N. number) when known. */
	reference: z.string().max(300).nullable(),
	/** Where the entry was read, in words an auditor can follow. */
	source: z.string().min(1).max(2000),
	/** False where it rests on a secondary source or could not be checked. */
	verified: z.boolean(),
}
const PartyAmendmentEvent = {
	partyCode: PartyCode,
	amendment: Amendment,
	date: IsoDate,
	chemicals: z.array(z.string()).min(1).optional(),
	...Provenance,
}

/** One entry of the record, as stored (each release holds a list of them). */
export const RecordedEventSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('communication'),
		amendment: Amendment,
		date: IsoDate,
		...Provenance,
	}),
	z.strictObject({
		kind: z.literal('declaration'),
		partyCode: PartyCode,
		date: IsoDate.nullable(),
		...Provenance,
	}),
	z.strictObject({ kind: z.literal('ratification'), ...PartyAmendmentEvent }),
	z.strictObject({ kind: z.literal('non_acceptance'), ...PartyAmendmentEvent }),
	z.strictObject({ kind: z.literal('withdrawal'), ...PartyAmendmentEvent }),
])
export type RecordedEvent = z.infer<typeof RecordedEventSchema>
