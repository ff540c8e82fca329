import { expect, test } from '@playwright/test'
import { ACCOUNTS, expectAccessible, login } from './fixtures.ts'

/**
 * Files in the editor, on a report the secretariat enters for a country (Ghana): stored under the
 * extension of their content, whatever their name says, and a web page disguised as a PDF refused
 * with a message saying what to do. (The country's own reports are left to the other specs.)
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n')

test('files are named after their content; a disguised web page is refused', async ({ page }) => {
	await login(page, ACCOUNTS.reviewer)
	await page.goto('/review/enter')
	await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Ghana' })
	await page
		.getByLabel('Reporting cycle')
		.selectOption({ label: 'Stockholm Convention Article 15 national report, 6th cycle' })
	await page.getByRole('button', { name: 'Start entering the report' }).click()
	await page.waitForURL(/\/reports\/[0-9a-f-]{36}\/sections/)
	const reportId = /reports\/([0-9a-f-]{36})/.exec(page.url())![1]!

	await page.goto(`/reports/${reportId}/sections/b_obstacles`)
	await page.waitForLoadState('networkidle')
	const files = page.locator('#q-b_attachments')
	const input = files.getByLabel('Attach a file')
	// A PDF named like a program, with a right-to-left override that would show it as "…fdp.exe".
	await input.setInputFiles({
		name: 'setup\u202Efdp.exe',
		mimeType: 'application/octet-stream',
		buffer: PDF,
	})
	const link = files.getByRole('link', { name: 'setupfdp.pdf' })
	await expect(link).toBeVisible()
	const download = await page.request.get((await link.getAttribute('href'))!)
	expect(download.headers()['content-type']).toBe('application/pdf')
	expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="setupfdp\.pdf"/)
	// (The server sets it on every response too; browsers read the first value.)
	expect(download.headers()['x-content-type-options']).toMatch(/^nosniff\b/)

	await input.setInputFiles({
		name: 'minutes.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.concat([PDF, Buffer.from('<html><script>alert(1)</script></html>')]),
	})
	await expect(files.getByRole('status')).toHaveText(
		'This file also contains web page code (HTML or script), so it cannot be attached. Save or print it again as a PDF and attach that file.',
	)
	await expect(files.locator('.attachment-list li')).toHaveCount(1)
	await expectAccessible(page)
})
