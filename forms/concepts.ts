/**
 * Concept registry: ids that identify *what* an answer means independently of form, version,
 * label and position, as the "QuestionPipeAlias" of the Secretariat's electronic reporting system
 * identifies similar questions across surveys. Cross-convention analysis and answer reuse join on
 * these ids, never on label text. The ids name the obligations the conventions' reports share
 * (Stockholm Art. 15, Basel Art. 13, Rotterdam, Minamata Art. 21); entries marked `addedHere` were
 * added for questions of these forms that the shared list did not cover.
 *
 * `reuse`: `direct` (same value carries over), `derive` (computed from other data), `prefill`
 * (proposed for confirmation), `link` (reference only).
 */
export interface Concept {
	id: string
	description: string
	reuse: 'direct' | 'derive' | 'prefill' | 'link'
	addedHere?: true
}

export const CONCEPTS = [
	{ id: 'PARTY.ID', description: 'Identity of the reporting Party.', reuse: 'direct' },
	{
		id: 'CONTACT.OCP',
		description: 'Official contact point (submits the report).',
		reuse: 'direct',
	},
	{
		id: 'CONTACT.NFP',
		description: 'National focal point (information exchange).',
		reuse: 'prefill',
	},
	{ id: 'CONTACT.CA', description: 'Competent authority (Basel).', reuse: 'direct' },
	{ id: 'CONTACT.DNA', description: 'Designated national authority (Rotterdam).', reuse: 'direct' },
	{ id: 'REPORT.PERIOD', description: 'Period covered by the report.', reuse: 'derive' },
	{
		id: 'REPORT.DATE',
		description: 'Date the report was submitted.',
		reuse: 'link',
		addedHere: true,
	},
	{
		id: 'LEG.MEASURE',
		description: 'Legal or administrative measure (title, date, reference, summary).',
		reuse: 'direct',
	},
	{ id: 'CHEM.ID', description: 'Chemical identity (name, CAS).', reuse: 'direct' },
	{ id: 'PROD.CHEM', description: 'Production quantity of a chemical per year.', reuse: 'direct' },
	{
		id: 'USE.CHEM',
		description: 'Quantity of a chemical used per year.',
		reuse: 'direct',
		addedHere: true,
	},
	{
		id: 'TRADE.IMPORT.CHEM',
		description: 'Imports of a chemical by origin, quantity, year.',
		reuse: 'derive',
	},
	{
		id: 'TRADE.EXPORT.CHEM',
		description: 'Exports of a chemical by destination, quantity, year.',
		reuse: 'derive',
	},
	{
		id: 'TRADE.EXPORT.WASTE',
		description: 'Waste exports (t) by code and destination.',
		reuse: 'derive',
	},
	{
		id: 'TRADE.IMPORT.WASTE',
		description: 'Waste imports (t) by code and origin.',
		reuse: 'derive',
	},
	{ id: 'WASTE.GEN', description: 'Waste generation (t).', reuse: 'direct' },
	{
		id: 'FACILITY.DISPOSAL',
		description: 'Disposal and recovery facilities or options.',
		reuse: 'link',
	},
	{
		id: 'STOCK.CHEM',
		description: 'Stockpiles of a chemical (quantity, status).',
		reuse: 'direct',
	},
	{
		id: 'EXEMPTION.REG',
		description: 'Registered exemptions and acceptable purposes.',
		reuse: 'prefill',
	},
	{
		id: 'PLAN.NATIONAL',
		description: 'National plan (type, adoption date, update).',
		reuse: 'link',
	},
	{ id: 'RELEASE.INV', description: 'Release or emission inventory.', reuse: 'link' },
	{ id: 'CONTAM.SITE', description: 'Contaminated sites.', reuse: 'direct' },
	{
		id: 'AWARENESS',
		description: 'Public information, awareness and education.',
		reuse: 'prefill',
	},
	{ id: 'RESEARCH.MON', description: 'Research and monitoring.', reuse: 'prefill' },
	{ id: 'TA.RECEIVED', description: 'Technical assistance received.', reuse: 'direct' },
	{ id: 'TA.PROVIDED', description: 'Technical assistance provided.', reuse: 'direct' },
	{ id: 'FIN.RECEIVED', description: 'Financial resources received.', reuse: 'direct' },
	{ id: 'FIN.PROVIDED', description: 'Financial resources provided.', reuse: 'direct' },
	{ id: 'INFO.EXCHANGE', description: 'Information-exchange mechanism.', reuse: 'prefill' },
	{ id: 'ACCIDENT', description: 'Accidents and incidents.', reuse: 'link' },
	{ id: 'ILLEGAL.TRAFFIC', description: 'Illegal traffic or illegal use.', reuse: 'link' },
	{ id: 'CHALLENGES', description: 'Obstacles, needs and comments.', reuse: 'prefill' },
	{
		id: 'ALTERNATIVES',
		description: 'Alternatives to a chemical (products, methods, strategies).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'PCB.ELIMINATION',
		description: 'Progress towards eliminating PCB (Annex A Part II).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'EFFECTIVENESS',
		description: 'Effectiveness evaluation and global monitoring (Art. 16).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'WASTE.DEFINITION',
		description: 'National definitions of waste and hazardous waste (Basel Art. 3).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'TRADE.RESTRICTION.WASTE',
		description: 'Bans or restrictions on the export, import or transit of wastes.',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'TRADE.DOCUMENTS',
		description: 'Notification, movement and consent documents for transboundary movements.',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'TRADE.CONTROL',
		description: 'Border and customs control of transboundary movements (e.g. HS codes).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'WASTE.REDUCTION',
		description: 'Measures to reduce waste generation or transboundary movements.',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'AGREEMENT.TRANSBOUNDARY',
		description: 'Bilateral, multilateral or regional agreements on transboundary movements.',
		reuse: 'link',
		addedHere: true,
	},
	{
		id: 'WASTE.MOVEMENT.FAILED',
		description: 'Transboundary movements whose disposal did not proceed as intended.',
		reuse: 'link',
		addedHere: true,
	},
	// Rotterdam report (forms/rotterdam-report).
	{
		id: 'CHEM.LABELLING',
		description:
			'Labelling and safety data sheets required for exported or imported chemicals (Rotterdam Art. 13).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'IMPL.INFRASTRUCTURE',
		description:
			'National infrastructure and institutions for implementing a convention (e.g. Rotterdam Art. 15(1)).',
		reuse: 'prefill',
		addedHere: true,
	},
	// Minamata Convention national report (Art. 21): obligations no other form's concepts cover.
	{
		id: 'MERCURY.PRODUCTS',
		description: 'Measures on mercury-added products (Minamata Art. 4, Annex A).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'MERCURY.PROCESSES',
		description:
			'Manufacturing processes using mercury or mercury compounds (Minamata Art. 5, Annex B).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'ASGM',
		description:
			'Artisanal and small-scale gold mining and its national action plan (Minamata Art. 7).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'EMISSION.CONTROL',
		description:
			'Measures controlling emissions from point sources (BAT/BEP, limit values; Minamata Art. 8).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'STORAGE.INTERIM',
		description: 'Environmentally sound interim storage of mercury (Minamata Art. 10).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'WASTE.ESM',
		description:
			'Environmentally sound management of wastes (e.g. mercury wastes, Minamata Art. 11).',
		reuse: 'prefill',
		addedHere: true,
	},
	{
		id: 'HEALTH',
		description:
			'Health aspects: programmes, care and prevention for exposed populations (Minamata Art. 16).',
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
