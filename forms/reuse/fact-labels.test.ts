import { describe, expect, it } from 'vitest'
import { chemicalName, dimensionLabels, dimensionValueLabel } from './fact-labels.ts'

describe('the classification of a fact as people read it', () => {
	it('names a chemical identified by its CAS number in the reader’s language', () => {
		expect(chemicalName('cas:50-29-3', 'en')).toMatch(/^DDT \(/)
		expect(chemicalName('cas:50-29-3', 'ru')).toMatch(/^ДДТ \(/)
		expect(chemicalName('cas:50-29-3', 'zh')).toMatch(/^滴滴涕/)
	})

	it('names a chemical identified by list and code (no single CAS number), and keeps an unknown one', () => {
		expect(chemicalName('sc-chemicals:PFOS', 'fr')).toMatch(/^Acide perfluorooctane sulfonique/)
		expect(chemicalName('cas:0-00-0', 'en')).toBe('cas:0-00-0')
	})

	it('names partner countries and codes of a list, and keeps years and periods', () => {
		expect(
			dimensionLabels(
				{
					chemical: 'cas:1163-19-5',
					country: 'DEU',
					year: '2021',
					period: '2018-01-01/2021-12-31',
				},
				'es',
			),
		).toEqual({
			chemical: 'Éter de decabromodifenilo (mezcla comercial, c-decaBDE)',
			country: 'Alemania',
			year: '2021',
			period: '2018-01-01/2021-12-31',
		})
		expect(dimensionValueLabel('code:basel-y', 'Y10', 'en')).not.toBe('Y10')
	})
})
