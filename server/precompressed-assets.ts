import { readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import expressStaticGzip from 'express-static-gzip'
import type { Plugin } from 'vite'

/** What is worth compressing: text. Fonts (woff2) and images come compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|svg|json)$/

/** Below this, the headers outweigh what compression saves. */
const MIN_BYTES = 1024

const toBrotli = promisify(brotliCompress)
const toGzip = promisify(gzip)

/** Writes `file.br` and `file.gz` beside each compressible file of `dir` (and below) of 1 KB or more. */
export async function precompressDirectory(dir: string) {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true })
	const files = entries
		.filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
		.map((entry) => path.join(entry.parentPath, entry.name))
	await Promise.all(
		files.map(async (file) => {
			const bytes = await readFile(file)
			if (bytes.length < MIN_BYTES) return
			const [brotli, gzipped] = await Promise.all([
				toBrotli(bytes, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
						[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
					},
				}),
				toGzip(bytes, { level: constants.Z_BEST_COMPRESSION }),
			])
			if (brotli.length < bytes.length) await writeFile(`${file}.br`, brotli)
			if (gzipped.length < bytes.length) await writeFile(`${file}.gz`, gzipped)
		}),
	)
}

/**
 * The app's scripts and styles compressed once, at build time, at the highest settings: brotli at
 * quality 11 and gzip at level 9 (`file.js.br`, `file.js.gz` beside `file.js`). Compressing on the
 * fly for each request must be quick, so it is lighter: for the editor's scripts, brotli at the
 * compression middleware's default quality sends 167 KB where quality 11 sends 145 KB.
 *
 * A Vite plugin that runs once every environment is built (`buildApp`, order `post`), over the
 * browser build's assets directory: React Router writes its route manifest
 * (`assets/manifest-*.js`) there after the client bundle, so a per-bundle hook would miss it. The
 * server build is never downloaded and is left alone.
 */
export function precompressAssets(): Plugin {
	return {
		name: 'chemrep:precompress-assets',
		apply: 'build',
		buildApp: {
			order: 'post',
			async handler(builder) {
				const client = builder.environments.client
				if (!client) return
				const { outDir, assetsDir } = client.config.build
				await precompressDirectory(path.resolve(builder.config.root, outDir, assetsDir))
			},
		},
	}
}

/**
 * Serves the built assets (`build/client/assets`, names carrying their content hash, so cached for
 * a year), each as the compressed file the browser accepts, brotli first, with `Vary:
 * Accept-Encoding`; a browser that accepts neither gets the file itself. Files built without a
 * compressed copy (small ones) are compressed on the fly by the compression middleware as before.
 */
export function servePrecompressedAssets(dir: string) {
	return expressStaticGzip(dir, {
		enableBrotli: true,
		orderPreference: ['br', 'gzip'],
		index: false,
		serveStatic: { immutable: true, maxAge: '1y' },
	})
}
