import { alpha3ToAlpha2, alpha3ToNumeric } from 'i18n-iso-countries'
import { describe, expect, it } from 'vitest'
import { countryName } from '#forms/codelists/country-names.ts'
import { partyStatusRecords } from '#forms/codelists/party-status.ts'
import { LANGUAGES } from '#forms/vocabulary.ts'
import { PARTIES, type PartyKind, type PartySeed } from './parties.ts'

const byCode = new Map(PARTIES.map((party) => [party.code, party]))
const partyOf = (code: string): PartySeed => {
	const party = byCode.get(code)
	if (!party) throw new Error(`${code} missing from PARTIES`)
	return party
}
const ofKind = (kind: PartyKind) => PARTIES.filter((party) => party.kind === kind)
const isoStates = PARTIES.filter((party) => party.code !== 'EUU')

describe('PARTIES', () => {
	it('holds the 193 UN members, 2 observer States, Cook Islands, Niue and the EU', () => {
		expect(ofKind('un_member')).toHaveLength(193)
		expect(ofKind('un_observer').map((p) => p.code)).toEqual(['PSE', 'VAT'])
		expect(ofKind('other').map((p) => p.code)).toEqual(['COK', 'NIU'])
		expect(ofKind('regional_organization').map((p) => p.code)).toEqual(['EUU'])
		expect(PARTIES).toHaveLength(198)
	})

	it('leaves out Kosovo', () => {
		expect(PARTIES.some((p) => p.alpha2 === 'XK' || p.code === 'XKK')).toBe(false)
	})

	it('has unique codes, sorted', () => {
		const codes = PARTIES.map((p) => p.code)
		expect(new Set(codes).size).toBe(codes.length)
		expect(new Set(PARTIES.map((p) => p.alpha2)).size).toBe(codes.length)
		expect(codes).toEqual([...codes].sort())
	})

	it('counts UN members per regional group (US counted with WEOG)', () => {
		const counts: Record<string, number> = {}
		for (const party of ofKind('un_member')) {
			const group = party.regionalGroup ?? 'none'
			counts[group] = (counts[group] ?? 0) + 1
		}
		expect(counts).toEqual({
			africa: 54,
			asia_pacific: 54,
			eastern_europe: 23,
			latin_america_caribbean: 33,
			weog: 29,
		})
	})

	it('places the frequently mistaken members in the right group', () => {
		expect(partyOf('USA').regionalGroup).toBe('weog')
		expect(partyOf('TUR').regionalGroup).toBe('weog')
		expect(partyOf('ISR').regionalGroup).toBe('weog')
		expect(partyOf('CYP').regionalGroup).toBe('asia_pacific')
		expect(partyOf('KIR').regionalGroup).toBe('asia_pacific')
		expect(partyOf('PSE').regionalGroup).toBe('asia_pacific')
		expect(partyOf('VAT').regionalGroup).toBe('weog')
		expect(partyOf('COK').regionalGroup).toBe('asia_pacific')
		expect(partyOf('NIU').regionalGroup).toBe('asia_pacific')
	})

	it('describes the EU as a regional organisation without M49 code or group', () => {
		expect(partyOf('EUU')).toMatchObject({
			alpha2: 'EU',
			m49: null,
			regionalGroup: null,
			names: { en: 'European Union', fr: 'Union européenne', es: 'Unión Europea' },
		})
	})

	it('names every entity in the six UN languages, in the right script', () => {
		for (const party of PARTIES) {
			for (const language of LANGUAGES) {
				expect(party.names[language].trim(), `${party.code} ${language}`).not.toBe('')
			}
			expect(party.names.ar, party.code).toMatch(/\p{Script=Arabic}/u)
			expect(party.names.zh, party.code).toMatch(/\p{Script=Han}/u)
			expect(party.names.ru, party.code).toMatch(/\p{Script=Cyrillic}/u)
			expect(party.names.en, party.code).toMatch(/^[\p{Script=Latin} '’().,-]+$/u)
		}
	})

	it('takes every name from the country code list (UN short names)', () => {
		for (const party of PARTIES)
			for (const language of LANGUAGES)
				expect(party.names[language], `${party.code} ${language}`).toBe(
					countryName(party.code, language),
				)
		expect(partyOf('KOR').names.en).toBe('Republic of Korea')
		expect(partyOf('CZE').names.en).toBe('Czechia')
		expect(partyOf('VAT').names.en).toBe('Holy See')
		expect(partyOf('EUU').names).toMatchObject({ zh: '欧洲联盟', ru: 'Европейский союз' })
	})

	it('has alpha-2 and M49 codes consistent with i18n-iso-countries', () => {
		for (const party of isoStates) {
			expect(alpha3ToAlpha2(party.code), party.code).toBe(party.alpha2)
			expect(alpha3ToNumeric(party.code), party.code).toBe(party.m49)
			expect(party.m49, party.code).toMatch(/^\d{3}$/)
		}
	})
})

describe('the Party-status release', () => {
	it('names only seeded entities, and never Kosovo', () => {
		const seeded = new Set(PARTIES.map((party) => party.code))
		const named = new Set(partyStatusRecords().map((record) => record.partyCode))
		expect([...named].filter((code) => !seeded.has(code))).toEqual([])
		expect(named.has('XKK')).toBe(false)
	})
})
