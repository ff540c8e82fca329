import { existsSync } from 'node:fs'

/**
 * The Chromium the browser tests launch: `CHROMIUM_PATH`, else Debian's (Playwright's own browser
 * download cannot work on these machines). Headless runs take Debian's headless shell where it is
 * installed, as Playwright does with its own browsers: the same engine without the desktop
 * browser's window and compositor, it used about half the CPU of the full browser on the same
 * tests (ADR 019). Headed and debug runs need the full browser. Undefined: none found.
 */
export function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
	const headed = process.argv.some((arg) => ['--headed', '--debug', '--ui'].includes(arg))
	const candidates = headed
		? ['/usr/bin/chromium']
		: ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium']
	return candidates.find((path) => existsSync(path))
}
