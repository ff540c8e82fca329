import type { CodeList, CodeListEntry } from './types.ts'

/**
 * What a unit measures. Conversions are only meaningful within one dimension. Mass of active
 * ingredient is its own dimension: a quantity of formulated product (e.g. a 75 % wettable powder)
 * becomes kg of active ingredient only with the product's concentration, which the unit alone
 * does not state, so `kg_ai` never converts to or from `kg`.
 */
export type UnitDimension =
	| 'mass'
	| 'active_ingredient_mass'
	| 'mass_rate'
	| 'toxic_equivalent_rate'
	| 'volume'
	| 'area'
	| 'count'
	| 'money'

export interface UnitEntry extends CodeListEntry {
	dimension: UnitDimension
	/** Factor to the dimension's canonical unit (kg, kg a.i., kg/yr, g TEQ/yr, l, ha, 1, USD). */
	toCanonical: number
}

/**
 * Units of the quantities the forms ask for: kilograms for the statistical data of Art. 15(2),
 * tonnes for PCB in equipment (Annex A Part II), grams of toxic equivalent (TEQ, Annex C Part IV)
 * per year for releases under Art. 5, kilograms of active ingredient for DDT (Annex B Part II
 * para 4 asks for the amount used).
 */
export const UNITS: CodeList<UnitEntry> = {
	id: 'units',
	version: '2025.2',
	date: '2025-05-09',
	source:
		'Units of the Convention’s reporting obligations: Art. 15(2) statistics (kg), Annex A Part II PCB (tonnes), Art. 5 and Annex C Part IV (g TEQ per year), Annex B Part II para 4 DDT (kg of active ingredient). 2025.2: kg of active ingredient no longer converts to kg.',
	entries: [
		{ code: 'kg', labels: { en: 'kg', fr: 'kg' }, dimension: 'mass', toCanonical: 1 },
		{ code: 't', labels: { en: 'tonnes', fr: 'tonnes' }, dimension: 'mass', toCanonical: 1000 },
		{
			code: 'kg_ai',
			labels: { en: 'kg of active ingredient', fr: 'kg de matière active' },
			dimension: 'active_ingredient_mass',
			toCanonical: 1,
		},
		{
			code: 'kg_per_year',
			labels: { en: 'kg per year', fr: 'kg par an' },
			dimension: 'mass_rate',
			toCanonical: 1,
		},
		{
			code: 'g_teq_per_year',
			labels: { en: 'g TEQ per year', fr: 'g TEQ par an' },
			dimension: 'toxic_equivalent_rate',
			toCanonical: 1,
		},
		{ code: 'l', labels: { en: 'litres', fr: 'litres' }, dimension: 'volume', toCanonical: 1 },
		{ code: 'ha', labels: { en: 'hectares', fr: 'hectares' }, dimension: 'area', toCanonical: 1 },
		{ code: 'count', labels: { en: 'number', fr: 'nombre' }, dimension: 'count', toCanonical: 1 },
		{
			code: 'structures',
			labels: { en: 'structures (houses) sprayed', fr: 'structures (habitations) traitées' },
			dimension: 'count',
			toCanonical: 1,
		},
		{
			code: 'usd',
			labels: { en: 'US dollars', fr: 'dollars des États-Unis' },
			dimension: 'money',
			toCanonical: 1,
		},
	],
}

const byCode = new Map(UNITS.entries.map((entry) => [entry.code, entry]))

/**
 * `value` in unit `from` expressed in unit `to`, or `undefined` when the units measure different
 * things (or are unknown): tonnes convert to kilograms, kilograms of active ingredient convert to
 * nothing but themselves.
 */
export function convertQuantity(value: number, from: string, to: string): number | undefined {
	const source = byCode.get(from)
	const target = byCode.get(to)
	if (!source || !target || source.dimension !== target.dimension) return undefined
	return (value * source.toCanonical) / target.toCanonical
}
