/**
 * Master list of reporting entities (Parties and potential Parties) used to seed the database.
 *
 * Hand-maintained here: which entities exist, their ISO 3166-1 codes, their kind and their UN
 * regional group. The alpha-2 and M49 columns are cross-checked against `i18n-iso-countries` by
 * the tests. Names in the six UN languages are computed from `i18n-iso-countries`; only the
 * European Union (not in ISO 3166-1) and a handful of English names (see ENGLISH_NAME_OVERRIDES)
 * are written by hand.
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
 * - European Union (regional economic integration organisation, Party to the BRS conventions):
 *   no regional group. `EU` is the exceptionally reserved ISO 3166-1 alpha-2 code; ISO has no
 *   alpha-3 code for it, `EUU` is the customary stand-in.
 * Kosovo is deliberately absent: it is neither a UN member nor a Party to the conventions.
 */
import countries from 'i18n-iso-countries'
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' }
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' }
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' }
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' }
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' }

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
export type UnLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es'

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
	/** Short name in each of the six UN languages. */
	names: Record<UnLanguage, string>
}

export const UN_LANGUAGES: readonly UnLanguage[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es']

for (const locale of [ar, zh, en, fr, ru, es]) countries.registerLocale(locale)

/** [alpha-3, alpha-2, M49]; the comment is the English name, for readers only. */
type CodeRow = readonly [code: string, alpha2: string, m49: string]

const UN_MEMBER_STATES: Record<UnRegionalGroup, readonly CodeRow[]> = {
	africa: [
		['AGO', 'AO', '024'], // Angola
		['BDI', 'BI', '108'], // Burundi
		['BEN', 'BJ', '204'], // Benin
		['BFA', 'BF', '854'], // Burkina Faso
		['BWA', 'BW', '072'], // Botswana
		['CAF', 'CF', '140'], // Central African Republic
		['CIV', 'CI', '384'], // Cote d'Ivoire
		['CMR', 'CM', '120'], // Cameroon
		['COD', 'CD', '180'], // Democratic Republic of the Congo
		['COG', 'CG', '178'], // Republic of the Congo
		['COM', 'KM', '174'], // Comoros
		['CPV', 'CV', '132'], // Cape Verde
		['DJI', 'DJ', '262'], // Djibouti
		['DZA', 'DZ', '012'], // Algeria
		['EGY', 'EG', '818'], // Egypt
		['ERI', 'ER', '232'], // Eritrea
		['ETH', 'ET', '231'], // Ethiopia
		['GAB', 'GA', '266'], // Gabon
		['GHA', 'GH', '288'], // Ghana
		['GIN', 'GN', '324'], // Guinea
		['GMB', 'GM', '270'], // Republic of The Gambia
		['GNB', 'GW', '624'], // Guinea-Bissau
		['GNQ', 'GQ', '226'], // Equatorial Guinea
		['KEN', 'KE', '404'], // Kenya
		['LBR', 'LR', '430'], // Liberia
		['LBY', 'LY', '434'], // Libya
		['LSO', 'LS', '426'], // Lesotho
		['MAR', 'MA', '504'], // Morocco
		['MDG', 'MG', '450'], // Madagascar
		['MLI', 'ML', '466'], // Mali
		['MOZ', 'MZ', '508'], // Mozambique
		['MRT', 'MR', '478'], // Mauritania
		['MUS', 'MU', '480'], // Mauritius
		['MWI', 'MW', '454'], // Malawi
		['NAM', 'NA', '516'], // Namibia
		['NER', 'NE', '562'], // Niger
		['NGA', 'NG', '566'], // Nigeria
		['RWA', 'RW', '646'], // Rwanda
		['SDN', 'SD', '729'], // Sudan
		['SEN', 'SN', '686'], // Senegal
		['SLE', 'SL', '694'], // Sierra Leone
		['SOM', 'SO', '706'], // Somalia
		['SSD', 'SS', '728'], // South Sudan
		['STP', 'ST', '678'], // Sao Tome and Principe
		['SWZ', 'SZ', '748'], // Eswatini
		['SYC', 'SC', '690'], // Seychelles
		['TCD', 'TD', '148'], // Chad
		['TGO', 'TG', '768'], // Togo
		['TUN', 'TN', '788'], // Tunisia
		['TZA', 'TZ', '834'], // United Republic of Tanzania
		['UGA', 'UG', '800'], // Uganda
		['ZAF', 'ZA', '710'], // South Africa
		['ZMB', 'ZM', '894'], // Zambia
		['ZWE', 'ZW', '716'], // Zimbabwe
	],
	asia_pacific: [
		['AFG', 'AF', '004'], // Afghanistan
		['ARE', 'AE', '784'], // United Arab Emirates
		['BGD', 'BD', '050'], // Bangladesh
		['BHR', 'BH', '048'], // Bahrain
		['BRN', 'BN', '096'], // Brunei Darussalam
		['BTN', 'BT', '064'], // Bhutan
		['CHN', 'CN', '156'], // People's Republic of China
		['CYP', 'CY', '196'], // Cyprus
		['FJI', 'FJ', '242'], // Fiji
		['FSM', 'FM', '583'], // Micronesia, Federated States of
		['IDN', 'ID', '360'], // Indonesia
		['IND', 'IN', '356'], // India
		['IRN', 'IR', '364'], // Islamic Republic of Iran
		['IRQ', 'IQ', '368'], // Iraq
		['JOR', 'JO', '400'], // Jordan
		['JPN', 'JP', '392'], // Japan
		['KAZ', 'KZ', '398'], // Kazakhstan
		['KGZ', 'KG', '417'], // Kyrgyzstan
		['KHM', 'KH', '116'], // Cambodia
		['KIR', 'KI', '296'], // Kiribati
		['KOR', 'KR', '410'], // South Korea
		['KWT', 'KW', '414'], // Kuwait
		['LAO', 'LA', '418'], // Lao People's Democratic Republic
		['LBN', 'LB', '422'], // Lebanon
		['LKA', 'LK', '144'], // Sri Lanka
		['MDV', 'MV', '462'], // Maldives
		['MHL', 'MH', '584'], // Marshall Islands
		['MMR', 'MM', '104'], // Myanmar
		['MNG', 'MN', '496'], // Mongolia
		['MYS', 'MY', '458'], // Malaysia
		['NPL', 'NP', '524'], // Nepal
		['NRU', 'NR', '520'], // Nauru
		['OMN', 'OM', '512'], // Oman
		['PAK', 'PK', '586'], // Pakistan
		['PHL', 'PH', '608'], // Philippines
		['PLW', 'PW', '585'], // Palau
		['PNG', 'PG', '598'], // Papua New Guinea
		['PRK', 'KP', '408'], // North Korea
		['QAT', 'QA', '634'], // Qatar
		['SAU', 'SA', '682'], // Saudi Arabia
		['SGP', 'SG', '702'], // Singapore
		['SLB', 'SB', '090'], // Solomon Islands
		['SYR', 'SY', '760'], // Syrian Arab Republic
		['THA', 'TH', '764'], // Thailand
		['TJK', 'TJ', '762'], // Tajikistan
		['TKM', 'TM', '795'], // Turkmenistan
		['TLS', 'TL', '626'], // Timor-Leste
		['TON', 'TO', '776'], // Tonga
		['TUV', 'TV', '798'], // Tuvalu
		['UZB', 'UZ', '860'], // Uzbekistan
		['VNM', 'VN', '704'], // Vietnam
		['VUT', 'VU', '548'], // Vanuatu
		['WSM', 'WS', '882'], // Samoa
		['YEM', 'YE', '887'], // Yemen
	],
	eastern_europe: [
		['ALB', 'AL', '008'], // Albania
		['ARM', 'AM', '051'], // Armenia
		['AZE', 'AZ', '031'], // Azerbaijan
		['BGR', 'BG', '100'], // Bulgaria
		['BIH', 'BA', '070'], // Bosnia and Herzegovina
		['BLR', 'BY', '112'], // Belarus
		['CZE', 'CZ', '203'], // Czech Republic
		['EST', 'EE', '233'], // Estonia
		['GEO', 'GE', '268'], // Georgia
		['HRV', 'HR', '191'], // Croatia
		['HUN', 'HU', '348'], // Hungary
		['LTU', 'LT', '440'], // Lithuania
		['LVA', 'LV', '428'], // Latvia
		['MDA', 'MD', '498'], // Moldova, Republic of
		['MKD', 'MK', '807'], // The Republic of North Macedonia
		['MNE', 'ME', '499'], // Montenegro
		['POL', 'PL', '616'], // Poland
		['ROU', 'RO', '642'], // Romania
		['RUS', 'RU', '643'], // Russian Federation
		['SRB', 'RS', '688'], // Serbia
		['SVK', 'SK', '703'], // Slovakia
		['SVN', 'SI', '705'], // Slovenia
		['UKR', 'UA', '804'], // Ukraine
	],
	latin_america_caribbean: [
		['ARG', 'AR', '032'], // Argentina
		['ATG', 'AG', '028'], // Antigua and Barbuda
		['BHS', 'BS', '044'], // Bahamas
		['BLZ', 'BZ', '084'], // Belize
		['BOL', 'BO', '068'], // Bolivia
		['BRA', 'BR', '076'], // Brazil
		['BRB', 'BB', '052'], // Barbados
		['CHL', 'CL', '152'], // Chile
		['COL', 'CO', '170'], // Colombia
		['CRI', 'CR', '188'], // Costa Rica
		['CUB', 'CU', '192'], // Cuba
		['DMA', 'DM', '212'], // Dominica
		['DOM', 'DO', '214'], // Dominican Republic
		['ECU', 'EC', '218'], // Ecuador
		['GRD', 'GD', '308'], // Grenada
		['GTM', 'GT', '320'], // Guatemala
		['GUY', 'GY', '328'], // Guyana
		['HND', 'HN', '340'], // Honduras
		['HTI', 'HT', '332'], // Haiti
		['JAM', 'JM', '388'], // Jamaica
		['KNA', 'KN', '659'], // Saint Kitts and Nevis
		['LCA', 'LC', '662'], // Saint Lucia
		['MEX', 'MX', '484'], // Mexico
		['NIC', 'NI', '558'], // Nicaragua
		['PAN', 'PA', '591'], // Panama
		['PER', 'PE', '604'], // Peru
		['PRY', 'PY', '600'], // Paraguay
		['SLV', 'SV', '222'], // El Salvador
		['SUR', 'SR', '740'], // Suriname
		['TTO', 'TT', '780'], // Trinidad and Tobago
		['URY', 'UY', '858'], // Uruguay
		['VCT', 'VC', '670'], // Saint Vincent and the Grenadines
		['VEN', 'VE', '862'], // Venezuela
	],
	weog: [
		['AND', 'AD', '020'], // Andorra
		['AUS', 'AU', '036'], // Australia
		['AUT', 'AT', '040'], // Austria
		['BEL', 'BE', '056'], // Belgium
		['CAN', 'CA', '124'], // Canada
		['CHE', 'CH', '756'], // Switzerland
		['DEU', 'DE', '276'], // Germany
		['DNK', 'DK', '208'], // Denmark
		['ESP', 'ES', '724'], // Spain
		['FIN', 'FI', '246'], // Finland
		['FRA', 'FR', '250'], // France
		['GBR', 'GB', '826'], // United Kingdom
		['GRC', 'GR', '300'], // Greece
		['IRL', 'IE', '372'], // Ireland
		['ISL', 'IS', '352'], // Iceland
		['ISR', 'IL', '376'], // Israel
		['ITA', 'IT', '380'], // Italy
		['LIE', 'LI', '438'], // Liechtenstein
		['LUX', 'LU', '442'], // Luxembourg
		['MCO', 'MC', '492'], // Monaco
		['MLT', 'MT', '470'], // Malta
		['NLD', 'NL', '528'], // Netherlands
		['NOR', 'NO', '578'], // Norway
		['NZL', 'NZ', '554'], // New Zealand
		['PRT', 'PT', '620'], // Portugal
		['SMR', 'SM', '674'], // San Marino
		['SWE', 'SE', '752'], // Sweden
		['TUR', 'TR', '792'], // Türkiye
		['USA', 'US', '840'], // United States of America
	],
}

const UN_OBSERVER_STATES: readonly (readonly [...CodeRow, UnRegionalGroup])[] = [
	['PSE', 'PS', '275', 'asia_pacific'], // State of Palestine
	['VAT', 'VA', '336', 'weog'], // Holy See
]

const OTHER_STATES: readonly (readonly [...CodeRow, UnRegionalGroup])[] = [
	['COK', 'CK', '184', 'asia_pacific'], // Cook Islands
	['NIU', 'NU', '570', 'asia_pacific'], // Niue
]

/**
 * English names where the library's choice is unfit for a UN reporting system: inverted
 * ("Moldova, Republic of"), outdated ("Cape Verde", "Czech Republic") or naming a different
 * entity ("Holy See (Vatican City State)"). Other languages use the library's names unchanged.
 */
export const ENGLISH_NAME_OVERRIDES: Readonly<Record<string, string>> = {
	CPV: 'Cabo Verde',
	CZE: 'Czechia',
	FSM: 'Micronesia (Federated States of)',
	GMB: 'Gambia',
	MDA: 'Republic of Moldova',
	MKD: 'North Macedonia',
	VAT: 'Holy See',
}

const EUROPEAN_UNION: PartySeed = {
	code: 'EUU',
	alpha2: 'EU',
	m49: null,
	kind: 'regional_organization',
	regionalGroup: null,
	names: {
		ar: 'الاتحاد الأوروبي',
		zh: '欧洲联盟',
		en: 'European Union',
		fr: 'Union européenne',
		ru: 'Европейский союз',
		es: 'Unión Europea',
	},
}

function isoNames(code: string, alpha2: string): Record<UnLanguage, string> {
	const nameIn = (language: UnLanguage) => {
		const name = countries.getName(alpha2, language)
		if (!name) throw new Error(`i18n-iso-countries has no ${language} name for ${alpha2}`)
		return name
	}
	return {
		ar: nameIn('ar'),
		zh: nameIn('zh'),
		en: ENGLISH_NAME_OVERRIDES[code] ?? nameIn('en'),
		fr: nameIn('fr'),
		ru: nameIn('ru'),
		es: nameIn('es'),
	}
}

function stateSeed(
	[code, alpha2, m49]: CodeRow,
	kind: PartyKind,
	regionalGroup: UnRegionalGroup,
): PartySeed {
	return { code, alpha2, m49, kind, regionalGroup, names: isoNames(code, alpha2) }
}

/** Every reporting entity, sorted by code. */
export const PARTIES: readonly PartySeed[] = Object.freeze(
	[
		...Object.entries(UN_MEMBER_STATES).flatMap(([group, rows]) =>
			rows.map((row) => stateSeed(row, 'un_member', group as UnRegionalGroup)),
		),
		...UN_OBSERVER_STATES.map(([code, alpha2, m49, group]) =>
			stateSeed([code, alpha2, m49], 'un_observer', group),
		),
		...OTHER_STATES.map(([code, alpha2, m49, group]) =>
			stateSeed([code, alpha2, m49], 'other', group),
		),
		EUROPEAN_UNION,
	].sort((a, b) => a.code.localeCompare(b.code)),
)

const PARTY_CODES = new Set(PARTIES.map((party) => party.code))

export type ConventionCode = 'stockholm' | 'basel' | 'rotterdam' | 'minamata'
export type ConventionStatus = 'party' | 'signatory' | 'non_party'

/** One DEMO convention-status fact. `demo: true` marks it as invented for demonstration. */
export type DemoConventionStatusEntry = {
	partyCode: string
	convention: ConventionCode
	status: ConventionStatus
	demo: true
}

/**
 * DEMO DATA — NOT OFFICIAL. Gives the admin screens something to show: every entity is a
 * 'party' to Stockholm and Basel except the United States ('signatory' to both); nothing is
 * said about Rotterdam or Minamata. Real ratification status must be entered and maintained by
 * administrators from the depositary's records (UN Treaty Collection); never present this as
 * official.
 */
export function demoConventionStatus(code: string): readonly DemoConventionStatusEntry[] {
	if (!PARTY_CODES.has(code)) throw new Error(`Unknown party code: ${code}`)
	const status: ConventionStatus = code === 'USA' ? 'signatory' : 'party'
	return [
		{ partyCode: code, convention: 'stockholm', status, demo: true },
		{ partyCode: code, convention: 'basel', status, demo: true },
	]
}

/** DEMO DATA — NOT OFFICIAL. `demoConventionStatus` for every entry of PARTIES. */
export const DEMO_CONVENTION_STATUS: readonly DemoConventionStatusEntry[] = PARTIES.flatMap(
	(party) => demoConventionStatus(party.code),
)
