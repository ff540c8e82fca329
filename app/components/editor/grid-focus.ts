import { useLayoutEffect, type RefObject } from 'react'
import { controlKind, gridMove, isMarkerMenuKey, type GridMove } from './grid-keys.ts'
import { useInteractive } from '../../utils/use-interactive.ts'

/**
 * Focus in editable tables (WAI-ARIA grid pattern), on the DOM the table renders: cells are
 * `td[data-row][data-column]`, each with one control marked `data-cell-input` (its input, or its
 * status menu once a marker replaces the input) and maybe a status menu `data-marker-menu`.
 * Every control is rendered with `tabIndex={-1}`; `useRovingTabStop` makes exactly one of them
 * a tab stop, so the whole table is one stop in the tab order.
 */

const CELL = 'td[data-row][data-column]'

/** The control that stands for a cell, if it has one that can take focus. */
export function cellControl(cell: Element): HTMLElement | null {
	return cell.querySelector<HTMLElement>('[data-cell-input]:not(:disabled)')
}

function cellAt(grid: Element, row: number, column: string): HTMLElement | null {
	return grid.querySelector<HTMLElement>(
		`td[data-row="${row}"][data-column="${CSS.escape(column)}"]`,
	)
}

function cellsOf(grid: Element, row: string): HTMLElement[] {
	return [...grid.querySelectorAll<HTMLElement>(`td[data-row="${CSS.escape(row)}"][data-column]`)]
}

function withControl(cells: Iterable<HTMLElement>): HTMLElement | null {
	for (const cell of cells) if (cellControl(cell)) return cell
	return null
}

/** The cell a move from `from` lands on (skipping cells without a control), if any. */
function targetCell(grid: Element, from: HTMLElement, move: GridMove): HTMLElement | null {
	const row = Number(from.dataset.row)
	const column = from.dataset.column!
	switch (move) {
		case 'up':
		case 'down': {
			const step = move === 'down' ? 1 : -1
			for (let r = row + step; ; r += step) {
				const cell = cellAt(grid, r, column)
				if (!cell) return null
				if (cellControl(cell)) return cell
			}
		}
		case 'next':
		case 'previous': {
			const cells = cellsOf(grid, from.dataset.row!)
			const index = cells.indexOf(from)
			return withControl(move === 'next' ? cells.slice(index + 1) : cells.slice(0, index).reverse())
		}
		case 'rowStart':
		case 'rowEnd': {
			const cells = cellsOf(grid, from.dataset.row!)
			return withControl(move === 'rowStart' ? cells : cells.reverse())
		}
		case 'gridStart':
		case 'gridEnd': {
			const cells = [...grid.querySelectorAll<HTMLElement>(CELL)]
			return withControl(move === 'gridStart' ? cells : cells.reverse())
		}
	}
}

/** Scrolls a cell into view clear of the sticky header row (sticky columns pad the scroll box). */
function reveal(cell: HTMLElement) {
	const box = cell.closest<HTMLElement>('.table-scroll')
	const head = box?.querySelector('thead')
	if (box && head) box.style.scrollPaddingBlockStart = `${head.offsetHeight}px`
	cell.scrollIntoView({ block: 'nearest', inline: 'nearest' })
}

export function focusCell(cell: HTMLElement) {
	const control = cellControl(cell)
	if (!control) return
	control.focus({ preventScroll: true })
	reveal(cell)
	if (control instanceof HTMLInputElement && control.type === 'text') control.select()
}

/** Focuses the first control of a row (a new row, say); false when it has none. */
export function focusRow(grid: Element, row: number): boolean {
	const cell = withControl(grid.querySelectorAll<HTMLElement>(`td[data-row="${row}"][data-column]`))
	if (!cell) return false
	focusCell(cell)
	return true
}

/**
 * Where the caret is in a text box. A cell entered with the keyboard has its whole text selected
 * (as in a spreadsheet): the arrows then move on, typing replaces the text, and a click, Home or
 * End starts editing within it.
 */
function caretAt(element: HTMLElement) {
	if (!(element instanceof HTMLInputElement) || element.selectionStart === null)
		return { atStart: true, atEnd: true }
	const { selectionStart: start, selectionEnd: end, value } = element
	if (start === 0 && end === value.length) return { atStart: true, atEnd: true }
	return {
		atStart: start === 0 && end === 0,
		atEnd: start === value.length && end === value.length,
	}
}

/** Opens a `<select>`'s list where the browser can. */
function showPicker(select: HTMLSelectElement) {
	try {
		select.showPicker()
	} catch {
		// Older browsers: the menu has focus, Alt+↓ or Space opens it.
	}
}

/**
 * The keyboard of an editable table, on its body: arrow keys and Enter between cells (see
 * `gridMove`), Alt+M to a cell's status menu, Escape from the menu back to the cell's input,
 * Enter to open a drop-down. Keys a control already handled (an open picker's list) are left alone.
 */
const GRID_KEYS = new Set([
	'ArrowUp',
	'ArrowDown',
	'ArrowLeft',
	'ArrowRight',
	'Enter',
	'Home',
	'End',
])

export function onGridKeyDown(event: React.KeyboardEvent<HTMLElement>) {
	if (event.defaultPrevented || event.nativeEvent.isComposing) return
	// Typing goes straight through: only these keys and the menu's are the grid's.
	if (!GRID_KEYS.has(event.key) && event.key !== 'Escape' && event.code !== 'KeyM') return
	const target = event.target as HTMLElement
	const cell = target.closest<HTMLElement>(CELL)
	if (!cell || !event.currentTarget.contains(cell)) return

	if (isMarkerMenuKey(event)) {
		const menu = cell.querySelector<HTMLSelectElement>('select[data-marker-menu]:not(:disabled)')
		if (!menu) return
		event.preventDefault()
		menu.focus()
		showPicker(menu)
		return
	}
	if (event.key === 'Escape' && target.hasAttribute('data-marker-menu')) {
		const input = cellControl(cell)
		if (input && input !== target) {
			event.preventDefault()
			input.focus()
		}
		return
	}
	if (target.getAttribute('role') === 'combobox' && target.getAttribute('aria-expanded') === 'true')
		return
	const kind = controlKind(target)
	if (event.key === 'Enter' && target instanceof HTMLSelectElement && !event.altKey) {
		event.preventDefault()
		showPicker(target)
		return
	}
	const rtl = getComputedStyle(cell).direction === 'rtl'
	const move = gridMove(event, { kind, rtl, ...caretAt(target) })
	if (!move) return
	const next = targetCell(event.currentTarget, cell, move)
	// At the edge of the table the key does nothing rather than move the caret or the page.
	event.preventDefault()
	if (next) focusCell(next)
}

/**
 * Keeps exactly one control of the grid in the tab order: the one last focused (or, when it is
 * gone, the control now standing in its cell, or the first control of the table), so Tab enters
 * the table where the user left it and the next Tab leaves it.
 */
export function useRovingTabStop(gridRef: RefObject<HTMLElement | null>, enabled: boolean) {
	// Until the page is interactive every control is disabled (see the editor's fieldset): none
	// could take the stop.
	const interactive = useInteractive()
	// A layout effect: the stop is set in the commit that takes the table's scroll box out of the
	// tab order (see EditorTable), so there is no moment when neither can be reached.
	useLayoutEffect(() => {
		const grid = gridRef.current
		if (!grid || !enabled || !interactive) return
		let stop: HTMLElement | null = null
		let remembered: { row: number; column: string } | null = null
		const makeStop = (control: HTMLElement | null) => {
			if (stop && stop !== control) stop.tabIndex = -1
			stop = control
			if (control) control.tabIndex = 0
		}
		const repair = () => {
			if (stop && stop.isConnected && grid.contains(stop) && !stop.matches(':disabled')) return
			let cell: HTMLElement | null = null
			if (remembered) {
				// The same cell (its input replaced by a marker, say), else the nearest row above.
				for (let row = remembered.row; row >= 0 && !cell; row--) {
					const candidate = cellAt(grid, row, remembered.column)
					if (candidate && cellControl(candidate)) cell = candidate
				}
			}
			cell ??= withControl(grid.querySelectorAll<HTMLElement>(CELL))
			makeStop(cell ? cellControl(cell) : null)
		}
		const onFocusIn = (event: FocusEvent) => {
			const cell = (event.target as HTMLElement).closest<HTMLElement>(CELL)
			if (!cell) return
			remembered = { row: Number(cell.dataset.row), column: cell.dataset.column! }
			makeStop(cellControl(cell))
		}
		let scheduled = false
		const observer = new MutationObserver(() => {
			if (scheduled) return
			scheduled = true
			queueMicrotask(() => {
				scheduled = false
				repair()
			})
		})
		observer.observe(grid, { childList: true, subtree: true })
		grid.addEventListener('focusin', onFocusIn)
		repair()
		return () => {
			observer.disconnect()
			grid.removeEventListener('focusin', onFocusIn)
			makeStop(null)
		}
	}, [gridRef, enabled, interactive])
}
