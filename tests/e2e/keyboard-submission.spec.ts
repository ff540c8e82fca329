import { expect, test, type Locator, type Page } from '@playwright/test'
import { DEMO_PASSWORD } from '#server/demo/accounts.ts'
import { expectAccessible, saved } from './fixtures.ts'

/**
 * A whole report filled and submitted from the keyboard alone (issue #15): no click, no `fill`:
 * focus moves with Tab (and arrow keys where a widget manages its own focus), text is typed, and
 * Enter and Space act. Nigeria's DDT questionnaire, which no other spec touches, started blank by
 * its contact point (seeded by the demo: ocp.nga). On the way: radio groups, checkboxes, contact
 * blocks, an open table (add a row, a year, a country from the picker, a quantity), a fixed table
 * with a "not available" marker from a cell's status menu (Alt+M), yes/no cells, "not applicable"
 * written into empty cells by "Answer every empty cell with", the checks page and the submit
 * confirmation. The DDT questionnaire has no attachment question: files are attached from the
 * keyboard in the second test, on an Article 15 report.
 */
test.describe.configure({ timeout: 300_000 })

const CONTACT_POINT = 'ocp.nga@demo.example.org'

/** Signs in from the keyboard: the email box has the focus first. */
async function signIn(page: Page, email: string) {
	await page.context().clearCookies()
	await page.goto('/login')
	await typeInto(page, page.getByLabel('Email address'), email)
	await typeInto(page, page.getByLabel('Password'), DEMO_PASSWORD)
	await page.keyboard.press('Enter')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Welcome/)
}

/** Whether `locator` (one element, or any of several) has the focus. */
async function hasFocus(locator: Locator): Promise<boolean> {
	return locator.evaluateAll((elements) => elements.some((e) => e === document.activeElement))
}

/**
 * Presses Tab until `target` has the focus. Fails if it does not within `max` presses: then it is
 * not reachable from the keyboard in that direction.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 250 } = {}) {
	for (let i = 0; i < max; i++) {
		if (await hasFocus(target)) return
		await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
	}
	expect(await hasFocus(target), `not reached with ${max} presses of Tab`).toBe(true)
}

async function typeInto(page: Page, target: Locator, text: string) {
	await tabTo(page, target)
	await page.keyboard.type(text)
	await expect(target).toHaveValue(text)
}

/**
 * Chooses a radio button: Tab reaches the group once (its checked button, or its first), the arrow
 * keys move and choose, Space chooses the button that has the focus.
 */
async function chooseRadio(page: Page, question: Locator, name: string) {
	const target = question.getByRole('radio', { name, exact: true })
	await tabTo(page, question.getByRole('radio'))
	for (let i = 0; i < 10 && !(await hasFocus(target)); i++) await page.keyboard.press('ArrowDown')
	await page.keyboard.press('Space')
	await expect(target).toBeChecked()
}

async function tick(page: Page, checkbox: Locator) {
	await tabTo(page, checkbox)
	await page.keyboard.press('Space')
	await expect(checkbox).toBeChecked()
}

/** Follows the pager's link to the next section (or to the checks after the last one). */
async function nextSection(page: Page, title: string | RegExp) {
	await saved(page)
	await tabTo(
		page,
		page.getByRole('navigation', { name: 'Previous and next section' }).getByRole('link').last(),
	)
	await page.keyboard.press('Enter')
	await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()
	await page.waitForLoadState('networkidle')
}

const question = (page: Page, id: string) => page.locator(`#q-${id}`)

test('a contact point fills and submits a whole DDT questionnaire with the keyboard only', async ({
	page,
}) => {
	await test.step('sign in and start the questionnaire', async () => {
		await signIn(page, CONTACT_POINT)
		await tabTo(
			page,
			page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Nigeria' }),
		)
		await page.keyboard.press('Enter')
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nigeria')
		const card = page.locator('.report-card', { hasText: 'DDT questionnaire, 2024–2026' })
		await tabTo(page, card.getByRole('button', { name: 'Start a blank report' }))
		await page.keyboard.press('Enter')
		await expect(
			page.getByRole('heading', { level: 2, name: 'Party, period and contacts' }),
		).toBeVisible()
		await page.waitForLoadState('networkidle')
	})

	await test.step('contacts', async () => {
		for (const [id, person] of [
			[
				'g_contact',
				{
					institution: 'Federal Ministry of Environment',
					name: 'Amina Bello',
					address: 'Abuja',
					email: 'amina.bello@example.org',
				},
			],
			[
				'g_health_contact',
				{
					institution: 'National Malaria Elimination Programme',
					name: 'Chidi Okeke',
					address: 'Abuja',
					email: 'chidi.okeke@example.org',
				},
			],
		] as const) {
			const block = question(page, id)
			await typeInto(page, block.getByRole('textbox', { name: 'Institution' }), person.institution)
			await typeInto(page, block.getByRole('textbox', { name: 'Name', exact: true }), person.name)
			await typeInto(page, block.getByRole('textbox', { name: 'Postal address' }), person.address)
			await typeInto(page, block.getByRole('textbox', { name: 'E-mail' }), person.email)
		}
		await nextSection(page, 'Production')
	})

	await test.step('production and use: none', async () => {
		await chooseRadio(page, question(page, 'a_ddt_produced'), 'No')
		await nextSection(page, 'Use')
		await chooseRadio(page, question(page, 'a_ddt_used'), 'No')
		await nextSection(page, 'Import and export')
	})

	await test.step('imports: a row added, a year, a country from the picker, a quantity', async () => {
		await chooseRadio(page, question(page, 'a_ddt_imported'), 'Yes')
		const imports = page.getByRole('region', { name: 'Imports of DDT' })
		await tabTo(page, imports.getByRole('button', { name: 'Add a row' }))
		await page.keyboard.press('Enter')
		const grid = page.getByRole('grid', { name: 'Imports of DDT' })
		await expect(grid.getByRole('textbox', { name: 'Year — Row 1' })).toBeFocused()
		await page.keyboard.type('2025')
		await page.keyboard.press('ArrowRight')
		const country = grid.getByRole('combobox', { name: 'Exporting country — Row 1' })
		await expect(country).toBeFocused()
		await page.keyboard.type('Switz')
		await expect(page.getByRole('listbox').getByRole('option').first()).toHaveText('Switzerland')
		await page.keyboard.press('Enter')
		await expect(country).toHaveValue('Switzerland')
		await page.keyboard.press('ArrowRight')
		await expect(grid.getByRole('textbox', { name: /^Quantity .* — Row 1$/ })).toBeFocused()
		await page.keyboard.type('1200')
		await chooseRadio(page, question(page, 'a_ddt_exported'), 'No')
		await nextSection(page, 'Stocks, storage and disposal')
	})

	await test.step('stocks: a fixed table, one cell marked "not available" from its status menu', async () => {
		const grid = page.getByRole('grid', { name: 'Stocks of DDT at the end of each year' })
		const cell = (column: string, year: number) =>
			grid.getByRole('textbox', { name: new RegExp(`^${column}.* — ${year}$`) })
		await tabTo(page, cell('Total stock', 2024))
		// Enter moves down, as in a spreadsheet; arrow keys move between cells.
		await page.keyboard.type('5000')
		await page.keyboard.press('Enter')
		await expect(cell('Total stock', 2025)).toBeFocused()
		await page.keyboard.type('4200')
		await page.keyboard.press('ArrowRight')
		await expect(cell('Of which obsolete', 2025)).toBeFocused()
		await page.keyboard.type('300')
		await page.keyboard.press('ArrowUp')
		await expect(cell('Of which obsolete', 2024)).toBeFocused()
		await page.keyboard.type('250')
		await page.keyboard.press('ArrowDown')
		await page.keyboard.press('ArrowDown')
		await expect(cell('Of which obsolete', 2026)).toBeFocused()
		await page.keyboard.type('0')
		await page.keyboard.press('ArrowLeft')
		await page.keyboard.press('ArrowLeft')
		await expect(cell('Total stock', 2026)).toBeFocused()
		// The year's stock is not known yet: the cell's status menu says so.
		await page.keyboard.press('Alt+m')
		const menu = grid.getByRole('combobox', { name: /^Status of Total stock.* — 2026$/ })
		await expect(menu).toBeFocused()
		// The menu opens its list: typing moves to the option, Enter chooses it.
		await page.keyboard.type('Information not')
		await page.keyboard.press('Enter')
		await expect(menu.locator('option:checked')).toHaveText('Information not available')
		await expect(grid.locator('.marker-chip')).toHaveText('Information not available')

		await typeInto(
			page,
			page.getByRole('textbox', { name: /^Describe how DDT is stored/ }),
			'In a locked, ventilated central store.',
		)
		await chooseRadio(page, question(page, 'a_disposal'), 'No')
		await nextSection(page, 'Legal measures and other uses')
	})

	await test.step('legal measures: a yes/no cell in every row of a fixed table', async () => {
		const grid = page.getByRole('grid', { name: 'Legal measures on DDT' })
		const inPlace = grid.getByRole('combobox', { name: /^In place — / })
		const rows = await inPlace.count()
		expect(rows).toBeGreaterThan(3)
		await tabTo(page, inPlace.first())
		for (let row = 0; row < rows; row++) {
			await expect(inPlace.nth(row)).toBeFocused()
			// Typing chooses the option that begins with the letters typed.
			await page.keyboard.type('No')
			await expect(inPlace.nth(row)).toHaveValue('no')
			if (row < rows - 1) await page.keyboard.press('ArrowDown')
		}
		await chooseRadio(page, question(page, 'a_illegal_use'), 'No')
		await nextSection(page, 'Need for DDT and planning')
	})

	await test.step('strategy', async () => {
		await chooseRadio(page, question(page, 'a_continue_use'), 'No')
		await chooseRadio(page, question(page, 'a_action_plan'), 'Yes')
		await chooseRadio(page, question(page, 'a_register_notified'), 'No')
		await nextSection(page, 'Alternatives')
	})

	await test.step('alternatives: checkboxes and radio groups', async () => {
		await chooseRadio(page, question(page, 'b_chemical_alternatives_used'), 'No')
		const methods = question(page, 'b_non_chemical_methods')
		await tick(page, methods.getByRole('checkbox', { name: /^Environmental management/ }))
		await tick(page, methods.getByRole('checkbox', { name: /^Personal protection/ }))
		await chooseRadio(page, question(page, 'b_ivm_strategy'), 'Yes')
		await chooseRadio(page, question(page, 'b_alternatives_registered'), 'Yes')
		await nextSection(page, 'Safety')
	})

	await test.step('safety', async () => {
		const measures = question(page, 'c_exposure_measures')
		await tick(page, measures.getByRole('checkbox').first())
		await chooseRadio(page, question(page, 'c_monitoring'), 'No')
		await chooseRadio(page, question(page, 'c_incidents'), 'No')
		await typeInto(
			page,
			page.getByRole('textbox', { name: /containers/i }),
			'Returned to the supplier.',
		)
		await nextSection(page, 'Vector control systems')
	})

	await test.step('systems: cases of malaria typed, the rest answered "not applicable" at once', async () => {
		for (const id of [
			'd_programme_capacity',
			'd_entomological_surveillance',
			'd_resistance_monitoring',
			'd_resistance_plan',
		])
			await chooseRadio(page, question(page, id), 'Yes')
		const grid = page.getByRole('grid', { name: /cases/i })
		const malaria = grid.getByRole('textbox', { name: /^Cases.* — Malaria, 2024$/ })
		await tabTo(page, malaria)
		await page.keyboard.type('120000')
		const cases = page.getByRole('region', { name: /cases/i })
		const fillWith = cases.getByLabel('Answer every empty cell with')
		await tabTo(page, fillWith)
		await page.keyboard.type('Not applicable')
		await expect(fillWith.locator('option:checked')).toHaveText('Not applicable')
		await page.keyboard.press('Tab')
		await expect(cases.getByRole('button', { name: 'Fill' })).toBeFocused()
		await page.keyboard.press('Enter')
		await expect(cases.getByRole('status').filter({ hasText: /empty cells? filled/ })).toBeVisible()
		await expect(malaria).toHaveValue('120000')
		for (const id of ['d_intersectoral_coordination', 'd_data_management'])
			await chooseRadio(page, question(page, id), 'Yes')
		await expectAccessible(page)
		await nextSection(page, /./)
	})

	await test.step('the checks find nothing to correct; the contact point confirms and submits', async () => {
		await expect(page).toHaveURL(/\/validation$/)
		await expect(
			page.getByRole('region', { name: 'Checks before submission' }).getByRole('paragraph').first(),
		).toHaveText('100% complete: 0 questions to answer, 0 errors, 0 warnings.')
		await tabTo(
			page,
			page.getByRole('navigation', { name: 'Report' }).getByRole('link', { name: 'Submit' }),
		)
		await page.keyboard.press('Enter')
		const confirm = page.getByRole('checkbox', { name: /on behalf of my Government/ })
		await tick(page, confirm)
		await tabTo(page, page.getByRole('button', { name: 'Submit the report' }))
		await page.keyboard.press('Enter')
		await expect(page.getByRole('heading', { name: 'Receipt of submission #1' })).toBeVisible()
		await expectAccessible(page)
	})
})

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n')

test('files are attached and removed from the keyboard', async ({ page }) => {
	// The secretariat enters Togo's Article 15 report (a report no other spec touches), from the
	// keyboard too: the selects take the first letters of the option typed.
	await signIn(page, 'reviewer@demo.example.org')
	await tabTo(
		page,
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }),
	)
	await page.keyboard.press('Enter')
	await tabTo(page, page.getByRole('link', { name: 'Enter a report for a country' }))
	await page.keyboard.press('Enter')
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter a report for a country')
	const country = page.getByLabel('Country', { exact: true })
	await tabTo(page, country)
	await page.keyboard.type('Togo')
	await expect(country.locator('option:checked')).toHaveText('Togo')
	const cycle = page.getByLabel('Reporting cycle')
	await tabTo(page, cycle)
	await page.keyboard.type('Stockholm Convention Article 15 national report, 6')
	await expect(cycle.locator('option:checked')).toHaveText(
		'Stockholm Convention Article 15 national report, 6th cycle',
	)
	await tabTo(page, page.getByRole('button', { name: 'Start entering the report' }))
	await page.keyboard.press('Enter')
	await page.waitForURL(/\/reports\/[0-9a-f-]{36}\/sections\//)
	await page.waitForLoadState('networkidle')

	await tabTo(
		page,
		page
			.getByRole('navigation', { name: 'Sections' })
			.getByRole('link', { name: /^Obstacles, needs and comments/ }),
	)
	await page.keyboard.press('Enter')
	await expect(
		page.getByRole('heading', { level: 2, name: 'Obstacles, needs and comments' }),
	).toBeVisible()
	await page.waitForLoadState('networkidle')

	// Enter on the file input opens the file chooser, as Space does.
	const files = question(page, 'b_attachments')
	const input = files.getByLabel('Attach a file')
	// Listening first: Playwright starts catching file choosers when a listener is added, without
	// waiting, so a key pressed right after could open one before it is caught.
	const chooser = page.waitForEvent('filechooser')
	await tabTo(page, input)
	await page.keyboard.press('Enter')
	await (
		await chooser
	).setFiles({ name: 'action-plan.pdf', mimeType: 'application/pdf', buffer: PDF })
	const link = files.getByRole('link', { name: 'action-plan.pdf' })
	await expect(link).toBeVisible()
	await saved(page)

	const remove = files.getByRole('button', { name: 'Remove action-plan.pdf' })
	await tabTo(page, remove)
	await page.keyboard.press('Enter')
	await expect(link).toHaveCount(0)
	await expect(files.getByText('No file attached.')).toBeVisible()
	await saved(page)

	const again = page.waitForEvent('filechooser')
	await tabTo(page, input, { backwards: true })
	await page.keyboard.press('Space')
	await (await again).setFiles({ name: 'minutes.pdf', mimeType: 'application/pdf', buffer: PDF })
	await expect(files.getByRole('link', { name: 'minutes.pdf' })).toBeVisible()
	await saved(page)
	await page.reload()
	await expect(
		question(page, 'b_attachments').getByRole('link', { name: 'minutes.pdf' }),
	).toBeVisible()
	await expectAccessible(page)
})
