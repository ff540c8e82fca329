import { describe, expect, it } from 'vitest'
import { gridMove, isMarkerMenuKey, type ControlKind, type GridKey } from './grid-keys.ts'

function key(name: string, modifiers: Partial<GridKey> = {}): GridKey {
	return { key: name, altKey: false, ctrlKey: false, shiftKey: false, metaKey: false, ...modifiers }
}

function control(
	kind: ControlKind,
	caret: 'start' | 'middle' | 'end' | 'empty' = 'empty',
	rtl = false,
) {
	return {
		kind,
		rtl,
		atStart: caret === 'start' || caret === 'empty',
		atEnd: caret === 'end' || caret === 'empty',
	}
}

describe('gridMove', () => {
	it('moves up and down from every control that does not use those arrows itself', () => {
		for (const kind of ['text', 'combobox', 'select', 'checkbox', 'button'] as const) {
			expect(gridMove(key('ArrowDown'), control(kind, 'middle'))).toBe('down')
			expect(gridMove(key('ArrowUp'), control(kind, 'middle'))).toBe('up')
		}
	})

	it('in text, left and right move the caret until it reaches the edge of the text', () => {
		expect(gridMove(key('ArrowRight'), control('text', 'middle'))).toBeNull()
		expect(gridMove(key('ArrowLeft'), control('text', 'middle'))).toBeNull()
		expect(gridMove(key('ArrowRight'), control('text', 'end'))).toBe('next')
		expect(gridMove(key('ArrowLeft'), control('text', 'start'))).toBe('previous')
		expect(gridMove(key('ArrowLeft'), control('text', 'end'))).toBeNull()
		// Alt leaves at once.
		expect(gridMove(key('ArrowRight', { altKey: true }), control('text', 'middle'))).toBe('next')
	})

	it('follows what the eye sees in right-to-left text', () => {
		expect(gridMove(key('ArrowLeft'), control('select', 'empty', true))).toBe('next')
		expect(gridMove(key('ArrowRight'), control('select', 'empty', true))).toBe('previous')
		// The end of right-to-left text is on the left.
		expect(gridMove(key('ArrowLeft'), control('text', 'end', true))).toBe('next')
		expect(gridMove(key('ArrowLeft'), control('text', 'start', true))).toBeNull()
	})

	it('leaves dates and long texts only with Alt, since they use the arrows', () => {
		for (const kind of ['date', 'textarea'] as const) {
			expect(gridMove(key('ArrowDown'), control(kind))).toBeNull()
			expect(gridMove(key('ArrowLeft'), control(kind))).toBeNull()
			expect(gridMove(key('ArrowDown', { altKey: true }), control(kind))).toBe('down')
			expect(gridMove(key('ArrowRight', { altKey: true }), control(kind))).toBe('next')
		}
	})

	it('Enter moves down from text (Shift+Enter up), as in a spreadsheet', () => {
		expect(gridMove(key('Enter'), control('text', 'middle'))).toBe('down')
		expect(gridMove(key('Enter', { shiftKey: true }), control('text', 'middle'))).toBe('up')
		expect(gridMove(key('Enter'), control('checkbox'))).toBeNull()
		expect(gridMove(key('Enter'), control('textarea'))).toBeNull()
	})

	it('Home and End go to the ends of the row (with Ctrl, of the table), except in text', () => {
		expect(gridMove(key('Home'), control('select'))).toBe('rowStart')
		expect(gridMove(key('End'), control('checkbox'))).toBe('rowEnd')
		expect(gridMove(key('Home', { ctrlKey: true }), control('button'))).toBe('gridStart')
		expect(gridMove(key('End', { ctrlKey: true }), control('select'))).toBe('gridEnd')
		expect(gridMove(key('Home'), control('text', 'middle'))).toBeNull()
	})

	it('leaves other keys and Command shortcuts alone', () => {
		expect(gridMove(key('Tab'), control('text'))).toBeNull()
		expect(gridMove(key('a'), control('text'))).toBeNull()
		expect(gridMove(key('ArrowDown', { metaKey: true }), control('text'))).toBeNull()
	})
})

describe('the status menu shortcut', () => {
	it('is Alt+M by key position, whatever the layout types for it', () => {
		expect(isMarkerMenuKey({ altKey: true, ctrlKey: false, metaKey: false, code: 'KeyM' })).toBe(
			true,
		)
		expect(isMarkerMenuKey({ altKey: false, ctrlKey: false, metaKey: false, code: 'KeyM' })).toBe(
			false,
		)
		expect(isMarkerMenuKey({ altKey: true, ctrlKey: true, metaKey: false, code: 'KeyM' })).toBe(
			false,
		)
	})
})
