import ExcelJS from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractText } from '#exports/pdf/typesetting/pdf-inspection.ts'
import type { CommonalityAnalysis } from '#forms/commonality.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser } from '#tests/factories.ts'
import { signIn, startHttpApp, stopVite, type HttpApp } from '#tests/http-app.ts'

let t: TestDatabase
let app: HttpApp
let analystCookie: string
let frenchReviewerCookie: string
let contributorCookie: string

const get = (path: string, cookie: string) => app.fetch(path, { headers: { Cookie: cookie } })

beforeAll(async () => {
	t = await createTestDatabase()
	app = await startHttpApp(t.db)
	const analyst = await createUser(t.db, { roles: ['analyst'] })
	const reviewer = await createUser(t.db, { roles: ['reviewer'] })
	await t.db
		.updateTable('app_user')
		.set({ preferred_language: 'fr' })
		.where('id', '=', reviewer.id)
		.execute()
	const contributor = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
	analystCookie = await signIn(app, analyst.email)
	frenchReviewerCookie = await signIn(app, reviewer.email)
	contributorCookie = await signIn(app, contributor.email)
}, 180_000)
afterAll(async () => {
	await app?.close()
	await stopVite()
	await t?.destroy()
})

describe('the commonality page', () => {
	it('shows the matrix, the format differences and the calendar, each cell linking to its questions', async () => {
		const response = await get('/analysis/commonality', analystCookie)
		expect(response.status).toBe(200)
		const html = await response.text()
		expect(html).toMatch(
			/<h1 id="commonality-title"[^>]*>Commonality of reporting across conventions/,
		)
		// The focal point is asked by Stockholm, the DDT questionnaire and Basel: a link per form
		// to the list of its questions, which is on the page with their texts.
		expect(html).toContain('href="#q-CONTACT-NFP-basel-art13"')
		const focalPoint = formText(requireFormDefinition('basel-art13', 1), 'en').label(
			'i1_focal_point',
		)
		expect(html).toMatch(
			new RegExp(
				`id="q-CONTACT-NFP-basel-art13"><h4>[^<]+</h4><ul><li>${focalPoint.replace(/[()]/g, '\\$&')}`,
			),
		)
		// Waste exports: Basel in tonnes, Stockholm in kilograms, said in words.
		expect(html).toMatch(/TRADE\.EXPORT\.WASTE[\s\S]*?differs/)
		expect(html).toContain('kg converts to t (× 0.001)')
		// Seeded cycles and projected ones, marked as such.
		expect(html).toContain('Reporting cycle sc-art15-6')
		expect(html).toContain('Projected from the cadence')
		expect(html).toContain('Years with several reports due')
	})

	it('draws the matrix as a picture, described and captioned, before the same table', async () => {
		const html = await (await get('/analysis/commonality', analystCookie)).text()
		const figure = /<figure class="chart matrix-picture"[\s\S]*?<\/figure>/.exec(html)?.[0]
		expect(figure).toBeDefined()
		expect(figure).toMatch(
			/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-svg-title [^"]+-svg-desc"/,
		)
		expect(figure).toContain('<title id=')
		expect(figure).toMatch(
			/<desc[^>]*>Concepts \(rows\): \d+; forms \(columns\): 5; cells where a form asks a concept: \d+\./,
		)
		// A cell per concept and form, named in words, filled where the form asks the concept.
		const minamata = formText(requireFormDefinition('minamata-art21', 1), 'en').title()
		expect(figure).toMatch(new RegExp(`<title>LEG\\.MEASURE, ${minamata}: \\d+ questions</title>`))
		expect(figure).toMatch(
			/data-cell="CONTACT\.DNA\|minamata-art21"><rect[^>]*fill="#ffffff"[^>]*><title>CONTACT\.DNA, [^<]+: Not asked<\/title>/,
		)
		expect(figure).toContain(
			'<figcaption class="field-help">A filled cell is a concept the form asks',
		)
		// The data table is still there, after the picture.
		expect(html.indexOf('matrix-picture')).toBeLessThan(html.indexOf('id="matrix-caption"'))
	})

	it('speaks the user’s language, and shows one Party’s calendar', async () => {
		const html = await (await get('/analysis/commonality?party=KEN', frenchReviewerCookie)).text()
		expect(html).toContain('Points communs des rapports entre conventions')
		expect(html).toContain('pour Kenya')
		expect(html).toContain('diffère')
	})

	it('is refused to national users, as the other analysis pages', async () => {
		expect((await get('/analysis/commonality', contributorCookie)).status).toBe(403)
		expect((await get('/analysis/commonality/export?format=json', contributorCookie)).status).toBe(
			403,
		)
	})
})

describe('the commonality exports', () => {
	it('exports JSON with the matrix, the format rows and the calendar', async () => {
		const response = await get('/analysis/commonality/export?format=json&party=KEN', analystCookie)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Disposition')).toMatch(/commonality-KEN-.*\.json/)
		const document = (await response.json()) as CommonalityAnalysis & { party: string }
		expect(document.party).toBe('KEN')
		const ocp = document.content.rows.find((row) => row.concept.id === 'CONTACT.OCP')!
		expect(ocp.cells['stockholm-art15']?.[0]?.itemId).toBe('a_ocp_contact')
		const waste = document.format.find((row) => row.conceptId === 'TRADE.EXPORT.WASTE')!
		expect(waste.differences).toContain('unit')
		expect(document.timing.calendar.some((entry) => entry.source === 'cycle')).toBe(true)
		expect(document.timing.party?.partyCode).toBe('KEN')
	})

	it('exports the same tables as XLSX sheets and CSV files, texts in the language asked', async () => {
		const xlsx = await get('/analysis/commonality/export?format=xlsx&lang=fr', analystCookie)
		expect(xlsx.status).toBe(200)
		const workbook = new ExcelJS.Workbook()
		await workbook.xlsx.load(await xlsx.arrayBuffer())
		const names = workbook.worksheets.map((sheet) => sheet.name)
		expect(names).toEqual([
			'metadata',
			'matrix',
			'questions',
			'shares',
			'format',
			'calendar',
			'clashes',
			'consistency',
			'burden',
		])
		const questions = workbook.getWorksheet('questions')!
		const texts = questions.getSheetValues().flatMap((row) => (Array.isArray(row) ? [row] : []))
		const focal = texts.find((row) => row[1] === 'CONTACT.NFP' && row[2] === 'basel-art13')!
		const french = formText(requireFormDefinition('basel-art13', 1), 'fr').label('i1_focal_point')
		expect(focal[4]).toBe(french)
		expect(french).not.toBe(
			formText(requireFormDefinition('basel-art13', 1), 'en').label('i1_focal_point'),
		)

		const csv = await get('/analysis/commonality/export?format=csv', analystCookie)
		expect(csv.headers.get('Content-Type')).toBe('application/zip')
		const files = unzipSync(new Uint8Array(await csv.arrayBuffer()))
		expect(Object.keys(files).sort()).toEqual(
			[
				'burden',
				'calendar',
				'clashes',
				'consistency',
				'format',
				'matrix',
				'metadata',
				'questions',
				'shares',
			].map((name) => `${name}.csv`),
		)
		const calendar = strFromU8(files['calendar.csv']!)
		expect(calendar).toContain('form_id,convention,cycle,version')
		expect(calendar).toMatch(
			/stockholm-art15,stockholm,,,2026-01-01,2029-12-31,2030-08-31,projected/,
		)
	})

	it('prints the analysis as a PDF in the language asked, with the differences in words', async () => {
		const response = await get(
			'/analysis/commonality/export?format=pdf&lang=fr&party=KEN',
			analystCookie,
		)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('application/pdf')
		const printed = await extractText(new Uint8Array(await response.arrayBuffer()))
		expect(printed).toContain('Points communs des rapports entre conventions')
		expect(printed).toContain('TRADE.EXPORT.WASTE')
		expect(printed).toContain('diffère')
		expect(printed).toContain('pour Kenya')
	})

	it('answers 404 for a Party that does not exist, and 400 for an unknown format', async () => {
		expect(
			(await get('/analysis/commonality/export?format=csv&party=ZZZ', analystCookie)).status,
		).toBe(404)
		expect((await get('/analysis/commonality/export?format=doc', analystCookie)).status).toBe(400)
	})
})
