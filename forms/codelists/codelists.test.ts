import isoCountries from 'i18n-iso-countries'
import { COUNTRY_ROWS, EUROPEAN_UNION_CODE } from './country-data.ts'
import { countryName } from './country-names.ts'
import { codeLabel } from './labels.ts'
import { describe, expect, it } from 'vitest'
import { isCasNumber } from '../engine/patterns.ts'
import { LANGUAGES } from '../types.ts'
import { CHEMICALS, COUNTRIES, getChemical, getCodeList, listCodeLists } from './index.ts'

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
		for (const [code] of COUNTRY_ROWS)
			for (const lang of LANGUAGES) expect(countryName(code, lang), `${code} ${lang}`).toBeTruthy()
		expect(countryName('CHN', 'ar')).toMatch(/[\u0600-\u06FF]/)
		expect(COUNTRIES.entries.find((entry) => entry.code === 'KEN')?.labels.en).toBe('Kenya')
	})

	it('keeps the country codes in step with the i18n-iso-countries package, plus the EU', () => {
		const codes = [...Object.keys(isoCountries.getAlpha3Codes()), EUROPEAN_UNION_CODE].sort()
		expect(COUNTRY_ROWS.map(([code]) => code)).toEqual(codes)
		for (const [alpha3, alpha2, numeric, english] of COUNTRY_ROWS) {
			expect(countryName(alpha3, 'en')).toBe(english)
			if (alpha3 === EUROPEAN_UNION_CODE) continue
			expect(isoCountries.alpha3ToAlpha2(alpha3)).toBe(alpha2)
			expect(isoCountries.alpha2ToNumeric(alpha2) ?? '').toBe(numeric)
		}
		expect(COUNTRIES.entries.find((entry) => entry.code === 'EUU')).toMatchObject({
			alpha2: 'EU',
			numeric: null,
			labels: { en: 'European Union' },
		})
	})
})

describe('country names: UN short names in the six languages', () => {
	/** [code, ar, zh, en, fr, ru, es] (UNTERM short names; M49 writes the apostrophe as ’). */
	const SAMPLE = [
		[
			'KOR',
			'جمهورية كوريا',
			'大韩民国',
			'Republic of Korea',
			'République de Corée',
			'Республика Корея',
			'República de Corea',
		],
		[
			'PRK',
			'جمهورية كوريا الشعبية الديمقراطية',
			'朝鲜民主主义人民共和国',
			"Democratic People's Republic of Korea",
			'République populaire démocratique de Corée',
			'Корейская Народно-Демократическая Республика',
			'República Popular Democrática de Corea',
		],
		['VNM', 'فييت نام', '越南', 'Viet Nam', 'Viet Nam', 'Вьетнам', 'Viet Nam'],
		[
			'VEN',
			'فنزويلا (جمهورية - البوليفارية)',
			'委内瑞拉玻利瓦尔共和国',
			'Venezuela (Bolivarian Republic of)',
			'Venezuela (République bolivarienne du)',
			'Венесуэла (Боливарианская Республика)',
			'Venezuela (República Bolivariana de)',
		],
		[
			'BOL',
			'بوليفيا (دولة - المتعددة القوميات)',
			'多民族玻利维亚国',
			'Bolivia (Plurinational State of)',
			'Bolivie (État plurinational de)',
			'Боливия (Многонациональное Государство)',
			'Bolivia (Estado Plurinacional de)',
		],
		['CHN', 'الصين', '中国', 'China', 'Chine', 'Китай', 'China'],
		[
			'IRN',
			'إيران (جمهورية - الإسلامية)',
			'伊朗伊斯兰共和国',
			'Iran (Islamic Republic of)',
			'Iran (République islamique d’)',
			'Иран (Исламская Республика)',
			'Irán (República Islámica del)',
		],
		['COG', 'الكونغو', '刚果', 'Congo', 'Congo', 'Конго', 'Congo'],
		[
			'CIV',
			'كوت ديفوار',
			'科特迪瓦',
			'Côte d’Ivoire',
			'Côte d’Ivoire',
			"Кот-д'Ивуар",
			'Côte d’Ivoire',
		],
		['TUR', 'تركيا', '土耳其', 'Türkiye', 'Türkiye', 'Турция', 'Türkiye'],
		[
			'EUU',
			'الاتحاد الأوروبي',
			'欧洲联盟',
			'European Union',
			'Union européenne',
			'Европейский союз',
			'Unión Europea',
		],
	] as const
	const ORDER = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const

	it.each(SAMPLE)('%s', (code, ...names) => {
		expect(ORDER.map((lang) => countryName(code, lang))).toEqual(names)
	})

	it('are the same labels in the code list, the Party pages and the exports', () => {
		expect(codeLabel('countries', 'KOR', 'en')).toBe('Republic of Korea')
		expect(codeLabel('countries', 'VNM', 'ru')).toBe('Вьетнам')
		expect(codeLabel('countries', 'EUU', 'fr')).toBe('Union européenne')
	})

	it('fall back to CLDR names only where the UN list has none (Taiwan, Kosovo, Antarctica)', () => {
		expect(countryName('XKK', 'fr')).toBe(isoCountries.getName('XK', 'fr'))
		expect(countryName('TWN', 'zh')).toBe(isoCountries.getName('TW', 'zh'))
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
})
