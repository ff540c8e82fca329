import { describe, expect, it } from 'vitest'
import { CODE_LIST_ALIASES } from './aliases.ts'
import { CHEMICAL_ALIASES } from './chemical-aliases.ts'
import { CHEMICALS } from './chemicals.ts'
import { COUNTRY_ALIASES } from './country-aliases.ts'
import { COUNTRIES } from './countries.ts'
import { countryNames } from './country-names.ts'
import { exactOption, normaliseForSearch, searchOptions, searchTermsOf } from './search.ts'

/** The options a picker gets, labelled in one language (as `optionsFor` builds them). */
function countryOptions(lang: 'en' | 'fr' | 'ru' = 'en') {
	const names = countryNames(lang)
	return COUNTRIES.entries.map((entry) => ({
		code: entry.code,
		label: names[entry.code] ?? entry.labels.en,
		...searchTermsOf(COUNTRIES.id, entry, CODE_LIST_ALIASES),
	}))
}

function chemicalOptions(lang: 'en' | 'fr' = 'en') {
	return CHEMICALS.entries.map((entry) => ({
		code: entry.code,
		label: entry.labels[lang] ?? entry.labels.en,
		...searchTermsOf(CHEMICALS.id, entry, CODE_LIST_ALIASES),
	}))
}

const codes = (options: { code: string }[]) => options.map((option) => option.code)
const countries = countryOptions()
const first = (query: string, options = countries) => searchOptions(options, query)[0]?.code

describe('normaliseForSearch', () => {
	it('ignores case, accents and punctuation', () => {
		expect(normaliseForSearch('Côte d’Ivoire')).toBe('cote d ivoire')
		expect(normaliseForSearch('  TÜRKIYE ')).toBe('turkiye')
		expect(normaliseForSearch('Congo-Kinshasa')).toBe('congo kinshasa')
		expect(normaliseForSearch('U.S.A.')).toBe('u s a')
	})
})

describe('country search: UN short names and common names find the country', () => {
	it.each([
		['Ivory Coast', 'CIV'],
		["Côte d'Ivoire", 'CIV'],
		['cote divoire', 'CIV'],
		['Turkey', 'TUR'],
		['Türkiye', 'TUR'],
		['turkiye', 'TUR'],
		['UK', 'GBR'],
		['uk', 'GBR'],
		['United Kingdom', 'GBR'],
		['Great Britain', 'GBR'],
		['USA', 'USA'],
		['US', 'USA'],
		['U.S.', 'USA'],
		['United States', 'USA'],
		['Russia', 'RUS'],
		['South Korea', 'KOR'],
		['Republic of Korea', 'KOR'],
		['North Korea', 'PRK'],
		['DPRK', 'PRK'],
		['Iran', 'IRN'],
		['Syria', 'SYR'],
		['Vietnam', 'VNM'],
		['Viet Nam', 'VNM'],
		['Laos', 'LAO'],
		['Bolivia', 'BOL'],
		['Venezuela', 'VEN'],
		['Tanzania', 'TZA'],
		['Czech Republic', 'CZE'],
		['Czechia', 'CZE'],
		['Holland', 'NLD'],
		['Netherlands', 'NLD'],
		['Swaziland', 'SWZ'],
		['Eswatini', 'SWZ'],
		['Macedonia', 'MKD'],
		['North Macedonia', 'MKD'],
		['Burma', 'MMR'],
		['Myanmar', 'MMR'],
		['Cape Verde', 'CPV'],
		['Cabo Verde', 'CPV'],
		['DRC', 'COD'],
		['Congo-Kinshasa', 'COD'],
		['congo kinshasa', 'COD'],
		['Congo', 'COG'],
		['Moldova', 'MDA'],
		["People's Republic of China", 'CHN'],
		['China', 'CHN'],
		['Republic of the Congo', 'COG'],
		['Islamic Republic of Iran', 'IRN'],
		["Cote d'Ivoire", 'CIV'],
		['Vietnam', 'VNM'],
		['European Union', 'EUU'],
		['EU', 'EUU'],
		['eu', 'EUU'],
		['KEN', 'KEN'],
		['ke', 'KEN'],
	])('%s → %s', (query, code) => {
		expect(first(query)).toBe(code)
	})

	it('"UK" does not put Ukraine first, but still offers it', () => {
		const found = codes(searchOptions(countries, 'UK'))
		expect(found[0]).toBe('GBR')
		expect(found).toContain('UKR')
	})

	it('also finds the English name and aliases when the labels are in another language', () => {
		const russian = countryOptions('ru')
		expect(first('South Korea', russian)).toBe('KOR')
		expect(first('Республика Корея', russian)).toBe('KOR')
		expect(first('Вьетнам', russian)).toBe('VNM')
		const french = countryOptions('fr')
		expect(first('Ivory Coast', french)).toBe('CIV')
		expect(first('United Kingdom', french)).toBe('GBR')
		expect(first('Royaume-Uni', french)).toBe('GBR')
		expect(first('royaume uni', french)).toBe('GBR')
		expect(first('Allemagne', french)).toBe('DEU')
	})
})

describe('ranking', () => {
	it('exact name, then name prefix, then word prefix, then anywhere', () => {
		expect(codes(searchOptions(countries, 'Niger')).slice(0, 2)).toEqual(['NER', 'NGA'])
		expect(codes(searchOptions(countries, 'guinea'))).toEqual(['GIN', 'GNB', 'GNQ', 'PNG'])
		expect(codes(searchOptions(countries, 'sudan'))).toEqual(['SDN', 'SSD'])
		// India and Indonesia start with "ind"; the British Indian Ocean Territory has a word that does.
		expect(codes(searchOptions(countries, 'ind')).slice(0, 3)).toEqual(['IND', 'IDN', 'IOT'])
		// Only inside words: alphabetical among themselves.
		expect(codes(searchOptions(countries, 'stan')).slice(0, 3)).toEqual(['AFG', 'KAZ', 'KGZ'])
	})

	it('every typed word may start a word, in any order', () => {
		expect(first('macedonia north')).toBe('MKD')
		expect(first('kinshasa congo')).toBe('COD')
		expect(first('korea dem')).toBe('PRK')
		expect(first('congo dem')).toBe('COD')
	})

	it('an empty query returns the options as given; a limit cuts the list', () => {
		expect(searchOptions(countries, '  ')).toHaveLength(countries.length)
		expect(searchOptions(countries, 'a', 5)).toHaveLength(5)
	})

	it('codes other than the option code are found only in full', () => {
		// "MA" is Morocco's alpha-2 code; Madagascar, Malawi… start with it too.
		expect(first('ma')).toBe('MAR')
		expect(codes(searchOptions(countries, 'gb'))).toEqual(['GBR'])
	})
})

describe('chemical search', () => {
	const chemicals = chemicalOptions()
	it.each([
		['PFOS', 'PFOS'],
		['pfos', 'PFOS'],
		['PCB', 'PCB'],
		['1763-23-1', 'PFOS'],
		['335-67', 'PFOA'],
		['HBCD', 'HBCDD'],
		['decaBDE', 'DECABDE'],
		['BDE-209', 'DECABDE'],
		['dioxins', 'PCDD'],
		['lindane', 'LINDANE'],
		['DDT', 'DDT'],
		['SCCP', 'SCCP'],
		['short-chain', 'SCCP'],
	])('%s → %s', (query, code) => {
		expect(first(query, chemicals)).toBe(code)
	})

	it('finds French names without accents, and English names from French labels', () => {
		const french = chemicalOptions('fr')
		expect(first('dechlorane', french)).toBe('DECHLORANE_PLUS')
		expect(first('APFO', french)).toBe('PFOA')
		expect(first('Dechlorane Plus', french)).toBe('DECHLORANE_PLUS')
	})

	it('offers every chemical an abbreviation is shared by', () => {
		expect(codes(searchOptions(chemicals, 'HCH')).slice(0, 3).sort()).toEqual([
			'ALPHA_HCH',
			'BETA_HCH',
			'LINDANE',
		])
	})
})

describe('exactOption (pasted values)', () => {
	it('takes a code, a label or an alias typed in full', () => {
		expect(exactOption(countries, 'Ivory Coast')?.code).toBe('CIV')
		expect(exactOption(countries, 'gbr')?.code).toBe('GBR')
		expect(exactOption(countries, 'Kenya')?.code).toBe('KEN')
		expect(exactOption(chemicalOptions(), '1763-23-1')?.code).toBe('PFOS')
	})

	it('refuses partial and ambiguous text', () => {
		expect(exactOption(countries, 'Keny')).toBeUndefined()
		expect(exactOption(chemicalOptions(), 'HCH')).toBeUndefined()
		expect(exactOption(countries, '')).toBeUndefined()
	})
})

describe('alias data', () => {
	it('names only codes of their lists', () => {
		const countryCodes = new Set(COUNTRIES.entries.map((entry) => entry.code))
		const chemicalCodes = new Set(CHEMICALS.entries.map((entry) => entry.code))
		expect(Object.keys(COUNTRY_ALIASES).filter((code) => !countryCodes.has(code))).toEqual([])
		expect(Object.keys(CHEMICAL_ALIASES).filter((code) => !chemicalCodes.has(code))).toEqual([])
	})
})
