import type { FontFace } from '../fonts.ts'
import type { Language } from '#forms/vocabulary.ts'
import { assignFaces } from './font-assignment.ts'
import { breakOpportunities, canCutBefore, isBreakingSpace } from './line-breaking.ts'
import { bidi, runWidth, shapeRun, type ShapedRun, type TextDirection } from './shaping.ts'

export interface LayoutStyle {
	lang: Language
	fontSize: number
	bold: boolean
	/** Base direction of each paragraph; `auto` takes it from the first strong character. */
	direction: TextDirection | 'auto'
}

export interface PlacedRun {
	readonly run: ShapedRun
	/** In points. */
	readonly width: number
}

export interface LaidOutLine {
	/** The characters of the line in logical order, without the spaces that end it. */
	readonly text: string
	/** Base direction of the paragraph the line belongs to. */
	readonly direction: TextDirection
	/** In points. */
	readonly width: number
	/** Runs in visual order, left to right, all on one baseline. */
	readonly runs: readonly PlacedRun[]
}

const TOLERANCE = 0.001

/**
 * Breaks text into lines no wider than `maxWidth` points (Infinity: only at newlines) and lays out
 * each line visually. Lines are broken in logical order, measuring with the faces that will draw
 * them; then each line is split into runs by bidi embedding level and face and the runs are put in
 * visual order (UAX #9 rules L1 and L2).
 */
export function layoutText(text: string, style: LayoutStyle, maxWidth: number): LaidOutLine[] {
	if (text === '') return []
	const normalized = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
	return normalized
		.split(/[\n\u0085\u2028\u2029]/)
		.flatMap((paragraph) => layoutParagraph(paragraph, style, maxWidth))
}

interface Paragraph {
	readonly codePoints: number[]
	readonly chars: string[]
	/** Bidi embedding level of each code point. */
	readonly levels: number[]
	/** `null` for characters that draw nothing. */
	readonly faces: (FontFace | null)[]
	/** Characters the typesetter added (isolate marks), left out of the line text. */
	readonly added: boolean[]
	readonly direction: TextDirection
	readonly fontSize: number
}

function layoutParagraph(text: string, style: LayoutStyle, maxWidth: number): LaidOutLine[] {
	const paragraph = analyse(text, style)
	if (text === '') return [{ text: '', direction: paragraph.direction, width: 0, runs: [] }]
	return breakLines(paragraph, maxWidth).map(([start, end]) => layoutLine(paragraph, start, end))
}

function analyse(text: string, style: LayoutStyle): Paragraph {
	const { chars, added } = isolateNumberGroups(text)
	const codePoints = chars.map((char) => char.codePointAt(0)!)
	const embedding = bidi.getEmbeddingLevels(chars.join(''), style.direction)
	const levels: number[] = []
	let utf16Index = 0
	for (const char of chars) {
		levels.push(embedding.levels[utf16Index] ?? 0)
		utf16Index += char.length
	}
	const baseLevel = embedding.paragraphs[0]?.level ?? (style.direction === 'rtl' ? 1 : 0)
	return {
		codePoints,
		chars,
		levels,
		faces: assignFaces(codePoints, style.lang, style.bold ? 'bold' : 'regular'),
		added,
		direction: baseLevel % 2 === 1 ? 'rtl' : 'ltr',
		fontSize: style.fontSize,
	}
}

const RIGHT_TO_LEFT_LETTER =
	/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u
const NUMBER_GROUPS =
	/[0-9\u0660-\u0669\u06F0-\u06F9]+(?:[-\u2010\u2011][0-9\u0660-\u0669\u06F0-\u06F9]+)+/gu
const LEFT_TO_RIGHT_ISOLATE = '\u2066'
const POP_DIRECTIONAL_ISOLATE = '\u2069'

/**
 * Higher-level protocol (UAX #9 HL3): digit groups joined by hyphens (CAS numbers, ISO dates) read
 * left to right as one unit. Plain UAX #9 turns the digits after an Arabic letter into Arabic
 * numbers and lets the hyphens between them take the paragraph direction, so 50-29-3 would show as
 * 3-29-50. The isolate marks added here draw nothing.
 */
function isolateNumberGroups(text: string): { chars: string[]; added: boolean[] } {
	const chars: string[] = []
	const added: boolean[] = []
	const push = (part: string, isAdded: boolean) => {
		for (const char of part) {
			chars.push(char)
			added.push(isAdded)
		}
	}
	let rest = 0
	if (RIGHT_TO_LEFT_LETTER.test(text)) {
		for (const match of text.matchAll(NUMBER_GROUPS)) {
			push(text.slice(rest, match.index), false)
			push(LEFT_TO_RIGHT_ISOLATE, true)
			push(match[0], false)
			push(POP_DIRECTIONAL_ISOLATE, true)
			rest = match.index + match[0].length
		}
	}
	push(text.slice(rest), false)
	return { chars, added }
}

/** Width in points of code points [start, end), shaped in logical pieces of one face and direction. */
function measure(paragraph: Paragraph, start: number, end: number): number {
	let width = 0
	let pieceFace: FontFace | null = null
	let pieceDirection: TextDirection = 'ltr'
	let pieceText = ''
	const flush = () => {
		if (pieceFace && pieceText) {
			width += runWidth(shapeRun(pieceFace, pieceText, pieceDirection), paragraph.fontSize)
		}
		pieceText = ''
	}
	for (let index = start; index < end; index++) {
		const face = paragraph.faces[index]
		if (!face) continue
		const direction = paragraph.levels[index]! % 2 === 1 ? 'rtl' : 'ltr'
		if (face !== pieceFace || direction !== pieceDirection) {
			flush()
			pieceFace = face
			pieceDirection = direction
		}
		pieceText += paragraph.chars[index]
	}
	flush()
	return width
}

interface Segment {
	start: number
	/** End of the segment without its trailing spaces. */
	contentEnd: number
	end: number
}

function segments(paragraph: Paragraph): Segment[] {
	const breaks = breakOpportunities(paragraph.codePoints)
	const result: Segment[] = []
	let start = 0
	for (let index = 1; index <= paragraph.codePoints.length; index++) {
		if (index < paragraph.codePoints.length && !breaks[index]) continue
		let contentEnd = index
		while (contentEnd > start && isBreakingSpace(paragraph.codePoints[contentEnd - 1]!))
			contentEnd--
		result.push({ start, contentEnd, end: index })
		start = index
	}
	return result
}

/** Greedy line breaking; returns [start, end) code point ranges. */
function breakLines(paragraph: Paragraph, maxWidth: number): [number, number][] {
	const lines: [number, number][] = []
	let line: { start: number; end: number; widthWithSpaces: number } | null = null
	for (const segment of segments(paragraph)) {
		const contentWidth = measure(paragraph, segment.start, segment.contentEnd)
		const spaceWidth = measure(paragraph, segment.contentEnd, segment.end)
		if (line && line.widthWithSpaces + contentWidth <= maxWidth + TOLERANCE) {
			line.end = segment.end
			line.widthWithSpaces += contentWidth + spaceWidth
			continue
		}
		if (line) lines.push([line.start, line.end])
		let start = segment.start
		let width = contentWidth
		while (width > maxWidth + TOLERANCE) {
			const cut = longestFittingPrefix(paragraph, start, segment.contentEnd, maxWidth)
			if (cut >= segment.contentEnd) break
			lines.push([start, cut])
			start = cut
			width = measure(paragraph, start, segment.contentEnd)
		}
		line = { start, end: segment.end, widthWithSpaces: width + spaceWidth }
	}
	if (line) lines.push([line.start, line.end])
	return lines
}

/** For a word wider than the line: where to cut it (at least one character per line). */
function longestFittingPrefix(
	paragraph: Paragraph,
	start: number,
	end: number,
	maxWidth: number,
): number {
	const cuts: number[] = []
	for (let index = start + 1; index < end; index++) {
		if (canCutBefore(paragraph.codePoints, index)) cuts.push(index)
	}
	if (cuts.length === 0) return end
	let low = 0
	let high = cuts.length - 1
	let best = cuts[0]!
	while (low <= high) {
		const middle = (low + high) >> 1
		if (measure(paragraph, start, cuts[middle]!) <= maxWidth + TOLERANCE) {
			best = cuts[middle]!
			low = middle + 1
		} else {
			high = middle - 1
		}
	}
	return best
}

function layoutLine(paragraph: Paragraph, start: number, end: number): LaidOutLine {
	let trimmedEnd = end
	while (trimmedEnd > start && isBreakingSpace(paragraph.codePoints[trimmedEnd - 1]!)) trimmedEnd--
	const visible: number[] = []
	for (let index = start; index < trimmedEnd; index++) {
		if (paragraph.faces[index]) visible.push(index)
	}
	const order = visualOrder(visible.map((index) => paragraph.levels[index]!))
	const runs: PlacedRun[] = []
	let width = 0
	let runStart = 0
	for (let position = 1; position <= order.length; position++) {
		if (position < order.length && continuesRun(paragraph, visible, order, position)) continue
		const runPositions = order.slice(runStart, position)
		const first = visible[runPositions[0]!]!
		const direction = paragraph.levels[first]! % 2 === 1 ? 'rtl' : 'ltr'
		if (direction === 'rtl') runPositions.reverse()
		const runText = runPositions
			.map((visibleIndex) => paragraph.chars[visible[visibleIndex]!])
			.join('')
		const run = shapeRun(paragraph.faces[first]!, runText, direction)
		const placed = { run, width: runWidth(run, paragraph.fontSize) }
		runs.push(placed)
		width += placed.width
		runStart = position
	}
	return {
		text: paragraph.chars
			.filter((_, index) => index >= start && index < trimmedEnd && !paragraph.added[index])
			.join(''),
		direction: paragraph.direction,
		width,
		runs,
	}
}

/** Whether the character at visual position `position` belongs to the run of the one before it. */
function continuesRun(
	paragraph: Paragraph,
	visible: readonly number[],
	order: readonly number[],
	position: number,
): boolean {
	const previous = visible[order[position - 1]!]!
	const current = visible[order[position]!]!
	const level = paragraph.levels[current]!
	if (
		level !== paragraph.levels[previous] ||
		paragraph.faces[current] !== paragraph.faces[previous]
	) {
		return false
	}
	const step = level % 2 === 1 ? -1 : 1
	return order[position]! - order[position - 1]! === step
}

/** UAX #9 rule L2: visual order (as indices) of characters with the given levels. */
export function visualOrder(levels: readonly number[]): number[] {
	const order = levels.map((_, index) => index)
	if (levels.length === 0) return order
	const highest = Math.max(...levels)
	const lowestOdd = Math.min(...levels) | 1
	for (let level = highest; level >= lowestOdd; level--) {
		let index = 0
		while (index < order.length) {
			if (levels[order[index]!]! < level) {
				index++
				continue
			}
			let end = index
			while (end < order.length && levels[order[end]!]! >= level) end++
			const reversed = order.slice(index, end).reverse()
			order.splice(index, reversed.length, ...reversed)
			index = end
		}
	}
	return order
}
