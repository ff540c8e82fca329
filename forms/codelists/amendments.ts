/**
 * Amendments of the Stockholm Convention annexes, grouped as the depositary communicated them.
 * An amendment to Annex A, B or C enters into force one year after the depositary communicates
 * its adoption (Art. 22(3)(c)), except for Parties that notified non-acceptance (Art. 22(3)(b))
 * or made an Art. 25(4) declaration (then: 90 days after they deposit their ratification).
 *
 * Confidence: `S` = confirmed by a source (depositary notification numbers quoted in the UN
 * Treaty Collection / WIPO Lex records, pops.int); `B` = background knowledge, to be checked.
 */
export interface Amendment {
	id: AmendmentId
	/** COP decisions that adopted the listings. */
	decisions: string
	adoptedOn: string
	/** Date of the depositary notification of adoption, if known. */
	communicatedOn: string | null
	/** Generic entry into force; `null` while not yet known. */
	entryIntoForce: string | null
	confidence: 'S' | 'B'
	note?: string
}

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

export const AMENDMENTS: Record<AmendmentId, Amendment> = {
	original: {
		id: 'original',
		decisions: 'Convention text (22 May 2001)',
		adoptedOn: '2001-05-22',
		communicatedOn: null,
		entryIntoForce: '2004-05-17',
		confidence: 'S',
		note: 'Entry into force of the Convention; for later Parties, 90 days after their ratification (not modelled).',
	},
	'sc4-2009': {
		id: 'sc4-2009',
		decisions: 'SC-4/10 to SC-4/18',
		adoptedOn: '2009-05-08',
		communicatedOn: '2009-08-26',
		entryIntoForce: '2010-08-26',
		confidence: 'S',
		note: 'C.N.524.2009.TREATIES-4 of 26 August 2009; entry into force C.N.546.2010.',
	},
	'sc5-2011': {
		id: 'sc5-2011',
		decisions: 'SC-5/3',
		adoptedOn: '2011-04-29',
		communicatedOn: '2011-10-27',
		entryIntoForce: '2012-10-27',
		confidence: 'S',
		note: 'C.N.703.2011.TREATIES-8 of 27 October 2011.',
	},
	'sc6-2013': {
		id: 'sc6-2013',
		decisions: 'SC-6/13',
		adoptedOn: '2013-05-10',
		communicatedOn: '2013-11-26',
		entryIntoForce: '2014-11-26',
		confidence: 'S',
		note: 'C.N.934.2013.TREATIES-XXVII.15 of 26 November 2013.',
	},
	'sc7-2015': {
		id: 'sc7-2015',
		decisions: 'SC-7/12, SC-7/13, SC-7/14',
		adoptedOn: '2015-05-15',
		communicatedOn: '2015-12-15',
		entryIntoForce: '2016-12-15',
		confidence: 'S',
		note: 'C.N.681.2015.TREATIES-XXVII-15 of 15 December 2015.',
	},
	'sc8-2017': {
		id: 'sc8-2017',
		decisions: 'SC-8/10, SC-8/11, SC-8/12',
		adoptedOn: '2017-05-05',
		communicatedOn: '2017-12-18',
		entryIntoForce: '2018-12-18',
		confidence: 'S',
		note: 'C.N.766.2017.TREATIES-XXVII-15 of 18 December 2017.',
	},
	'sc9-2019': {
		id: 'sc9-2019',
		decisions: 'SC-9/4, SC-9/11, SC-9/12',
		adoptedOn: '2019-05-10',
		communicatedOn: '2019-12-03',
		entryIntoForce: '2020-12-03',
		confidence: 'S',
		note: 'C.N.588.2019.TREATIES-XXVII-15 of 3 December 2019; in force 3 Dec 2020 (pops.int, PFOS page).',
	},
	'sc10-2022': {
		id: 'sc10-2022',
		decisions: 'SC-10/13',
		adoptedOn: '2022-06-17',
		communicatedOn: '2022-11-16',
		entryIntoForce: '2023-11-16',
		confidence: 'S',
		note: 'Entry into force 16 Nov 2023 per pops.int amendments table; adoption date is background knowledge.',
	},
	'sc11-2023': {
		id: 'sc11-2023',
		decisions: 'SC-11/10, SC-11/11, SC-11/12',
		adoptedOn: '2023-05-12',
		communicatedOn: '2024-02-26',
		entryIntoForce: '2025-02-26',
		confidence: 'B',
		note: 'Entry-into-force date from background knowledge; check the depositary notification.',
	},
	'sc12-2025': {
		id: 'sc12-2025',
		decisions: 'SC-12/9, SC-12/10, SC-12/12',
		adoptedOn: '2025-05-09',
		communicatedOn: null,
		entryIntoForce: null,
		confidence: 'S',
		note: 'Adopted 9 May 2025 (Trb. 2026, 52). Entry into force not yet recorded here: set it from the depositary notification; until then these chemicals apply to no Party.',
	},
}
