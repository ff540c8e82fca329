import type { CodeList, CodeListEntry, Labels } from './types.ts'

/**
 * Code lists of the Minamata Convention national report (Art. 21): the mercury-added products of
 * Annex A Part I with their phase-out dates, the manufacturing processes using mercury of Annex B,
 * and the point-source categories of emissions of Annex D.
 *
 * Sources: the text of the Convention (adopted 10 October 2013, in force 16 August 2017); the
 * amendments to Annex A adopted by decision MC-4/3 (COP-4, Bali, March 2022; in force 28 September
 * 2023) and decision MC-5/4 (COP-5, Geneva, November 2023). Labels are short summaries of the
 * Annexes' entries, not their official wording (reconstructed): the exclusions and thresholds of
 * each entry are in the Annex. French labels are draft translations to be checked against the
 * official French text. The dates of the COP-5 entries (and the COP-5 in-force date) were not
 * checked against the depositary notification: reconstructed.
 */

/** Entry into force of the Convention (Art. 31(1)). */
const IN_FORCE = '2017-08-16'
/** Decision MC-4/3: amendments to Annex A, in force 28 September 2023. */
const COP4_IN_FORCE = '2023-09-28'
/** Decision MC-5/4: amendments to Annex A (lamps); in force date reconstructed (one year after COP-5 communication). */
const COP5_IN_FORCE = '2025-03-08'

export type MinamataAmendment = 'MC-4/3' | 'MC-5/4'

export interface MercuryProductEntry extends CodeListEntry {
	/** Annex A Part I: manufacture, import and export not allowed after this date (Art. 4(1)). */
	phaseOut: string
	/** First day the entry is in Annex A (entry into force of the Convention or its amendment). */
	validFrom: string
	/** Day the Conference adopted the entry (what `adoptedOnOrBefore` filters on). */
	adoptedOn: string
	amendment?: MinamataAmendment
}

export interface MercuryProcessEntry extends CodeListEntry {
	/** Annex B Part I: phase-out date (Art. 5(2)); Part II: processes whose use is restricted (Art. 5(3)). */
	part: 'I' | 'II'
	phaseOut?: string
}

type Row = [code: string, en: string, fr: string]

function labels(en: string, fr: string): Labels {
	return { en, fr }
}

function product(
	[code, en, fr]: Row,
	phaseOut: string,
	dated: { validFrom: string; adoptedOn: string; amendment?: MinamataAmendment } = {
		validFrom: IN_FORCE,
		adoptedOn: '2013-10-10',
	},
): MercuryProductEntry {
	return { code, labels: labels(en, fr), phaseOut, ...dated }
}

const COP4 = { validFrom: COP4_IN_FORCE, adoptedOn: '2022-03-25', amendment: 'MC-4/3' } as const
const COP5 = { validFrom: COP5_IN_FORCE, adoptedOn: '2023-11-03', amendment: 'MC-5/4' } as const

/** Annex A Part I as adopted in 2013: phase-out date 2020 (Art. 4(1)). */
const ORIGINAL_PRODUCTS: Row[] = [
	[
		'A1_batteries',
		'Batteries (except button zinc silver oxide and zinc air batteries with mercury below 2 %)',
		'Piles (sauf piles boutons à l’oxyde d’argent-zinc et zinc-air contenant moins de 2 % de mercure)',
	],
	[
		'A1_switches_relays',
		'Switches and relays (except very high accuracy bridges and high-frequency switches and relays)',
		'Interrupteurs et relais (sauf ponts de très haute précision et interrupteurs et relais haute fréquence)',
	],
	[
		'A1_cfl_30w',
		'Compact fluorescent lamps for general lighting ≤ 30 W, more than 5 mg mercury per burner',
		'Lampes fluorescentes compactes d’éclairage général ≤ 30 W, plus de 5 mg de mercure par brûleur',
	],
	[
		'A1_lfl_triband_60w',
		'Linear fluorescent lamps, triband phosphor < 60 W, more than 5 mg mercury per lamp',
		'Lampes fluorescentes linéaires à triphosphore < 60 W, plus de 5 mg de mercure par lampe',
	],
	[
		'A1_lfl_halophosphate_40w',
		'Linear fluorescent lamps, halophosphate phosphor ≤ 40 W, more than 10 mg mercury per lamp',
		'Lampes fluorescentes linéaires à halophosphate ≤ 40 W, plus de 10 mg de mercure par lampe',
	],
	[
		'A1_hpmv',
		'High pressure mercury vapour lamps for general lighting',
		'Lampes à vapeur de mercure à haute pression d’éclairage général',
	],
	[
		'A1_ccfl_eefl',
		'Cold cathode and external electrode fluorescent lamps for electronic displays, above the mercury limits by length',
		'Lampes fluorescentes à cathode froide et à électrode externe pour affichages électroniques, au-delà des limites de mercure selon la longueur',
	],
	[
		'A1_cosmetics',
		'Cosmetics with mercury above 1 ppm, including skin-lightening soaps and creams',
		'Cosmétiques contenant plus de 1 ppm de mercure, y compris savons et crèmes éclaircissants',
	],
	[
		'A1_pesticides',
		'Pesticides, biocides and topical antiseptics',
		'Pesticides, biocides et antiseptiques locaux',
	],
	[
		'A1_non_electronic_measuring',
		'Non-electronic measuring devices (barometers, hygrometers, manometers, thermometers, sphygmomanometers)',
		'Instruments de mesure non électroniques (baromètres, hygromètres, manomètres, thermomètres, sphygmomanomètres)',
	],
]

/** Added by decision MC-4/3 (COP-4): phase-out date 2025. */
const COP4_PRODUCTS: Row[] = [
	[
		'A1_cfl_i',
		'Compact fluorescent lamps with integrated ballast (CFL.i) for general lighting ≤ 30 W, ≤ 5 mg mercury per burner',
		'Lampes fluorescentes compactes à ballast intégré (CFL.i) d’éclairage général ≤ 30 W, ≤ 5 mg de mercure par brûleur',
	],
	[
		'A1_lfl_halophosphate_all',
		'Linear fluorescent lamps, halophosphate phosphor, all wattages',
		'Lampes fluorescentes linéaires à halophosphate, toutes puissances',
	],
	[
		'A1_strain_gauges',
		'Strain gauges used in plethysmographs',
		'Jauges de contrainte utilisées dans les pléthysmographes',
	],
	[
		'A1_melt_pressure',
		'Melt pressure transducers, transmitters and sensors',
		'Transducteurs, transmetteurs et capteurs de pression de fusion',
	],
	['A1_vacuum_pumps', 'Mercury vacuum pumps', 'Pompes à vide au mercure'],
	[
		'A1_tire_balancers',
		'Tire balancers and wheel weights',
		'Équilibreuses de pneus et masses d’équilibrage de roues',
	],
	['A1_photo_film', 'Photographic film and paper', 'Films et papiers photographiques'],
	[
		'A1_propellant',
		'Propellant for satellites and spacecraft',
		'Propergol pour satellites et engins spatiaux',
	],
]

/** Added by decision MC-5/4 (COP-5): phase-out dates of 2026–2027 (reconstructed). */
const COP5_PRODUCTS: Row[] = [
	[
		'A1_cfl_ni',
		'Compact fluorescent lamps with non-integrated ballast (CFL.ni) for general lighting',
		'Lampes fluorescentes compactes à ballast non intégré (CFL.ni) d’éclairage général',
	],
	[
		'A1_lfl_t5',
		'Linear fluorescent lamps T5 (triband phosphor) for general lighting',
		'Lampes fluorescentes linéaires T5 (triphosphore) d’éclairage général',
	],
	[
		'A1_lfl_t8',
		'Linear fluorescent lamps T8 (triband phosphor) for general lighting',
		'Lampes fluorescentes linéaires T8 (triphosphore) d’éclairage général',
	],
]

export const MERCURY_PRODUCTS: CodeList<MercuryProductEntry> = {
	id: 'minamata-annex-a',
	version: '2023.1',
	date: '2023-11-03',
	source:
		'Minamata Convention, Annex A Part I (2013; phase-out 2020); entries added by decision MC-4/3 (COP-4, 2022; phase-out 2025; in force 28 September 2023) and decision MC-5/4 (COP-5, 3 November 2023; lamps, phase-out 2026–2027: dates and in-force date reconstructed, to be checked against the depositary notification). Labels are short summaries (reconstructed); French labels are draft translations.',
	entries: [
		...ORIGINAL_PRODUCTS.map((row) => product(row, '2020-12-31')),
		...COP4_PRODUCTS.map((row) => product(row, '2025-12-31', COP4)),
		product(COP5_PRODUCTS[0]!, '2026-12-31', COP5),
		product(COP5_PRODUCTS[1]!, '2027-12-31', COP5),
		product(COP5_PRODUCTS[2]!, '2027-12-31', COP5),
	],
}

export const MERCURY_PROCESSES: CodeList<MercuryProcessEntry> = {
	id: 'minamata-annex-b',
	version: '2013.1',
	date: '2013-10-10',
	source:
		'Minamata Convention, Annex B: Part I processes to be phased out (chlor-alkali production by 2025, acetaldehyde production by 2018), Part II processes whose use of mercury is restricted. Labels are short summaries (reconstructed); French labels are draft translations.',
	entries: [
		{
			code: 'B1_chlor_alkali',
			part: 'I',
			phaseOut: '2025-12-31',
			labels: labels('Chlor-alkali production', 'Production de chlore-alcali'),
		},
		{
			code: 'B1_acetaldehyde',
			part: 'I',
			phaseOut: '2018-12-31',
			labels: labels(
				'Acetaldehyde production using mercury or mercury compounds as a catalyst',
				'Production d’acétaldéhyde utilisant du mercure ou des composés du mercure comme catalyseur',
			),
		},
		{
			code: 'B2_vcm',
			part: 'II',
			labels: labels(
				'Vinyl chloride monomer production',
				'Production de chlorure de vinyle monomère',
			),
		},
		{
			code: 'B2_methylate',
			part: 'II',
			labels: labels(
				'Sodium or potassium methylate or ethylate production',
				'Production de méthylate ou d’éthylate de sodium ou de potassium',
			),
		},
		{
			code: 'B2_polyurethane',
			part: 'II',
			labels: labels(
				'Production of polyurethane using mercury-containing catalysts',
				'Production de polyuréthane à l’aide de catalyseurs contenant du mercure',
			),
		},
	],
}

export const EMISSION_SOURCES: CodeList = {
	id: 'minamata-annex-d',
	version: '2013.1',
	date: '2013-10-10',
	source:
		'Minamata Convention, Annex D: point-source categories of emissions of mercury and mercury compounds to the atmosphere (Art. 8). French labels are draft translations.',
	entries: [
		{
			code: 'D_coal_power',
			labels: labels('Coal-fired power plants', 'Centrales électriques alimentées au charbon'),
		},
		{
			code: 'D_coal_boilers',
			labels: labels(
				'Coal-fired industrial boilers',
				'Chaudières industrielles alimentées au charbon',
			),
		},
		{
			code: 'D_non_ferrous',
			labels: labels(
				'Smelting and roasting processes used in the production of non-ferrous metals (lead, zinc, copper and industrial gold)',
				'Procédés de fusion et de grillage utilisés dans la production de métaux non ferreux (plomb, zinc, cuivre et or industriel)',
			),
		},
		{
			code: 'D_waste_incineration',
			labels: labels('Waste incineration facilities', 'Installations d’incinération de déchets'),
		},
		{
			code: 'D_cement',
			labels: labels(
				'Cement clinker production facilities',
				'Installations de production de clinker de ciment',
			),
		},
	],
}
