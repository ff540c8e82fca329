import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { expect, type Page } from '@playwright/test'
import type { AxeResults, RunOptions } from 'axe-core'
import { DEMO_PASSWORD } from '#server/demo/accounts.ts'

export const ACCOUNTS = {
	admin: 'admin@demo.example.org',
	reviewer: 'reviewer@demo.example.org',
	analyst: 'analyst@demo.example.org',
	ocpKenya: 'ocp.kenya@demo.example.org',
	contributorKenya: 'contributor.kenya@demo.example.org',
	ocpIndia: 'ocp.india@demo.example.org',
	contributorIndia: 'contributor.india@demo.example.org',
} as const

/** Signs in, after signing out whoever was signed in on the page (a story's steps switch users). */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.context().clearCookies()
	await page.goto('/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in')
}

/**
 * The language of the session, as the language switcher sets it: on the account when signed in
 * (so a test that changes it sets it back to English), in the `lng` cookie otherwise. The page
 * must be on the site already (its origin is used).
 */
export async function setLanguage(page: Page, language: string) {
	const origin = new URL(page.url()).origin
	const response = await page.request.post(`${origin}/set-language`, {
		headers: { Origin: origin },
		form: { language, redirectTo: '/' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(302)
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page).toHaveURL(/\/login$/)
}

const AXE_SOURCE = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8',
)

type AxeWindow = { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }

/** Violations only: axe then keeps no details of what passed, about a third of its time. */
const AXE_OPTIONS: RunOptions = { resultTypes: ['violations'] }

/**
 * axe's violations on the current page, all rules of axe's default set. axe-core runs in the page
 * itself, put there once per page load (the app has no frames): @axe-core/playwright did the same
 * at about 250 ms more per scan, which on a 2-core machine running the four groups of browser
 * tests added minutes to a run.
 */
export async function axeScan(page: Page): Promise<AxeResults> {
	// The page as it is used: an editor's controls wait, disabled, until it is interactive. (Before
	// that a wide table's scroll box is the tab stop, which axe calls unreachable inside the
	// disabled fieldset although browsers focus it; editor-tables.spec checks that state.)
	await expect(page.locator('fieldset.editor__fields[disabled]')).toHaveCount(0)
	const loaded = await page.evaluate(() => 'axe' in window)
	if (!loaded) await page.evaluate(AXE_SOURCE)
	return page.evaluate(
		(options) => (window as unknown as AxeWindow).axe.run(document, options),
		AXE_OPTIONS,
	)
}

/** Fails on any serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page) {
	const results = await axeScan(page)
	const blocking = results.violations.filter(
		(v) => v.impact === 'serious' || v.impact === 'critical',
	)
	expect(
		blocking.map(
			(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
		),
	).toEqual([])
}

/**
 * Waits until the editor has saved everything typed so far. The short pause lets React show the
 * change as unsaved first, so an edit made just before cannot be mistaken for saved.
 */
export async function saved(page: Page) {
	const status = page.locator('[data-save-status]')
	await page.waitForTimeout(300)
	await expect(status).toHaveAttribute('data-dirty', '0', { timeout: 15_000 })
	await expect(status).toHaveAttribute('data-save-status', 'saved', { timeout: 15_000 })
}

const FIXTURE_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< >>\nendobj\n%%EOF\n')

/**
 * The answer of an attachment question with each file it names uploaded to the report first, as
 * the editor does (a save refers only to files of its own report; fixtures name made-up ones).
 */
async function withUploadedFiles(
	page: Page,
	origin: string,
	reportId: string,
	questionId: string,
	value: unknown,
) {
	const isRef = (item: unknown): item is { attachmentId: string; name: string } =>
		typeof item === 'object' && item !== null && 'attachmentId' in item
	if (!Array.isArray(value) || !value.every(isRef)) return value
	const refs: { attachmentId: string; name: string }[] = []
	for (const ref of value) {
		const response = await page.request.post(`${origin}/reports/${reportId}/attachments`, {
			headers: { Origin: origin },
			multipart: {
				questionId,
				file: { name: ref.name, mimeType: 'application/pdf', buffer: FIXTURE_PDF },
			},
		})
		expect(response.status(), await response.text()).toBe(200)
		const { attachment } = (await response.json()) as {
			attachment: { id: string; fileName: string }
		}
		refs.push({ attachmentId: attachment.id, name: attachment.fileName })
	}
	return refs
}

/** Fills answers through the autosave endpoint, as the editor would (the rest of the report). */
export async function saveThroughApi(
	page: Page,
	reportId: string,
	answers: Record<string, unknown>,
) {
	const origin = new URL(page.url()).origin
	const entries = await Promise.all(
		Object.entries(answers).map(
			async ([questionId, value]) =>
				[questionId, await withUploadedFiles(page, origin, reportId, questionId, value)] as const,
		),
	)
	const prepared = new Map(entries)
	// Revisions per question are read back from each response so later chunks do not conflict.
	const revisions: Record<string, number> = {}
	let since = 0
	for (let i = 0; i < entries.length; i += 50) {
		const response = await page.request.post(`${origin}/reports/${reportId}/answers`, {
			headers: { Origin: origin, 'Content-Type': 'application/json' },
			data: {
				sinceRevision: since,
				changes: entries.slice(i, i + 50).map(([questionId, value]) => ({
					questionId,
					baseRevision: revisions[questionId] ?? 0,
					value,
				})),
			},
		})
		const body = (await response.json()) as {
			revision: number
			conflicts: { questionId: string; theirsRevision: number }[]
		}
		expect(response.status(), JSON.stringify(body).slice(0, 500)).toBe(200)
		since = body.revision
		// Questions started with a value (Party, period, fixed table rows) conflict with base 0:
		// retry them against the stored revision.
		if (body.conflicts.length) {
			const retry = await page.request.post(`${origin}/reports/${reportId}/answers`, {
				headers: { Origin: origin, 'Content-Type': 'application/json' },
				data: {
					sinceRevision: since,
					changes: body.conflicts.map((c) => ({
						questionId: c.questionId,
						baseRevision: c.theirsRevision,
						value: prepared.get(c.questionId),
					})),
				},
			})
			expect(retry.status(), (await retry.text()).slice(0, 500)).toBe(200)
			since = ((await retry.json()) as { revision: number }).revision
		}
	}
}
