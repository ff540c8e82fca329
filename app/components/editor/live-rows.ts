import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { focusCell } from './grid-focus.ts'

/**
 * Rows rendered before the browser says which are on screen (and by the server): a table this
 * short is rendered whole.
 */
export const FIRST_LIVE_ROWS = 12

/** How far beyond the window a row is still rendered with its controls (scrolling ahead). */
const MARGIN = '50% 0px'

/**
 * Which rows of an editable table are rendered with their controls ("live"): those on or near the
 * screen, and the one holding focus. The others show their values as text, with one focusable
 * placeholder per cell (`data-inert-cell`, the column's type), so every row and cell stays in the table (headers,
 * values and size announced as before) and the arrow keys still reach them: focus landing on a
 * placeholder brings its row to life and moves to the cell's control (`onFocusInert`).
 *
 * Why: every frame of a keystroke lays out, layerizes and paints the whole page, and its cost grew
 * with the number of inputs rendered (156 in the statistics section), not with the one typed in.
 */
export function useLiveRows(bodyRef: RefObject<HTMLTableSectionElement | null>, rowIds: string[]) {
	// Until the browser has said where a row is: live if among the first rows, or added since (a
	// row the user just added is where they are working).
	const [firstInert] = useState(() => new Set(rowIds.slice(FIRST_LIVE_ROWS)))
	const [seen, setSeen] = useState<ReadonlyMap<string, boolean>>(() => new Map())
	const rowKey = rowIds.join(' ')
	useEffect(() => {
		const body = bodyRef.current
		if (!body || typeof IntersectionObserver === 'undefined') return
		const observer = new IntersectionObserver(
			(entries) => {
				setSeen((current) => {
					const next = new Map(current)
					for (const entry of entries) {
						const id = (entry.target as HTMLElement).dataset.rowId
						// The row being edited stays live, wherever it is scrolled.
						if (id)
							next.set(id, entry.isIntersecting || entry.target.contains(document.activeElement))
					}
					const same = [...next].every(([id, shown]) => current.get(id) === shown)
					return same ? current : next
				})
			},
			{ rootMargin: MARGIN },
		)
		for (const row of body.querySelectorAll('tr[data-row-id]')) observer.observe(row)
		return () => observer.disconnect()
	}, [bodyRef, rowKey])

	/** Focus on a placeholder: render its row, then focus the cell's own control. */
	const pendingFocus = useRef<{ row: string; column: string } | null>(null)
	const onFocusInert = useCallback((event: React.FocusEvent<HTMLElement>) => {
		const target = event.target as HTMLElement
		if (!target.hasAttribute('data-inert-cell')) return
		const id = target.closest<HTMLElement>('tr[data-row-id]')?.dataset.rowId
		const cell = target.closest<HTMLElement>('td[data-row][data-column]')
		if (!id || !cell) return
		pendingFocus.current = { row: cell.dataset.row!, column: cell.dataset.column! }
		setSeen((current) => new Map(current).set(id, true))
	}, [])
	useLayoutEffect(() => {
		const pending = pendingFocus.current
		const body = bodyRef.current
		if (!pending || !body) return
		pendingFocus.current = null
		const cell = body.querySelector<HTMLElement>(
			`td[data-row="${pending.row}"][data-column="${CSS.escape(pending.column)}"]`,
		)
		if (cell) focusCell(cell)
	}, [seen, bodyRef])

	const isLive = (id: string) => seen.get(id) ?? !firstInert.has(id)
	return { isLive, onFocusInert }
}
