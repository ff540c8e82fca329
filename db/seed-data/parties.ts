/**
 * Master list of reporting entities (Parties and potential Parties) used to seed the database:
 * which entities exist, their kind and their UN regional group. Codes, alpha-2 and M49 codes and
 * the names in the six UN languages come from the country code list (`forms/codelists`), so a
 * Party is named the same everywhere (UN short names).
 *
 * Regional groups follow the UN list "Regional groups of Member States" (DGACM):
 * Africa 54, Asia-Pacific 54 (Cyprus and Kiribati included; the often-quoted 53 predates
 * Kiribati's joining the group), Eastern Europe 23, Latin America and the Caribbean 33,
 * Western European and Others 28 plus the United States, which is not a member of any group but
 * is counted with WEOG for electoral purposes (29 here). Türkiye takes part in both WEOG and
 * Asia-Pacific and is counted with WEOG for electoral purposes; Israel is a full member of WEOG.
 *
 * Entities outside those 193 Member States, and the group each one is given here:
 * - State of Palestine (UN observer State): asia_pacific; it is a full member of the Asia-Pacific
 *   Group.
 * - Holy See (UN observer State): weog. It belongs to no UN regional group; placed by geography.
 * - Cook Islands and Niue (not UN members, Parties to the Stockholm Convention): asia_pacific,
 *   placed by geography (Pacific). Both are project choices, not UN decisions.
 * - European Union (regional economic integration organisation, Party to the BRS conventions and
 *   to the Minamata Convention): no regional group, no M49 code (`EUU`, see country-data.ts).
 * Kosovo is deliberately absent: it is not a Party to any of the conventions
 * (docs/decisions/009-parties-and-country-codes.md).
 */
import { COUNTRIES } from '#forms/codelists/countries.ts'
import { EUROPEAN_UNION_CODE } from '#forms/codelists/country-data.ts'
import { countryName } from '#forms/codelists/country-names.ts'
import { LANGUAGES, type Language } from '#forms/vocabulary.ts'

/** The five UN regional groups used for elections and regional statistics. */
export type UnRegionalGroup =
	'africa' | 'asia_pacific' | 'eastern_europe' | 'latin_america_caribbean' | 'weog'

/**
 * - `un_member`: one of the 193 UN Member States.
 * - `un_observer`: UN non-member observer State (Holy See, State of Palestine).
 * - `regional_organization`: regional economic integration organisation (European Union).
 * - `other`: non-member State that is a Party to one of the conventions (Cook Islands, Niue).
 */
export type PartyKind = 'un_member' | 'un_observer' | 'regional_organization' | 'other'

/** The six official UN languages. */

export type PartySeed = {
	/** ISO 3166-1 alpha-3 code (`EUU` for the European Union); primary key. */
	code: string
	/** ISO 3166-1 alpha-2 code (`EU` for the European Union). */
	alpha2: string
	/** 3-digit UN M49 numeric code as a string; null for the European Union. */
	m49: string | null
	kind: PartyKind
	/** UN regional group; null for the European Union. */
	regionalGroup: UnRegionalGroup | null
	/** UN short name in each of the six UN languages. */
	names: Record<Language, string>
}

/** Codes by group; the comment is the English name, for readers only. */
const UN_MEMBER_STATES: Record<UnRegionalGroup, readonly string[]> = {
	africa: [
		'AGO', // Angola
		'BDI', // Burundi
		'BEN', // Benin
		'BFA', // Burkina Faso
		'BWA', // Botswana
		'CAF', // Central African Republic
		'CIV', // Côte d’Ivoire
		'CMR', // Cameroon
		'COD', // Democratic Republic of the Congo
		'COG', // Congo
		'COM', // Comoros
		'CPV', // Cabo Verde
		'DJI', // Djibouti
		'DZA', // Algeria
		'EGY', // Egypt
		'ERI', // Eritrea
		'ETH', // Ethiopia
		'GAB', // Gabon
		'GHA', // Ghana
		'GIN', // Guinea
		'GMB', // Gambia
		'GNB', // Guinea-Bissau
		'GNQ', // Equatorial Guinea
		'KEN', // Kenya
		'LBR', // Liberia
		'LBY', // Libya
		'LSO', // Lesotho
		'MAR', // Morocco
		'MDG', // Madagascar
		'MLI', // Mali
		'MOZ', // Mozambique
		'MRT', // Mauritania
		'MUS', // Mauritius
		'MWI', // Malawi
		'NAM', // Namibia
		'NER', // Niger
		'NGA', // Nigeria
		'RWA', // Rwanda
		'SDN', // Sudan
		'SEN', // Senegal
		'SLE', // Sierra Leone
		'SOM', // Somalia
		'SSD', // South Sudan
		'STP', // Sao Tome and Principe
		'SWZ', // Eswatini
		'SYC', // Seychelles
		'TCD', // Chad
		'TGO', // Togo
		'TUN', // Tunisia
		'TZA', // United Republic of Tanzania
		'UGA', // Uganda
		'ZAF', // South Africa
		'ZMB', // Zambia
		'ZWE', // Zimbabwe
	],
	asia_pacific: [
		'AFG', // Afghanistan
		'ARE', // United Arab Emirates
		'BGD', // Bangladesh
		'BHR', // Bahrain
		'BRN', // Brunei Darussalam
		'BTN', // Bhutan
		'CHN', // China
		'CYP', // Cyprus
		'FJI', // Fiji
		'FSM', // Micronesia (Federated States of)
		'IDN', // Indonesia
		'IND', // India
		'IRN', // Iran (Islamic Republic of)
		'IRQ', // Iraq
		'JOR', // Jordan
		'JPN', // Japan
		'KAZ', // Kazakhstan
		'KGZ', // Kyrgyzstan
		'KHM', // Cambodia
		'KIR', // Kiribati
		'KOR', // Republic of Korea
		'KWT', // Kuwait
		'LAO', // Lao People's Democratic Republic
		'LBN', // Lebanon
		'LKA', // Sri Lanka
		'MDV', // Maldives
		'MHL', // Marshall Islands
		'MMR', // Myanmar
		'MNG', // Mongolia
		'MYS', // Malaysia
		'NPL', // Nepal
		'NRU', // Nauru
		'OMN', // Oman
		'PAK', // Pakistan
		'PHL', // Philippines
		'PLW', // Palau
		'PNG', // Papua New Guinea
		'PRK', // Democratic People's Republic of Korea
		'QAT', // Qatar
		'SAU', // Saudi Arabia
		'SGP', // Singapore
		'SLB', // Solomon Islands
		'SYR', // Syrian Arab Republic
		'THA', // Thailand
		'TJK', // Tajikistan
		'TKM', // Turkmenistan
		'TLS', // Timor-Leste
		'TON', // Tonga
		'TUV', // Tuvalu
		'UZB', // Uzbekistan
		'VNM', // Viet Nam
		'VUT', // Vanuatu
		'WSM', // Samoa
		'YEM', // Yemen
	],
	eastern_europe: [
		'ALB', // Albania
		'ARM', // Armenia
		'AZE', // Azerbaijan
		'BGR', // Bulgaria
		'BIH', // Bosnia and Herzegovina
		'BLR', // Belarus
		'CZE', // Czechia
		'EST', // Estonia
		'GEO', // Georgia
		'HRV', // Croatia
		'HUN', // Hungary
		'LTU', // Lithuania
		'LVA', // Latvia
		'MDA', // Republic of Moldova
		'MKD', // North Macedonia
		'MNE', // Montenegro
		'POL', // Poland
		'ROU', // Romania
		'RUS', // Russian Federation
		'SRB', // Serbia
		'SVK', // Slovakia
		'SVN', // Slovenia
		'UKR', // Ukraine
	],
	latin_america_caribbean: [
		'ARG', // Argentina
		'ATG', // Antigua and Barbuda
		'BHS', // Bahamas
		'BLZ', // Belize
		'BOL', // Bolivia (Plurinational State of)
		'BRA', // Brazil
		'BRB', // Barbados
		'CHL', // Chile
		'COL', // Colombia
		'CRI', // Costa Rica
		'CUB', // Cuba
		'DMA', // Dominica
		'DOM', // Dominican Republic
		'ECU', // Ecuador
		'GRD', // Grenada
		'GTM', // Guatemala
		'GUY', // Guyana
		'HND', // Honduras
		'HTI', // Haiti
		'JAM', // Jamaica
		'KNA', // Saint Kitts and Nevis
		'LCA', // Saint Lucia
		'MEX', // Mexico
		'NIC', // Nicaragua
		'PAN', // Panama
		'PER', // Peru
		'PRY', // Paraguay
		'SLV', // El Salvador
		'SUR', // Suriname
		'TTO', // Trinidad and Tobago
		'URY', // Uruguay
		'VCT', // Saint Vincent and the Grenadines
		'VEN', // Venezuela (Bolivarian Republic of)
	],
	weog: [
		'AND', // Andorra
		'AUS', // Australia
		'AUT', // Austria
		'BEL', // Belgium
		'CAN', // Canada
		'CHE', // Switzerland
		'DEU', // Germany
		'DNK', // Denmark
		'ESP', // Spain
		'FIN', // Finland
		'FRA', // France
		'GBR', // United Kingdom of Great Britain and Northern Ireland
		'GRC', // Greece
		'IRL', // Ireland
		'ISL', // Iceland
		'ISR', // Israel
		'ITA', // Italy
		'LIE', // Liechtenstein
		'LUX', // Luxembourg
		'MCO', // Monaco
		'MLT', // Malta
		'NLD', // Netherlands (Kingdom of the)
		'NOR', // Norway
		'NZL', // New Zealand
		'PRT', // Portugal
		'SMR', // San Marino
		'SWE', // Sweden
		'TUR', // Türkiye
		'USA', // United States of America
	],
}

const UN_OBSERVER_STATES: readonly (readonly [code: string, group: UnRegionalGroup])[] = [
	['PSE', 'asia_pacific'], // State of Palestine
	['VAT', 'weog'], // Holy See
]

const OTHER_STATES: readonly (readonly [code: string, group: UnRegionalGroup])[] = [
	['COK', 'asia_pacific'], // Cook Islands
	['NIU', 'asia_pacific'], // Niue
]

const countryEntries = new Map(COUNTRIES.entries.map((entry) => [entry.code, entry]))

function partySeed(
	code: string,
	kind: PartyKind,
	regionalGroup: UnRegionalGroup | null,
): PartySeed {
	const entry = countryEntries.get(code)
	if (!entry) throw new Error(`${code} is not in the country code list`)
	const names = Object.fromEntries(
		LANGUAGES.map((language) => [language, countryName(code, language) ?? entry.labels.en]),
	) as Record<Language, string>
	return { code, alpha2: entry.alpha2, m49: entry.numeric, kind, regionalGroup, names }
}

/** Every reporting entity, sorted by code. */
export const PARTIES: readonly PartySeed[] = Object.freeze(
	[
		...Object.entries(UN_MEMBER_STATES).flatMap(([group, codes]) =>
			codes.map((code) => partySeed(code, 'un_member', group as UnRegionalGroup)),
		),
		...UN_OBSERVER_STATES.map(([code, group]) => partySeed(code, 'un_observer', group)),
		...OTHER_STATES.map(([code, group]) => partySeed(code, 'other', group)),
		partySeed(EUROPEAN_UNION_CODE, 'regional_organization', null),
	].sort((a, b) => a.code.localeCompare(b.code)),
)
