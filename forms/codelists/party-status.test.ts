import { describe, expect, it } from 'vitest'
import { PARTY_STATUS_ROWS } from './party-status-data.ts'
import {
	isInForceFor,
	PARTY_STATUS_RELEASE,
	partyConventionStatus,
	partyStatusRecords,
	RELEASE_CONVENTIONS,
} from './party-status.ts'

/** The conventions' own entry into force (Basel Art. 25, Rotterdam and Stockholm Art. 26, Minamata Art. 31). */
const CONVENTION_IN_FORCE = {
	basel: '1992-05-05',
	rotterdam: '2004-02-24',
	stockholm: '2004-05-17',
	minamata: '2017-08-16',
} as const

function ninetiethDayAfter(date: string) {
	const day = new Date(`${date}T00:00:00Z`)
	day.setUTCDate(day.getUTCDate() + 90)
	return day.toISOString().slice(0, 10)
}

const parties = (convention: (typeof RELEASE_CONVENTIONS)[number]) =>
	partyStatusRecords().filter((r) => r.convention === convention && r.status === 'party')

describe('Party-status release', () => {
	it('is dated and names the depositary record it was read from', () => {
		expect(PARTY_STATUS_RELEASE.statusAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/)
		expect(PARTY_STATUS_RELEASE.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
		expect(PARTY_STATUS_RELEASE.readOn >= PARTY_STATUS_RELEASE.statusAsOf).toBe(true)
		for (const chapter of ['XXVII-3', 'XXVII-14', 'XXVII-15', 'XXVII-17'])
			expect(PARTY_STATUS_RELEASE.source).toContain(chapter)
		expect(PARTY_STATUS_RELEASE.knownGaps).not.toBe('')
		expect(RELEASE_CONVENTIONS.sort()).toEqual(['basel', 'minamata', 'rotterdam', 'stockholm'])
	})

	it('makes the United States a Party to Minamata only (acceptance, 6 November 2013)', () => {
		for (const convention of ['stockholm', 'basel', 'rotterdam'] as const)
			expect(partyConventionStatus('USA', convention)).toMatchObject({
				status: 'signatory',
				consentedOn: null,
			})
		expect(partyConventionStatus('USA', 'minamata')).toMatchObject({
			status: 'party',
			instrument: 'acceptance',
			consentedOn: '2013-11-06',
			inForceOn: '2017-08-16',
		})
		expect(partyConventionStatus('USA', 'stockholm').signedOn).toBe('2001-05-23')
	})

	it('makes the European Union a Party to all four conventions, by approval', () => {
		for (const convention of RELEASE_CONVENTIONS)
			expect(partyConventionStatus('EUU', convention)).toMatchObject({
				status: 'party',
				instrument: 'approval',
			})
		expect(partyConventionStatus('EUU', 'minamata').consentedOn).toBe('2017-05-18')
	})

	it('records nothing for Kosovo and the Holy See: not Parties', () => {
		for (const convention of RELEASE_CONVENTIONS) {
			expect(partyConventionStatus('XKK', convention).status).toBe('non_party')
			expect(partyConventionStatus('VAT', convention).status).toBe('non_party')
		}
	})

	it('agrees with the depositary table for a sample (Stockholm, UNTC XXVII-15)', () => {
		expect(partyConventionStatus('AFG', 'stockholm')).toMatchObject({
			instrument: 'accession',
			consentedOn: '2013-02-20',
			inForceOn: '2013-05-21',
		})
		expect(partyConventionStatus('ALB', 'stockholm')).toMatchObject({
			signedOn: '2001-12-05',
			consentedOn: '2004-10-04',
			instrument: null,
		})
		expect(partyConventionStatus('BOL', 'stockholm').consentedOn).toBe('2003-06-03')
		expect(partyConventionStatus('ITA', 'stockholm').status).toBe('signatory')
	})

	it('counts the Parties of the record (States of the record, the EU and the State of Palestine)', () => {
		expect(parties('stockholm')).toHaveLength(184)
		expect(parties('basel')).toHaveLength(187)
		expect(parties('rotterdam')).toHaveLength(162)
		expect(parties('minamata')).toHaveLength(125)
	})

	it('dates entry into force by the 90-day rule of each convention', () => {
		for (const record of partyStatusRecords()) {
			if (!record.consentedOn) continue
			const ninetieth = ninetiethDayAfter(record.consentedOn)
			const own = CONVENTION_IN_FORCE[record.convention]
			expect(record.inForceOn, `${record.partyCode} ${record.convention}`).toBe(
				ninetieth > own ? ninetieth : own,
			)
		}
	})

	it('keeps rows sorted and unique, with a note wherever a Party has no date', () => {
		for (const convention of RELEASE_CONVENTIONS) {
			const codes = PARTY_STATUS_ROWS[convention].map(([code]) => code)
			expect(codes).toEqual([...new Set(codes)].sort())
		}
		for (const record of partyStatusRecords())
			if (record.status === 'party' && !record.consentedOn)
				expect(record.note, `${record.partyCode} ${record.convention}`).toBeTruthy()
	})

	it('tells whether a convention is in force for a Party on a date', () => {
		expect(isInForceFor('AFG', 'stockholm', '2013-05-20')).toBe(false)
		expect(isInForceFor('AFG', 'stockholm', '2013-05-21')).toBe(true)
		expect(isInForceFor('USA', 'stockholm', '2026-01-01')).toBe(false)
		expect(isInForceFor('EUU', 'basel', '2026-01-01')).toBe(true)
	})
})
