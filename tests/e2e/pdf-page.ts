import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { Locator, Page } from '@playwright/test'

/**
 * Shows one page of a PDF as an image in the browser, so `toHaveScreenshot` can compare it: pdf.js
 * (the build bundled by unpdf, a dev dependency) draws it on a canvas, with the PDF's own embedded
 * fonts, at a fixed scale. No system PDF renderer (poppler's pdftoppm) is needed.
 *
 * The page is served from a made-up origin that only this page's routes answer, so the app's
 * Content-Security-Policy does not apply to it and nothing leaves the machine.
 */
const ORIGIN = 'http://pdf-page.invalid'
const PDFJS = readFileSync(
	path.join(path.dirname(createRequire(import.meta.url).resolve('unpdf')), 'pdfjs.mjs'),
)

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><style>
	body { margin: 0; background: #fff; }
	#sheet { position: relative; display: inline-block; }
	canvas { display: block; }
	.dynamic { position: absolute; }
</style></head>
<body><div id="sheet"><canvas id="canvas"></canvas></div>
<script type="module">
	import { getDocument } from '/pdf.mjs'
	const options = await (await fetch('/options.json')).json()
	const data = new Uint8Array(await (await fetch('/document.pdf')).arrayBuffer())
	const pdf = await getDocument({ data, isEvalSupported: false }).promise
	const page = await pdf.getPage(options.page)
	const viewport = page.getViewport({ scale: options.scale })
	const canvas = document.getElementById('canvas')
	canvas.width = Math.round(viewport.width)
	canvas.height = Math.round(viewport.height)
	await page.render({ canvasContext: canvas.getContext('2d'), viewport }).promise
	// Boxes over the text runs that change from one export to the next: on each line with a run
	// matching \`line\`, the runs matching \`runs\` (a date and a time may be runs of their own).
	const items = (await page.getTextContent()).items.filter((item) => 'str' in item)
	const line = new RegExp(options.line)
	const runs = new RegExp(options.runs)
	const baselines = items.filter((item) => line.test(item.str)).map((item) => item.transform[5])
	for (const item of items) {
		const [, , , , x, y] = item.transform
		if (!runs.test(item.str) || !baselines.some((b) => Math.abs(b - y) < 1)) continue
		const [left, top, right, bottom] = viewport.convertToViewportRectangle([
			x, y - item.height * 0.3, x + item.width, y + item.height,
		])
		const box = document.createElement('div')
		box.className = 'dynamic'
		Object.assign(box.style, {
			left: Math.min(left, right) + 'px',
			top: Math.min(top, bottom) + 'px',
			width: Math.abs(right - left) + 'px',
			height: Math.abs(bottom - top) + 'px',
		})
		document.getElementById('sheet').append(box)
	}
	document.body.dataset.rendered = String(pdf.numPages)
</script></body></html>`

/**
 * Opens page `number` of `pdf` on `page`, drawn at `scale` (1 = 72 dpi). On every line with a text
 * run matching `dynamic.line`, the runs matching `dynamic.runs` get a box over them. Returns the
 * sheet (canvas and boxes) and the boxes, to pass to `toHaveScreenshot` as the element and its
 * `mask`.
 */
export async function showPdfPage(
	page: Page,
	pdf: Buffer,
	{
		number = 1,
		scale = 1.25,
		dynamic,
	}: { number?: number; scale?: number; dynamic: { line: RegExp; runs: RegExp } },
): Promise<{ sheet: Locator; dynamic: Locator }> {
	const bodies: Record<string, { body: string | Buffer; contentType: string }> = {
		'/': { body: HTML, contentType: 'text/html; charset=utf-8' },
		'/pdf.mjs': { body: PDFJS, contentType: 'text/javascript' },
		'/document.pdf': { body: pdf, contentType: 'application/pdf' },
		'/options.json': {
			body: JSON.stringify({
				page: number,
				scale,
				line: dynamic.line.source,
				runs: dynamic.runs.source,
			}),
			contentType: 'application/json',
		},
	}
	await page.route(`${ORIGIN}/**`, (route) => {
		const found = bodies[new URL(route.request().url()).pathname]
		return found ? route.fulfill({ status: 200, ...found }) : route.fulfill({ status: 404 })
	})
	await page.goto(`${ORIGIN}/`)
	await page.locator('body[data-rendered]').waitFor({ timeout: 30_000 })
	return { sheet: page.locator('#sheet'), dynamic: page.locator('#sheet .dynamic') }
}
