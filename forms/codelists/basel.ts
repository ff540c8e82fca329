import type { CodeList, CodeListEntry, Labels } from './types.ts'

/**
 * Code lists of the Basel Convention national report (Art. 13(3)): the categories of wastes
 * (Annexes I and II, Y codes), the hazardous characteristics (Annex III, H codes), the disposal
 * operations (Annex IV, D and R codes) and the Annex VIII (list A) and Annex IX (list B) entries
 * the report's tables use.
 *
 * Labels are short names, not the Annexes' official wording: the English ones follow the short
 * names of the Secretariat's data sets where they exist and are otherwise our own summaries
 * (reconstructed); the French ones are draft translations to be checked against the official
 * French text of the Convention.
 *
 * Dates: the Convention entered into force on 5 May 1992. The plastic waste amendments (decision
 * BC-14/12) became effective on 1 January 2021 (Y48 in Annex II, A3210 in Annex VIII, B3011
 * replacing B3010 in Annex IX); the e-waste amendments (decision BC-15/18) on 1 January 2025 (Y49
 * in Annex II, A1181 replacing A1180, B1110 and B4030 deleted). `validFrom` and `validUntil` are the
 * first and last days on which an entry is in the Annexes; a form checks them against the
 * reporting year, so one list serves reports on any year.
 */

/** Entry into force of the Convention (Art. 25(1)): the date of the original Annexes. */
const IN_FORCE = '1992-05-05'
/** Decision BC-14/12, effective 1 January 2021. */
const PLASTIC = '2021-01-01'
/** Decision BC-15/18, effective 1 January 2025. */
const E_WASTE = '2025-01-01'

export type BaselAmendment = 'BC-14/12' | 'BC-15/18'

/** When an entry is in the Annexes, and the amendment that added or deleted it. */
interface Dated {
	validFrom: string
	validUntil?: string
	amendment?: BaselAmendment
}

export interface WasteCategoryEntry extends CodeListEntry, Dated {
	/** Annex I (categories to be controlled) or Annex II (other wastes, special consideration). */
	annex: 'I' | 'II'
	/** Annex I is split into waste streams (Y1–Y18) and constituents (Y19–Y45). */
	group: 'waste_stream' | 'constituent' | 'other_waste'
}

export interface HazardEntry extends CodeListEntry {
	/** The UN class (Recommendations on the Transport of Dangerous Goods) Annex III pairs it with. */
	unClass: string
}

export interface OperationEntry extends CodeListEntry {
	/** Annex IV Section A (no recovery, D codes) or Section B (recovery, R codes). */
	section: 'A' | 'B'
}

export interface AnnexListEntry extends CodeListEntry, Dated {
	annex: 'VIII' | 'IX'
}

type Row = [code: string, en: string, fr: string]

function labels(en: string, fr: string): Labels {
	return { en, fr }
}

function category(
	[code, en, fr]: Row,
	annex: 'I' | 'II',
	group: WasteCategoryEntry['group'],
	dated: Dated = { validFrom: IN_FORCE },
): WasteCategoryEntry {
	return { code, labels: labels(en, fr), annex, group, ...dated }
}

const WASTE_STREAMS: Row[] = [
	[
		'Y1',
		'Clinical wastes from medical care in hospitals, medical centres and clinics',
		'Déchets cliniques provenant de soins médicaux dans des hôpitaux, centres médicaux et cliniques',
	],
	[
		'Y2',
		'Wastes from the production and preparation of pharmaceutical products',
		'Déchets de la production et de la préparation de produits pharmaceutiques',
	],
	[
		'Y3',
		'Waste pharmaceuticals, drugs and medicines',
		'Déchets de médicaments et de produits pharmaceutiques',
	],
	[
		'Y4',
		'Wastes from the production, formulation and use of biocides and phytopharmaceuticals',
		'Déchets de la production, de la préparation et de l’utilisation de biocides et de produits phytopharmaceutiques',
	],
	[
		'Y5',
		'Wastes from the manufacture, formulation and use of wood-preserving chemicals',
		'Déchets de la fabrication, de la préparation et de l’utilisation des produits chimiques destinés à la préservation du bois',
	],
	[
		'Y6',
		'Wastes from the production, formulation and use of organic solvents',
		'Déchets de la production, de la préparation et de l’utilisation de solvants organiques',
	],
	[
		'Y7',
		'Wastes from heat-treatment and tempering operations containing cyanides',
		'Déchets cyanurés de traitements thermiques et d’opérations de trempe',
	],
	[
		'Y8',
		'Waste mineral oils unfit for their originally intended use',
		'Déchets d’huiles minérales impropres à l’usage initialement prévu',
	],
	[
		'Y9',
		'Waste oils/water, hydrocarbons/water mixtures, emulsions',
		'Mélanges et émulsions huile/eau ou hydrocarbure/eau',
	],
	[
		'Y10',
		'Waste substances and articles containing or contaminated with PCBs, PCTs and/or PBBs',
		'Substances et articles usés contenant des PCB, des PCT ou des PBB, ou contaminés par eux',
	],
	[
		'Y11',
		'Waste tarry residues from refining, distillation and any pyrolytic treatment',
		'Résidus goudronneux de raffinage, de distillation ou de toute opération de pyrolyse',
	],
	[
		'Y12',
		'Wastes from production, formulation and use of inks, dyes, pigments, paints, lacquers, varnish',
		'Déchets de la production, de la préparation et de l’utilisation d’encres, de colorants, de pigments, de peintures, de laques ou de vernis',
	],
	[
		'Y13',
		'Wastes from production, formulation and use of resins, latex, plasticizers, glues/adhesives',
		'Déchets de la production, de la préparation et de l’utilisation de résines, de latex, de plastifiants ou de colles et adhésifs',
	],
	[
		'Y14',
		'Unidentified or new waste chemical substances from research, development or teaching, with unknown effects',
		'Substances chimiques non identifiées ou nouvelles provenant de la recherche, du développement ou de l’enseignement, aux effets inconnus',
	],
	[
		'Y15',
		'Wastes of an explosive nature not subject to other legislation',
		'Déchets de caractère explosible non soumis à une législation différente',
	],
	[
		'Y16',
		'Wastes from production, formulation and use of photographic chemicals and processing materials',
		'Déchets de la production, de la préparation et de l’utilisation de produits chimiques et de matériaux pour la photographie',
	],
	[
		'Y17',
		'Wastes from surface treatment of metals and plastics',
		'Déchets de traitements de surface des métaux et matières plastiques',
	],
	[
		'Y18',
		'Residues from industrial waste disposal operations',
		'Résidus d’opérations d’élimination des déchets industriels',
	],
]

const CONSTITUENTS: Row[] = [
	['Y19', 'Metal carbonyls', 'Métaux carbonyles'],
	['Y20', 'Beryllium; beryllium compounds', 'Béryllium ; composés du béryllium'],
	['Y21', 'Hexavalent chromium compounds', 'Composés du chrome hexavalent'],
	['Y22', 'Copper compounds', 'Composés du cuivre'],
	['Y23', 'Zinc compounds', 'Composés du zinc'],
	['Y24', 'Arsenic; arsenic compounds', 'Arsenic ; composés de l’arsenic'],
	['Y25', 'Selenium; selenium compounds', 'Sélénium ; composés du sélénium'],
	['Y26', 'Cadmium; cadmium compounds', 'Cadmium ; composés du cadmium'],
	['Y27', 'Antimony; antimony compounds', 'Antimoine ; composés de l’antimoine'],
	['Y28', 'Tellurium; tellurium compounds', 'Tellure ; composés du tellure'],
	['Y29', 'Mercury; mercury compounds', 'Mercure ; composés du mercure'],
	['Y30', 'Thallium; thallium compounds', 'Thallium ; composés du thallium'],
	['Y31', 'Lead; lead compounds', 'Plomb ; composés du plomb'],
	[
		'Y32',
		'Inorganic fluorine compounds excluding calcium fluoride',
		'Composés inorganiques du fluor, à l’exclusion du fluorure de calcium',
	],
	['Y33', 'Inorganic cyanides', 'Cyanures inorganiques'],
	[
		'Y34',
		'Acidic solutions or acids in solid form',
		'Solutions acides ou acides sous forme solide',
	],
	[
		'Y35',
		'Basic solutions or bases in solid form',
		'Solutions basiques ou bases sous forme solide',
	],
	['Y36', 'Asbestos (dust and fibres)', 'Amiante (poussières et fibres)'],
	['Y37', 'Organic phosphorus compounds', 'Composés organiques du phosphore'],
	['Y38', 'Organic cyanides', 'Cyanures organiques'],
	[
		'Y39',
		'Phenols; phenol compounds including chlorophenols',
		'Phénols, composés phénolés, y compris les chlorophénols',
	],
	['Y40', 'Ethers', 'Éthers'],
	['Y41', 'Halogenated organic solvents', 'Solvants organiques halogénés'],
	[
		'Y42',
		'Organic solvents excluding halogenated solvents',
		'Solvants organiques, sauf solvants halogénés',
	],
	[
		'Y43',
		'Any congener of polychlorinated dibenzo-furan',
		'Tout produit de la famille des dibenzofuranes polychlorés',
	],
	[
		'Y44',
		'Any congener of polychlorinated dibenzo-p-dioxin',
		'Tout produit de la famille des dibenzo-p-dioxines polychlorées',
	],
	[
		'Y45',
		'Organohalogen compounds other than substances referred to elsewhere in Annex I',
		'Composés organohalogénés autres que les matières figurant ailleurs dans l’annexe I',
	],
]

/**
 * Annexes I and II: Y1–Y45 (Annex I, in force since 1992), Y46–Y47 (Annex II, 1992), Y48 (plastic
 * waste, BC-14/12, from 1 January 2021) and Y49 (electrical and electronic waste, BC-15/18, from 1
 * January 2025).
 */
export const BASEL_WASTE_CATEGORIES: CodeList<WasteCategoryEntry> = {
	id: 'basel-y',
	version: '2025.1',
	date: E_WASTE,
	source:
		'Basel Convention, Annex I (Y1–Y45) and Annex II (Y46, Y47) as adopted in 1989 (in force 5 May 1992); Annex II Y48 added by decision BC-14/12 (effective 1 January 2021) and Y49 by decision BC-15/18 (effective 1 January 2025). Labels are short names (reconstructed, not the official wording); French labels are draft translations.',
	entries: [
		...WASTE_STREAMS.map((row) => category(row, 'I', 'waste_stream')),
		...CONSTITUENTS.map((row) => category(row, 'I', 'constituent')),
		category(
			['Y46', 'Wastes collected from households', 'Déchets ménagers collectés'],
			'II',
			'other_waste',
		),
		category(
			[
				'Y47',
				'Residues arising from the incineration of household wastes',
				'Résidus provenant de l’incinération des déchets ménagers',
			],
			'II',
			'other_waste',
		),
		category(
			[
				'Y48',
				'Plastic waste, including mixtures, except hazardous plastic waste (A3210) and plastic waste of B3011',
				'Déchets plastiques, y compris les mélanges, sauf les déchets plastiques dangereux (A3210) et ceux de la rubrique B3011',
			],
			'II',
			'other_waste',
			{ validFrom: PLASTIC, amendment: 'BC-14/12' },
		),
		category(
			[
				'Y49',
				'Waste electrical and electronic equipment, its components and processing wastes not covered by A1181',
				'Déchets d’équipements électriques et électroniques, de leurs composants et de leur traitement non visés par A1181',
			],
			'II',
			'other_waste',
			{ validFrom: E_WASTE, amendment: 'BC-15/18' },
		),
	],
}

const HAZARDS: [code: string, unClass: string, en: string, fr: string][] = [
	['H1', '1', 'Explosive', 'Matières explosives'],
	['H3', '3', 'Flammable liquids', 'Liquides inflammables'],
	['H4.1', '4.1', 'Flammable solids', 'Matières solides inflammables'],
	[
		'H4.2',
		'4.2',
		'Substances or wastes liable to spontaneous combustion',
		'Matières ou déchets sujets à inflammation spontanée',
	],
	[
		'H4.3',
		'4.3',
		'Substances or wastes which, in contact with water, emit flammable gases',
		'Matières ou déchets qui, au contact de l’eau, émettent des gaz inflammables',
	],
	['H5.1', '5.1', 'Oxidizing', 'Matières comburantes'],
	['H5.2', '5.2', 'Organic peroxides', 'Peroxydes organiques'],
	['H6.1', '6.1', 'Poisonous (acute)', 'Matières toxiques (aiguës)'],
	['H6.2', '6.2', 'Infectious substances', 'Matières infectieuses'],
	['H8', '8', 'Corrosives', 'Matières corrosives'],
	[
		'H10',
		'9',
		'Liberation of toxic gases in contact with air or water',
		'Libération de gaz toxiques au contact de l’air ou de l’eau',
	],
	['H11', '9', 'Toxic (delayed or chronic)', 'Matières toxiques (effets différés ou chroniques)'],
	['H12', '9', 'Ecotoxic', 'Matières écotoxiques'],
	[
		'H13',
		'9',
		'Capable, after disposal, of yielding another material (e.g. leachate) with one of the characteristics above',
		'Matières susceptibles, après élimination, de donner lieu à une autre substance (par exemple un produit de lixiviation) qui possède l’une des caractéristiques ci-dessus',
	],
]

/**
 * Annex III: the fourteen hazardous characteristics, numbered after the UN classes (there is no
 * H2, H7 or H9), unchanged since 1992.
 */
export const BASEL_HAZARDS: CodeList<HazardEntry> = {
	id: 'basel-h',
	version: '1992.1',
	date: IN_FORCE,
	source:
		'Basel Convention, Annex III (list of hazardous characteristics), unchanged since the Convention entered into force on 5 May 1992; the Annex is under review by an expert working group. Labels are short names (reconstructed); French labels are draft translations.',
	entries: HAZARDS.map(([code, unClass, en, fr]) => ({
		code,
		labels: labels(en, fr),
		unClass,
	})),
}

const DISPOSAL: Row[] = [
	[
		'D1',
		'Deposit into or onto land (e.g. landfill)',
		'Dépôt sur ou dans le sol (mise en décharge)',
	],
	[
		'D2',
		'Land treatment (e.g. biodegradation of liquid or sludgy discards in soils)',
		'Traitement en milieu terrestre (biodégradation de déchets liquides ou de boues dans les sols)',
	],
	[
		'D3',
		'Deep injection (e.g. into wells, salt domes or naturally occurring repositories)',
		'Injection en profondeur (dans des puits, des dômes de sel ou des failles géologiques naturelles)',
	],
	[
		'D4',
		'Surface impoundment (e.g. liquid or sludge discards into pits, ponds or lagoons)',
		'Lagunage (déversement de déchets liquides ou de boues dans des puits, des étangs ou des bassins)',
	],
	[
		'D5',
		'Specially engineered landfill (e.g. lined, capped, isolated cells)',
		'Mise en décharge spécialement aménagée (alvéoles étanches, recouvertes et isolées)',
	],
	[
		'D6',
		'Release into a water body except seas/oceans',
		'Rejet dans le milieu aquatique, sauf en mer ou dans l’océan',
	],
	[
		'D7',
		'Release into seas/oceans, including sea-bed insertion',
		'Rejet en mer ou dans l’océan, y compris enfouissement dans le sous-sol marin',
	],
	[
		'D8',
		'Biological treatment not specified elsewhere, whose final compounds are discarded by a Section A operation',
		'Traitement biologique non spécifié ailleurs, dont les produits sont éliminés par une opération de la section A',
	],
	[
		'D9',
		'Physico-chemical treatment not specified elsewhere (e.g. evaporation, drying, calcination, neutralisation, precipitation)',
		'Traitement physico-chimique non spécifié ailleurs (évaporation, séchage, calcination, neutralisation, précipitation, etc.)',
	],
	['D10', 'Incineration on land', 'Incinération à terre'],
	['D11', 'Incineration at sea', 'Incinération en mer'],
	[
		'D12',
		'Permanent storage (e.g. containers emplaced in a mine)',
		'Stockage permanent (conteneurs placés dans une mine, etc.)',
	],
	[
		'D13',
		'Blending or mixing before any Section A operation',
		'Regroupement ou mélange préalable à l’une des opérations de la section A',
	],
	[
		'D14',
		'Repackaging before any Section A operation',
		'Reconditionnement préalable à l’une des opérations de la section A',
	],
	[
		'D15',
		'Storage pending any Section A operation',
		'Stockage préalable à l’une des opérations de la section A',
	],
]

const RECOVERY: Row[] = [
	[
		'R1',
		'Use as a fuel (other than in direct incineration) or other means to generate energy',
		'Utilisation comme combustible (autrement qu’en incinération directe) ou autre moyen de produire de l’énergie',
	],
	['R2', 'Solvent reclamation/regeneration', 'Récupération ou régénération des solvants'],
	[
		'R3',
		'Recycling/reclamation of organic substances not used as solvents',
		'Recyclage ou récupération des substances organiques qui ne sont pas utilisées comme solvants',
	],
	[
		'R4',
		'Recycling/reclamation of metals and metal compounds',
		'Recyclage ou récupération des métaux et des composés métalliques',
	],
	[
		'R5',
		'Recycling/reclamation of other inorganic materials',
		'Recyclage ou récupération d’autres matières inorganiques',
	],
	['R6', 'Regeneration of acids or bases', 'Régénération des acides ou des bases'],
	[
		'R7',
		'Recovery of components used for pollution abatement',
		'Récupération des produits servant à capter les polluants',
	],
	[
		'R8',
		'Recovery of components from catalysts',
		'Récupération des produits provenant des catalyseurs',
	],
	[
		'R9',
		'Used-oil re-refining or other reuses of previously used oil',
		'Régénération ou autres réemplois des huiles usées',
	],
	[
		'R10',
		'Land treatment resulting in benefit to agriculture or ecological improvement',
		'Épandage sur le sol au profit de l’agriculture ou de l’écologie',
	],
	[
		'R11',
		'Uses of residual materials obtained from any of the operations R1–R10',
		'Utilisation de matériaux résiduels obtenus à partir d’une des opérations R1 à R10',
	],
	[
		'R12',
		'Exchange of wastes for submission to any of the operations R1–R11',
		'Échange de déchets en vue de les soumettre à l’une des opérations R1 à R11',
	],
	[
		'R13',
		'Accumulation of material intended for any Section B operation',
		'Accumulation de matériaux destinés à l’une des opérations de la section B',
	],
]

const ANNEX_IV_SOURCE =
	'Basel Convention, Annex IV (disposal operations) as adopted in 1989 and in force since 5 May 1992. A revision of Annex IV was on the agenda of COP-17 (2025); whether it was adopted is not verified, and an adopted revision needs a new release. Labels are short names (reconstructed); French labels are draft translations.'

/** Annex IV Section A: operations that do not lead to recovery (D1–D15). */
export const BASEL_DISPOSAL_OPERATIONS: CodeList<OperationEntry> = {
	id: 'basel-d',
	version: '1992.1',
	date: IN_FORCE,
	source: ANNEX_IV_SOURCE,
	entries: DISPOSAL.map(([code, en, fr]) => ({ code, labels: labels(en, fr), section: 'A' })),
}

/** Annex IV Section B: operations that may lead to recovery (R1–R13). */
export const BASEL_RECOVERY_OPERATIONS: CodeList<OperationEntry> = {
	id: 'basel-r',
	version: '1992.1',
	date: IN_FORCE,
	source: ANNEX_IV_SOURCE,
	entries: RECOVERY.map(([code, en, fr]) => ({ code, labels: labels(en, fr), section: 'B' })),
}

function annexEntry([code, en, fr]: Row, dated: Dated = { validFrom: IN_FORCE }): AnnexListEntry {
	return { code, labels: labels(en, fr), annex: code.startsWith('A') ? 'VIII' : 'IX', ...dated }
}

/**
 * A partial selection of Annex VIII (list A) and Annex IX (list B): the entries the forms-content
 * research names (A1180/A1181, A3210, B3010/B3011, B1110, B4030) and the entries most often seen in
 * reported movements (lead-acid batteries, e-waste, oils, PCB, clinical and pharmaceutical wastes,
 * metal, paper, textile and tyre scrap). It is NOT all of Annex VIII and IX: the full lists should
 * be loaded from the official Annexes as a later release. Entries in the Annexes since the
 * Convention's list amendments of 1998 (decision IV/9) are dated from 1998-11-06 (reconstructed).
 */
const LISTS_OF_1998 = '1998-11-06'

export const BASEL_ANNEX_LISTS: CodeList<AnnexListEntry> = {
	id: 'basel-annex-viii-ix',
	version: '2025.1',
	date: E_WASTE,
	source:
		'PARTIAL: a selection of Basel Convention Annex VIII (list A) and Annex IX (list B) entries, not the whole Annexes. Annexes VIII and IX as added by decision IV/9 (1998; dates reconstructed), amended by decision BC-14/12 (A3210 and B3011, B3010 deleted, effective 1 January 2021) and decision BC-15/18 (A1181 replacing A1180, B1110 and B4030 deleted, effective 1 January 2025). Labels are our own short summaries of the entries (reconstructed, not the official wording); French labels are draft translations.',
	entries: [
		annexEntry(
			[
				'A1010',
				'Metal wastes and alloys of antimony, arsenic, beryllium, cadmium, lead, mercury, selenium, tellurium or thallium',
				'Déchets de métaux et d’alliages d’antimoine, d’arsenic, de béryllium, de cadmium, de plomb, de mercure, de sélénium, de tellure ou de thallium',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A1020',
				'Wastes with antimony, beryllium, cadmium, lead, selenium or tellurium compounds as constituents or contaminants',
				'Déchets ayant comme constituants ou contaminants des composés d’antimoine, de béryllium, de cadmium, de plomb, de sélénium ou de tellure',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A1030',
				'Wastes with arsenic, mercury or thallium as constituents or contaminants',
				'Déchets ayant comme constituants ou contaminants de l’arsenic, du mercure ou du thallium',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A1160',
				'Waste lead-acid batteries, whole or crushed',
				'Accumulateurs électriques au plomb et à l’acide, entiers ou concassés',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A1170',
				'Unsorted waste batteries (excluding mixtures of list B batteries only)',
				'Accumulateurs électriques et piles usagés non triés (sauf mélanges de seuls accumulateurs de la liste B)',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A1180',
				'Waste electrical and electronic assemblies or scrap with hazardous components (replaced by A1181)',
				'Assemblages électriques et électroniques usagés ou sous forme de débris contenant des composants dangereux (remplacé par A1181)',
			],
			{ validFrom: LISTS_OF_1998, validUntil: '2024-12-31', amendment: 'BC-15/18' },
		),
		annexEntry(
			[
				'A1181',
				'Hazardous waste electrical and electronic equipment, its components and wastes from its processing',
				'Déchets dangereux d’équipements électriques et électroniques, de leurs composants et de leur traitement',
			],
			{ validFrom: E_WASTE, amendment: 'BC-15/18' },
		),
		annexEntry(
			[
				'A2010',
				'Glass waste from cathode-ray tubes and other activated glasses',
				'Déchets de verre provenant de tubes cathodiques et d’autres verres activés',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			['A2050', 'Waste asbestos (dusts and fibres)', 'Déchets d’amiante (poussières et fibres)'],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A3020',
				'Waste mineral oils unfit for their originally intended use',
				'Huiles minérales usagées impropres à l’usage initialement prévu',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A3180',
				'Wastes and articles containing or contaminated with PCB, PCT, PCN or PBB (50 mg/kg or more)',
				'Déchets et articles contenant des PCB, PCT, PCN ou PBB ou contaminés par eux (50 mg/kg ou plus)',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A3210',
				'Hazardous plastic waste (containing Annex I constituents to an extent that it has an Annex III characteristic)',
				'Déchets plastiques dangereux (contenant des constituants de l’annexe I au point de présenter une caractéristique de l’annexe III)',
			],
			{ validFrom: PLASTIC, amendment: 'BC-14/12' },
		),
		annexEntry(
			[
				'A4010',
				'Wastes from the production, preparation and use of pharmaceutical products',
				'Déchets de la production, de la préparation et de l’utilisation de produits pharmaceutiques',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(['A4020', 'Clinical and related wastes', 'Déchets cliniques et apparentés'], {
			validFrom: LISTS_OF_1998,
		}),
		annexEntry(
			[
				'A4030',
				'Wastes from the production, formulation and use of biocides and phytopharmaceuticals',
				'Déchets de la production, de la préparation et de l’utilisation de biocides et de produits phytopharmaceutiques',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A4060',
				'Waste oils/water, hydrocarbons/water mixtures, emulsions',
				'Mélanges et émulsions huile/eau ou hydrocarbure/eau',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A4070',
				'Wastes from the production, formulation and use of inks, dyes, pigments, paints, lacquers, varnish',
				'Déchets de la production, de la préparation et de l’utilisation d’encres, de colorants, de pigments, de peintures, de laques ou de vernis',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'A4160',
				'Spent activated carbon not on list B',
				'Charbon actif usagé ne figurant pas sur la liste B',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'B1010',
				'Metal and metal-alloy wastes in metallic, non-dispersible form',
				'Déchets de métaux et de leurs alliages sous forme métallique non dispersible',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'B1110',
				'Electrical and electronic assemblies without hazardous components (deleted)',
				'Assemblages électriques et électroniques sans composants dangereux (supprimé)',
			],
			{ validFrom: LISTS_OF_1998, validUntil: '2024-12-31', amendment: 'BC-15/18' },
		),
		annexEntry(
			[
				'B1250',
				'Waste end-of-life motor vehicles containing neither liquids nor other hazardous components',
				'Véhicules à moteur en fin de vie ne contenant ni liquides ni autres composants dangereux',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'B3010',
				'Solid plastic waste (replaced by B3011)',
				'Déchets de matières plastiques sous forme solide (remplacé par B3011)',
			],
			{ validFrom: LISTS_OF_1998, validUntil: '2020-12-31', amendment: 'BC-14/12' },
		),
		annexEntry(
			[
				'B3011',
				'Plastic waste presumed non-hazardous, almost free from contamination, destined for recycling',
				'Déchets plastiques présumés non dangereux, presque exempts de contamination, destinés au recyclage',
			],
			{ validFrom: PLASTIC, amendment: 'BC-14/12' },
		),
		annexEntry(
			[
				'B3020',
				'Paper, paperboard and paper product wastes',
				'Déchets de papier, de carton et de produits en papier',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(['B3030', 'Textile wastes', 'Déchets textiles'], { validFrom: LISTS_OF_1998 }),
		annexEntry(
			[
				'B3140',
				'Waste pneumatic tyres, excluding those destined for Annex IV A operations',
				'Pneumatiques usagés, sauf ceux destinés aux opérations de l’annexe IV A',
			],
			{ validFrom: LISTS_OF_1998 },
		),
		annexEntry(
			[
				'B4030',
				'Used single-use cameras with batteries not on list A (deleted)',
				'Appareils photographiques jetables usagés avec piles ne figurant pas sur la liste A (supprimé)',
			],
			{ validFrom: LISTS_OF_1998, validUntil: '2024-12-31', amendment: 'BC-15/18' },
		),
	],
}

/** Codes of a dated list added by an amendment (in the Annexes from `validFrom`). */
export function codesAddedOn(list: CodeList<CodeListEntry & Dated>, date: string): string[] {
	return list.entries.filter((entry) => entry.validFrom === date).map((entry) => entry.code)
}

/** Codes of a dated list an amendment deleted (last in the Annexes on `validUntil`). */
export function codesDeletedAfter(list: CodeList<CodeListEntry & Dated>, date: string): string[] {
	return list.entries.filter((entry) => entry.validUntil === date).map((entry) => entry.code)
}

/** The Annex II codes ("other wastes"), for which no hazardous characteristic is asked. */
export function otherWasteCodes(): string[] {
	return BASEL_WASTE_CATEGORIES.entries
		.filter((entry) => entry.annex === 'II')
		.map((entry) => entry.code)
}

export const BASEL_AMENDMENT_DATES = { plastic: PLASTIC, eWaste: E_WASTE } as const
