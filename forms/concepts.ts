/**
 * Concept registry: ids that identify *what* an answer means independently of form, version,
 * label and position, as the "QuestionPipeAlias" of the Secretariat's electronic reporting system
 * identifies similar questions across surveys. Cross-convention analysis (`forms/commonality.ts`)
 * and answer reuse join on these ids, never on label text. The ids and their reuse follow the
 * concept mapping table of the shared reference (forms-content §6.2, itself a prototype drawn from
 * the Stockholm Art. 15, Basel Art. 13(3), Rotterdam and Minamata Art. 21 formats); entries marked
 * `addedHere` were added for questions of these forms that the shared list did not cover. See
 * docs/decisions/014-concept-registry-and-reuse.md.
 *
 * Each concept says:
 * - `description`: its definition (English; not user-facing UI text, the analysis shows the forms'
 *   own question texts in the user's language),
 * - `group`: the concept group of forms-content §6.1 it belongs to,
 * - `dimension`: what an answer measures (`mass` converts between kg and t, see
 *   `forms/codelists/units.ts`; `mass-teq` is a toxic-equivalent quantity, never a plain mass),
 * - `classification`: how the forms classify what the answer is about (chemicals by CAS number,
 *   wastes by the Basel Y/H/A-B/D/R codes, goods by HS code, entries of a convention's annexes),
 * - `period`: the time an answer refers to (a calendar year, the reporting window, a point in
 *   time such as the end of the period, or none),
 * - `reuse`: how an answer can flow between forms: `direct` (the same value carries over),
 *   `derive` (computed from other data, with the `conversion` stated), `prefill` (proposed for
 *   confirmation), `link` (a reference only).
 */

export const CONCEPT_GROUPS = [
	'identity',
	'contacts',
	'legal',
	'chemicals',
	'wastes',
	'plans',
	'releases',
	'cooperation',
	'information',
	'incidents',
	'challenges',
] as const
export type ConceptGroup = (typeof CONCEPT_GROUPS)[number]

export const CONCEPT_DIMENSIONS = [
	'mass',
	'mass-teq',
	'money',
	'count',
	'date',
	'text',
	'contact',
	'code',
	'none',
] as const
export type ConceptDimension = (typeof CONCEPT_DIMENSIONS)[number]

export const CLASSIFICATIONS = ['cas', 'basel-codes', 'hs', 'annex-entries', 'none'] as const
export type Classification = (typeof CLASSIFICATIONS)[number]

export const PERIOD_SEMANTICS = [
	'calendar-year',
	'reporting-period',
	'point-in-time',
	'none',
] as const
export type PeriodSemantics = (typeof PERIOD_SEMANTICS)[number]

export const REUSE_KINDS = ['direct', 'derive', 'prefill', 'link'] as const
export type Reuse = (typeof REUSE_KINDS)[number]

/** How a `derive` concept's quantities are made comparable: converted to one unit, then aggregated. */
export interface Conversion {
	/**
	 * Unit code of `forms/codelists/units.ts` every quantity is converted to (`convertQuantity`);
	 * absent when the value is not a quantity.
	 */
	canonicalUnit?: string
	/** What is summed or matched before comparing (e.g. partner-country rows into yearly totals). */
	aggregation: string
}

export interface Concept {
	id: string
	description: string
	group: ConceptGroup
	dimension: ConceptDimension
	classification: Classification
	period: PeriodSemantics
	reuse: Reuse
	/** Only with `reuse: 'derive'`. */
	conversion?: Conversion
	addedHere?: true
}

/** Trade in chemicals (Stockholm Art. 15(2), DDT, Rotterdam, Minamata) in kilograms per year. */
const CHEMICAL_TRADE: Conversion = {
	canonicalUnit: 'kg',
	aggregation: 'partner-country rows summed per chemical and calendar year',
}
/** Basel reports wastes in metric tonnes per row; Stockholm Art. 6 in kilograms. */
const WASTE_TRADE: Conversion = {
	canonicalUnit: 'kg',
	aggregation: 'movement rows summed per waste code, partner country and calendar year',
}

export const CONCEPTS = [
	{
		id: 'PARTY.ID',
		description: 'Identity of the reporting Party.',
		group: 'identity',
		dimension: 'code',
		classification: 'none',
		period: 'none',
		reuse: 'direct',
	},
	{
		id: 'CONTACT.OCP',
		description: 'Official contact point (submits the report).',
		group: 'contacts',
		dimension: 'contact',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'direct',
	},
	{
		id: 'CONTACT.NFP',
		description: 'National focal point (information exchange).',
		group: 'contacts',
		dimension: 'contact',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'prefill',
	},
	{
		id: 'CONTACT.CA',
		description: 'Competent authority (Basel).',
		group: 'contacts',
		dimension: 'contact',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'direct',
	},
	{
		id: 'CONTACT.DNA',
		description: 'Designated national authority (Rotterdam).',
		group: 'contacts',
		dimension: 'contact',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'direct',
	},
	{
		id: 'REPORT.PERIOD',
		description: 'Period covered by the report.',
		group: 'identity',
		dimension: 'date',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'derive',
		conversion: {
			aggregation: 'set from the reporting cycle: first and last calendar year of its window',
		},
	},
	{
		id: 'REPORT.DATE',
		description: 'Date the report was submitted.',
		group: 'identity',
		dimension: 'date',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'link',
		addedHere: true,
	},
	{
		id: 'LEG.MEASURE',
		description: 'Legal or administrative measure (title, date, reference, summary).',
		group: 'legal',
		dimension: 'text',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'direct',
	},
	{
		id: 'CHEM.ID',
		description: 'Chemical identity (name, CAS).',
		group: 'chemicals',
		dimension: 'code',
		classification: 'cas',
		period: 'none',
		reuse: 'direct',
	},
	{
		id: 'PROD.CHEM',
		description: 'Production quantity of a chemical per year.',
		group: 'chemicals',
		dimension: 'mass',
		classification: 'cas',
		period: 'calendar-year',
		reuse: 'direct',
	},
	{
		id: 'USE.CHEM',
		description: 'Quantity of a chemical used per year.',
		group: 'chemicals',
		dimension: 'mass',
		classification: 'cas',
		period: 'calendar-year',
		reuse: 'direct',
		addedHere: true,
	},
	{
		id: 'TRADE.IMPORT.CHEM',
		description: 'Imports of a chemical by origin, quantity, year.',
		group: 'chemicals',
		dimension: 'mass',
		classification: 'cas',
		period: 'calendar-year',
		reuse: 'derive',
		conversion: CHEMICAL_TRADE,
	},
	{
		id: 'TRADE.EXPORT.CHEM',
		description: 'Exports of a chemical by destination, quantity, year.',
		group: 'chemicals',
		dimension: 'mass',
		classification: 'cas',
		period: 'calendar-year',
		reuse: 'derive',
		conversion: CHEMICAL_TRADE,
	},
	{
		id: 'TRADE.EXPORT.WASTE',
		description: 'Waste exports (t) by code and destination.',
		group: 'wastes',
		dimension: 'mass',
		classification: 'basel-codes',
		period: 'calendar-year',
		reuse: 'derive',
		conversion: WASTE_TRADE,
	},
	{
		id: 'TRADE.IMPORT.WASTE',
		description: 'Waste imports (t) by code and origin.',
		group: 'wastes',
		dimension: 'mass',
		classification: 'basel-codes',
		period: 'calendar-year',
		reuse: 'derive',
		conversion: WASTE_TRADE,
	},
	{
		id: 'WASTE.GEN',
		description: 'Waste generation (t).',
		group: 'wastes',
		dimension: 'mass',
		classification: 'basel-codes',
		period: 'calendar-year',
		reuse: 'direct',
	},
	{
		id: 'FACILITY.DISPOSAL',
		description: 'Disposal and recovery facilities or options.',
		group: 'wastes',
		dimension: 'text',
		classification: 'basel-codes',
		period: 'point-in-time',
		reuse: 'link',
	},
	{
		id: 'STOCK.CHEM',
		description: 'Stockpiles of a chemical (quantity, status).',
		group: 'chemicals',
		dimension: 'mass',
		classification: 'cas',
		period: 'point-in-time',
		reuse: 'direct',
	},
	{
		id: 'EXEMPTION.REG',
		description: 'Registered exemptions and acceptable purposes.',
		group: 'legal',
		dimension: 'text',
		classification: 'annex-entries',
		period: 'point-in-time',
		reuse: 'prefill',
	},
	{
		id: 'PLAN.NATIONAL',
		description: 'National plan (type, adoption date, update).',
		group: 'plans',
		dimension: 'date',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'link',
	},
	{
		id: 'RELEASE.INV',
		description: 'Release or emission inventory.',
		group: 'releases',
		dimension: 'mass-teq',
		classification: 'annex-entries',
		period: 'calendar-year',
		reuse: 'link',
	},
	{
		id: 'CONTAM.SITE',
		description: 'Contaminated sites.',
		group: 'releases',
		dimension: 'count',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'direct',
	},
	{
		id: 'AWARENESS',
		description: 'Public information, awareness and education.',
		group: 'information',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
	},
	{
		id: 'RESEARCH.MON',
		description: 'Research and monitoring.',
		group: 'information',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
	},
	{
		id: 'TA.RECEIVED',
		description: 'Technical assistance received.',
		group: 'cooperation',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'direct',
	},
	{
		id: 'TA.PROVIDED',
		description: 'Technical assistance provided.',
		group: 'cooperation',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'direct',
	},
	{
		id: 'FIN.RECEIVED',
		description: 'Financial resources received.',
		group: 'cooperation',
		dimension: 'money',
		classification: 'none',
		period: 'calendar-year',
		reuse: 'direct',
	},
	{
		id: 'FIN.PROVIDED',
		description: 'Financial resources provided.',
		group: 'cooperation',
		dimension: 'money',
		classification: 'none',
		period: 'calendar-year',
		reuse: 'direct',
	},
	{
		id: 'INFO.EXCHANGE',
		description: 'Information-exchange mechanism.',
		group: 'information',
		dimension: 'text',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'prefill',
	},
	{
		id: 'ACCIDENT',
		description: 'Accidents and incidents.',
		group: 'incidents',
		dimension: 'text',
		classification: 'basel-codes',
		period: 'calendar-year',
		reuse: 'link',
	},
	{
		id: 'ILLEGAL.TRAFFIC',
		description: 'Illegal traffic or illegal use.',
		group: 'incidents',
		dimension: 'text',
		classification: 'basel-codes',
		period: 'calendar-year',
		reuse: 'link',
	},
	{
		id: 'CHALLENGES',
		description: 'Obstacles, needs and comments.',
		group: 'challenges',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
	},
	{
		id: 'ALTERNATIVES',
		description: 'Alternatives to a chemical (products, methods, strategies).',
		group: 'chemicals',
		dimension: 'text',
		classification: 'cas',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'PCB.ELIMINATION',
		description: 'Progress towards eliminating PCB (Annex A Part II).',
		group: 'chemicals',
		dimension: 'mass',
		classification: 'annex-entries',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'EFFECTIVENESS',
		description: 'Effectiveness evaluation and global monitoring (Art. 16).',
		group: 'information',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'WASTE.DEFINITION',
		description: 'National definitions of waste and hazardous waste (Basel Art. 3).',
		group: 'legal',
		dimension: 'text',
		classification: 'basel-codes',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'TRADE.RESTRICTION.WASTE',
		description: 'Bans or restrictions on the export, import or transit of wastes.',
		group: 'legal',
		dimension: 'text',
		classification: 'basel-codes',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'TRADE.DOCUMENTS',
		description: 'Notification, movement and consent documents for transboundary movements.',
		group: 'legal',
		dimension: 'text',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'TRADE.CONTROL',
		description: 'Border and customs control of transboundary movements (e.g. HS codes).',
		group: 'legal',
		dimension: 'text',
		classification: 'hs',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'WASTE.REDUCTION',
		description: 'Measures to reduce waste generation or transboundary movements.',
		group: 'wastes',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'AGREEMENT.TRANSBOUNDARY',
		description: 'Bilateral, multilateral or regional agreements on transboundary movements.',
		group: 'cooperation',
		dimension: 'text',
		classification: 'basel-codes',
		period: 'point-in-time',
		reuse: 'link',
		addedHere: true,
	},
	{
		id: 'WASTE.MOVEMENT.FAILED',
		description: 'Transboundary movements whose disposal did not proceed as intended.',
		group: 'wastes',
		dimension: 'mass',
		classification: 'basel-codes',
		period: 'calendar-year',
		reuse: 'link',
		addedHere: true,
	},
	// Rotterdam report (forms/rotterdam-report).
	{
		id: 'CHEM.LABELLING',
		description:
			'Labelling and safety data sheets required for exported or imported chemicals (Rotterdam Art. 13).',
		group: 'chemicals',
		dimension: 'text',
		classification: 'cas',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'IMPL.INFRASTRUCTURE',
		description:
			'National infrastructure and institutions for implementing a convention (e.g. Rotterdam Art. 15(1)).',
		group: 'legal',
		dimension: 'text',
		classification: 'none',
		period: 'point-in-time',
		reuse: 'prefill',
		addedHere: true,
	},
	// Minamata Convention national report (Art. 21): obligations no other form's concepts cover.
	{
		id: 'MERCURY.PRODUCTS',
		description: 'Measures on mercury-added products (Minamata Art. 4, Annex A).',
		group: 'chemicals',
		dimension: 'text',
		classification: 'annex-entries',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'MERCURY.PROCESSES',
		description:
			'Manufacturing processes using mercury or mercury compounds (Minamata Art. 5, Annex B).',
		group: 'chemicals',
		dimension: 'text',
		classification: 'annex-entries',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'ASGM',
		description:
			'Artisanal and small-scale gold mining and its national action plan (Minamata Art. 7).',
		group: 'plans',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'EMISSION.CONTROL',
		description:
			'Measures controlling emissions from point sources (BAT/BEP, limit values; Minamata Art. 8).',
		group: 'releases',
		dimension: 'text',
		classification: 'annex-entries',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'STORAGE.INTERIM',
		description: 'Environmentally sound interim storage of mercury (Minamata Art. 10).',
		group: 'chemicals',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'WASTE.ESM',
		description:
			'Environmentally sound management of wastes (e.g. mercury wastes, Minamata Art. 11).',
		group: 'wastes',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'HEALTH',
		description:
			'Health aspects: programmes, care and prevention for exposed populations (Minamata Art. 16).',
		group: 'information',
		dimension: 'text',
		classification: 'none',
		period: 'reporting-period',
		reuse: 'prefill',
		addedHere: true,
	},
] as const satisfies readonly Concept[]

export type ConceptId = (typeof CONCEPTS)[number]['id']

const byId = new Map<string, Concept>(CONCEPTS.map((concept) => [concept.id, concept]))

export function getConcept(id: string): Concept | undefined {
	return byId.get(id)
}

export function isConceptId(id: string): id is ConceptId {
	return byId.has(id)
}

/** Every concept, in registry order (typed as `Concept`, whatever literal fields an entry has). */
export function listConcepts(): readonly Concept[] {
	return [...byId.values()]
}
