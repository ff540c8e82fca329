import {
	AMENDMENTS,
	ANNEX_AMENDMENT_IDS,
	CONVENTION_ENTRY_INTO_FORCE,
	type AmendmentId,
} from './amendments.ts'
import { getChemical, type LaterChange } from './chemicals.ts'
import type { RecordedEvent } from './depositary-events.ts'
import { partyConventionStatus } from './party-status.ts'

/**
 * The depositary record: what the depositary (the UN Secretary-General, Art. 29) recorded that
 * decides whether, and from when, an amendment of Annex A, B or C binds a Party (amendments.ts
 * states the rules, Art. 22(3)–(4) and 25(4)). It is runtime data, not part of any form
 * definition: the built-in part below is release 0; administrators record later depositary
 * communications, deposits and notifications as numbered releases (table `code_list_release`), and
 * the engine evaluates applicability from (definition, Party, period, record).
 *
 * Event kinds:
 * - `communication`: the depositary communicated the adoption of an amendment (Art. 22(3)(a)); it
 *   enters into force for Parties bound by default one year later (Art. 22(3)(c)).
 * - `declaration`: the Party declared under Art. 25(4) that amendments to Annex A, B or C bind it
 *   only once it ratifies them ("opt-in Party").
 * - `ratification`: an opt-in Party deposited its instrument of ratification, acceptance, approval
 *   or accession for an amendment; it binds the Party from the ninetieth day after (Art. 22(4)).
 *   `chemicals` narrows it to some listings of the amendment (a Party may ratify some only).
 * - `non_acceptance`: the Party notified that it cannot accept the amendment (Art. 22(3)(b)).
 * - `withdrawal`: the Party withdrew its notification of non-acceptance; the amendment binds it
 *   from then (Art. 22(3)(b), but not before its general entry into force, Art. 22(3)(c)).
 *
 * A later entry about the same thing (same amendment, or same Party, amendment and listings)
 * supersedes an earlier one: that is how a release corrects the record.
 */
export const DEPOSITARY_RECORD_LIST_ID = 'sc-depositary-record'

export const DEPOSITARY_EVENT_KINDS = [
	'communication',
	'declaration',
	'ratification',
	'non_acceptance',
	'withdrawal',
] as const
export type DepositaryEventKind = (typeof DEPOSITARY_EVENT_KINDS)[number]

export interface DepositaryRecord {
	/** The newest release folded in; 0 when only the built-in record is. */
	version: number
	events: readonly RecordedEvent[]
}

/** A release of the record: what one administrator action added. */
export interface DepositaryRelease {
	version: number
	events: readonly RecordedEvent[]
}

// Stored copies consulted on 4 December 2026; when each copy was made is not known.
const UNTC_DECLARATIONS =
	'UN Treaty Collection, chapter XXVII-15, Declarations (Art. 25(4)); copy consulted 2026-12-04'
const WIPO_LEX_DEPOSITS =
	'WIPO Lex treaty 265, additional information (deposits for amendments; newest entry seen: 6 January 2023); copy consulted 2026-12-04'

function declaration(partyCode: string, source: string, verified = true): RecordedEvent {
	return { kind: 'declaration', partyCode, date: null, reference: null, source, verified }
}

function ratification(
	partyCode: string,
	amendment: AmendmentId,
	date: string,
	reference: string | null,
	source = WIPO_LEX_DEPOSITS,
): RecordedEvent {
	return { kind: 'ratification', partyCode, amendment, date, reference, source, verified: true }
}

/**
 * Release 0: what was verified when this code was written. Opt-in Parties are listed only where a
 * declaration was seen; the UN Treaty Collection page consulted showed the declarations of Parties
 * up to the letter B only, so the list is incomplete beyond those named below: record further
 * declarations (and their deposits) as releases once checked against the depositary record. No
 * notification of non-acceptance (Art. 22(3)(b)) was found in the sources consulted.
 */
const BUILT_IN_EVENTS: RecordedEvent[] = [
	...ANNEX_AMENDMENT_IDS.flatMap((amendment): RecordedEvent[] => {
		const communication = AMENDMENTS[amendment].communication
		return communication ? [{ kind: 'communication', amendment, ...communication }] : []
	}),
	declaration('ARG', UNTC_DECLARATIONS),
	declaration('AUS', UNTC_DECLARATIONS),
	declaration('BHR', `${UNTC_DECLARATIONS} (amendments bind Bahrain only once ratified)`),
	declaration('BGD', UNTC_DECLARATIONS),
	declaration('BWA', UNTC_DECLARATIONS),
	declaration(
		'CAN',
		'WIPO Lex, Stockholm Convention contracting parties: Canada (declaration upon ratification)',
	),
	declaration('CHN', 'WIPO Lex treaty 265, remarks for China (declaration upon ratification)'),
	declaration(
		'IND',
		'Secondary sources on the Union Cabinet decision of 7 October 2020 to ratify seven listings (India ratified in 2006 with an Art. 25(4) declaration); the declaration was not seen in the depositary record.',
		false,
	),
	declaration(
		'RUS',
		'Kremlin, 27 June 2011: the federal law ratifying the Convention uses Art. 25(4); the deposited declaration was not seen in the depositary record.',
		false,
	),
	ratification('ARG', 'sc4-2009', '2011-11-09', 'C.N.737.2011.TREATIES-9'),
	ratification('ARG', 'sc5-2011', '2016-02-26', 'C.N.68.2016.TREATIES-XXVII.15'),
	ratification('ARG', 'sc6-2013', '2023-01-06', 'C.N.5.2023.TREATIES-XXVII.15'),
	ratification('ARG', 'sc7-2015', '2023-01-06', 'C.N.6.2023.TREATIES-XXVII.15'),
	ratification('ARG', 'sc8-2017', '2023-01-06', 'C.N.7.2023.TREATIES-XXVII.15'),
	ratification('ARG', 'sc9-2019', '2023-01-06', 'C.N.8.2023.TREATIES-XXVII.15'),
	ratification('BGD', 'sc8-2017', '2022-11-04', null),
	ratification('BGD', 'sc9-2019', '2022-11-04', 'C.N.458.2022.TREATIES-XXVII.15'),
	ratification(
		'CAN',
		'sc4-2009',
		'2011-01-04',
		null,
		'WIPO Lex, Stockholm Convention contracting parties: Canada (acceptance of the amendments of C.N.524.2009.TREATIES-4)',
	),
	...(['sc4-2009', 'sc5-2011'] as const).map((amendment) =>
		ratification(
			'CHN',
			amendment,
			'2013-12-26',
			amendment === 'sc5-2011' ? 'C.N.1052.2013.TREATIES-XXVII-15' : null,
			'WIPO Lex treaty 265, remarks for China; in force for China (and Hong Kong) on 26 March 2014 per the Hong Kong EPD',
		),
	),
	ratification(
		'CHN',
		'sc6-2013',
		'2016-09-27',
		'C.N.710.2016.TREATIES-XXVII-15',
		'WIPO Lex treaty 265, remarks for China',
	),
]

export const BUILT_IN_DEPOSITARY_RECORD: DepositaryRecord = { version: 0, events: BUILT_IN_EVENTS }

/** The built-in record followed by the releases in version order (later entries supersede). */
export function depositaryRecordWith(releases: readonly DepositaryRelease[]): DepositaryRecord {
	const ordered = [...releases].sort((a, b) => a.version - b.version)
	return {
		version: ordered.at(-1)?.version ?? 0,
		events: [...BUILT_IN_EVENTS, ...ordered.flatMap((release) => release.events)],
	}
}

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`)
	date.setUTCDate(date.getUTCDate() + days)
	return date.toISOString().slice(0, 10)
}

/** "On the expiry of one year" from a date; a 29 February rolls to 1 March. */
function addOneYear(isoDate: string): string {
	const date = new Date(`${isoDate}T00:00:00Z`)
	date.setUTCFullYear(date.getUTCFullYear() + 1)
	return date.toISOString().slice(0, 10)
}

type PartyAmendmentEntry = Extract<RecordedEvent, { partyCode: string; amendment: AmendmentId }>

interface RecordIndex {
	communications: Map<AmendmentId, Extract<RecordedEvent, { kind: 'communication' }>>
	declarations: Map<string, RecordedEvent>
	/** `party|amendment` → its ratifications, non-acceptances and withdrawals in record order. */
	byPartyAmendment: Map<string, PartyAmendmentEntry[]>
}

const indexes = new WeakMap<DepositaryRecord, RecordIndex>()

function indexOf(record: DepositaryRecord): RecordIndex {
	let index = indexes.get(record)
	if (index) return index
	index = {
		communications: new Map(),
		declarations: new Map(),
		byPartyAmendment: new Map(),
	}
	for (const event of record.events) {
		if (event.kind === 'communication') index.communications.set(event.amendment, event)
		else if (event.kind === 'declaration') index.declarations.set(event.partyCode, event)
		else {
			const key = `${event.partyCode}|${event.amendment}`
			const list = index.byPartyAmendment.get(key) ?? []
			list.push(event)
			index.byPartyAmendment.set(key, list)
		}
	}
	indexes.set(record, index)
	return index
}

/** The general entry into force of an amendment (Art. 22(3)(c)); `null` while not communicated. */
export function amendmentEntryIntoForce(
	amendment: AmendmentId,
	record: DepositaryRecord = BUILT_IN_DEPOSITARY_RECORD,
): string | null {
	if (amendment === 'original') return CONVENTION_ENTRY_INTO_FORCE
	const communication = indexOf(record).communications.get(amendment)
	return communication ? addOneYear(communication.date) : null
}

export type AmendmentStatus = 'adopted' | 'communicated' | 'in_force'

/**
 * Where an amendment stands on a date for Parties bound by default: adopted but not communicated
 * (no entry-into-force date yet), communicated and pending, or in force.
 */
export function amendmentStatus(
	amendment: AmendmentId,
	onDate: string,
	record: DepositaryRecord = BUILT_IN_DEPOSITARY_RECORD,
): AmendmentStatus {
	const inForce = amendmentEntryIntoForce(amendment, record)
	if (!inForce) return 'adopted'
	return inForce <= onDate ? 'in_force' : 'communicated'
}

export function isOptInParty(
	partyCode: string,
	record: DepositaryRecord = BUILT_IN_DEPOSITARY_RECORD,
): boolean {
	return indexOf(record).declarations.has(partyCode)
}

/**
 * Why a listing binds a Party from `inForceFrom`, or why it does not (yet):
 * - `convention`: listed in the Convention as adopted;
 * - `not_communicated`: the amendment is adopted but its communication is not recorded;
 * - `default`: one year after the communication (Art. 22(3)(c));
 * - `opt_in_ratified` / `opt_in_not_ratified`: Art. 25(4) Party, with or without a deposit;
 * - `non_acceptance` / `non_acceptance_withdrawn`: Art. 22(3)(b).
 */
export type ApplicabilityBasis =
	| 'convention'
	| 'not_communicated'
	| 'default'
	| 'opt_in_ratified'
	| 'opt_in_not_ratified'
	| 'non_acceptance'
	| 'non_acceptance_withdrawn'

export interface Applicability {
	amendment: AmendmentId
	basis: ApplicabilityBasis
	/** The first day the listing binds the Party; `null` while it does not. */
	inForceFrom: string | null
	/** The record entries the answer rests on (for explanations and review). */
	evidence: RecordedEvent[]
}

function covers(event: PartyAmendmentEntry, chemicalCode: string) {
	return !event.chemicals || event.chemicals.includes(chemicalCode)
}

const maxDate = (a: string, b: string) => (a > b ? a : b)

function amendmentApplicability(
	amendment: AmendmentId,
	chemicalCode: string,
	partyCode: string,
	record: DepositaryRecord,
): Applicability {
	if (amendment === 'original')
		return {
			amendment,
			basis: 'convention',
			inForceFrom: CONVENTION_ENTRY_INTO_FORCE,
			evidence: [],
		}
	const index = indexOf(record)
	const communication = index.communications.get(amendment)
	const general = amendmentEntryIntoForce(amendment, record)
	const entries = (index.byPartyAmendment.get(`${partyCode}|${amendment}`) ?? []).filter((event) =>
		covers(event, chemicalCode),
	)
	const declaration = index.declarations.get(partyCode)
	if (declaration) {
		const deposit = entries.filter((event) => event.kind === 'ratification').at(-1)
		return deposit
			? {
					amendment,
					basis: 'opt_in_ratified',
					inForceFrom: addDays(deposit.date, 90),
					evidence: [declaration, deposit],
				}
			: { amendment, basis: 'opt_in_not_ratified', inForceFrom: null, evidence: [declaration] }
	}
	if (!communication || !general)
		return { amendment, basis: 'not_communicated', inForceFrom: null, evidence: [] }
	const notification = entries
		.filter((event) => event.kind === 'non_acceptance' || event.kind === 'withdrawal')
		.at(-1)
	if (notification?.kind === 'non_acceptance')
		return {
			amendment,
			basis: 'non_acceptance',
			inForceFrom: null,
			evidence: [communication, notification],
		}
	if (notification?.kind === 'withdrawal')
		return {
			amendment,
			basis: 'non_acceptance_withdrawn',
			inForceFrom: maxDate(general, notification.date),
			evidence: [communication, notification],
		}
	return { amendment, basis: 'default', inForceFrom: general, evidence: [communication] }
}

/**
 * When a chemical's listing binds a Party under the record: the amendment that listed it, and the
 * Party's position on that amendment. A listing never binds a Party before the Convention itself
 * does (Art. 26(2): ninety days after the Party's own instrument), as the Party-status release
 * records it; a Party whose date is not recorded there is taken as bound from the listing's date.
 * `undefined` for an unknown chemical.
 */
export function chemicalApplicability(
	chemicalCode: string,
	partyCode: string,
	record: DepositaryRecord = BUILT_IN_DEPOSITARY_RECORD,
): Applicability | undefined {
	const chemical = getChemical(chemicalCode)
	if (!chemical) return undefined
	const applicability = amendmentApplicability(chemical.amendment, chemicalCode, partyCode, record)
	const joined = partyConventionStatus(partyCode, 'stockholm')
	if (applicability.inForceFrom === null || joined.status !== 'party' || !joined.inForceOn)
		return applicability
	return { ...applicability, inForceFrom: maxDate(applicability.inForceFrom, joined.inForceOn) }
}

/** True when the chemical's listing binds the Party on `onDate` (`YYYY-MM-DD`). */
export function isChemicalInForce(
	chemicalCode: string,
	partyCode: string,
	onDate: string,
	record: DepositaryRecord = BUILT_IN_DEPOSITARY_RECORD,
): boolean {
	const inForceFrom = chemicalApplicability(chemicalCode, partyCode, record)?.inForceFrom
	return inForceFrom !== null && inForceFrom !== undefined && inForceFrom <= onDate
}

export interface LaterChangeStatus extends LaterChange {
	inForceFrom: string | null
	inForce: boolean
}

/**
 * The later changes to a listing's exemptions (e.g. SC-12/14 for UV-328) with whether each binds
 * the Party on `onDate`: one not in force must be shown as adopted and pending, never as current.
 */
export function laterChangesFor(
	chemicalCode: string,
	partyCode: string,
	onDate: string,
	record: DepositaryRecord = BUILT_IN_DEPOSITARY_RECORD,
): LaterChangeStatus[] {
	return (getChemical(chemicalCode)?.laterChanges ?? []).map((change) => {
		const { inForceFrom } = amendmentApplicability(
			change.amendment,
			chemicalCode,
			partyCode,
			record,
		)
		return { ...change, inForceFrom, inForce: inForceFrom !== null && inForceFrom <= onDate }
	})
}

/**
 * The part of the record that concerns one Party (the communications and its own entries): what
 * its form context needs, so a report does not carry every Party's deposits. Same answers for that
 * Party as the whole record.
 */
export function depositaryRecordFor(record: DepositaryRecord, partyCode: string): DepositaryRecord {
	return {
		version: record.version,
		events: record.events.filter(
			(event) => event.kind === 'communication' || event.partyCode === partyCode,
		),
	}
}
