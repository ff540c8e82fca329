import type { Condition, TableColumn } from './types.ts'

/** Markers a reported quantity accepts: no data, or withheld. */
export const QUANTITY_MARKERS = ['not_available', 'confidential'] as const

/**
 * A quantity column in metric tonnes (never negative), as the Basel (wastes) and Minamata
 * (mercury trade and stocks) reports ask them.
 */
export function tonnes(id: string, required: boolean | Condition = true): TableColumn {
	return {
		id,
		type: 'decimal',
		unit: 't',
		min: 0,
		required,
		markers: [...QUANTITY_MARKERS],
	}
}
