import { expect, test, type Locator, type Page } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login, saved } from './fixtures.ts'

/**
 * What a new user found walking the editor (issue #10): picker lists clipped by tables, wide
 * tables losing the row's name and its Remove button, read-only fields looking editable, two tab
 * stops per cell, and a DDT warning shown before its question was answered. Kenya's DDT
 * questionnaire, started blank.
 */
test.describe.configure({ timeout: 180_000 })

let sectionsUrl = ''

/** Kenya's DDT questionnaire: started blank by the first test that needs it, opened afterwards. */
async function openReport(page: Page) {
	await login(page, ACCOUNTS.ocpKenya)
	await page.goto('/countries/KEN')
	await page.waitForLoadState('networkidle')
	const card = page.locator('.report-card', { hasText: 'DDT questionnaire, 2024–2026' })
	const open = card.getByRole('link', { name: 'Open the report' })
	if (await open.count()) await open.click()
	else await card.getByRole('button', { name: 'Start a blank report' }).click()
	await page.waitForURL(/sections\/[a-z_0-9]+$/)
	sectionsUrl = page.url().replace(/\/[a-z_0-9]+$/, '')
}

const section = (page: Page, id: string) => page.goto(`${sectionsUrl}/${id}`)

async function yes(page: Page, questionId: string) {
	await page.locator(`#q-${questionId}`).getByRole('radio', { name: 'Yes' }).check()
}

/** The DDT use section on a narrow screen, its spray-round table (wider than the screen) shown. */
async function openWideTable(page: Page) {
	await openReport(page)
	await page.setViewportSize({ width: 1100, height: 800 })
	await section(page, 'ddt_a_use')
	await yes(page, 'a_ddt_used')
}

type Box = { left: number; right: number; top: number; bottom: number }

async function boxOf(locator: Locator): Promise<Box> {
	return locator.evaluate((element) => {
		const { left, right, top, bottom } = element.getBoundingClientRect()
		return { left, right, top, bottom }
	})
}

/** The element is inside `container`'s visible box and nothing covers its middle. */
async function expectShownWithin(element: Locator, container: Locator) {
	const inner = await boxOf(element)
	const outer = await boxOf(container)
	expect(inner.left).toBeGreaterThanOrEqual(outer.left - 1)
	expect(inner.right).toBeLessThanOrEqual(outer.right + 1)
	const onTop = await element.evaluate((node) => {
		const { left, right, top, bottom } = node.getBoundingClientRect()
		const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2)
		return hit !== null && (node === hit || node.contains(hit))
	})
	expect(onTop).toBe(true)
}

test('a new DDT questionnaire: the Party and period read as read-only values; skip to the first question', async ({
	page,
}) => {
	await openReport(page)

	const party = page.getByRole('textbox', { name: /Reporting Party/ })
	await expect(party).toHaveValue('Kenya')
	await expect(party).toHaveAttribute('readonly', '')
	await expect(party).toBeEnabled()
	await expect(party).not.toBeEditable()
	await expect(party).toHaveAccessibleDescription(/cannot be changed here/)
	// A value, not a field: no input box around it, unlike the contact fields below.
	const looks = (locator: Locator) =>
		locator.evaluate((element) => {
			const style = getComputedStyle(element)
			return `${style.borderTopStyle} ${style.backgroundColor}`
		})
	const editable = page.getByRole('textbox', { name: 'Institution' }).first()
	await expect(editable).toBeEditable()
	expect(await looks(party)).toBe('none rgba(0, 0, 0, 0)')
	expect(await looks(editable)).not.toBe(await looks(party))

	// The first stop of the editor skips the section list and the toolbar.
	const skip = page.getByRole('link', { name: 'Skip to the first question' })
	await skip.focus()
	await expect(skip).toBeVisible()
	await page.keyboard.press('Enter')
	await expect(party).toBeFocused()
	await expectAccessible(page)
})

test('"not in the DDT Register" waits until the register question is answered', async ({
	page,
}) => {
	await openReport(page)
	const warning = page.getByText(/the Party is not in the DDT Register/)
	await section(page, 'ddt_a_use')
	await yes(page, 'a_ddt_used')
	await saved(page)
	await section(page, 'ddt_a_strategy')
	await expect(
		page.locator('#q-a_register_notified').getByRole('radio', { name: 'No' }),
	).toBeVisible()
	await expect(warning).toHaveCount(0)
	await page.locator('#q-a_register_notified').getByRole('radio', { name: 'No' }).check()
	await expect(warning).toBeVisible()
	await page.locator('#q-a_register_notified').getByRole('radio', { name: 'Yes' }).check()
	await expect(warning).toHaveCount(0)
	await saved(page)
})

test('the page shows the checks as it loads, and checks a change made before the engine has loaded', async ({
	page,
}) => {
	await openReport(page)
	const warning = page.getByText(/the Party is not in the DDT Register/)
	const register = page.locator('#q-a_register_notified')
	// The engine (a chunk of its own) answers only when the test lets it.
	let release = () => {}
	const held = new Promise<void>((resolve) => (release = resolve))
	await page.route(/\/assets\/engine-[^/]*\.js$/, async (route) => {
		await held
		await route.continue()
	})
	await section(page, 'ddt_a_strategy')
	await register.getByRole('radio', { name: 'No' }).check()
	await expect(warning).toHaveCount(0)
	release()
	await expect(warning).toBeVisible()
	await saved(page)

	// Reloaded without the engine: the checks the server made are shown.
	await page.unroute(/\/assets\/engine-[^/]*\.js$/)
	await page.route(/\/assets\/engine-[^/]*\.js$/, (route) => route.abort())
	await page.reload()
	await expect(warning).toBeVisible()
	await page.unroute(/\/assets\/engine-[^/]*\.js$/)
	await register.getByRole('radio', { name: 'Yes' }).check()
	await expect(warning).toHaveCount(0)
	await saved(page)
})

test('a picker list in a table is never clipped, flips above its input near the bottom, and finds countries by other names', async ({
	page,
}) => {
	await openReport(page)
	await section(page, 'ddt_a_trade')
	await yes(page, 'a_ddt_imported')
	const imports = page.getByRole('grid', { name: 'Imports of DDT' })
	await page
		.getByRole('region', { name: 'Imports of DDT' })
		.getByRole('button', { name: 'Add a row' })
		.click()
	// Adding a row moves focus into its first cell.
	await expect(imports.getByRole('textbox', { name: 'Year — Row 1' })).toBeFocused()

	const country = imports.getByRole('combobox', { name: 'Exporting country — Row 1' })
	await country.fill('a')
	const list = page.getByRole('listbox')
	await expect(list).toBeVisible()
	const scrollBox = page.locator('.table-scroll', { has: imports })
	// The list is taller than the table's scroll box: it used to be cut off there.
	expect((await boxOf(list)).bottom).toBeGreaterThan((await boxOf(scrollBox)).bottom)
	// Its whole box is shown: the middle of its bottom edge and of its sixth option are its own.
	const options = list.getByRole('option')
	expect(await options.count()).toBeGreaterThan(5)
	const shown = await list.evaluate((node) => {
		const box = node.getBoundingClientRect()
		const hit = (x: number, y: number) => {
			const element = document.elementFromPoint(x, y)
			return element !== null && node.contains(element)
		}
		const sixth = node.querySelectorAll('[role="option"]')[5]!.getBoundingClientRect()
		return {
			bottom: hit((box.left + box.right) / 2, box.bottom - 3),
			sixth: hit((sixth.left + sixth.right) / 2, (sixth.top + sixth.bottom) / 2),
		}
	})
	expect(shown).toEqual({ bottom: true, sixth: true })
	await page.keyboard.press('Escape')

	// Near the bottom of the window the list opens above its input.
	await country.evaluate((input) =>
		window.scrollBy(0, input.getBoundingClientRect().bottom - window.innerHeight + 12),
	)
	await country.fill('b')
	await expect(list).toBeVisible()
	expect((await boxOf(list)).bottom).toBeLessThanOrEqual((await boxOf(country)).top + 1)

	// Focus moving to another field closes the list as it moves (React renders the blur in a
	// microtask), not in a timer that would land in the next field's typing.
	const expandedAfterBlur = await country.evaluate(async (input) => {
		const row = input.closest('tr')!
		row.querySelector<HTMLInputElement>('input[type="text"]:not([role="combobox"])')!.focus()
		await new Promise<void>((resolve) => queueMicrotask(resolve))
		return input.getAttribute('aria-expanded')
	})
	expect(expandedAfterBlur).toBe('false')
	await expect(list).toBeHidden()

	// Other names and abbreviations find the country, and rank it first.
	const otherNames: [typed: string, name: string][] = [
		['UK', 'United Kingdom of Great Britain and Northern Ireland'],
		['Ivory Coast', 'Côte d’Ivoire'],
		['Turkey', 'Türkiye'],
		['Holland', 'Netherlands (Kingdom of the)'],
	]
	for (const [typed, name] of otherNames) {
		await country.fill(typed)
		await expect(list.getByRole('option').first()).toHaveText(name)
	}
	await page.keyboard.press('Enter')
	await expect(country).toHaveValue('Netherlands (Kingdom of the)')
	await saved(page)
	await expectAccessible(page)
})

test('an editable table is one tab stop: arrow keys between cells, Alt+M for the status menu, focus kept on Remove', async ({
	page,
}) => {
	await openReport(page)
	await section(page, 'ddt_a_trade')
	const region = page.getByRole('region', { name: 'Imports of DDT' })
	const imports = page.getByRole('grid', { name: 'Imports of DDT' })
	const body = imports.locator('tbody')
	const year = imports.getByRole('textbox', { name: 'Year — Row 1' })
	const country = imports.getByRole('combobox', { name: 'Exporting country — Row 1' })
	const quantity = imports.getByRole('textbox', { name: /Quantity .* — Row 1/ })
	// A row of imports to move through: the picker test's, or a new one when run alone.
	await yes(page, 'a_ddt_imported')
	if ((await year.count()) === 0) await region.getByRole('button', { name: 'Add a row' }).click()
	await expect(year).toBeVisible()

	// Only one control of the table is in the tab order, and no cell has a second one.
	await expect(
		body.locator(
			'input:not([tabindex="-1"]), select:not([tabindex="-1"]), button:not([tabindex="-1"])',
		),
	).toHaveCount(1)

	await year.fill('2025')
	await page.keyboard.press('ArrowRight')
	await expect(country).toBeFocused()
	await page.keyboard.press('ArrowRight')
	await expect(quantity).toBeFocused()
	await page.keyboard.press('ArrowLeft')
	await expect(country).toBeFocused()
	await page.keyboard.press('ArrowRight')
	await expect(quantity).toBeFocused()

	// Tab leaves the table; Shift+Tab comes back to the cell left.
	await page.keyboard.press('Tab')
	await expect(region.getByRole('button', { name: 'Add a row' })).toBeFocused()
	await page.keyboard.press('Shift+Tab')
	await expect(quantity).toBeFocused()

	// The status menu is a shortcut away, announced and shown in the help.
	await expect(quantity).toHaveAttribute('aria-keyshortcuts', 'Alt+M')
	await expect(region.getByText(/Alt\+M opens the status menu of a cell/)).toBeVisible()
	const menu = imports.getByRole('combobox', { name: /Status of Quantity .* — Row 1/ })
	await expect(menu).toHaveAttribute('tabindex', '-1')
	await page.keyboard.press('Alt+m')
	await expect(menu).toBeFocused()
	// Escape closes the menu's list if it opened, then goes back to the cell's input.
	await page.keyboard.press('Escape')
	await page.keyboard.press('Escape')
	await expect(quantity).toBeFocused()
	await page.keyboard.press('Alt+m')
	await menu.selectOption({ label: 'Confidential' })
	await expect(imports.locator('.marker-chip')).toHaveText('Confidential')
	// The menu now stands for the cell; choosing "…" (an answer) brings the input back, focused.
	await expect(menu).toBeFocused()
	await menu.selectOption({ index: 0 })
	await expect(quantity).toBeFocused()
	await quantity.fill('1500')

	// A second row; removing the first moves focus to the Remove button of the row now first.
	await region.getByRole('button', { name: 'Add a row' }).click()
	await expect(imports.getByRole('textbox', { name: 'Year — Row 2' })).toBeFocused()
	await imports.getByRole('button', { name: 'Remove Row 1' }).click()
	await expect(imports.getByRole('button', { name: 'Remove Row 1' })).toBeFocused()
	await expect(imports.getByRole('textbox', { name: 'Year — Row 1' })).toHaveValue('')
	await saved(page)
	await expectAccessible(page)
})

test('wide tables keep the row header and the Remove button in view while they scroll, fixed and open rows, in English and in Arabic', async ({
	page,
}) => {
	await openWideTable(page)
	await section(page, 'ddt_b_alternatives')
	await yes(page, 'b_chemical_alternatives_used')
	await page
		.getByRole('region', { name: 'Chemical alternatives used' })
		.getByRole('button', { name: 'Add a row' })
		.click()
	await page.keyboard.type('Alpha-cypermethrin')
	await saved(page)

	/** Scrolls the table with `column` to its far edge; its row header (and Remove) stay in view. */
	const check = async (column: string) => {
		const table = page.locator('table.table--editor', {
			has: page.locator(`td[data-column="${column}"]`),
		})
		const scrollBox = page.locator('.table-scroll', { has: table })
		const rowHeader = table.locator('tbody th[scope="row"]').first()
		const headerCell = table.locator('thead th').first()
		// The row's Remove button, by its place (its name is in the page's language).
		const remove = table.locator('tbody tr').first().locator('td.cell--actions button')
		const open = (await remove.count()) > 0
		const widths = await scrollBox.evaluate((box) => ({
			scroll: box.scrollWidth,
			client: box.clientWidth,
		}))
		expect(widths.scroll).toBeGreaterThan(widths.client + 100)
		// At the start edge, Remove is in view at the other edge; at the far edge, the row's name.
		if (open) await expectShownWithin(remove, scrollBox)
		await scrollBox.evaluate((box) => {
			const rtl = getComputedStyle(box).direction === 'rtl'
			box.scrollLeft = rtl ? -box.scrollWidth : box.scrollWidth
		})
		await expectShownWithin(rowHeader, scrollBox)
		await expectShownWithin(headerCell, scrollBox)
		if (!open) return { header: await boxOf(rowHeader), scrollBox: await boxOf(scrollBox) }
		// Open rows keep their first column too (what the row is about), and Remove.
		await expectShownWithin(table.locator(`td[data-row="0"][data-column="${column}"]`), scrollBox)
		await expectShownWithin(remove, scrollBox)
		return { header: await boxOf(rowHeader), remove: await boxOf(remove) }
	}

	const english = await check('insecticide')
	expect(english.header.left).toBeLessThan(english.remove!.left)
	await section(page, 'ddt_a_use')
	const englishFixed = await check('spray_rounds')
	expect(englishFixed.header.left).toBeLessThan(englishFixed.scrollBox!.left + 100)

	try {
		await page.locator('#language-select').selectOption('ar')
		await page.waitForLoadState('networkidle')
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
		const arabicFixed = await check('spray_rounds')
		expect(arabicFixed.header.right).toBeGreaterThan(arabicFixed.scrollBox!.right - 100)
		await section(page, 'ddt_b_alternatives')
		const arabic = await check('insecticide')
		expect(arabic.header.left).toBeGreaterThan(arabic.remove!.left)
	} finally {
		await page.locator('#language-select').selectOption('en')
		await page.waitForLoadState('networkidle')
	}
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
})

test('a wide table scrolls from the keyboard before the page is interactive, and is one tab stop once it is', async ({
	page,
}) => {
	await openWideTable(page)
	await saved(page)
	const table = page.locator('table.table--editor', {
		has: page.locator('td[data-column="spray_rounds"]'),
	})
	const scrollBox = page.locator('.table-scroll', { has: table })
	// A cell's control, or the placeholder standing for it in a row far from the screen.
	const tabbable = table.locator(
		'tbody :is(input, select, button, [data-cell-input]):not([tabindex="-1"]):not(:disabled)',
	)

	// A slow computer still loading the scripts: the controls wait, disabled; the box is the tab
	// stop and scrolls. (axe would call the box unreachable: it takes everything inside a disabled
	// fieldset for disabled, where HTML disables only form controls and Chromium focuses the box.)
	await page.route(/\/assets\/.*\.js$/, (route) => route.abort())
	await page.reload()
	await expect(scrollBox).toHaveAttribute('tabindex', '0')
	await expect(tabbable).toHaveCount(0)
	await scrollBox.focus()
	await expect(scrollBox).toBeFocused()
	await page.keyboard.press('ArrowRight')
	await expect.poll(() => scrollBox.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0)

	// Interactive: Tab enters the table at one of its cells, not at the box around it.
	await page.unroute(/\/assets\/.*\.js$/)
	await page.reload()
	await expect(page.locator('fieldset.editor__fields')).not.toHaveAttribute('disabled')
	await expect(scrollBox).not.toHaveAttribute('tabindex')
	await expect(tabbable).toHaveCount(1)
	await expectAccessible(page)
})

/**
 * Every control of a question or a table cell in the open section: whether a form inside that
 * cell or question owns it, and whether that form also holds another answer's controls. Review
 * threads and reuse offers are forms of their own already.
 */
function answerFormOwners(page: Page) {
	return page.locator('fieldset.editor__fields').evaluate((fields) =>
		[...fields.querySelectorAll<HTMLInputElement>('input, select, textarea')]
			.filter((control) => !['file', 'hidden'].includes(control.type))
			.filter((control) => control.closest('td, .question') !== null)
			.filter((control) => control.closest('.threads, .reuse-inline__offer') === null)
			.map((control) => {
				const answer = control.closest('td, .question')
				const form = control.form
				return {
					id: control.id,
					inCell: answer?.tagName === 'TD',
					owned: form !== null && answer !== null && answer.contains(form),
					shared: form
						? [...form.elements].some((other) => other.closest('td, .question') !== answer)
						: false,
				}
			}),
	)
}

test("each answer's controls have a form of their own, which Enter never submits", async ({
	page,
}) => {
	await openReport(page)
	// Chrome's autofill reads every control of a changed field's form after each keystroke: a
	// question's or a cell's controls are their own form, never all of the page's together.
	const contact = await answerFormOwners(page)
	expect(contact.length).toBeGreaterThan(3)
	for (const owner of contact) expect(owner).toEqual({ ...owner, owned: true, shared: false })
	const institution = page.getByRole('textbox', { name: 'Institution' }).first()
	await institution.fill('Ministry of Health')
	await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
	await institution.press('Enter')

	await section(page, 'ddt_a_trade')
	const imports = page.getByRole('grid', { name: 'Imports of DDT' })
	const year = imports.getByRole('textbox', { name: 'Year — Row 1' })
	await yes(page, 'a_ddt_imported')
	if ((await year.count()) === 0)
		await page
			.getByRole('region', { name: 'Imports of DDT' })
			.getByRole('button', { name: 'Add a row' })
			.click()
	await expect(year).toBeVisible()
	const cells = await answerFormOwners(page)
	expect(cells.filter((owner) => owner.inCell).length).toBeGreaterThan(2)
	for (const owner of cells) expect(owner).toEqual({ ...owner, owned: true, shared: false })

	// Enter submits neither form: the page stays (no reload), and what was typed is saved.
	const url = page.url()
	await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
	await year.fill('2024')
	await year.press('Enter')
	await saved(page)
	expect(page.url()).toBe(url)
	expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
	await page.reload()
	await expect(imports.getByRole('textbox', { name: 'Year — Row 1' })).toHaveValue('2024')
	await page.goBack()
	await expect(page.getByRole('textbox', { name: 'Institution' }).first()).toHaveValue(
		'Ministry of Health',
	)
})
