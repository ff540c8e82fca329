import { useLayoutEffect, type RefObject } from 'react'

/** Space kept between the pop-up and the edges of the window, in px. */
const EDGE = 8
const GAP = 2

function supportsPopover(element: HTMLElement) {
	return typeof element.showPopover === 'function' && element.hasAttribute('popover')
}

/**
 * Places `popup` against `anchor`, `fixed` from the anchor's box: below it, or above it when
 * there is more room there than below and not enough below; as wide as the anchor at least,
 * aligned with its start edge (right in a right-to-left page), and moved back inside the window
 * where it would stick out (a narrow screen). The page's direction is the anchor's parent's: an
 * input with `dir="auto"` may read left to right on an Arabic page.
 */
export function placePopup(anchor: HTMLElement, popup: HTMLElement) {
	const box = anchor.getBoundingClientRect()
	const viewport = document.documentElement
	const height = viewport.clientHeight
	const rem = parseFloat(getComputedStyle(viewport).fontSize) || 16
	const wanted = 16 * rem
	const below = height - box.bottom - GAP - EDGE
	const above = box.top - GAP - EDGE
	const downwards = below >= wanted || below >= above
	const style = popup.style
	style.position = 'fixed'
	style.margin = '0'
	style.minWidth = `${box.width}px`
	style.maxHeight = `${Math.max(4 * rem, Math.min(wanted, downwards ? below : above))}px`
	style.top = downwards ? `${box.bottom + GAP}px` : 'auto'
	style.bottom = downwards ? 'auto' : `${height - box.top + GAP}px`
	const width = viewport.clientWidth
	const popupWidth = Math.min(popup.offsetWidth || box.width, width - 2 * EDGE)
	if (getComputedStyle(anchor.parentElement ?? anchor).direction === 'rtl') {
		const right = Math.max(EDGE, width - box.right)
		style.right = `${Math.min(right, width - EDGE - popupWidth)}px`
		style.left = 'auto'
	} else {
		style.left = `${Math.max(EDGE, Math.min(box.left, width - EDGE - popupWidth))}px`
		style.right = 'auto'
	}
	popup.dataset.placement = downwards ? 'below' : 'above'
}

/**
 * Keeps an open pop-up (a picker's list) next to its anchor where no scroll box, table row or
 * stacking order can clip or cover it: in the browser's top layer (`popover="manual"`) where
 * supported, else `fixed` over the page; follows scrolling (of any box) and resizing while open.
 */
export function useAnchoredPopup(
	open: boolean,
	anchor: RefObject<HTMLElement | null>,
	popup: RefObject<HTMLElement | null>,
) {
	useLayoutEffect(() => {
		const element = popup.current
		const target = anchor.current
		if (!open || !element || !target) return
		const topLayer = supportsPopover(element)
		if (topLayer && !element.matches(':popover-open')) element.showPopover()
		let frame = 0
		const place = () => {
			frame = 0
			placePopup(target, element)
		}
		const schedule = () => {
			if (!frame) frame = requestAnimationFrame(place)
		}
		place()
		window.addEventListener('scroll', schedule, true)
		window.addEventListener('resize', schedule)
		return () => {
			cancelAnimationFrame(frame)
			window.removeEventListener('scroll', schedule, true)
			window.removeEventListener('resize', schedule)
			if (topLayer && element.matches(':popover-open')) element.hidePopover()
		}
	}, [open, anchor, popup])
}
