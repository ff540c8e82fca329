import type { Kysely } from 'kysely'
import type { Database } from '#db/types.ts'
import { sendDeadlineReminders } from '../domain/reminders.server.ts'
import { pruneLoginAttempts } from '#db/queries/login-attempts.ts'
import { pruneRateLimitEvents } from '#db/queries/rate-limits.ts'
import { KNOWN_ADDRESS_MS } from '../utils/auth.server.ts'
import { deliverQueuedEmail } from '../utils/mail.server.ts'
import { runQueuedExportJobs } from './export-jobs.server.ts'

export type Job = { name: string; everyMs: number; run: (db: Kysely<Database>) => Promise<unknown> }

export const JOBS: Job[] = [
	{ name: 'deliver-email', everyMs: 15_000, run: deliverQueuedEmail },
	{ name: 'compiled-exports', everyMs: 5_000, run: runQueuedExportJobs },
	{ name: 'deadline-reminders', everyMs: 3_600_000, run: (db) => sendDeadlineReminders(db) },
	{ name: 'prune-rate-limits', everyMs: 3_600_000, run: pruneRateLimitRecords },
]

/** Sign-in attempts are kept as long as the known-address rule looks back; other limits a day. */
async function pruneRateLimitRecords(db: Kysely<Database>) {
	await pruneLoginAttempts(db, new Date(Date.now() - KNOWN_ADDRESS_MS))
	await pruneRateLimitEvents(db, new Date(Date.now() - 24 * 3_600_000))
}

/**
 * Runs each job on its interval in this process. Jobs must be safe with several instances running
 * at once (they claim work with row locks or idempotency keys), so no leader election is needed.
 */
export function startBackgroundJobs(db: Kysely<Database>, jobs: Job[] = JOBS) {
	const timers: NodeJS.Timeout[] = []
	const running = new Set<Promise<unknown>>()
	let stopped = false
	for (const job of jobs) {
		let busy = false
		const tick = () => {
			if (stopped || busy) return
			busy = true
			const run = job
				.run(db)
				.catch((error: unknown) => console.error(`Job ${job.name} failed:`, error))
				.finally(() => {
					busy = false
					running.delete(run)
				})
			running.add(run)
		}
		timers.push(setInterval(tick, job.everyMs))
		setTimeout(tick, 1_000).unref()
	}
	return {
		async stop() {
			stopped = true
			for (const timer of timers) clearInterval(timer)
			await Promise.allSettled([...running])
		},
	}
}
