import { describe, expect, it } from 'vitest'
import { convertQuantity, UNITS } from './units.ts'

describe('units', () => {
	it('converts within one dimension', () => {
		expect(convertQuantity(2.5, 't', 'kg')).toBe(2500)
		expect(convertQuantity(750, 'kg', 't')).toBe(0.75)
		expect(convertQuantity(12, 'kg_ai', 'kg_ai')).toBe(12)
	})

	it('never turns kg of active ingredient into kg (or back): the concentration is not stated', () => {
		expect(convertQuantity(100, 'kg_ai', 'kg')).toBeUndefined()
		expect(convertQuantity(100, 'kg', 'kg_ai')).toBeUndefined()
		expect(convertQuantity(1, 'kg_ai', 't')).toBeUndefined()
		const dimension = (code: string) =>
			UNITS.entries.find((entry) => entry.code === code)?.dimension
		expect(dimension('kg_ai')).not.toBe(dimension('kg'))
	})

	it('refuses units of other dimensions and unknown units', () => {
		expect(convertQuantity(1, 'kg', 'kg_per_year')).toBeUndefined()
		expect(convertQuantity(1, 'g_teq_per_year', 'kg_per_year')).toBeUndefined()
		expect(convertQuantity(1, 'kg', 'pounds')).toBeUndefined()
	})
})
