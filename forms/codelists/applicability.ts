import type { AmendmentId } from './amendments.ts'
import { AMENDMENTS } from './amendments.ts'
import { getChemical } from './chemicals.ts'

/**
 * Per-Party exceptions to the generic entry into force of an amendment.
 * - `art25_4_ratification`: the Party made an Art. 25(4) declaration ("opt-in") and deposited its
 *   ratification of the amendment; it entered into force for it 90 days later.
 * - `art25_4_not_ratified`: opt-in Party with no ratification of the amendment on record.
 * - `art22_3b_non_acceptance`: the Party notified non-acceptance ("opt-out").
 *
 * `verified: false` entries are illustrative/demo data (assumptions), never statements of a
 * Party's legal position; replace them from the depositary's records before production use.
 */
export interface ApplicabilityOverride {
	partyCode: string
	amendment: AmendmentId
	basis: 'art25_4_ratification' | 'art25_4_not_ratified' | 'art22_3b_non_acceptance'
	/** Date of deposit of the instrument (for `art25_4_ratification`). */
	depositedOn?: string
	verified: boolean
	source: string
}

const UN_TREATY_RECORD =
	'UN Treaty Collection, chapter XXVII-15 (declarations) and WIPO Lex treaty 265 (deposits of ratification of amendments)'

/** Opt-in Parties (Art. 25(4) declarations) confirmed in the UN Treaty Collection record. */
export const ART_25_4_DECLARATIONS: readonly string[] = ['ARG', 'AUS', 'BHR', 'BGD', 'BWA']

export const APPLICABILITY_OVERRIDES: readonly ApplicabilityOverride[] = [
	...(
		[
			['sc4-2009', '2011-11-09'],
			['sc5-2011', '2016-02-26'],
			['sc6-2013', '2023-01-06'],
			['sc7-2015', '2023-01-06'],
			['sc8-2017', '2023-01-06'],
			['sc9-2019', '2023-01-06'],
		] as const
	).map(([amendment, depositedOn]): ApplicabilityOverride => ({
		partyCode: 'ARG',
		amendment,
		basis: 'art25_4_ratification',
		depositedOn,
		verified: true,
		source: UN_TREATY_RECORD,
	})),
	...(['sc8-2017', 'sc9-2019'] as const).map((amendment): ApplicabilityOverride => ({
		partyCode: 'BGD',
		amendment,
		basis: 'art25_4_ratification',
		depositedOn: '2022-11-04',
		verified: true,
		source: UN_TREATY_RECORD,
	})),
	{
		partyCode: 'ARG',
		amendment: 'sc10-2022',
		basis: 'art25_4_not_ratified',
		verified: false,
		source:
			'Illustrative demo data: no deposit for this amendment appeared in the record consulted (which may predate it). Check the depositary record.',
	},
	{
		partyCode: 'ARG',
		amendment: 'sc11-2023',
		basis: 'art25_4_not_ratified',
		verified: false,
		source:
			'Illustrative demo data: no deposit for this amendment appeared in the record consulted (which may predate it). Check the depositary record.',
	},
]

function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`)
	date.setUTCDate(date.getUTCDate() + days)
	return date.toISOString().slice(0, 10)
}

export interface Applicability {
	applicable: boolean
	/** Date the listing binds the Party, or `null` when it does not (yet). */
	inForceFrom: string | null
	override?: ApplicabilityOverride
}

/**
 * When (if ever) a chemical's listing binds a Party: the generic entry into force of its
 * amendment, unless an override exists. Parties that joined after an amendment entered into
 * force are treated as bound from the generic date (their own accession date is not modelled).
 */
export function chemicalApplicability(
	chemicalCode: string,
	partyCode: string,
	onDate: string,
): Applicability {
	const chemical = getChemical(chemicalCode)
	if (!chemical) return { applicable: false, inForceFrom: null }
	const override = APPLICABILITY_OVERRIDES.find(
		(entry) => entry.partyCode === partyCode && entry.amendment === chemical.amendment,
	)
	let inForceFrom = AMENDMENTS[chemical.amendment].entryIntoForce
	if (override) {
		inForceFrom =
			override.basis === 'art25_4_ratification' && override.depositedOn
				? addDays(override.depositedOn, 90)
				: null
	}
	return {
		applicable: inForceFrom !== null && inForceFrom <= onDate,
		inForceFrom,
		...(override ? { override } : {}),
	}
}

/** True when the chemical's listing is in force for the Party on `onDate` (`YYYY-MM-DD`). */
export function isChemicalApplicable(chemicalCode: string, partyCode: string, onDate: string) {
	return chemicalApplicability(chemicalCode, partyCode, onDate).applicable
}
