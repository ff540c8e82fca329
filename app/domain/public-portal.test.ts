import { describe, expect, it } from 'vitest'
import type { PublicReportRow } from '#db/queries/public-reports.ts'
import { cycleRates, cycleReports, isRequired, percentOf, publicReportOf } from './public-portal.ts'

const cycle = { id: 'c1', deadline: '2026-08-31' }
const input = { today: '2026-12-04', language: 'en' as const }

function row(overrides: Partial<PublicReportRow>): PublicReportRow {
	return {
		cycleId: 'c1',
		partyCode: 'KEN',
		names: { en: 'Kenya', fr: 'Kenya', es: 'Kenia', ru: 'Кения', zh: '肯尼亚', ar: 'كينيا' },
		m49: '404',
		regionalGroup: 'africa',
		inForceOn: '2004-05-17',
		firstSubmittedAt: null,
		acceptedNumber: null,
		...overrides,
	}
}

describe('a report as the public sees it', () => {
	it('is accepted, submitted (whatever the review says) or not submitted, never a draft', () => {
		const accepted = publicReportOf(
			row({ firstSubmittedAt: new Date('2026-08-01T10:00:00Z'), acceptedNumber: 2 }),
			cycle,
			input,
		)
		expect(accepted).toMatchObject({
			state: 'accepted',
			submittedOn: '2026-08-01',
			timeliness: 'on_time',
			acceptedNumber: 2,
		})
		const late = publicReportOf(
			row({ firstSubmittedAt: new Date('2026-09-01T00:30:00Z') }),
			cycle,
			input,
		)
		expect(late).toMatchObject({ state: 'submitted', timeliness: 'late', acceptedNumber: null })
		expect(publicReportOf(row({}), cycle, input)).toMatchObject({
			state: 'not_submitted',
			submittedOn: null,
			timeliness: 'missing',
		})
		expect(publicReportOf(row({}), cycle, { ...input, today: '2026-08-01' }).timeliness).toBe(
			'pending',
		)
	})

	it('names the Party in the page language, and places it outside the regional groups when it has none', () => {
		const eu = publicReportOf(row({ partyCode: 'EUU', regionalGroup: null, m49: null }), cycle, {
			...input,
			language: 'es',
		})
		expect(eu.region).toBe('none')
		expect(publicReportOf(row({}), cycle, { ...input, language: 'es' }).name).toBe('Kenia')
	})
})

describe('the Parties a cycle asked to report', () => {
	it('are those bound by the convention on the deadline (an unrecorded date counts as bound)', () => {
		expect(isRequired({ inForceOn: '2026-08-31' }, cycle)).toBe(true)
		expect(isRequired({ inForceOn: null }, cycle)).toBe(true)
		expect(isRequired({ inForceOn: '2026-09-01' }, cycle)).toBe(false)
	})

	it('lists them, and a Party not asked only when it submitted all the same', () => {
		const rows = [
			row({ partyCode: 'KEN' }),
			row({ partyCode: 'NEW', inForceOn: '2026-10-01' }),
			row({
				partyCode: 'EAG',
				inForceOn: '2026-10-01',
				firstSubmittedAt: new Date('2026-11-01T00:00:00Z'),
			}),
			row({ partyCode: 'OTH', cycleId: 'c2' }),
		]
		expect(
			cycleReports(rows, cycle, input)
				.map((r) => r.partyCode)
				.sort(),
		).toEqual(['EAG', 'KEN'])
	})
})

describe('submission rates', () => {
	it('count the reports submitted by the deadline or after it, per regional group', () => {
		const reports = [
			row({ partyCode: 'A', firstSubmittedAt: new Date('2026-08-01T00:00:00Z') }),
			row({ partyCode: 'B', firstSubmittedAt: new Date('2026-10-01T00:00:00Z') }),
			row({ partyCode: 'C' }),
			row({ partyCode: 'D', regionalGroup: 'weog' }),
		].map((r) => publicReportOf(r, cycle, input))
		const rates = cycleRates('sc-art15-6', reports)
		expect(rates.all).toEqual({ parties: 4, submitted: 2, onTime: 1 })
		expect(rates.regions.africa).toEqual({ parties: 3, submitted: 2, onTime: 1 })
		expect(rates.regions.weog).toEqual({ parties: 1, submitted: 0, onTime: 0 })
		expect(rates.regions.asia_pacific.parties).toBe(0)
		expect(percentOf(2, 3)).toBe(66.7)
		expect(percentOf(0, 0)).toBeNull()
	})
})
