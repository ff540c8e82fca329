import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { RouteConfigEntry } from '@react-router/dev/routes'
import { describe, expect, it } from 'vitest'
import routes from './routes.ts'

const APP = resolve('app')

function routeFiles(entries: RouteConfigEntry[]): string[] {
	return entries.flatMap((entry) => [resolve(APP, entry.file), ...routeFiles(entry.children ?? [])])
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name)
		if (entry.isDirectory()) return entry.name.startsWith('+') ? [] : sourceFiles(path)
		return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : []
	})
}

const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm

describe('route modules', () => {
	it('are imported by no other module: what two routes share lives in a component or a server module', async () => {
		const routeSet = new Set(routeFiles(await routes))
		const imports: string[] = []
		for (const file of sourceFiles(APP)) {
			for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
				const target = resolve(dirname(file), specifier!)
				if (routeSet.has(target)) imports.push(`${relative(APP, file)} → ${relative(APP, target)}`)
			}
		}
		expect(routeSet.size).toBeGreaterThan(40)
		expect(imports).toEqual([])
	})

	it('that show a page give it its own title (`pageTitle`), unless they only lay out or redirect', async () => {
		// Layouts name no page (their child does), redirects show none, and the 404 route is titled
		// by the root as its error ("Error 404").
		const untitled = new Set([
			'routes/admin/layout.tsx',
			'routes/reports/layout.tsx',
			'routes/reports/index.tsx',
			'routes/reports/sections-index.tsx',
			'routes/not-found.tsx',
		])
		const missing = routeFiles(await routes)
			.map((file) => relative(APP, file))
			.filter((file) => !untitled.has(file))
			.filter((file) => {
				const source = readFileSync(resolve(APP, file), 'utf8')
				return /^export default function/m.test(source) && !/^export const meta\b/m.test(source)
			})
		expect(missing).toEqual([])
	})
})
