import { describe, expect, it } from 'vitest'
import type { FormContext } from '../types.ts'
import {
	AMENDMENTS,
	BUILT_IN_DEPOSITARY_RECORD,
	amendmentEntryIntoForce,
	amendmentStatus,
	chemicalApplicability,
	depositaryRecordKey,
	depositaryRecordWith,
	filterCodeList,
	isChemicalInForce,
	isOptInParty,
	laterChangesFor,
	type RecordedEvent,
} from './index.ts'
import { RecordedEventSchema } from './depositary-events.ts'
import { registeredCodeLists } from './source.ts'

const source = { reference: 'C.N.999.2025.TREATIES-XXVII.15', source: 'test', verified: true }

function withReleases(...releases: RecordedEvent[][]) {
	return depositaryRecordWith(releases.map((events, i) => ({ version: i + 1, events })))
}

const cop12Communicated = withReleases([
	{ kind: 'communication', amendment: 'sc12-2025', date: '2025-10-01', ...source },
])

describe('general entry into force of the amendments (Art. 22(3)(c))', () => {
	it('is one year after the depositary communication', () => {
		expect(amendmentEntryIntoForce('sc4-2009')).toBe('2010-08-26')
		expect(amendmentEntryIntoForce('sc9-2019')).toBe('2020-12-03')
		expect(amendmentEntryIntoForce('sc10-2022')).toBe('2023-11-16')
		expect(amendmentEntryIntoForce('sc11-2023')).toBe('2025-02-26')
		expect(amendmentEntryIntoForce('original')).toBe('2004-05-17')
	})

	it('leaves the COP-12 amendment adopted, not in force, until its communication is recorded', () => {
		expect(AMENDMENTS['sc12-2025'].adoptedOn).toBe('2025-05-09')
		expect(amendmentEntryIntoForce('sc12-2025')).toBeNull()
		expect(amendmentStatus('sc12-2025', '2030-01-01')).toBe('adopted')
		expect(chemicalApplicability('CHLORPYRIFOS', 'KEN')).toMatchObject({
			basis: 'not_communicated',
			inForceFrom: null,
		})

		expect(amendmentEntryIntoForce('sc12-2025', cop12Communicated)).toBe('2026-10-01')
		expect(amendmentStatus('sc12-2025', '2026-09-30', cop12Communicated)).toBe('communicated')
		expect(amendmentStatus('sc12-2025', '2026-10-01', cop12Communicated)).toBe('in_force')
		for (const chemical of ['CHLORPYRIFOS', 'MCCP', 'LCPFCA']) {
			expect(isChemicalInForce(chemical, 'KEN', '2026-09-30', cop12Communicated)).toBe(false)
			expect(isChemicalInForce(chemical, 'KEN', '2026-10-01', cop12Communicated)).toBe(true)
		}
	})

	it('lets a later release correct a communication date', () => {
		const corrected = withReleases(
			[{ kind: 'communication', amendment: 'sc12-2025', date: '2025-10-01', ...source }],
			[{ kind: 'communication', amendment: 'sc12-2025', date: '2025-11-12', ...source }],
		)
		expect(corrected.version).toBe(2)
		expect(amendmentEntryIntoForce('sc12-2025', corrected)).toBe('2026-11-12')
	})
})

describe('per-Party applicability', () => {
	it.each([
		['PFHXS', 'KEN', '2023-11-15', false],
		['PFHXS', 'KEN', '2023-11-16', true],
		['DDT', 'KEN', '2004-12-22', false],
		['DDT', 'KEN', '2004-12-23', true],
		['UV328', 'KEN', '2025-12-31', true],
		['UV328', 'KEN', '2021-12-31', false],
		['CHLORPYRIFOS', 'KEN', '2030-01-01', false],
		['UNKNOWN', 'KEN', '2030-01-01', false],
	] as const)('%s for %s on %s → %s', (chemical, party, date, expected) => {
		expect(isChemicalInForce(chemical, party, date)).toBe(expected)
	})

	it('binds no listing before the Convention binds the Party (Art. 26(2))', () => {
		// Afghanistan acceded on 20 February 2013; the Convention bound it from 21 May 2013.
		expect(chemicalApplicability('DDT', 'AFG')?.inForceFrom).toBe('2013-05-21')
		expect(isChemicalInForce('ALDRIN', 'AFG', '2013-05-20')).toBe(false)
		// Listings that came later than the Party keep their own dates.
		expect(chemicalApplicability('PFHXS', 'AFG')?.inForceFrom).toBe('2023-11-16')
	})

	it('knows the Art. 25(4) declarations found in the depositary record', () => {
		for (const party of ['ARG', 'AUS', 'BHR', 'BGD', 'BWA', 'CAN', 'CHN', 'IND', 'RUS'])
			expect(isOptInParty(party), party).toBe(true)
		expect(isOptInParty('KEN')).toBe(false)
		const unverified = BUILT_IN_DEPOSITARY_RECORD.events
			.filter((event) => event.kind === 'declaration' && !event.verified)
			.map((event) => (event.kind === 'declaration' ? event.partyCode : ''))
		expect(unverified).toEqual(['IND', 'RUS'])
	})

	it('binds an opt-in Party 90 days after its own deposit (Art. 22(4))', () => {
		// Argentina ratified the 2019 amendments on 6 January 2023 (C.N.8.2023).
		expect(chemicalApplicability('PFOA', 'ARG')).toMatchObject({
			basis: 'opt_in_ratified',
			inForceFrom: '2023-04-06',
		})
		expect(isChemicalInForce('PFOA', 'ARG', '2023-04-05')).toBe(false)
		expect(isChemicalInForce('PFOA', 'ARG', '2023-04-06')).toBe(true)
		// Bangladesh: 4 November 2022.
		expect(isChemicalInForce('PFOA', 'BGD', '2023-02-01')).toBe(false)
		expect(isChemicalInForce('PFOA', 'BGD', '2023-02-02')).toBe(true)
		// China: the 2009 and 2011 amendments on 26 December 2013, HBCDD on 27 September 2016.
		expect(chemicalApplicability('ENDOSULFAN', 'CHN')?.inForceFrom).toBe('2014-03-26')
		expect(chemicalApplicability('HBCDD', 'CHN')?.inForceFrom).toBe('2016-12-26')
	})

	it('does not bind an opt-in Party by an amendment it has not ratified', () => {
		expect(chemicalApplicability('PFHXS', 'ARG')).toMatchObject({
			basis: 'opt_in_not_ratified',
			inForceFrom: null,
		})
		expect(isChemicalInForce('PFHXS', 'ARG', '2030-12-31')).toBe(false)
		// Opt-in Parties are not bound by a communication, only by their own deposit.
		expect(isChemicalInForce('CHLORPYRIFOS', 'ARG', '2030-01-01', cop12Communicated)).toBe(false)
		const ratified = withReleases(
			[{ kind: 'communication', amendment: 'sc12-2025', date: '2025-10-01', ...source }],
			[
				{
					kind: 'ratification',
					partyCode: 'ARG',
					amendment: 'sc12-2025',
					date: '2027-03-01',
					...source,
				},
			],
		)
		expect(chemicalApplicability('MCCP', 'ARG', ratified)?.inForceFrom).toBe('2027-05-30')
	})

	it('binds only the listings an instrument names', () => {
		const partial = withReleases([
			{
				kind: 'ratification',
				partyCode: 'IND',
				amendment: 'sc4-2009',
				date: '2021-01-04',
				chemicals: ['CHLORDECONE', 'PECB'],
				...source,
			},
		])
		expect(chemicalApplicability('PECB', 'IND', partial)?.inForceFrom).toBe('2021-04-04')
		expect(chemicalApplicability('LINDANE', 'IND', partial)?.basis).toBe('opt_in_not_ratified')
	})

	it('leaves out a Party that notified non-acceptance until it withdraws (Art. 22(3)(b))', () => {
		const notified = withReleases([
			{
				kind: 'non_acceptance',
				partyCode: 'KEN',
				amendment: 'sc11-2023',
				date: '2024-10-01',
				...source,
			},
		])
		expect(chemicalApplicability('METHOXYCHLOR', 'KEN', notified)).toMatchObject({
			basis: 'non_acceptance',
			inForceFrom: null,
		})
		const withdrawn = depositaryRecordWith([
			{ version: 1, events: notified.events.slice(-1) },
			{
				version: 2,
				events: [
					{
						kind: 'withdrawal',
						partyCode: 'KEN',
						amendment: 'sc11-2023',
						date: '2026-03-15',
						...source,
					},
				],
			},
		])
		expect(chemicalApplicability('METHOXYCHLOR', 'KEN', withdrawn)).toMatchObject({
			basis: 'non_acceptance_withdrawn',
			inForceFrom: '2026-03-15',
		})
		// Other Parties are bound from the general date.
		expect(chemicalApplicability('METHOXYCHLOR', 'GHA', withdrawn)?.inForceFrom).toBe('2025-02-26')
	})

	it('shows the SC-12/14 exemption for UV-328 as pending until the COP-12 amendment binds', () => {
		expect(laterChangesFor('UV328', 'KEN', '2026-12-31')).toEqual([
			expect.objectContaining({ decision: 'SC-12/14', inForceFrom: null, inForce: false }),
		])
		expect(laterChangesFor('UV328', 'KEN', '2026-12-31', cop12Communicated)).toEqual([
			expect.objectContaining({ inForceFrom: '2026-10-01', inForce: true }),
		])
		expect(laterChangesFor('UV328', 'KEN', '2026-09-30', cop12Communicated)[0]?.inForce).toBe(false)
	})

	it('filters a code list for a Party, the form version and annexes', () => {
		const ctx: FormContext = {
			partyCode: 'KEN',
			periodStart: '2022-01-01',
			periodEnd: '2025-12-31',
			codeLists: registeredCodeLists,
		}
		const codes = (adoptedOnOrBefore: string, context = ctx) =>
			filterCodeList(
				'sc-chemicals',
				{ where: { annexes: ['A', 'B'] }, inForceForParty: true, adoptedOnOrBefore },
				context,
			).map((entry) => entry.code)
		expect(codes('2025-05-09')).toHaveLength(32)
		expect(codes('2025-05-09')).toEqual(
			expect.arrayContaining(['PFHXS', 'DECHLORANE_PLUS', 'UV328', 'METHOXYCHLOR', 'DDT', 'PFOS']),
		)
		expect(codes('2019-05-10')).not.toContain('PFHXS')
		// A later period, once the COP-12 communication is recorded: the COP-12 listings appear.
		const later = {
			partyCode: 'KEN',
			periodStart: '2026-01-01',
			periodEnd: '2029-12-31',
			codeLists: registeredCodeLists,
			depositaryRecord: cop12Communicated,
		}
		expect(codes('2025-05-09', later)).toHaveLength(35)
		expect(
			codes('2025-05-09', { ...later, depositaryRecord: BUILT_IN_DEPOSITARY_RECORD }),
		).toHaveLength(32)
		expect(
			filterCodeList('sc-chemicals', { where: { annexes: 'C' } }).map((entry) => entry.code),
		).toEqual(['HCB', 'HCBD', 'PECB', 'PCB', 'PCN', 'PCDD', 'PCDF'])
	})
})

describe('the record as data', () => {
	it('stores every built-in entry in the shape releases are validated against', () => {
		for (const event of BUILT_IN_DEPOSITARY_RECORD.events)
			expect(RecordedEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(true)
		expect(
			RecordedEventSchema.safeParse({
				kind: 'communication',
				amendment: 'original',
				date: '2025-01-01',
				...source,
			}).success,
		).toBe(false)
	})

	it('keys caches by content, not by object', () => {
		const again = withReleases([
			{ kind: 'communication', amendment: 'sc12-2025', date: '2025-10-01', ...source },
		])
		expect(depositaryRecordKey(again)).toBe(depositaryRecordKey(cop12Communicated))
		expect(depositaryRecordKey(cop12Communicated)).not.toBe(
			depositaryRecordKey(BUILT_IN_DEPOSITARY_RECORD),
		)
	})
})
