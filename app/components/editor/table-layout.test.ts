import { describe, expect, it } from 'vitest'
import type { TableColumn } from '#forms/types.ts'
import { tableGridTemplate } from './table-layout.ts'

const chemical: TableColumn = { id: 'chemical', type: 'chemical', readOnly: true }
const year: TableColumn = { id: 'year', type: 'year', readOnly: true }
const quantity: TableColumn = { id: 'kg', type: 'decimal', markers: ['not_available'] }
const estimate: TableColumn = { id: 'estimate', type: 'checkbox' }

describe('tableGridTemplate', () => {
	it('gives one track per column shown, the first taking the width left over', () => {
		const { template, minWidthRem } = tableGridTemplate({
			dimensionColumns: [chemical, year],
			editableColumns: [quantity, estimate],
			rowNumbers: false,
			rowActions: false,
			markers: true,
		})
		expect(template).toBe('minmax(16rem, 1fr) 5rem 11.5rem 6rem')
		expect(minWidthRem).toBe(38.5)
	})

	it('adds the row number and action columns of open tables, and no marker room when read-only', () => {
		const { template } = tableGridTemplate({
			dimensionColumns: [],
			editableColumns: [quantity],
			rowNumbers: true,
			rowActions: true,
			markers: false,
		})
		expect(template).toBe('3rem 8.75rem 6rem')
	})

	it('keeps the columns that name a row in view, within a limit, and the actions at the end', () => {
		const fixed = tableGridTemplate({
			dimensionColumns: [chemical, year],
			editableColumns: [quantity, estimate],
			rowNumbers: false,
			rowActions: false,
			markers: true,
		})
		expect(fixed.sticky).toEqual({ offsetsRem: [0, 16], startWidthRem: 21, endWidthRem: 0 })

		const picker: TableColumn = { id: 'country', type: 'country' }
		const open = tableGridTemplate({
			dimensionColumns: [],
			editableColumns: [picker, quantity],
			rowNumbers: true,
			rowActions: true,
			markers: true,
		})
		expect(open.sticky).toEqual({ offsetsRem: [0, 3], startWidthRem: 17, endWidthRem: 6 })

		const wide: TableColumn = { id: 'many', type: 'country', multiple: true, readOnly: true }
		const capped = tableGridTemplate({
			dimensionColumns: [chemical, wide],
			editableColumns: [quantity],
			rowNumbers: false,
			rowActions: false,
			markers: false,
		})
		expect(capped.sticky.offsetsRem).toEqual([0])
	})
})
