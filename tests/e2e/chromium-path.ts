import { existsSync } from 'node:fs'

/**
 * The Chromium the browser tests launch: `CHROMIUM_PATH`, else Debian's (Playwright's own browser
 * download cannot work on these machines): its headless shell where it is installed, as Playwright
 * does with its own browsers (the same engine without the desktop browser's window and compositor,
 * it used about half the CPU of the full browser on the same tests, ADR 019), else the full
 * browser. A `--headed` run needs the full browser: `CHROMIUM_PATH=/usr/bin/chromium`.
 * Undefined: none found.
 */
export function chromiumPath(): string | undefined {
	if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH
	return ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path))
}
