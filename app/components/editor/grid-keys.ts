/**
 * The keyboard of editable tables (WAI-ARIA grid pattern): which key moves focus to which cell,
 * given what kind of control has focus. Pure, so the rules can be tested without a browser.
 *
 * - Arrow keys move between cells. In a text box (and a picker's box) ← and → first move through
 *   the text and leave the cell at its start or end; ↑ and ↓ leave at once, unless a picker's list
 *   is open. Dates and long texts use the arrows themselves: hold Alt to leave them.
 * - Enter in a text box moves down (Shift+Enter up), as in a spreadsheet.
 * - Home/End (Ctrl+Home/End) go to the first/last cell of the row (of the table), except in text.
 * - In right-to-left text, ← and → follow what the eye sees: ← moves to the next cell.
 */
export type ControlKind =
	'text' | 'combobox' | 'select' | 'checkbox' | 'button' | 'date' | 'textarea' | 'other'

export type GridMove =
	'up' | 'down' | 'next' | 'previous' | 'rowStart' | 'rowEnd' | 'gridStart' | 'gridEnd'

export type GridKey = {
	key: string
	altKey: boolean
	ctrlKey: boolean
	shiftKey: boolean
	metaKey: boolean
}

export type ControlState = {
	kind: ControlKind
	/** The caret is at the start / end of the text (always true for controls without text). */
	atStart: boolean
	atEnd: boolean
	rtl: boolean
}

const TEXT_KINDS = new Set<ControlKind>(['text', 'combobox'])
const OWN_ARROWS = new Set<ControlKind>(['date', 'textarea'])

export function gridMove(key: GridKey, control: ControlState): GridMove | null {
	if (key.metaKey) return null
	const text = TEXT_KINDS.has(control.kind)
	const ownArrows = OWN_ARROWS.has(control.kind) && !key.altKey
	switch (key.key) {
		case 'ArrowUp':
			return ownArrows ? null : 'up'
		case 'ArrowDown':
			return ownArrows ? null : 'down'
		case 'ArrowLeft':
		case 'ArrowRight': {
			if (ownArrows) return null
			const forwards = (key.key === 'ArrowRight') !== control.rtl
			if (text && !key.altKey && !(forwards ? control.atEnd : control.atStart)) return null
			return forwards ? 'next' : 'previous'
		}
		case 'Enter':
			if (control.kind !== 'text' && control.kind !== 'combobox') return null
			if (key.altKey || key.ctrlKey) return null
			return key.shiftKey ? 'up' : 'down'
		case 'Home':
		case 'End':
			if (text || control.kind === 'textarea' || control.kind === 'date') return null
			if (key.key === 'Home') return key.ctrlKey ? 'gridStart' : 'rowStart'
			return key.ctrlKey ? 'gridEnd' : 'rowEnd'
		default:
			return null
	}
}

/** What kind of control an element of a cell is, for `gridMove`. */
export function controlKind(element: Element): ControlKind {
	if (element instanceof HTMLTextAreaElement) return 'textarea'
	if (element instanceof HTMLSelectElement) return 'select'
	if (element instanceof HTMLButtonElement) return 'button'
	if (element instanceof HTMLInputElement) {
		if (element.getAttribute('role') === 'combobox') return 'combobox'
		if (element.type === 'checkbox' || element.type === 'radio') return 'checkbox'
		if (element.type === 'date') return 'date'
		return 'text'
	}
	return 'other'
}

/** The shortcut that opens a cell's status menu (information not available, …). */
export const MARKER_MENU_SHORTCUT = 'Alt+M'

export function isMarkerMenuKey(key: {
	altKey: boolean
	ctrlKey: boolean
	metaKey: boolean
	code: string
}) {
	return key.altKey && !key.ctrlKey && !key.metaKey && key.code === 'KeyM'
}
