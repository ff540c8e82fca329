import isoCountries from 'i18n-iso-countries'
import { COUNTRY_ROWS } from './country-data.ts'
import { countryName } from './country-names.ts'
import { codeLabel } from './labels.ts'
import { describe, expect, it } from 'vitest'
import { isCasNumber } from '../engine/patterns.ts'
import { LANGUAGES } from '../types.ts'
import {
	AMENDMENTS,
	APPLICABILITY_OVERRIDES,
	CHEMICALS,
	COUNTRIES,
	chemicalApplicability,
	filterCodeList,
	getChemical,
	getCodeList,
	isChemicalApplicable,
	listCodeLists,
} from './index.ts'

describe('code lists', () => {
	it('every list is dated, versioned, has unique codes and English labels', () => {
		for (const list of listCodeLists()) {
			expect(list.version).not.toBe('')
			expect(list.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
			expect(new Set(list.entries.map((entry) => entry.code)).size).toBe(list.entries.length)
			for (const entry of list.entries) expect(entry.labels.en).toBeTruthy()
			expect(getCodeList(list.id)).toBe(list)
		}
		expect(getCodeList('no-such-list')).toBeUndefined()
	})

	it('every list has French labels; countries have all six languages', () => {
		for (const list of listCodeLists())
			for (const entry of list.entries) expect(codeLabel(list.id, entry.code, 'fr')).toBeTruthy()
		for (const code of ['KEN', 'FRA', 'CHN']) {
			for (const lang of LANGUAGES) expect(countryName(code, lang)).toBeTruthy()
		}
		expect(countryName('KEN', 'es')).toBe('Kenia')
		expect(countryName('CHN', 'ar')).toMatch(/[\u0600-\u06FF]/)
		expect(COUNTRIES.entries.find((entry) => entry.code === 'KEN')?.labels.en).toBe('Kenya')
	})

	it('keeps the country table in step with the i18n-iso-countries package', () => {
		const codes = Object.keys(isoCountries.getAlpha3Codes()).sort()
		expect(COUNTRY_ROWS.map(([code]) => code)).toEqual(codes)
		for (const [alpha3, alpha2, numeric, english] of COUNTRY_ROWS) {
			expect(isoCountries.alpha3ToAlpha2(alpha3)).toBe(alpha2)
			expect(isoCountries.alpha2ToNumeric(alpha2) ?? '').toBe(numeric)
			expect(countryName(alpha3, 'en')).toBe(english)
		}
	})
})

describe('Stockholm chemicals', () => {
	it('lists the chemicals added from 2019 to 2025 with their decisions', () => {
		const added = CHEMICALS.entries.filter((entry) => entry.adoptionYear >= 2019)
		expect(added.map((entry) => [entry.code, entry.listingDecision.split(';')[0]])).toEqual([
			['DECHLORANE_PLUS', 'SC-11/10'],
			['DICOFOL', 'SC-9/11'],
			['METHOXYCHLOR', 'SC-11/11'],
			['PFOA', 'SC-9/12'],
			['PFHXS', 'SC-10/13'],
			['UV328', 'SC-11/12'],
			['CHLORPYRIFOS', 'SC-12/9'],
			['MCCP', 'SC-12/10'],
			['LCPFCA', 'SC-12/12'],
		])
	})

	it('has valid CAS numbers, annexes and the Art. 15(2) flag', () => {
		for (const entry of CHEMICALS.entries) {
			expect(entry.cas.length).toBeGreaterThan(0)
			for (const cas of entry.cas) expect(isCasNumber(cas), `${entry.code} ${cas}`).toBe(true)
			expect(entry.art15Statistics).toBe(entry.annexes.includes('A') || entry.annexes.includes('B'))
		}
		expect(getChemical('DDT')).toMatchObject({ cas: ['50-29-3'], annexes: ['B'] })
		expect(getChemical('HCB')?.annexes).toEqual(['A', 'C'])
		expect(getChemical('PCDD')?.art15Statistics).toBe(false)
	})

	it('takes entry-into-force dates from the amendments', () => {
		expect(getChemical('PFHXS')?.entryIntoForce).toBe('2023-11-16')
		expect(getChemical('PFOA')?.entryIntoForce).toBe('2020-12-03')
		expect(getChemical('CHLORPYRIFOS')?.entryIntoForce).toBeNull()
		expect(AMENDMENTS['sc12-2025'].adoptedOn).toBe('2025-05-09')
	})
})

describe('per-Party applicability', () => {
	it.each([
		['PFHXS', 'KEN', '2023-11-15', false],
		['PFHXS', 'KEN', '2023-11-16', true],
		['DDT', 'KEN', '2004-05-17', true],
		['UV328', 'KEN', '2025-12-31', true],
		['UV328', 'KEN', '2021-12-31', false],
		['CHLORPYRIFOS', 'KEN', '2030-01-01', false],
		['UNKNOWN', 'KEN', '2030-01-01', false],
	] as const)('%s for %s on %s → %s', (chemical, party, date, expected) => {
		expect(isChemicalApplicable(chemical, party, date)).toBe(expected)
	})

	it('an opt-in Party is bound 90 days after depositing its ratification (verified record)', () => {
		// Argentina ratified the 2019 amendments on 6 January 2023.
		expect(chemicalApplicability('PFOA', 'ARG', '2023-04-05')).toMatchObject({
			applicable: false,
			inForceFrom: '2023-04-06',
		})
		expect(isChemicalApplicable('PFOA', 'ARG', '2023-04-06')).toBe(true)
		expect(isChemicalApplicable('PFOA', 'BGD', '2023-02-02')).toBe(true)
		expect(isChemicalApplicable('PFOA', 'BGD', '2023-02-01')).toBe(false)
	})

	it('labels every unverified override as illustrative', () => {
		for (const override of APPLICABILITY_OVERRIDES.filter((entry) => !entry.verified)) {
			expect(override.source).toMatch(/^Illustrative demo data/)
		}
		expect(chemicalApplicability('PFHXS', 'ARG', '2025-12-31')).toMatchObject({
			applicable: false,
			override: { verified: false },
		})
	})

	it('filters a code list for a Party, the form version and annexes', () => {
		const ctx = { partyCode: 'KEN', periodStart: '2022-01-01', periodEnd: '2025-12-31' }
		const codes = (adoptedOnOrBefore: string) =>
			filterCodeList(
				'sc-chemicals',
				{ where: { annexes: ['A', 'B'] }, inForceForParty: true, adoptedOnOrBefore },
				ctx,
			).map((entry) => entry.code)
		expect(codes('2025-05-09')).toHaveLength(32)
		expect(codes('2025-05-09')).toEqual(
			expect.arrayContaining(['PFHXS', 'DECHLORANE_PLUS', 'UV328', 'METHOXYCHLOR', 'DDT', 'PFOS']),
		)
		expect(codes('2019-05-10')).not.toContain('PFHXS')
		expect(
			filterCodeList('sc-chemicals', { where: { annexes: 'C' } }).map((entry) => entry.code),
		).toEqual(['HCB', 'HCBD', 'PECB', 'PCB', 'PCN', 'PCDD', 'PCDF'])
	})
})
