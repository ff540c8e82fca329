import { describe, expect, it } from 'vitest'
import type { PublicReport } from './public-portal.ts'
import { reportItemScore, sdgIndicator } from './sdg-12-4-1.ts'

function report(partyCode: string, timeliness: PublicReport['timeliness']): PublicReport {
	return {
		partyCode,
		name: partyCode,
		m49: null,
		region: 'africa',
		state: timeliness === 'on_time' || timeliness === 'late' ? 'submitted' : 'not_submitted',
		submittedOn: null,
		timeliness,
		acceptedNumber: null,
	}
}

const cycle = (code: string, formId: string, convention: 'stockholm' | 'basel' | 'minamata') => ({
	code,
	title: code,
	convention,
	deadline: '2026-08-31',
	formId,
})

describe('SDG 12.4.1, the national-report item', () => {
	it('scores a report by the deadline 100, a late or missing one 0, and one not yet due not at all', () => {
		expect(reportItemScore('on_time')).toBe(100)
		expect(reportItemScore('late')).toBe(0)
		expect(reportItemScore('missing')).toBe(0)
		expect(reportItemScore('pending')).toBeNull()
	})

	it('gives per cycle the Parties that met the item, and per Party the mean of its scores', () => {
		const indicator = sdgIndicator(
			[
				{
					cycle: cycle('sc-art15-6', 'stockholm-art15', 'stockholm'),
					reports: [report('AAA', 'on_time'), report('BBB', 'late'), report('CCC', 'missing')],
				},
				{
					cycle: cycle('mc-art21-full-2025', 'minamata-art21', 'minamata'),
					reports: [report('AAA', 'on_time'), report('BBB', 'pending')],
				},
				// The DDT questionnaire is not one of the indicator's items.
				{ cycle: cycle('sc-ddt', 'ddt', 'stockholm'), reports: [report('CCC', 'on_time')] },
			],
			'en',
		)
		expect(indicator.cycles.map((c) => [c.code, c.scored, c.met, c.share])).toEqual([
			['sc-art15-6', 3, 1, 33.3],
			['mc-art21-full-2025', 1, 1, 100],
		])
		expect(indicator.cycles[1]!.points).toEqual({ item: 15, of: 20 })
		expect(indicator.parties.map((p) => [p.code, p.scores, p.average])).toEqual([
			['AAA', [100, 100], 100],
			['BBB', [0, null], 0],
			['CCC', [0, undefined], 0],
		])
	})
})
