/**
 * Entry point of `npm start` and `npm run serve`. It serves the production build, so React must load
 * its production build too: React picks development or production the first time it is imported,
 * so NODE_ENV is fixed here, before anything imports React, and the server is loaded afterwards.
 */
if (process.env.NODE_ENV !== 'production') {
	if (process.env.NODE_ENV) {
		console.warn(`NODE_ENV=${process.env.NODE_ENV} ignored: the server runs the production build.`)
	}
	process.env.NODE_ENV = 'production'
}
await import('./main.ts')
export {}
