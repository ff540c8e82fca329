// Test helpers: read PDFs back with pdf.js (bundled by unpdf), so no system binary is needed.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import bidiFactory from 'bidi-js'
import { getDocumentProxy, getResolvedPDFJS } from 'unpdf'

export const PDF_ARTEFACTS_DIR = path.resolve('test-results/pdf-typesetting')

export function savePdf(name: string, bytes: Uint8Array): string {
	mkdirSync(PDF_ARTEFACTS_DIR, { recursive: true })
	const file = path.join(PDF_ARTEFACTS_DIR, `${name}.pdf`)
	writeFileSync(file, bytes)
	return file
}

/** A PDF file's path, or its bytes. */
export type PdfSource = string | Uint8Array

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>
type PdfPage = Awaited<ReturnType<PdfDocument['getPage']>>
type TextItem = Extract<
	Awaited<ReturnType<PdfPage['getTextContent']>>['items'][number],
	{ str: string }
>

// pdf.js hands fonts over with ArrayBuffer#transferToFixedLength, which Node 20 lacks.
if (!('transferToFixedLength' in ArrayBuffer.prototype)) {
	Object.defineProperty(ArrayBuffer.prototype, 'transferToFixedLength', {
		configurable: true,
		writable: true,
		value(this: ArrayBuffer, length = this.byteLength) {
			const copy = new ArrayBuffer(length)
			new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)))
			return copy
		},
	})
}

const bidi = bidiFactory()

async function withPdf<T>(source: PdfSource, read: (pdf: PdfDocument) => Promise<T>): Promise<T> {
	// A copy: pdf.js may take the buffer over.
	const data = new Uint8Array(typeof source === 'string' ? readFileSync(source) : source)
	const pdf = await getDocumentProxy(data)
	try {
		return await read(pdf)
	} finally {
		await pdf.destroy()
	}
}

function pageNumbers(pdf: PdfDocument, page?: number): number[] {
	if (page === undefined) return Array.from({ length: pdf.numPages }, (_, index) => index + 1)
	if (page < 1 || page > pdf.numPages) throw new Error(`no page ${page} in ${pdf.numPages}`)
	return [page]
}

/**
 * The text in drawing order (as pdftotext -raw): one line per run of text items on one baseline,
 * each line in logical order, each page ended by a form feed. `page` limits it to one page (1-based).
 */
export async function extractText(
	source: PdfSource,
	options: { page?: number } = {},
): Promise<string> {
	return withPdf(source, async (pdf) => {
		let text = ''
		for (const number of pageNumbers(pdf, options.page)) {
			for (const line of await readLines(pdf, number)) text += `${logicalLine(line)}\n`
			text += '\f'
		}
		return text
	})
}

export interface WordBox {
	page: number
	/** Characters in drawing order (right-to-left words backwards). */
	text: string
	/** Page coordinates in points, origin at the top left and y down (as pdftotext -bbox). */
	xMin: number
	yMin: number
	xMax: number
	yMax: number
}

/** Words split at spaces and gaps, line by line in drawing order, left to right within a line. */
export async function extractWords(source: PdfSource): Promise<WordBox[]> {
	return withPdf(source, async (pdf) => {
		const words: WordBox[] = []
		for (const page of pageNumbers(pdf)) {
			for (const line of await readLines(pdf, page)) {
				let word: PlacedChar[] = []
				for (const char of [...line, null]) {
					if (char && !/\s/u.test(char.text)) {
						word.push(char)
						continue
					}
					if (word.length > 0) words.push(wordBox(page, word))
					word = []
				}
			}
		}
		return words
	})
}

/** A word of extractWords in logical order: words with right-to-left letters are reversed. */
export function logicalWord(word: WordBox): string {
	return /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(word.text)
		? Array.from(word.text).reverse().join('')
		: word.text
}

/** Text for comparison: compatibility forms folded (NFKC), bidi marks and all whitespace removed. */
export function comparable(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
		.replace(/\s+/g, '')
}

export async function pageCount(source: PdfSource): Promise<number> {
	return withPdf(source, async (pdf) => pdf.numPages)
}

/** Names of the fonts the pages draw with (embedded or not), e.g. `BAAAAA+NotoSans-Regular`. */
export async function embeddedFonts(source: PdfSource): Promise<string[]> {
	const { OPS } = await getResolvedPDFJS()
	return withPdf(source, async (pdf) => {
		const names = new Map<string, string>()
		for (const number of pageNumbers(pdf)) {
			const page = await pdf.getPage(number)
			const { fnArray, argsArray } = await page.getOperatorList()
			fnArray.forEach((fn, index) => {
				if (fn !== OPS.setFont) return
				const id = String(argsArray[index][0])
				names.set(id, (page.commonObjs.get(id) as { name: string }).name)
			})
		}
		return [...names.values()]
	})
}

let pdftoppmMissing = false

/**
 * Renders one page at 60 dpi into `name`.png beside the PDF, for a person to look at. Best effort:
 * without poppler's pdftoppm on the machine it writes nothing and returns null.
 */
export function renderPng(file: string, name: string, page = 1): string | null {
	if (pdftoppmMissing) return null
	const target = path.join(path.dirname(file), name)
	const args = ['-png', '-r', '60', '-f', String(page), '-l', String(page), '-singlefile']
	const result = spawnSync('pdftoppm', [...args, file, target], { encoding: 'utf8' })
	if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
		pdftoppmMissing = true
		return null
	}
	if (result.error) throw result.error
	if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`)
	return `${target}.png`
}

// ---------------------------------------------------------------------------------------------

/** Where a text item sits: its origin, unit vectors along and up its baseline, and font metrics. */
interface ItemFrame {
	x: number
	y: number
	along: [number, number]
	up: [number, number]
	size: number
	ascent: number
	descent: number
	/** Page height, to turn y up into y down. */
	pageTop: number
}

/** One character, in drawing order, with its extent along the item's baseline (in points). */
interface PlacedChar {
	text: string
	start: number
	end: number
	frame: ItemFrame
}

type Line = PlacedChar[]

/**
 * The page's lines: consecutive text items on one baseline, characters in drawing order (left to
 * right along the baseline). pdf.js gives right-to-left text in logical order; it is put back in
 * drawing order here, so that `logicalLine` can order each line as a whole.
 */
async function readLines(pdf: PdfDocument, number: number): Promise<Line[]> {
	const page = await pdf.getPage(number)
	const [, , , pageTop] = page.view as [number, number, number, number]
	const content = await page.getTextContent()
	const lines: { items: { item: TextItem; frame: ItemFrame }[]; base: number }[] = []
	for (const item of content.items) {
		// Zero-width items are marks drawn apart from their letters (dots without text of their own
		// come back under their glyph codes), or pdf.js's own empty end-of-line items.
		if (!('str' in item) || item.width === 0 || item.str === '') continue
		const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number]
		const style = content.styles[item.fontName]
		const size = Math.hypot(c, d)
		const frame: ItemFrame = {
			x,
			y,
			along: [a / Math.hypot(a, b), b / Math.hypot(a, b)],
			up: [c / size, d / size],
			size,
			ascent: style?.ascent ?? 0.8,
			descent: style?.descent ?? -0.2,
			pageTop,
		}
		// Distance of the baseline from the origin, across it.
		const base = frame.up[0] * x + frame.up[1] * y
		const line = lines.at(-1)
		const previous = line?.items[0]?.frame
		if (
			line &&
			previous &&
			Math.abs(previous.along[0] - frame.along[0]) < 1e-3 &&
			Math.abs(previous.along[1] - frame.along[1]) < 1e-3 &&
			Math.abs(line.base - base) < 0.2 * size
		) {
			line.items.push({ item, frame })
		} else {
			lines.push({ items: [{ item, frame }], base })
		}
	}
	return lines.map((line) => placeLine(line.items))
}

function placeLine(items: { item: TextItem; frame: ItemFrame }[]): Line {
	const placed = items
		.map(({ item, frame }) => {
			const start = frame.along[0] * frame.x + frame.along[1] * frame.y
			const chars = drawingOrder(item)
			const advance = item.width / chars.length
			return chars.map((text, index) => ({
				text,
				start: start + index * advance,
				end: start + (index + 1) * advance,
				frame,
			}))
		})
		.sort((first, second) => first[0]!.start - second[0]!.start)
	const line: Line = []
	for (const chars of placed) {
		const previous = line.at(-1)
		const next = chars[0]!
		// A gap between items that is wider than a tenth of the font size separates words.
		if (
			previous &&
			next.start - previous.end > 0.1 * next.frame.size &&
			!/\s/u.test(previous.text) &&
			!/\s/u.test(next.text)
		) {
			line.push({ text: ' ', start: previous.end, end: next.start, frame: next.frame })
		}
		line.push(...chars)
	}
	return line
}

/** pdf.js reorders items with right-to-left letters into logical order; this undoes that. */
function drawingOrder(item: TextItem): string[] {
	const text = item.str
	const reordered = Array.from(text).some((char) =>
		['R', 'AL', 'AN'].includes(bidi.getBidiCharTypeName(char)),
	)
	if (!reordered) return Array.from(text)
	const levels = bidi.getEmbeddingLevels(text, item.dir === 'rtl' ? 'rtl' : 'ltr')
	const visual = bidi
		.getReorderedIndices(text, levels)
		.map((index) => text[index])
		.join('')
		// Keep surrogate pairs that were turned around in one piece.
		.replace(/([\uDC00-\uDFFF])([\uD800-\uDBFF])/g, '$2$1')
	return Array.from(visual)
}

type Direction = 'L' | 'R'

/** Strong direction of a character, with digits as left to right; null for neutrals. */
function strongDirection(char: string): Direction | null {
	const type = bidi.getBidiCharTypeName(char)
	if (type === 'R' || type === 'AL') return 'R'
	if (type === 'L' || type === 'EN' || type === 'AN') return 'L'
	return null
}

/**
 * A line's characters (drawing order) in logical order. The line reads right to left when it has
 * more right-to-left letters than left-to-right ones (digits do not count). Runs of one direction
 * keep together, so numbers and Latin words read left to right inside right-to-left text; neutral
 * characters take the direction of the text on both sides, or else the line's.
 */
function logicalLine(line: Line): string {
	const chars = line.map((char) => char.text)
	const types = chars.map((char) => bidi.getBidiCharTypeName(char))
	const rightToLeft = types.filter((type) => type === 'R' || type === 'AL').length
	const leftToRight = types.filter((type) => type === 'L').length
	const lineDirection: Direction = rightToLeft > leftToRight ? 'R' : 'L'
	const strong = chars.map(strongDirection)
	const after: Direction[] = []
	for (let index = chars.length - 1, next = lineDirection; index >= 0; index--) {
		after[index] = next
		next = strong[index] ?? next
	}
	const resolved: Direction[] = []
	for (let index = 0, before = lineDirection; index < chars.length; index++) {
		const own = strong[index]
		resolved.push(own ?? (before === after[index] ? before : lineDirection))
		before = own ?? before
	}
	const runs: string[] = []
	let runStart = 0
	for (let index = 1; index <= chars.length; index++) {
		if (index < chars.length && resolved[index] === resolved[runStart]) continue
		const run = chars.slice(runStart, index)
		runs.push((resolved[runStart] === 'R' ? run.reverse() : run).join(''))
		runStart = index
	}
	return (lineDirection === 'R' ? runs.reverse() : runs).join('')
}

function wordBox(page: number, chars: PlacedChar[]): WordBox {
	const xs: number[] = []
	const ys: number[] = []
	for (const { start, end, frame } of chars) {
		const origin = frame.along[0] * frame.x + frame.along[1] * frame.y
		for (const offset of [start - origin, end - origin]) {
			for (const height of [frame.ascent * frame.size, frame.descent * frame.size]) {
				xs.push(frame.x + frame.along[0] * offset + frame.up[0] * height)
				ys.push(frame.pageTop - (frame.y + frame.along[1] * offset + frame.up[1] * height))
			}
		}
	}
	return {
		page,
		text: chars.map((char) => char.text).join(''),
		xMin: Math.min(...xs),
		yMin: Math.min(...ys),
		xMax: Math.max(...xs),
		yMax: Math.max(...ys),
	}
}
