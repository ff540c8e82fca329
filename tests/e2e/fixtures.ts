import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '#db/seed/demo.ts'

export const ACCOUNTS = {
	admin: 'admin@demo.example.org',
	reviewer: 'reviewer@demo.example.org',
	analyst: 'analyst@demo.example.org',
	ocpKenya: 'ocp.kenya@demo.example.org',
	contributorKenya: 'contributor.kenya@demo.example.org',
	ocpIndia: 'ocp.india@demo.example.org',
	contributorIndia: 'contributor.india@demo.example.org',
} as const

export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login')
	await page.getByLabel('Email address').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Sign in')
}

export async function logout(page: Page) {
	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page).toHaveURL(/\/login$/)
}

/** Fails on any serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).analyze()
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
