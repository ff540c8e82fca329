import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#server/demo/accounts.ts'

/**
 * Starts the app the way the README tells a new user to: `npm start` with nothing in the
 * environment but PATH and HOME (plus a port and a throwaway embedded database, so it cannot touch
 * a developer's `.data/`), then signs in through the login page in Chromium.
 */
const port = Number(process.env.README_PORT ?? 3199)
let server: ChildProcess | undefined
let output = ''
let dataDir = ''

test.beforeAll(async () => {
	dataDir = mkdtempSync(path.join(tmpdir(), 'readme-start-'))
	server = spawn('npm', ['start'], {
		cwd: path.resolve(import.meta.dirname, '../..'),
		env: {
			PATH: process.env.PATH,
			HOME: process.env.HOME,
			PORT: String(port),
			PGLITE_DIR: path.join(dataDir, 'pglite'),
		},
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
	server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
	const deadline = Date.now() + 240_000
	while (!output.includes(`Serving http://localhost:${port}`)) {
		if (server.exitCode !== null) throw new Error(`npm start exited early:\n${output}`)
		if (Date.now() > deadline) throw new Error(`npm start did not serve in time:\n${output}`)
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
})

test.afterAll(async () => {
	if (server?.pid && server.exitCode === null) {
		const exited = new Promise((resolve) => server!.once('exit', resolve))
		process.kill(-server.pid, 'SIGTERM')
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))])
		if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL')
	}
	rmSync(dataDir, { recursive: true, force: true })
})

test('npm start serves a working app and prints the demo accounts', async ({ page }) => {
	for (const account of DEMO_ACCOUNTS) expect(output).toContain(account.email)
	expect(output).toContain(DEMO_PASSWORD)

	const serverErrors: string[] = []
	page.on('response', (response) => {
		if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`)
	})
	// A visitor lands on the public overview, published reports and all, and signs in from there.
	await page.goto(`http://localhost:${port}/`)
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await page.getByRole('link', { name: 'Sign in', exact: true }).first().click()
	await expect(page).toHaveURL(/\/login/)
	await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible()

	const contactPoint = DEMO_ACCOUNTS.find((account) => account.email.startsWith('ocp.kenya'))!
	await page.getByLabel('Email address').fill(contactPoint.email)
	await page.getByLabel('Password').fill(DEMO_PASSWORD)
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome, ${contactPoint.name}`)

	// The client took over: following links renders the country home and a report.
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Kenya' }).click()
	await expect(page).toHaveURL(/\/countries\/KEN$/)
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Kenya')
	await page.getByRole('link', { name: 'Open the report' }).first().click()
	await expect(page).toHaveURL(/\/reports\/[0-9a-f-]{36}\/sections/)
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	expect(serverErrors).toEqual([])
	expect(output).not.toMatch(/Unexpected Server Error|getOwner is not a function/)
})
