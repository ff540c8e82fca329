import type { AmendmentId } from './amendments.ts'
import { AMENDMENTS } from './amendments.ts'
import { CHEMICAL_LIST_ID } from './ids.ts'
import type { CodeList, CodeListEntry } from './types.ts'

export type Annex = 'A' | 'B' | 'C'

/**
 * A chemical listed in Annex A, B and/or C of the Stockholm Convention.
 * CAS numbers of groups are representative, not exhaustive (the Annexes list the chemicals by name,
 * with CAS numbers for some of them).
 */
export interface ChemicalEntry extends CodeListEntry {
	cas: string[]
	annexes: Annex[]
	/** COP decision(s) that listed the chemical ("Convention text" for the original twelve). */
	listingDecision: string
	adoptionYear: number
	/** Date the listing was adopted (by which a form version's list state is filtered). */
	adoptedOn: string
	/**
	 * The amendment whose entry into force makes the Annex A/B (or, if only C, Annex C) listing bind
	 * a Party. When it binds which Party is runtime data (the depositary record, applicability.ts),
	 * never a field of this list.
	 */
	amendment: AmendmentId
	/** Art. 15(2) statistics (production, import, export) apply: Annex A or B chemicals. */
	art15Statistics: boolean
	use: 'pesticide' | 'industrial' | 'pesticide_industrial' | 'unintentional'
	/**
	 * Short summary of the specific exemptions or acceptable purposes in force, as the Annexes list
	 * them (changes adopted later are in `laterChanges`); summarised from background knowledge of
	 * the Annex text, the Annexes are authoritative.
	 */
	exemptions?: string
	/**
	 * Changes to the entry adopted by a later amendment: in force for a Party only once that
	 * amendment is (`exemptionChangesFor` in applicability.ts), shown as adopted and pending before.
	 */
	laterChanges?: readonly LaterChange[]
}

/** A change to a listing's exemptions adopted by a later amendment of the annex. */
export interface LaterChange {
	decision: string
	amendment: AmendmentId
	summary: string
}

type ChemicalSeed = Omit<ChemicalEntry, 'art15Statistics' | 'adoptedOn'>

const seeds: ChemicalSeed[] = [
	{
		code: 'ALDRIN',
		labels: { en: 'Aldrin', fr: 'Aldrine' },
		cas: ['309-00-2'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'CHLORDANE',
		labels: { en: 'Chlordane', fr: 'Chlordane' },
		cas: ['57-74-9'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'CHLORDECONE',
		labels: { en: 'Chlordecone', fr: 'Chlordécone' },
		cas: ['143-50-0'],
		annexes: ['A'],
		listingDecision: 'SC-4/12',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'pesticide',
	},
	{
		code: 'DECABDE',
		labels: {
			en: 'Decabromodiphenyl ether (commercial mixture, c-decaBDE)',
			fr: 'Décabromodiphényléther (mélange commercial, c-décaBDE)',
		},
		cas: ['1163-19-5'],
		annexes: ['A'],
		listingDecision: 'SC-8/10',
		adoptionYear: 2017,
		amendment: 'sc8-2017',
		use: 'industrial',
		exemptions:
			'Specific exemptions (Annex A Part I, SC-8/10): parts for vehicles and aircraft and their spare parts; flame-retarded textiles other than clothing and toys; additives in plastic housings and parts of heating home appliances, irons, fans and immersion heaters; polyurethane foam for building insulation.',
	},
	{
		code: 'DECHLORANE_PLUS',
		labels: {
			en: 'Dechlorane Plus, including its syn- and anti-isomers',
			fr: 'Déchlorane plus, y compris ses isomères syn et anti',
		},
		cas: ['13560-89-9', '135821-03-3', '135821-74-8'],
		annexes: ['A'],
		listingDecision: 'SC-11/10',
		adoptionYear: 2023,
		amendment: 'sc11-2023',
		use: 'industrial',
		exemptions:
			'Specific exemptions (Annex A Part I, SC-11/10): aerospace, space and defence applications; medical imaging and radiotherapy devices; replacement parts for, and repair of, articles in the listed applications until the end of their service life or 2044, whichever comes first.',
	},
	{
		code: 'DICOFOL',
		labels: { en: 'Dicofol', fr: 'Dicofol' },
		cas: ['115-32-2', '10606-46-9'],
		annexes: ['A'],
		listingDecision: 'SC-9/11',
		adoptionYear: 2019,
		amendment: 'sc9-2019',
		use: 'pesticide',
	},
	{
		code: 'DIELDRIN',
		labels: { en: 'Dieldrin', fr: 'Dieldrine' },
		cas: ['60-57-1'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'ENDRIN',
		labels: { en: 'Endrin', fr: 'Endrine' },
		cas: ['72-20-8'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'HEPTACHLOR',
		labels: { en: 'Heptachlor', fr: 'Heptachlore' },
		cas: ['76-44-8'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'HEXABB',
		labels: { en: 'Hexabromobiphenyl', fr: 'Hexabromobiphényle' },
		cas: ['36355-01-8'],
		annexes: ['A'],
		listingDecision: 'SC-4/13',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'industrial',
	},
	{
		code: 'HBCDD',
		labels: { en: 'Hexabromocyclododecane (HBCDD)', fr: 'Hexabromocyclododécane (HBCDD)' },
		cas: ['25637-99-4', '3194-55-6', '134237-50-6', '134237-51-7', '134237-52-8'],
		annexes: ['A'],
		listingDecision: 'SC-6/13',
		adoptionYear: 2013,
		amendment: 'sc6-2013',
		use: 'industrial',
		exemptions:
			'Specific exemption (Annex A Part VII, SC-6/13): production and use of expanded and extruded polystyrene in buildings.',
	},
	{
		code: 'HEXA_HEPTA_BDE',
		labels: {
			en: 'Hexabromodiphenyl ether and heptabromodiphenyl ether (c-octaBDE)',
			fr: 'Hexabromodiphényléther et heptabromodiphényléther (c-octaBDE)',
		},
		cas: ['68631-49-2', '207122-15-4', '446255-22-7', '207122-16-5'],
		annexes: ['A'],
		listingDecision: 'SC-4/14',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'industrial',
		exemptions:
			'Specific exemption (Annex A Part IV, SC-4/14): recycling of articles that contain them, and use and disposal of articles made from recycled materials; progress reported every four years.',
	},
	{
		code: 'HCB',
		labels: { en: 'Hexachlorobenzene (HCB)', fr: 'Hexachlorobenzène (HCB)' },
		cas: ['118-74-1'],
		annexes: ['A', 'C'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide_industrial',
	},
	{
		code: 'HCBD',
		labels: { en: 'Hexachlorobutadiene (HCBD)', fr: 'Hexachlorobutadiène (HCBD)' },
		cas: ['87-68-3'],
		annexes: ['A', 'C'],
		listingDecision: 'SC-7/12; Annex C: SC-8/12',
		adoptionYear: 2015,
		amendment: 'sc7-2015',
		use: 'industrial',
	},
	{
		code: 'ALPHA_HCH',
		labels: { en: 'alpha-Hexachlorocyclohexane', fr: 'alpha-Hexachlorocyclohexane' },
		cas: ['319-84-6'],
		annexes: ['A'],
		listingDecision: 'SC-4/10',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'pesticide',
	},
	{
		code: 'BETA_HCH',
		labels: { en: 'beta-Hexachlorocyclohexane', fr: 'bêta-Hexachlorocyclohexane' },
		cas: ['319-85-7'],
		annexes: ['A'],
		listingDecision: 'SC-4/11',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'pesticide',
	},
	{
		code: 'LINDANE',
		labels: { en: 'Lindane (gamma-HCH)', fr: 'Lindane (gamma-HCH)' },
		cas: ['58-89-9'],
		annexes: ['A'],
		listingDecision: 'SC-4/15',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'pesticide',
		exemptions:
			'Specific exemption (SC-4/15): human health pharmaceutical for the control of head lice and scabies as second-line treatment.',
	},
	{
		code: 'METHOXYCHLOR',
		labels: { en: 'Methoxychlor', fr: 'Méthoxychlore' },
		cas: ['72-43-5'],
		annexes: ['A'],
		listingDecision: 'SC-11/11',
		adoptionYear: 2023,
		amendment: 'sc11-2023',
		use: 'pesticide',
	},
	{
		code: 'MIREX',
		labels: { en: 'Mirex', fr: 'Mirex' },
		cas: ['2385-85-5'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'PECB',
		labels: { en: 'Pentachlorobenzene (PeCB)', fr: 'Pentachlorobenzène (PeCB)' },
		cas: ['608-93-5'],
		annexes: ['A', 'C'],
		listingDecision: 'SC-4/16',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'industrial',
	},
	{
		code: 'PCP',
		labels: {
			en: 'Pentachlorophenol and its salts and esters',
			fr: 'Pentachlorophénol, ses sels et ses esters',
		},
		cas: ['87-86-5', '131-52-2', '27735-64-4', '3772-94-9', '1825-21-4'],
		annexes: ['A'],
		listingDecision: 'SC-7/13',
		adoptionYear: 2015,
		amendment: 'sc7-2015',
		use: 'pesticide_industrial',
		exemptions:
			'Specific exemption (Annex A Part VIII, SC-7/13): production and use for utility poles and cross-arms.',
	},
	{
		code: 'PCB',
		labels: { en: 'Polychlorinated biphenyls (PCB)', fr: 'Polychlorobiphényles (PCB)' },
		cas: ['1336-36-3'],
		annexes: ['A', 'C'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'industrial',
		exemptions:
			'Annex A Part II: use in equipment to end by 2025; environmentally sound waste management of liquids and equipment with more than 0.005 % PCB by 2028 (SC-9/3).',
	},
	{
		code: 'PCN',
		labels: { en: 'Polychlorinated naphthalenes (PCN)', fr: 'Naphtalènes polychlorés (PCN)' },
		cas: ['70776-03-3'],
		annexes: ['A', 'C'],
		listingDecision: 'SC-7/14',
		adoptionYear: 2015,
		amendment: 'sc7-2015',
		use: 'industrial',
		exemptions:
			'Specific exemptions (SC-7/14): production and use for the production of polyfluorinated naphthalenes, including octafluoronaphthalene.',
	},
	{
		code: 'PFOA',
		labels: {
			en: 'Perfluorooctanoic acid (PFOA), its salts and PFOA-related compounds',
			fr: 'Acide perfluorooctanoïque (APFO), ses sels et les composés apparentés à l’APFO',
		},
		cas: ['335-67-1'],
		annexes: ['A'],
		listingDecision: 'SC-9/12',
		adoptionYear: 2019,
		amendment: 'sc9-2019',
		use: 'industrial',
		exemptions:
			'Specific exemptions (Annex A Part I, SC-9/12): photolithography and etch processes in semiconductor manufacturing; photographic coatings applied to films; textiles for oil and water repellency protecting workers from dangerous liquids; invasive and implantable medical devices; fire-fighting foam for liquid fuel vapour suppression and liquid fuel fires (Class B fires) in installed systems; perfluorooctyl iodide for producing perfluorooctyl bromide for pharmaceuticals; the listed fluoropolymer manufacturing uses.',
	},
	{
		code: 'PFHXS',
		labels: {
			en: 'Perfluorohexane sulfonic acid (PFHxS), its salts and PFHxS-related compounds',
			fr: 'Acide perfluorohexane sulfonique (PFHxS), ses sels et les composés apparentés au PFHxS',
		},
		cas: ['355-46-4'],
		annexes: ['A'],
		listingDecision: 'SC-10/13',
		adoptionYear: 2022,
		amendment: 'sc10-2022',
		use: 'industrial',
	},
	{
		code: 'SCCP',
		labels: {
			en: 'Short-chain chlorinated paraffins (SCCPs)',
			fr: 'Paraffines chlorées à chaîne courte (PCCC)',
		},
		cas: ['85535-84-8', '68920-70-7', '71011-12-6', '85536-22-7', '85681-73-8', '108171-26-2'],
		annexes: ['A'],
		listingDecision: 'SC-8/11',
		adoptionYear: 2017,
		amendment: 'sc8-2017',
		use: 'industrial',
		exemptions:
			'Specific exemptions (Annex A Part I, SC-8/11): additives in transmission belts (natural and synthetic rubber industry); spare parts of rubber conveyor belts (mining and forestry); leather fatliquoring; lubricant additives; tubes for outdoor decoration bulbs; waterproofing and fire-retardant paints; adhesives; metal processing; secondary plasticizers in flexible PVC, except in toys and children’s products.',
	},
	{
		code: 'ENDOSULFAN',
		labels: {
			en: 'Technical endosulfan and its related isomers',
			fr: 'Endosulfan technique et ses isomères apparentés',
		},
		cas: ['115-29-7', '959-98-8', '33213-65-9', '1031-07-8'],
		annexes: ['A'],
		listingDecision: 'SC-5/3',
		adoptionYear: 2011,
		amendment: 'sc5-2011',
		use: 'pesticide',
		exemptions:
			'Specific exemption (Annex A Part VI, SC-5/3): use on the listed crop–pest complexes.',
	},
	{
		code: 'TETRA_PENTA_BDE',
		labels: {
			en: 'Tetrabromodiphenyl ether and pentabromodiphenyl ether (c-pentaBDE)',
			fr: 'Tétrabromodiphényléther et pentabromodiphényléther (c-pentaBDE)',
		},
		cas: ['5436-43-1', '60348-60-9'],
		annexes: ['A'],
		listingDecision: 'SC-4/18',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'industrial',
		exemptions:
			'Specific exemption (Annex A Part V, SC-4/18): recycling of articles that contain them, and use and disposal of articles made from recycled materials; progress reported every four years.',
	},
	{
		code: 'TOXAPHENE',
		labels: { en: 'Toxaphene', fr: 'Toxaphène' },
		cas: ['8001-35-2'],
		annexes: ['A'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
	},
	{
		code: 'UV328',
		labels: { en: 'UV-328', fr: 'UV-328' },
		cas: ['25973-55-1'],
		annexes: ['A'],
		listingDecision: 'SC-11/12; exemption amended by SC-12/14',
		adoptionYear: 2023,
		amendment: 'sc11-2023',
		use: 'industrial',
		exemptions:
			'Specific exemptions (Annex A Part I, SC-11/12): time-limited uses, and replacement parts until the end of their service life or 2044.',
		laterChanges: [
			{
				decision: 'SC-12/14',
				amendment: 'sc12-2025',
				summary: 'Aircraft-related specific exemption until the end of 2030.',
			},
		],
	},
	{
		code: 'CHLORPYRIFOS',
		labels: { en: 'Chlorpyrifos', fr: 'Chlorpyrifos' },
		cas: ['2921-88-2'],
		annexes: ['A'],
		listingDecision: 'SC-12/9',
		adoptionYear: 2025,
		amendment: 'sc12-2025',
		use: 'pesticide',
		exemptions: 'Specific exemptions: as listed in Annex A Part I by the listing decision.',
	},
	{
		code: 'MCCP',
		labels: {
			en: 'Medium-chain chlorinated paraffins (MCCPs)',
			fr: 'Paraffines chlorées à chaîne moyenne (PCCM)',
		},
		cas: ['85535-85-9'],
		annexes: ['A'],
		listingDecision: 'SC-12/10',
		adoptionYear: 2025,
		amendment: 'sc12-2025',
		use: 'industrial',
		exemptions: 'Specific exemptions: as listed in Annex A Part I by the listing decision.',
	},
	{
		code: 'LCPFCA',
		labels: {
			en: 'Long-chain perfluorocarboxylic acids (LC-PFCAs, C9–C21), their salts and related compounds',
			fr: 'Acides perfluorocarboxyliques à chaîne longue (C9 à C21), leurs sels et les composés apparentés',
		},
		cas: ['375-95-1', '335-76-2', '2058-94-8', '307-55-1'],
		annexes: ['A'],
		listingDecision: 'SC-12/12',
		adoptionYear: 2025,
		amendment: 'sc12-2025',
		use: 'industrial',
		exemptions: 'Specific exemptions: as listed in Annex A Part I by the listing decision.',
	},
	{
		code: 'DDT',
		labels: {
			en: 'DDT (1,1,1-trichloro-2,2-bis(4-chlorophenyl)ethane)',
			fr: 'DDT (1,1,1-trichloro-2,2-bis(4-chlorophényl)éthane)',
		},
		cas: ['50-29-3'],
		annexes: ['B'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'pesticide',
		exemptions:
			'Acceptable purpose: production and use for disease vector control in accordance with Annex B Part II (WHO recommendations and guidelines). Specific exemptions for DDT: as listed in Annex B Part I.',
	},
	{
		code: 'PFOS',
		labels: {
			en: 'Perfluorooctane sulfonic acid (PFOS), its salts and perfluorooctane sulfonyl fluoride (PFOSF)',
			fr: 'Acide perfluorooctane sulfonique (PFOS), ses sels et fluorure de perfluorooctane sulfonyle (FSPFO)',
		},
		cas: [
			'1763-23-1',
			'307-35-7',
			'2795-39-3',
			'29457-72-5',
			'29081-56-9',
			'70225-14-8',
			'56773-42-3',
			'251099-16-8',
		],
		annexes: ['B'],
		listingDecision: 'SC-4/17; amended by SC-9/4',
		adoptionYear: 2009,
		amendment: 'sc4-2009',
		use: 'industrial',
		exemptions:
			'Acceptable purposes as listed by SC-4/17: photo-imaging; photo-resist and anti-reflective coatings for semiconductors; etching agents for compound semiconductors and ceramic filters; aviation hydraulic fluids; hard-metal plating only in closed-loop systems; certain medical devices; fire-fighting foam; insect baits for leaf-cutting ants. Its specific exemptions ended: no Party remained registered (SC-7/1, SC-9/1).',
		laterChanges: [
			{
				decision: 'SC-9/4',
				amendment: 'sc9-2019',
				summary:
					'The only acceptable purpose left: insect baits with sulfluramid (CAS No. 4151-50-2) as active ingredient for the control of leaf-cutting ants (Atta spp. and Acromyrmex spp.), for agricultural use only. Hard-metal plating only in closed-loop systems, and fire-fighting foam for liquid fuel vapour suppression and liquid fuel fires (Class B fires) in installed systems, mobile and fixed (Annex B Part III para 10), become specific exemptions; the other acceptable purposes are deleted.',
			},
		],
	},
	{
		code: 'PCDD',
		labels: {
			en: 'Polychlorinated dibenzo-p-dioxins (PCDD)',
			fr: 'Dibenzo-p-dioxines polychlorées (PCDD)',
		},
		cas: ['1746-01-6'],
		annexes: ['C'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'unintentional',
	},
	{
		code: 'PCDF',
		labels: { en: 'Polychlorinated dibenzofurans (PCDF)', fr: 'Dibenzofuranes polychlorés (PCDF)' },
		cas: ['51207-31-9'],
		annexes: ['C'],
		listingDecision: 'Convention text',
		adoptionYear: 2001,
		amendment: 'original',
		use: 'unintentional',
	},
]

export const CHEMICALS: CodeList<ChemicalEntry> = {
	id: CHEMICAL_LIST_ID,
	version: '2025.3',
	date: '2025-05-09',
	source:
		'Annexes A, B and C of the Convention as amended up to COP-12 (listing decisions SC-4/10 to SC-12/12, adopted 9 May 2025); CAS numbers of groups are representative. Adoption: amendments.ts; entry into force per Party: the depositary record (applicability.ts). 2025.3: exemption summaries checked against the Annex text; French names of PCDD and PCDF as in the Convention.',
	entries: seeds.map((seed) => ({
		...seed,
		adoptedOn: AMENDMENTS[seed.amendment].adoptedOn,
		art15Statistics: seed.annexes.includes('A') || seed.annexes.includes('B'),
	})),
}

const byCode = new Map(CHEMICALS.entries.map((entry) => [entry.code, entry]))

export function getChemical(code: string): ChemicalEntry | undefined {
	return byCode.get(code)
}
