import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

test('an admin records the communication of the COP-12 amendment as a new release', async ({
	page,
}) => {
	await login(page, ACCOUNTS.admin)
	await page.goto('/admin/code-lists')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Code lists: the depositary record',
	)
	const cop12 = page
		.getByRole('table', { name: 'Amendments of Annexes A, B and C' })
		.getByRole('row', { name: /sc12-2025/ })
	await expect(cop12).toContainText('Adopted, not yet in force')
	await expectAccessible(page)

	const form = page.getByRole('form', { name: 'Record an entry of the depositary record' })
	await form.getByLabel('Kind of entry').selectOption('communication')
	await form.getByLabel('Amendment').selectOption('sc12-2025')
	await form.getByLabel('Date', { exact: true }).fill('2025-10-01')
	await form.getByLabel('Depositary notification').fill('C.N.100.2025.TREATIES-XXVII.15')
	await form.getByLabel('Source').fill('UN Treaty Collection, XXVII-15 (browser test)')
	await form.getByRole('button', { name: 'Record the entry' }).click()

	await expect(page.getByRole('status')).toHaveText(/Release 1 recorded/)
	await expect(cop12).toContainText('C.N.100.2025.TREATIES-XXVII.15')
	await expect(cop12).not.toContainText('Adopted, not yet in force')

	// A second communication is refused unless it is confirmed as a correction; nothing typed is lost.
	await form.getByLabel('Amendment').selectOption('sc12-2025')
	await form.getByLabel('Date', { exact: true }).fill('2025-10-02')
	await form.getByLabel('Source').fill('Second reading')
	await form.getByRole('button', { name: 'Record the entry' }).click()
	await expect(page.getByRole('alert')).toContainText('already recorded')
	await expect(form.getByLabel('Source')).toHaveValue('Second reading')

	// What a Party is asked: Argentina (Art. 25(4)) only from its own deposits.
	await page.getByRole('combobox', { name: 'Party' }).first().selectOption('ARG')
	await page.getByRole('button', { name: 'Show' }).click()
	await expect(page.getByRole('row', { name: /Perfluorooctanoic acid/ })).toContainText(
		'90 days after the Party’s deposit',
	)
	await expect(page.getByRole('row', { name: /Medium-chain/ })).toContainText(
		'Opt-in Party; no deposit recorded',
	)
})
