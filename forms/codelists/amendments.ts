/**
 * Amendments of the Stockholm Convention annexes, grouped as the depositary (the UN
 * Secretary-General, Art. 29) communicated them: UN Treaty Collection chapter XXVII-15 and its
 * depositary notifications (C.N.).
 *
 * Entry into force of an amendment to Annex A, B or C (Art. 22(3) and (4), Art. 25(4)):
 * - for every Party, on the expiry of one year from the date on which the depositary communicated
 *   its adoption (Art. 22(3)(c));
 * - except for a Party that notified non-acceptance within that year (Art. 22(3)(b)): not bound
 *   until it withdraws the notification, then bound from the withdrawal;
 * - except for a Party that declared under Art. 25(4) that amendments bind it only once it ratifies
 *   them ("opt-in"): bound on the ninetieth day after it deposits its instrument for that amendment
 *   (Art. 22(4)).
 *
 * The communication dates below are those known when this code was written. Later communications
 * (e.g. of the COP-12 amendments) are recorded by an administrator as releases of the depositary
 * record (see applicability.ts), never by editing this file: until one is recorded, an amendment is
 * "adopted, not yet in force".
 */
export type AmendmentId =
	| 'original'
	| 'sc4-2009'
	| 'sc5-2011'
	| 'sc6-2013'
	| 'sc7-2015'
	| 'sc8-2017'
	| 'sc9-2019'
	| 'sc10-2022'
	| 'sc11-2023'
	| 'sc12-2025'

/** A depositary communication of the adoption of an amendment (Art. 22(3)(a) and (c)). */
export interface Communication {
	date: string
	/** The depositary notification, e.g. `C.N.524.2009.TREATIES-4`; `null` where it was not seen. */
	reference: string | null
	/** False where the date could not be checked against the depositary record. */
	verified: boolean
	source: string
}

export interface Amendment {
	id: AmendmentId
	/** COP decisions adopting the amendment (one per listing or change of an annex). */
	decisions: readonly string[]
	adoptedOn: string
	/** The communication known when this code was written; `null` while none is. */
	communication: Communication | null
	note?: string
}

const UNTC = 'UN Treaty Collection, chapter XXVII-15 (depositary notifications listed there)'
const WIPO_LEX =
	'WIPO Lex treaty 265 (Stockholm Convention), deposits of instruments for amendments quoting the notification'

/**
 * The Convention itself: the original listings bind a Party from the Convention's entry into force
 * (17 May 2004, Art. 26(1)), or for a later Party 90 days after its own instrument (Art. 26(2);
 * a Party's own date is Party status data, not modelled here).
 */
export const CONVENTION_ENTRY_INTO_FORCE = '2004-05-17'

export const AMENDMENTS: Record<AmendmentId, Amendment> = {
	original: {
		id: 'original',
		decisions: ['Convention text (Stockholm, 22 May 2001)'],
		adoptedOn: '2001-05-22',
		communication: null,
		note: 'Not an amendment: the listings of the Convention as adopted.',
	},
	'sc4-2009': {
		id: 'sc4-2009',
		decisions: [
			'SC-4/10',
			'SC-4/11',
			'SC-4/12',
			'SC-4/13',
			'SC-4/14',
			'SC-4/15',
			'SC-4/16',
			'SC-4/17',
			'SC-4/18',
		],
		adoptedOn: '2009-05-08',
		communication: {
			date: '2009-08-26',
			reference: 'C.N.524.2009.TREATIES-4',
			verified: true,
			source: `${UNTC}; entry into force communicated by C.N.546.2010.TREATIES-7 of 27 August 2010`,
		},
	},
	'sc5-2011': {
		id: 'sc5-2011',
		decisions: ['SC-5/3'],
		adoptedOn: '2011-04-29',
		communication: {
			date: '2011-10-27',
			reference: 'C.N.703.2011.TREATIES-8',
			verified: true,
			source: `${WIPO_LEX}; the notification itself (studylib copy) quotes SC-5/3`,
		},
	},
	'sc6-2013': {
		id: 'sc6-2013',
		decisions: ['SC-6/13'],
		adoptedOn: '2013-05-10',
		communication: {
			date: '2013-11-26',
			reference: 'C.N.934.2013.TREATIES-XXVII.15',
			verified: true,
			source: WIPO_LEX,
		},
	},
	'sc7-2015': {
		id: 'sc7-2015',
		decisions: ['SC-7/12', 'SC-7/13', 'SC-7/14'],
		adoptedOn: '2015-05-15',
		communication: {
			date: '2015-12-15',
			reference: 'C.N.681.2015.TREATIES-XXVII-15',
			verified: true,
			source: WIPO_LEX,
		},
	},
	'sc8-2017': {
		id: 'sc8-2017',
		decisions: ['SC-8/10', 'SC-8/11', 'SC-8/12'],
		adoptedOn: '2017-05-05',
		communication: {
			date: '2017-12-18',
			reference: 'C.N.766.2017.TREATIES-XXVII-15',
			verified: true,
			source: WIPO_LEX,
		},
	},
	'sc9-2019': {
		id: 'sc9-2019',
		decisions: ['SC-9/4', 'SC-9/11', 'SC-9/12'],
		adoptedOn: '2019-05-10',
		communication: {
			date: '2019-12-03',
			reference: 'C.N.588.2019.TREATIES-XXVII-15',
			verified: true,
			source: `${WIPO_LEX}; in force 3 December 2020 per pops.int (PFOS page)`,
		},
		note: 'SC-9/4 amended the PFOS entry of Annex B (listed by SC-4/17).',
	},
	'sc10-2022': {
		id: 'sc10-2022',
		decisions: ['SC-10/13'],
		adoptedOn: '2022-06-17',
		communication: {
			date: '2022-11-16',
			reference: null,
			verified: true,
			source:
				'One year before the entry into force on 16 November 2023 stated by pops.int (Status of ratification, amendments to annexes); the notification number was not seen.',
		},
	},
	'sc11-2023': {
		id: 'sc11-2023',
		decisions: ['SC-11/10', 'SC-11/11', 'SC-11/12'],
		adoptedOn: '2023-05-12',
		communication: {
			date: '2024-02-26',
			reference: null,
			verified: false,
			source:
				'Background knowledge (entry into force 26 February 2025); not checked against the depositary record: check it and record a correction if it differs.',
		},
	},
	'sc12-2025': {
		id: 'sc12-2025',
		decisions: ['SC-12/9', 'SC-12/10', 'SC-12/12', 'SC-12/14'],
		adoptedOn: '2025-05-09',
		communication: null,
		note: 'Adopted 9 May 2025 (Trb. 2026, 52). SC-12/14 adds an aircraft-related specific exemption for UV-328 (Annex A); it is assumed to be communicated with the listings. Record the depositary communication as a release; until then nothing of it is in force.',
	},
}

/** The amendments the depositary record can speak about (every one but the Convention itself). */
export const ANNEX_AMENDMENT_IDS = (Object.keys(AMENDMENTS) as AmendmentId[]).filter(
	(id) => id !== 'original',
)

export function isAmendmentId(value: string): value is AmendmentId {
	return Object.hasOwn(AMENDMENTS, value)
}
