import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

type ManifestRoute = {
	module: string
	imports?: string[]
	clientActionModule?: string
	clientLoaderModule?: string
}
type Manifest = {
	entry: { module: string; imports: string[] }
	routes: Record<string, ManifestRoute & { parentId?: string }>
}

/** The React Router client manifest of a production build (`build/client/assets/manifest-*.js`). */
export function readClientManifest(buildDir = 'build/client'): Manifest {
	const assets = path.join(buildDir, 'assets')
	const file = readdirSync(assets).find((f) => /^manifest-.*\.js$/.test(f))
	if (!file) throw new Error('No client manifest: run `npm run build` first.')
	const source = readFileSync(path.join(assets, file), 'utf8')
	const json = source.slice(source.indexOf('{'), source.lastIndexOf('}') + 1)
	return JSON.parse(json) as Manifest
}

/**
 * What a browser that accepts brotli is sent for a built file: its brotli copy from the build
 * (server/precompressed-assets.ts), else what the compression middleware makes of it (nothing below
 * 1 KB, brotli at quality 4 above).
 */
function servedBrotliBytes(file: string, bytes: Buffer) {
	if (existsSync(`${file}.br`)) return readFileSync(`${file}.br`).length
	if (bytes.length < 1024) return bytes.length
	return brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }).length
}

/**
 * The JavaScript a page loads for a route (entry, every route module from the root down, and their
 * imports), with gzip sizes (what the goals are set in) and the bytes a browser that accepts
 * brotli is actually sent: what a user on a slow connection downloads.
 */
export function routeJavaScript(routeId: string, buildDir = 'build/client') {
	const manifest = readClientManifest(buildDir)
	const files = new Set<string>([manifest.entry.module, ...manifest.entry.imports])
	let id: string | undefined = routeId
	while (id) {
		const route: (ManifestRoute & { parentId?: string }) | undefined = manifest.routes[id]
		if (!route) throw new Error(`Unknown route ${id}`)
		for (const f of [route.module, ...(route.imports ?? [])]) files.add(f)
		id = route.parentId
	}
	const rows = [...files].map((file) => {
		const onDisk = path.join(buildDir, file.replace(/^\//, ''))
		const bytes = readFileSync(onDisk)
		return {
			file,
			raw: bytes.length,
			gzip: gzipSync(bytes).length,
			servedBrotli: servedBrotliBytes(onDisk, bytes),
		}
	})
	return {
		rows,
		totalGzip: rows.reduce((s, r) => s + r.gzip, 0),
		totalRaw: rows.reduce((s, r) => s + r.raw, 0),
		totalServedBrotli: rows.reduce((s, r) => s + r.servedBrotli, 0),
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const result = routeJavaScript(process.argv[2] ?? 'routes/reports/editor')
	for (const row of result.rows.sort((a, b) => b.gzip - a.gzip)) {
		const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(7)} KB`
		console.log(`${kb(row.gzip)} gzip ${kb(row.servedBrotli)} sent  ${row.file}`)
	}
	console.log(
		`total: ${(result.totalGzip / 1024).toFixed(1)} KB gzip (${(result.totalRaw / 1024).toFixed(1)} KB raw); ` +
			`sent to a browser that accepts brotli: ${(result.totalServedBrotli / 1024).toFixed(1)} KB`,
	)
}
