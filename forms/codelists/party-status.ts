import type { Convention } from '../vocabulary.ts'
import { PARTY_STATUS_ROWS, type PartyStatusDetails } from './party-status-data.ts'

/**
 * Whether a State or organisation is a Party to a convention: a dated, sourced release of the
 * depositary's record, replaced as a whole when a newer record is read. The database keeps a copy
 * per Party (`party_convention_status`); what an administrator enters there for a Party wins over
 * the release until the next release that changes that Party.
 */
export const PARTY_STATUS_RELEASE = {
	id: 'party-status',
	version: '2020-11-19+2021.1',
	/** The last deposit the main record reflects: later ones are missing unless listed. */
	statusAsOf: '2020-11-19',
	/** When the record was read for this release. */
	readOn: '2026-12-04',
	source:
		'UN Treaty Collection, depositary records of chapter XXVII (Environment): Basel XXVII-3, ' +
		'Rotterdam XXVII-14, Stockholm XXVII-15, Minamata XXVII-17 (treaties.un.org), as transcribed ' +
		'in the membership file of the International Environmental Agreements Database Project ' +
		'(R. B. Mitchell, iea-memb.xlsx, newest deposit 2020-11-19); first rows checked against the ' +
		'UNTC/ECOLEX participant table of the Stockholm Convention; every recorded entry into force ' +
		'agrees with the 90-day rule of the conventions. Rows with a note come from elsewhere or lack a date.',
	knownGaps:
		'Deposits after 2020-11-19 are missing except the three Minamata deposits of 2021 listed with ' +
		'a note: a State that joined later shows as a non-Party until the next release, or until an ' +
		'administrator records it. The dates of the European Union and the State of Palestine are to ' +
		'be taken from UNTC.',
} as const

export const CONVENTION_STATUSES = ['party', 'signatory', 'non_party'] as const
export type ConventionStatus = (typeof CONVENTION_STATUSES)[number]
export type Instrument = NonNullable<PartyStatusDetails['instrument']>

/** One Party's (or non-Party's) standing under one convention, as the release records it. */
export interface PartyConventionRecord {
	partyCode: string
	convention: Convention
	status: ConventionStatus
	signedOn: string | null
	/** Deposit of the instrument of ratification, acceptance, approval or accession. */
	consentedOn: string | null
	/** Null when not distinguished in the record (ratification, acceptance or approval). */
	instrument: Instrument | null
	/** Entry into force of the convention for the Party. */
	inForceOn: string | null
	note: string | null
}

export const RELEASE_CONVENTIONS = Object.keys(PARTY_STATUS_ROWS) as Convention[]

function toRecord(
	convention: Convention,
	[
		partyCode,
		signedOn,
		consentedOn,
		inForceOn,
		details,
	]: (typeof PARTY_STATUS_ROWS)[Convention][number],
): PartyConventionRecord {
	const isParty = consentedOn !== null || inForceOn !== null || details?.instrument !== undefined
	return {
		partyCode,
		convention,
		status: isParty ? 'party' : 'signatory',
		signedOn,
		consentedOn,
		instrument: details?.instrument ?? (isParty && signedOn === null ? 'accession' : null),
		inForceOn,
		note: details?.note ?? null,
	}
}

const byKey = new Map(
	RELEASE_CONVENTIONS.flatMap((convention) =>
		PARTY_STATUS_ROWS[convention].map((row) => [
			`${convention}:${row[0]}`,
			toRecord(convention, row),
		]),
	),
)

/** Every Party and signatory the release records, convention by convention. */
export function partyStatusRecords(): PartyConventionRecord[] {
	return [...byKey.values()]
}

/** What the release says of a Party under a convention; `non_party` when it records nothing. */
export function partyConventionStatus(
	partyCode: string,
	convention: Convention,
): PartyConventionRecord {
	return (
		byKey.get(`${convention}:${partyCode}`) ?? {
			partyCode,
			convention,
			status: 'non_party',
			signedOn: null,
			consentedOn: null,
			instrument: null,
			inForceOn: null,
			note: null,
		}
	)
}

/**
 * Whether the convention is in force for the Party on `date` (YYYY-MM-DD). A Party whose entry
 * into force is not recorded (see the notes) counts as bound.
 */
export function isInForceFor(partyCode: string, convention: Convention, date: string): boolean {
	const record = partyConventionStatus(partyCode, convention)
	if (record.status !== 'party') return false
	return record.inForceOn === null || record.inForceOn <= date
}
