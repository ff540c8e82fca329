import type { CodeList, CodeListEntry } from './types.ts'

export interface UnitEntry extends CodeListEntry {
	/** What the unit measures; conversions are only meaningful within one dimension. */
	dimension: 'mass' | 'mass_rate' | 'toxic_equivalent_rate' | 'volume' | 'area' | 'count' | 'money'
	/** Factor to the dimension's canonical unit (kg, kg/yr, g TEQ/yr, l, ha, 1, USD). */
	toCanonical: number
}

export const UNITS: CodeList<UnitEntry> = {
	id: 'units',
	version: '2025.1',
	date: '2025-05-09',
	source:
		'forms-content.md §0, §1.4, §2.2, §6.3 (kg for Art. 15 statistics, g TEQ/yr for Art. 5, kg a.i. for DDT).',
	entries: [
		{ code: 'kg', labels: { en: 'kg', fr: 'kg' }, dimension: 'mass', toCanonical: 1 },
		{ code: 't', labels: { en: 'tonnes', fr: 'tonnes' }, dimension: 'mass', toCanonical: 1000 },
		{
			code: 'kg_ai',
			labels: { en: 'kg of active ingredient', fr: 'kg de matière active' },
			dimension: 'mass',
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
