import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Starts the production server (`server/index.ts`) in its own Node process and waits for
 * /healthz. Node runs tsx directly (not through npx), so SIGTERM reaches the server itself.
 * `BENCH_NODE_ARGS` adds Node flags to the server, e.g. `--cpu-prof --cpu-prof-dir=.tmp/prof`.
 * With `onStderr`, the server's error output goes to the caller instead of this process's.
 */
export async function startServer(
	port: number,
	env: NodeJS.ProcessEnv,
	args: string[] = [],
	options: { onStderr?: (text: string) => void } = {},
): Promise<ChildProcess> {
	const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []
	const child = spawn(
		process.execPath,
		[...nodeArgs, '--import', 'tsx', 'server/index.ts', ...args],
		{
			env: {
				...process.env,
				PORT: String(port),
				NODE_ENV: 'production',
				APP_ORIGIN: `http://localhost:${port}`,
				...env,
			},
			stdio: ['ignore', 'ignore', options.onStderr ? 'pipe' : 'inherit'],
		},
	)
	child.stderr?.setEncoding('utf8').on('data', (text: string) => options.onStderr?.(text))
	for (let i = 0; i < 240; i++) {
		if (child.exitCode !== null) break
		try {
			if ((await fetch(`http://localhost:${port}/healthz`)).ok) return child
		} catch {
			// not up yet
		}
		await sleep(500)
	}
	await stopServer(child)
	throw new Error('The server did not start')
}

/** Stops the server and waits until it has closed its database connections. */
export async function stopServer(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return
	const exited = once(child, 'exit')
	child.kill('SIGTERM')
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
	await exited
	clearTimeout(timer)
}
