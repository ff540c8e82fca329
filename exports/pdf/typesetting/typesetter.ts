import type { Language } from '#forms/vocabulary.ts'
import { drawRunsOnBaseline } from './glyph-drawing.ts'
import { layoutText, type LaidOutLine, type LayoutStyle } from './paragraph-layout.ts'
import type { TextDirection } from './shaping.ts'

export type { TextDirection } from './shaping.ts'

/** `start` and `end` follow the paragraph direction: `start` is right-aligned in Arabic. */
export type TextAlign = 'start' | 'end' | 'left' | 'right' | 'center'

export interface TextStyle {
	/** In points. */
	fontSize: number
	bold?: boolean
	/** Fill colour; the document's current fill colour when omitted. */
	color?: PDFKit.Mixins.ColorValue
	/** Line height as a multiple of the font size; the document language's default when omitted. */
	lineHeight?: number
	/** Base direction of each paragraph; the document language's direction when omitted. */
	direction?: TextDirection | 'auto'
}

export interface TextBox extends TextStyle {
	/** In points; lines never get wider. */
	width: number
	align?: TextAlign
	/** Extra space between lines, in points. */
	lineGap?: number
}

export interface ParagraphOptions extends TextBox {
	/** Left edge of the box; the page's left margin when omitted. */
	x?: number
	/** Top of the first line; `doc.y` when omitted. */
	y?: number
	/**
	 * When a line would cross `bottom`, continue on a new page (`doc.addPage()`, so the caller's
	 * `pageAdded` handler can draw headers and move `doc.y`). Default true; table cells pass false.
	 */
	pageBreaks?: boolean
	/** Lowest y a line may reach; the page's bottom margin when omitted. */
	bottom?: number
}

export interface ParagraphResult {
	/** Bottom of the last line (also stored in `doc.y`). */
	y: number
	lineCount: number
	pagesAdded: number
}

export interface TextLineOptions extends TextStyle {
	x: number
	/** Top of the line. */
	y: number
	/** Box to align in; the text is not wrapped or clipped. */
	width?: number
	align?: TextAlign
}

/**
 * Prints text in the six UN languages on a pdfkit document: fonts by script, Arabic shaped and
 * ordered right to left, lines wrapped and paginated. Heights and widths it measures are the ones
 * it draws (same line breaking), so tables can be built from `measureHeight` and `paragraph`.
 * Draw all text of a document through its typesetter.
 */
export interface Typesetter {
	readonly lang: Language
	/** Base direction of the document language. */
	readonly direction: TextDirection
	/** Draws wrapped text and returns where it ended. */
	paragraph(text: string, options: ParagraphOptions): ParagraphResult
	/** Height `paragraph` takes for this text in this box, without page breaks, in points. */
	measureHeight(text: string, box: TextBox): number
	/** Width of the widest line when nothing wraps, in points. */
	measureWidth(text: string, style: TextStyle): number
	/** Height of one line, in points (`lineGap` not included). */
	measureLineHeight(style: Pick<TextStyle, 'fontSize' | 'lineHeight'>): number
	/** The lines `paragraph` would draw, in logical order, without their trailing spaces. */
	wrap(text: string, box: TextBox): string[]
	/** Draws text on one line (newlines become spaces) and returns its width. */
	textLine(text: string, options: TextLineOptions): number
}

/** Vertical metrics per language, in ems: room above and below the baseline. */
const LINE_METRICS: Record<Language, { ascent: number; descent: number }> = {
	ar: { ascent: 1.05, descent: 0.55 },
	en: { ascent: 1.069, descent: 0.293 },
	es: { ascent: 1.069, descent: 0.293 },
	fr: { ascent: 1.069, descent: 0.293 },
	ru: { ascent: 1.069, descent: 0.293 },
	zh: { ascent: 1.16, descent: 0.288 },
}

export function createTypesetter(
	doc: PDFKit.PDFDocument,
	{ lang }: { lang: Language },
): Typesetter {
	const direction: TextDirection = lang === 'ar' ? 'rtl' : 'ltr'
	const metrics = LINE_METRICS[lang]

	const layoutStyle = (style: TextStyle): LayoutStyle => ({
		lang,
		fontSize: style.fontSize,
		bold: style.bold ?? false,
		direction: style.direction ?? direction,
	})

	const lineHeight = (style: Pick<TextStyle, 'fontSize' | 'lineHeight'>) =>
		style.fontSize * (style.lineHeight ?? metrics.ascent + metrics.descent)

	const baselineOffset = (style: TextStyle) => {
		const height = lineHeight(style)
		const glyphBox = style.fontSize * (metrics.ascent + metrics.descent)
		return (height - glyphBox) / 2 + style.fontSize * metrics.ascent
	}

	const drawLine = (line: LaidOutLine, x: number, top: number, box: TextLineOptions) => {
		const align = physicalAlign(box.align ?? 'start', line.direction)
		const room = (box.width ?? line.width) - line.width
		const left = align === 'left' ? x : align === 'right' ? x + room : x + room / 2
		const runs = line.runs.map(({ run }) => run)
		drawRunsOnBaseline(doc, runs, left, top + baselineOffset(box), box.fontSize)
	}

	return {
		lang,
		direction,

		paragraph(text, options) {
			const x = options.x ?? doc.page.margins.left
			let y = options.y ?? doc.y
			const lines = layoutText(text, layoutStyle(options), options.width)
			const height = lineHeight(options)
			const gap = options.lineGap ?? 0
			const pageBreaks = options.pageBreaks ?? true
			let pagesAdded = 0
			let linesOnPage = 0
			let onFreshPage = false
			if (options.color !== undefined) doc.fillColor(options.color)
			lines.forEach((line, index) => {
				if (index > 0) y += gap
				const bottom = options.bottom ?? doc.page.height - doc.page.margins.bottom
				const mayBreak = linesOnPage > 0 || (!onFreshPage && y > doc.page.margins.top)
				if (pageBreaks && mayBreak && y + height > bottom + 0.001) {
					doc.addPage()
					if (options.color !== undefined) doc.fillColor(options.color)
					y = doc.y
					pagesAdded++
					linesOnPage = 0
					onFreshPage = true
				}
				drawLine(line, x, y, { ...options, x, y })
				y += height
				linesOnPage++
			})
			doc.x = x
			doc.y = y
			return { y, lineCount: lines.length, pagesAdded }
		},

		measureHeight(text, box) {
			const count = layoutText(text, layoutStyle(box), box.width).length
			return count === 0 ? 0 : count * lineHeight(box) + (count - 1) * (box.lineGap ?? 0)
		},

		measureWidth(text, style) {
			const lines = layoutText(text, layoutStyle(style), Infinity)
			return lines.reduce((widest, line) => Math.max(widest, line.width), 0)
		},

		measureLineHeight: lineHeight,

		wrap(text, box) {
			return layoutText(text, layoutStyle(box), box.width).map((line) => line.text)
		},

		textLine(text, options) {
			const [line] = layoutText(
				text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' '),
				layoutStyle(options),
				Infinity,
			)
			if (!line) return 0
			const { x, y } = doc
			if (options.color !== undefined) doc.fillColor(options.color)
			drawLine(line, options.x, options.y, options)
			doc.x = x
			doc.y = y
			return line.width
		},
	}
}

function physicalAlign(align: TextAlign, direction: TextDirection): 'left' | 'right' | 'center' {
	if (align === 'start') return direction === 'rtl' ? 'right' : 'left'
	if (align === 'end') return direction === 'rtl' ? 'left' : 'right'
	return align
}
