import { describe, expect, it } from 'vitest'
import { DASHBOARD_STATUSES } from '../../domain/dashboard.ts'
import { STATUS_ORDER, STATUS_STYLES, type Pattern } from './world-map.tsx'

/** What a pattern looks like without its colour: its kind, and for stripes their direction. */
function shape(pattern: Pattern) {
	return 'lines' in pattern
		? `lines ${((pattern.lines % 180) + 180) % 180}°`
		: Object.keys(pattern)[0]
}

describe('map styles', () => {
	it('tell every status apart without colour: a shape of its own (no two stripes in one direction)', () => {
		expect([...STATUS_ORDER].sort()).toEqual([...DASHBOARD_STATUSES].sort())
		const shapes = STATUS_ORDER.map((status) => shape(STATUS_STYLES[status].pattern))
		expect(new Set(shapes).size).toBe(shapes.length)
	})

	it('and a colour of its own', () => {
		const fills = STATUS_ORDER.map((status) => STATUS_STYLES[status].fill.toLowerCase())
		expect(new Set(fills).size).toBe(fills.length)
	})
})
