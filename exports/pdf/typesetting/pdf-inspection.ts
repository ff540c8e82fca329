// Test helpers: read PDFs back with poppler-utils (pdftotext, pdftoppm, pdfinfo, pdffonts).
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const PDF_ARTEFACTS_DIR = path.resolve('test-results/pdf-typesetting')

export function savePdf(name: string, bytes: Uint8Array): string {
	mkdirSync(PDF_ARTEFACTS_DIR, { recursive: true })
	const file = path.join(PDF_ARTEFACTS_DIR, `${name}.pdf`)
	writeFileSync(file, bytes)
	return file
}

function run(command: string, args: string[]): string {
	return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

/** pdftotext output; `page` limits it to one page (1-based). */
export function extractText(
	file: string,
	options: { layout?: boolean; page?: number } = {},
): string {
	const args = options.layout ? ['-layout'] : []
	if (options.page) args.push('-f', String(options.page), '-l', String(options.page))
	return run('pdftotext', [...args, file, '-'])
}

export interface WordBox {
	page: number
	/** As pdftotext -bbox gives it: characters in drawing order (right-to-left words backwards). */
	text: string
	xMin: number
	yMin: number
	xMax: number
	yMax: number
}

export function extractWords(file: string): WordBox[] {
	const xhtml = run('pdftotext', ['-bbox', file, '-'])
	const words: WordBox[] = []
	let page = 0
	const pattern =
		/<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
	for (const match of xhtml.matchAll(pattern)) {
		if (match[0] === '<page ') {
			page++
			continue
		}
		words.push({
			page,
			text: unescapeXml(match[5]!),
			xMin: Number(match[1]),
			yMin: Number(match[2]),
			xMax: Number(match[3]),
			yMax: Number(match[4]),
		})
	}
	return words
}

function unescapeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&')
}

/** A -bbox word in logical order: words with right-to-left letters are reversed. */
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

export function pageCount(file: string): number {
	const match = /^Pages:\s+(\d+)/m.exec(run('pdfinfo', [file]))
	return Number(match?.[1])
}

/** Names of the fonts embedded in the PDF, e.g. `BAAAAA+NotoSans-Regular`. */
export function embeddedFonts(file: string): string[] {
	return run('pdffonts', [file])
		.split('\n')
		.slice(2)
		.map((line) => line.split(/\s+/)[0]!)
		.filter(Boolean)
}

/** Renders one page at 60 dpi into the artefacts folder and returns the PNG's path. */
export function renderPng(file: string, name: string, page = 1): string {
	const target = path.join(PDF_ARTEFACTS_DIR, name)
	run('pdftoppm', [
		'-png',
		'-r',
		'60',
		'-f',
		String(page),
		'-l',
		String(page),
		'-singlefile',
		file,
		target,
	])
	return `${target}.png`
}
