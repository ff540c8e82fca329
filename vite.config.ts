import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'
import { precompressAssets } from './server/precompressed-assets.ts'

export default defineConfig({
	plugins: [reactRouter(), precompressAssets()],
	optimizeDeps: {
		include: ['react', 'react-dom', 'react-router', 'zod'],
		exclude: ['@electric-sql/pglite', 'pg', 'kysely', 'pdfkit', 'exceljs', 'hash-wasm'],
	},
	ssr: {
		external: ['@electric-sql/pglite', 'pg', 'hash-wasm', 'pdfkit', 'exceljs', 'nodemailer'],
	},
	build: {
		sourcemap: false,
	},
})
