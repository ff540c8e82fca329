import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

/**
 * Parties as users see them: the European Union beside the world map and on its administration
 * page, the dated, sourced status of each convention, and an administrator's entry kept apart
 * from the release.
 */

test('the dashboard lists the European Union beside the map, with its status', async ({ page }) => {
	await login(page, ACCOUNTS.reviewer)
	await page.goto('/review')
	await page.getByRole('link', { name: 'Status dashboard' }).click()
	await expect(page.getByText(/Not on the map: .*European Union \(Not started\)/)).toBeVisible()
	await expect(page.getByRole('rowheader', { name: 'European Union', exact: true })).toBeVisible()
})

test('an administrator sees the release for a Party and records a later deposit', async ({
	page,
}) => {
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/countries?q=korea')
	await expect(page.getByRole('link', { name: 'Republic of Korea', exact: true })).toBeVisible()
	await expect(
		page.getByRole('link', { name: "Democratic People's Republic of Korea" }),
	).toBeVisible()

	await page.goto('/admin/countries/EUU')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('European Union (EUU)')
	const minamata = page.getByRole('region', { name: 'Minamata Convention' })
	await expect(minamata).toContainText('approval')
	await expect(minamata).toContainText('Release')
	await expectAccessible(page)

	await page.goto('/admin/countries/USA')
	const stockholm = page.getByRole('region', { name: 'Stockholm Convention' })
	await expect(stockholm.getByRole('definition').first()).toHaveText('Signatory')
	const usMinamata = page.getByRole('region', { name: 'Minamata Convention' })
	await expect(usMinamata).toContainText('acceptance')

	await page.goto('/admin/countries/NIU')
	const form = page.getByRole('form', { name: 'Minamata Convention' })
	await form.getByRole('combobox').selectOption('party')
	await form
		.getByTitle('Date of ratification, acceptance, approval or accession')
		.fill('2026-05-01')
	await form.getByRole('button', { name: 'Save' }).click()
	await expect(page.getByRole('status')).toHaveText('Convention status saved.')
	await expect(page.getByRole('region', { name: 'Minamata Convention' })).toContainText(
		'Entered by an administrator',
	)
	await expectAccessible(page)
})
