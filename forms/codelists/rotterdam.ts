import type { CodeList, CodeListEntry } from './types.ts'

/**
 * Annex III to the Rotterdam Convention: the chemicals subject to the prior informed consent (PIC)
 * procedure, for which each Party transmits an import response (Art. 10) and whose exports need
 * the importing Party's consent (Art. 11) and carry their HS code (Art. 13(1)).
 *
 * Source: Annex III as adopted with the Convention (Rotterdam, 10 September 1998) and as amended
 * by the Conference of the Parties under Art. 7 and Art. 22(5): RC-1/3 (2004, in force
 * 1 February 2005; the chemicals of the interim PIC procedure), RC-4 (2008), RC-5 (2011), RC-6
 * (2013), RC-7 (2015), RC-8 (2017, in force 15 September 2017), RC-9 (2019), RC-10 (2022),
 * RC-11 (2023) and RC-12 (2025, carbosulfan and the ultra-low-volume formulations of fenthion).
 *
 * Confidence: the entries, names and categories are written from knowledge of Annex III as
 * amended up to RC-12, not copied from the Secretariat's current Annex III table; the meeting
 * that listed each entry is confirmed only for RC-1/3 (the decision text) and RC-8 (the
 * Secretariat's notice of entry into force); the others are reconstructed. Every CAS number
 * passes its check digit (tested). HS codes are given only where an HS 2022 subheading names the
 * chemical in its own text (checked against the subheading descriptions of the HS nomenclature),
 * and for asbestos and PCB/PCT/PBB mixtures; the Secretariat's correlation table, which also
 * assigns codes to mixtures and preparations, was not read. Labels are short names; the French
 * ones are draft translations.
 */

/** How an Annex III entry is listed (Annex III, third column). */
export type AnnexIIICategory = 'pesticide' | 'shpf' | 'industrial'

export interface AnnexIIIEntry extends CodeListEntry {
	/** Pesticide, severely hazardous pesticide formulation, industrial (tributyltin: two). */
	category: AnnexIIICategory[]
	/** CAS numbers Annex III gives for the entry (none for mercury compounds). */
	cas: string[]
	/** HS 2022 subheadings whose text names the chemical; empty when none was verified. */
	hsCodes: string[]
	/** The text of the Convention (`Convention`, adopted 1998) or the meeting that listed it (`RC-8`). */
	listedAt: string
	/** Year of that meeting (1998 for the original Annex III). */
	listedYear: number
	/** The listing meeting is reconstructed, not confirmed by a source read. */
	listingReconstructed?: true
}

type Row = [
	code: string,
	en: string,
	fr: string,
	category: AnnexIIICategory[],
	cas: string[],
	hsCodes: string[],
	listedAt: string,
]

const MEETING_YEARS: Record<string, number> = {
	Convention: 1998,
	'RC-1': 2004,
	'RC-4': 2008,
	'RC-5': 2011,
	'RC-6': 2013,
	'RC-7': 2015,
	'RC-8': 2017,
	'RC-9': 2019,
	'RC-10': 2022,
	'RC-11': 2023,
	'RC-12': 2025,
}

/** Meetings whose listings a source read confirms (decision RC-1/3; the RC-8 notice). */
const CONFIRMED_MEETINGS = new Set(['RC-1', 'RC-8'])

const P: AnnexIIICategory[] = ['pesticide']
const SHPF: AnnexIIICategory[] = ['shpf']
const I: AnnexIIICategory[] = ['industrial']

const ROWS: Row[] = [
	[
		'245T',
		'2,4,5-T and its salts and esters',
		'2,4,5-T, ses sels et esters',
		P,
		['93-76-5'],
		['2918.91'],
		'Convention',
	],
	['ALACHLOR', 'Alachlor', 'Alachlore', P, ['15972-60-8'], ['2924.25'], 'RC-5'],
	['ALDICARB', 'Aldicarb', 'Aldicarbe', P, ['116-06-3'], ['2930.80'], 'RC-5'],
	['ALDRIN', 'Aldrin', 'Aldrine', P, ['309-00-2'], ['2903.82'], 'Convention'],
	['AZINPHOS_METHYL', 'Azinphos-methyl', 'Azinphos-méthyl', P, ['86-50-0'], ['2933.92'], 'RC-6'],
	['BINAPACRYL', 'Binapacryl', 'Binapacryl', P, ['485-31-4'], ['2916.16'], 'RC-1'],
	['CAPTAFOL', 'Captafol', 'Captafol', P, ['2425-06-1'], ['2930.80'], 'Convention'],
	['CARBOFURAN', 'Carbofuran', 'Carbofuran', P, ['1563-66-2'], ['2932.96'], 'RC-8'],
	['CARBOSULFAN', 'Carbosulfan', 'Carbosulfan', P, ['55285-14-8'], [], 'RC-12'],
	['CHLORDANE', 'Chlordane', 'Chlordane', P, ['57-74-9'], ['2903.82'], 'Convention'],
	['CHLORDIMEFORM', 'Chlordimeform', 'Chlordiméforme', P, ['6164-98-3'], ['2925.21'], 'Convention'],
	[
		'CHLOROBENZILATE',
		'Chlorobenzilate',
		'Chlorobenzilate',
		P,
		['510-15-6'],
		['2918.18'],
		'Convention',
	],
	['DDT', 'DDT', 'DDT', P, ['50-29-3'], ['2903.92'], 'Convention'],
	['DIELDRIN', 'Dieldrin', 'Dieldrine', P, ['60-57-1'], ['2910.40'], 'Convention'],
	[
		'DNOC',
		'Dinitro-ortho-cresol (DNOC) and its salts',
		'Dinitro-ortho-crésol (DNOC) et ses sels',
		P,
		['534-52-1', '2980-64-5', '5787-96-2', '2312-76-7'],
		['2908.92'],
		'RC-1',
	],
	[
		'DINOSEB',
		'Dinoseb and its salts and esters',
		'Dinosèbe, ses sels et esters',
		P,
		['88-85-7'],
		['2908.91', '2915.36'],
		'Convention',
	],
	[
		'EDB',
		'1,2-dibromoethane (EDB)',
		'1,2-dibromoéthane (EDB)',
		P,
		['106-93-4'],
		['2903.31'],
		'Convention',
	],
	['ENDOSULFAN', 'Endosulfan', 'Endosulfan', P, ['115-29-7'], ['2920.30'], 'RC-5'],
	['EDC', 'Ethylene dichloride', 'Dichlorure d’éthylène', P, ['107-06-2'], ['2903.15'], 'RC-1'],
	['ETHYLENE_OXIDE', 'Ethylene oxide', 'Oxyde d’éthylène', P, ['75-21-8'], ['2910.10'], 'RC-1'],
	[
		'FLUOROACETAMIDE',
		'Fluoroacetamide',
		'Fluoroacétamide',
		P,
		['640-19-7'],
		['2924.12'],
		'Convention',
	],
	[
		'HCH',
		'HCH (mixed isomers)',
		'HCH (mélange d’isomères)',
		P,
		['608-73-1'],
		['2903.81'],
		'Convention',
	],
	['HEPTACHLOR', 'Heptachlor', 'Heptachlore', P, ['76-44-8'], ['2903.82'], 'Convention'],
	['HCB', 'Hexachlorobenzene', 'Hexachlorobenzène', P, ['118-74-1'], ['2903.92'], 'Convention'],
	['LINDANE', 'Lindane', 'Lindane', P, ['58-89-9'], ['2903.81'], 'Convention'],
	[
		'MERCURY_COMPOUNDS',
		'Mercury compounds, including inorganic, alkyl, alkyloxyalkyl and aryl mercury compounds',
		'Composés du mercure, y compris composés inorganiques, alkylés, alkyloxyalkylés et arylés',
		P,
		[],
		['2852.10'],
		'Convention',
	],
	['METHAMIDOPHOS', 'Methamidophos', 'Méthamidophos', P, ['10265-92-6'], ['2930.80'], 'RC-7'],
	['MONOCROTOPHOS', 'Monocrotophos', 'Monocrotophos', P, ['6923-22-4'], ['2924.12'], 'RC-1'],
	['PARATHION', 'Parathion', 'Parathion', P, ['56-38-2'], ['2920.11'], 'RC-1'],
	[
		'PCP',
		'Pentachlorophenol and its salts and esters',
		'Pentachlorophénol, ses sels et esters',
		P,
		['87-86-5'],
		['2908.11'],
		'Convention',
	],
	['PHORATE', 'Phorate', 'Phorate', P, ['298-02-2'], [], 'RC-9'],
	['TERBUFOS', 'Terbufos', 'Terbufos', P, ['13071-79-9'], [], 'RC-11'],
	[
		'TOXAPHENE',
		'Toxaphene (camphechlor)',
		'Toxaphène (camphéchlore)',
		P,
		['8001-35-2'],
		[],
		'RC-1',
	],
	['TRICHLORFON', 'Trichlorfon', 'Trichlorfon', P, ['52-68-6'], ['2931.54'], 'RC-8'],
	[
		'TBT',
		'Tributyltin compounds',
		'Composés du tributylétain',
		['pesticide', 'industrial'],
		['56-35-9', '1983-10-4', '2155-70-6', '24124-25-2', '4342-36-3', '1461-22-9', '85409-17-2'],
		['2931.20'],
		'RC-8',
	],
	[
		'BENOMYL_CARBOFURAN_THIRAM_DP',
		'Dustable powder formulations containing benomyl ≥ 7 %, carbofuran ≥ 10 % and thiram ≥ 15 %',
		'Formulations de poudre pour poudrage contenant du bénomyl ≥ 7 %, du carbofuran ≥ 10 % et du thirame ≥ 15 %',
		SHPF,
		['17804-35-2', '1563-66-2', '137-26-8'],
		[],
		'RC-1',
	],
	[
		'FENTHION_ULV',
		'Fenthion: ultra-low-volume formulations at or above 640 g active ingredient/L',
		'Fenthion : formulations à ultra-bas volume à 640 g de matière active/L ou plus',
		SHPF,
		['55-38-9'],
		[],
		'RC-12',
	],
	[
		'METHYL_PARATHION_SHPF',
		'Methyl-parathion: emulsifiable concentrates ≥ 19.5 % and dusts ≥ 1.5 % active ingredient',
		'Parathion-méthyl : concentrés émulsionnables ≥ 19,5 % et poudres ≥ 1,5 % de matière active',
		SHPF,
		['298-00-0'],
		['2920.11'],
		'Convention',
	],
	[
		'PHOSPHAMIDON_SHPF',
		'Phosphamidon: soluble liquid formulations exceeding 1000 g active ingredient/L',
		'Phosphamidon : formulations liquides solubles de plus de 1 000 g de matière active/L',
		SHPF,
		['13171-21-6', '23783-98-4', '297-99-4'],
		['2924.12'],
		'Convention',
	],
	[
		'ACTINOLITE',
		'Asbestos: actinolite',
		'Amiante : actinolite',
		I,
		['77536-66-4'],
		['2524.90'],
		'RC-1',
	],
	[
		'ANTHOPHYLLITE',
		'Asbestos: anthophyllite',
		'Amiante : anthophyllite',
		I,
		['77536-67-5'],
		['2524.90'],
		'RC-1',
	],
	['AMOSITE', 'Asbestos: amosite', 'Amiante : amosite', I, ['12172-73-5'], ['2524.90'], 'RC-1'],
	[
		'CROCIDOLITE',
		'Asbestos: crocidolite',
		'Amiante : crocidolite',
		I,
		['12001-28-4'],
		['2524.10'],
		'Convention',
	],
	[
		'TREMOLITE',
		'Asbestos: tremolite',
		'Amiante : trémolite',
		I,
		['77536-68-6'],
		['2524.90'],
		'RC-1',
	],
	[
		'C_OCTABDE',
		'Commercial octabromodiphenyl ether (hexa- and heptabromodiphenyl ether)',
		'Octabromodiphényléther commercial (hexa- et heptabromodiphényléther)',
		I,
		['36483-60-0', '68928-80-3'],
		[],
		'RC-6',
	],
	[
		'C_PENTABDE',
		'Commercial pentabromodiphenyl ether (tetra- and pentabromodiphenyl ether)',
		'Pentabromodiphényléther commercial (tétra- et pentabromodiphényléther)',
		I,
		['40088-47-9', '32534-81-9'],
		[],
		'RC-6',
	],
	['DECABDE', 'Decabromodiphenyl ether', 'Décabromodiphényléther', I, ['1163-19-5'], [], 'RC-10'],
	[
		'HBCD',
		'Hexabromocyclododecane',
		'Hexabromocyclododécane',
		I,
		['25637-99-4', '3194-55-6', '134237-50-6', '134237-51-7', '134237-52-8'],
		[],
		'RC-9',
	],
	[
		'PFOS',
		'Perfluorooctane sulfonic acid, its salts, perfluorooctane sulfonamides and sulfonyl fluoride',
		'Acide perfluorooctane sulfonique, ses sels, perfluorooctane sulfonamides et fluorure de perfluorooctane sulfonyle',
		I,
		[
			'1763-23-1',
			'2795-39-3',
			'29457-72-5',
			'29081-56-9',
			'70225-14-8',
			'56773-42-3',
			'251099-16-8',
			'4151-50-2',
			'31506-32-8',
			'1691-99-2',
			'24448-09-7',
			'307-35-7',
		],
		[
			'2904.31',
			'2904.32',
			'2904.33',
			'2904.34',
			'2904.35',
			'2904.36',
			'2922.16',
			'2923.30',
			'2923.40',
			'2935.10',
			'2935.20',
			'2935.30',
			'2935.40',
			'2935.50',
		],
		'RC-6',
	],
	[
		'PFOA',
		'Perfluorooctanoic acid (PFOA), its salts and PFOA-related compounds',
		'Acide perfluorooctanoïque (APFO), ses sels et composés apparentés',
		I,
		['335-67-1'],
		[],
		'RC-10',
	],
	[
		'PBB',
		'Polybrominated biphenyls (PBB)',
		'Polybromobiphényles (PBB)',
		I,
		['36355-01-8', '27858-07-7', '13654-09-6'],
		['2903.94', '3824.82'],
		'Convention',
	],
	[
		'PCB',
		'Polychlorinated biphenyls (PCB)',
		'Polychlorobiphényles (PCB)',
		I,
		['1336-36-3'],
		['3824.82'],
		'Convention',
	],
	[
		'PCT',
		'Polychlorinated terphenyls (PCT)',
		'Polychloroterphényles (PCT)',
		I,
		['61788-33-8'],
		['3824.82'],
		'Convention',
	],
	[
		'SCCP',
		'Short-chain chlorinated paraffins',
		'Paraffines chlorées à chaîne courte',
		I,
		['85535-84-8'],
		[],
		'RC-8',
	],
	['TEL', 'Tetraethyl lead', 'Plomb tétraéthyle', I, ['78-00-2'], ['2931.10'], 'RC-1'],
	['TML', 'Tetramethyl lead', 'Plomb tétraméthyle', I, ['75-74-1'], ['2931.10'], 'RC-1'],
	[
		'TRIS_BP',
		'Tris(2,3-dibromopropyl) phosphate',
		'Phosphate de tris(2,3-dibromopropyle)',
		I,
		['126-72-7'],
		['2919.10'],
		'Convention',
	],
]

function entry([code, en, fr, category, cas, hsCodes, listedAt]: Row): AnnexIIIEntry {
	const listedYear = MEETING_YEARS[listedAt]
	if (listedYear === undefined) throw new Error(`Annex III ${code}: unknown meeting ${listedAt}`)
	return {
		code,
		labels: { en, fr },
		category,
		cas,
		hsCodes,
		listedAt,
		listedYear,
		...(listedAt === 'Convention' || CONFIRMED_MEETINGS.has(listedAt)
			? {}
			: { listingReconstructed: true as const }),
	}
}

export const ROTTERDAM_ANNEX_III: CodeList<AnnexIIIEntry> = {
	id: 'rotterdam-annex-iii',
	version: '2025.1',
	date: '2025-05-09',
	source:
		'RECONSTRUCTED: Annex III to the Rotterdam Convention as amended up to RC-12 (May 2025), ' +
		'written from knowledge of the Annex, not copied from the Secretariat’s Annex III table ' +
		'(pic.int); listings by RC-1/3 and RC-8 confirmed, other listing meetings reconstructed; ' +
		'HS codes partial (HS 2022 subheadings naming the chemical). To be checked against the ' +
		'official Annex III before publication.',
	entries: ROWS.map(entry),
}

/** Codes of the Annex III entries of a category (a code may be in two). */
export function annexIIICodes(category: AnnexIIICategory): string[] {
	return ROTTERDAM_ANNEX_III.entries
		.filter((item) => item.category.includes(category))
		.map((item) => item.code)
}
