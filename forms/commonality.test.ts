import { describe, expect, it } from 'vitest'
import {
	commonalityAnalysis,
	conceptCoverage,
	contentAnalysis,
	formatAnalysis,
	partyTiming,
	registeredForms,
	timingCalendar,
	timingClashes,
	type CycleInput,
} from './commonality.ts'
import { CONCEPTS, isConceptId } from './concepts.ts'
import { getFormDefinition, listFormDefinitions } from './registry.ts'

const { forms, allVersions } = registeredForms()

describe('concept registry', () => {
	it('gives every concept a group, dimension, classification, period and reuse, and a conversion to every derive', () => {
		for (const concept of CONCEPTS) {
			expect(concept.description.length).toBeGreaterThan(5)
			expect(concept.group).toBeTruthy()
			if (concept.reuse === 'derive') expect('conversion' in concept).toBe(true)
		}
		expect(isConceptId('TRADE.EXPORT.WASTE')).toBe(true)
	})
})

describe('content', () => {
	const content = contentAnalysis(forms, 'en')
	const row = (id: string) => content.rows.find((candidate) => candidate.concept.id === id)!

	it('compares the latest version of every registered form', () => {
		expect(content.forms.map((form) => form.formId)).toEqual(
			expect.arrayContaining(['stockholm-art15', 'ddt', 'basel-art13']),
		)
		expect(content.forms.find((form) => form.formId === 'basel-art13')?.status).toBe('draft')
	})

	it('puts the questions of each form in the cells, with their texts in the language asked', () => {
		expect(row('CONTACT.OCP').cells['stockholm-art15']?.map((item) => item.itemId)).toEqual([
			'a_ocp_contact',
		])
		const focalPoints = row('CONTACT.NFP').cells
		expect(Object.keys(focalPoints)).toEqual(
			expect.arrayContaining(['stockholm-art15', 'ddt', 'basel-art13']),
		)
		expect(row('CONTACT.NFP').conventions).toEqual(expect.arrayContaining(['stockholm', 'basel']))
		const basel = focalPoints['basel-art13']![0]!
		expect(basel.itemId).toBe('i1_focal_point')
		expect(basel.text).not.toBe(basel.itemId)
		const french = contentAnalysis(forms, 'fr').rows.find((r) => r.concept.id === 'CONTACT.NFP')!
		expect(french.cells['basel-art13']![0]!.text).not.toBe(basel.text)
		// A column carrying its own concept is an item of its own, labelled with its table.
		const production = row('PROD.CHEM').cells['stockholm-art15']!
		expect(production.map((item) => item.itemId)).toContain('b3_statistics.production_kg')
	})

	it('counts per form the questions another convention also asks', () => {
		const basel = content.shares.find((share) => share.formId === 'basel-art13')!
		expect(basel.shared).toBeGreaterThan(0)
		expect(basel.shared).toBeLessThan(basel.questions)
		expect(basel.share).toBeCloseTo(basel.shared / basel.questions)
		// Waste exports are asked by Stockholm (Art. 6) and Basel (Table 4).
		expect(row('TRADE.EXPORT.WASTE').conventions.sort()).toEqual(['basel', 'stockholm'])
		// Forms of one convention only: nothing is asked by three conventions yet, unless the
		// registry lists forms of three conventions.
		const conventions = new Set(forms.map((form) => form.definition.convention))
		if (conventions.size < 3) expect(content.widelyShared).toEqual([])
	})
})

describe('format', () => {
	const format = formatAnalysis(forms)
	const row = (id: string) => format.find((candidate) => candidate.conceptId === id)!

	it('flags the units of waste exports: tonnes (Basel) against kilograms (Stockholm), convertible', () => {
		const waste = row('TRADE.EXPORT.WASTE')
		expect(waste.crossConvention).toBe(true)
		expect(waste.cells.find((cell) => cell.formId === 'basel-art13')?.units).toEqual(['t'])
		expect(waste.cells.find((cell) => cell.formId === 'stockholm-art15')?.units).toEqual(['kg'])
		expect(waste.differences).toEqual(expect.arrayContaining(['unit', 'classification']))
		expect(waste.units).toContainEqual({ from: 'kg', to: 't', factor: 0.001 })
		// Basel names destination and transit countries; Stockholm a destination.
		const basel = waste.cells.find((cell) => cell.formId === 'basel-art13')!
		expect(basel.partners).toEqual(['destination', 'transit'])
		expect(basel.codeLists).toEqual(
			expect.arrayContaining(['basel-y', 'basel-h', 'basel-d', 'basel-r']),
		)
	})

	it('flags chemical trade in kg of active ingredient as not convertible to kg', () => {
		const exports = row('TRADE.EXPORT.CHEM')
		expect(exports.differences).toContain('unit')
		expect(exports.units).toContainEqual({ from: 'kg', to: 'kg_ai' })
		expect(exports.cells.find((cell) => cell.formId === 'ddt')?.partners).toEqual(['destination'])
	})

	it('compares periods: a calendar year (Basel) against a four-year window (Stockholm text answers)', () => {
		const challenges = row('CHALLENGES')
		const stockholm = challenges.cells.find((cell) => cell.formId === 'stockholm-art15')!
		expect(stockholm.period).toMatchObject({ kind: 'window', years: 4 })
		expect(challenges.cells.find((cell) => cell.formId === 'basel-art13')!.period.kind).toBe(
			'calendar-year',
		)
		expect(challenges.differences).toContain('period')
	})
})

describe('timing', () => {
	it('projects the cycles not seeded from each form’s cadence, and says so', () => {
		const calendar = timingCalendar(allVersions, [])
		const of = (formId: string) => calendar.filter((entry) => entry.formId === formId)
		expect(of('stockholm-art15').map((e) => [e.deadline, e.source])).toEqual([
			['2026-08-31', 'definition'],
			['2030-08-31', 'projected'],
		])
		expect(of('basel-art13').map((e) => e.deadline)).toEqual(
			[2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032].map((y) => `${y}-12-31`),
		)
		expect(of('ddt').map((e) => e.deadline)).toEqual(['2024-06-30', '2027-06-30', '2030-06-30'])
		expect(of('ddt')[0]).toMatchObject({ source: 'projected', periodStart: '2021-01-01' })
	})

	it('uses seeded cycles in place of the definitions they use', () => {
		const def = getFormDefinition('stockholm-art15', 6)!
		const cycle: CycleInput = {
			code: 'sc-art15-6',
			formId: def.formId,
			formVersion: 6,
			convention: 'stockholm',
			periodStart: '2022-01-01',
			periodEnd: '2025-12-31',
			deadline: '2026-08-31',
		}
		const calendar = timingCalendar(listFormDefinitions(), [cycle])
		const stockholm = calendar.filter((entry) => entry.formId === 'stockholm-art15')
		expect(stockholm[0]).toMatchObject({ source: 'cycle', code: 'sc-art15-6' })
		expect(stockholm).toHaveLength(2)
	})

	it('finds busy years and deadlines closer than 60 days, per Party', () => {
		const calendar = timingCalendar(allVersions, [])
		const clashes = timingClashes(calendar)
		expect(clashes.busyYears.map((year) => year.year)).toContain(2026)
		const kenya = partyTiming(calendar, [
			{ convention: 'stockholm', inForceOn: '2004-05-17' },
			{ convention: 'basel', inForceOn: '2000-09-06' },
		])
		expect(kenya.busyYears.find((y) => y.year === 2030)?.entries.map((e) => e.formId)).toEqual([
			'ddt',
			'stockholm-art15',
			'basel-art13',
		])
		// DDT (30 June) and Art. 15 (31 August) in 2030: 62 days, not close; none is.
		expect(kenya.closeDeadlines).toEqual([])
		const notBasel = partyTiming(calendar, [{ convention: 'basel', inForceOn: '2030-01-01' }])
		expect(notBasel.entries.every((entry) => entry.deadline >= '2030-01-01')).toBe(true)
		const close = timingClashes([
			{ ...calendar[0]!, formId: 'a', deadline: '2028-06-30' },
			{ ...calendar[0]!, formId: 'b', deadline: '2028-08-01' },
		])
		expect(close.closeDeadlines).toMatchObject([{ days: 32 }])
	})
})

describe('coverage and the whole analysis', () => {
	it('lists questions without a concept and concepts no form uses', () => {
		const coverage = conceptCoverage(listFormDefinitions())
		const art15 = coverage.unmapped.find((u) => u.formId === 'stockholm-art15' && u.version === 6)!
		expect(art15.questions).toContain('a_stakeholders_consulted')
		expect(art15.questions).not.toContain('b_attachments')
		expect(art15.questions).not.toContain('b3_statistics')
		// The Rotterdam report asks for designated national authorities.
		expect(coverage.unused).not.toContain('CONTACT.DNA')
		expect(coverage.unused).not.toContain('CONTACT.OCP')
	})

	it('puts the three parts together, with the selected Party’s calendar', () => {
		const analysis = commonalityAnalysis({
			forms,
			allVersions,
			cycles: [],
			lang: 'en',
			party: { partyCode: 'KEN', memberships: [{ convention: 'basel', inForceOn: null }] },
		})
		expect(analysis.content.rows.length).toBe(CONCEPTS.length)
		expect(analysis.format.length).toBeGreaterThan(5)
		expect(analysis.timing.party?.entries.every((e) => e.convention === 'basel')).toBe(true)
		expect(analysis.consistency).toBeUndefined()
	})
})
