import type { Kysely } from 'kysely'
import { findCycle } from '#db/queries/cycles.ts'
import {
	claimExportJob,
	completeExportJob,
	deleteExpiredExportJobs,
	failExportJob,
	insertExportJob,
	updateExportJobProgress,
	type ExportJob,
	type ExportJobParams,
} from '#db/queries/exports.ts'
import type { Database } from '#db/types.ts'
import {
	buildCompiledInWorker,
	resolveCompiledRequest,
	type CompiledRequest,
} from '../domain/compiled-exports.server.ts'
import { isLanguage } from '../utils/i18n.ts'

/** A running job renews its lease with every progress report; a lease that runs out means its instance died. */
export const EXPORT_LEASE_SECONDS = 60
export const EXPORT_MAX_ATTEMPTS = 3
const PROGRESS_EVERY_MS = 500

export async function createExportJob(
	db: Kysely<Database>,
	input: { userId: string; request: CompiledRequest; format: 'xlsx' | 'csv' },
) {
	const params: ExportJobParams = {
		status: input.request.status,
		questions: input.request.questionIds,
		lang: input.request.lang,
	}
	return insertExportJob(db, {
		requestedBy: input.userId,
		cycleId: input.request.cycle.id,
		format: input.format,
		params,
	})
}

async function requestFor(db: Kysely<Database>, job: ExportJob) {
	const cycle = await findCycle(db, job.cycleId)
	if (!cycle) throw new Error('The cycle no longer exists')
	const resolved = await resolveCompiledRequest(db, {
		cycle: cycle.code,
		status: job.params.status,
		questions: job.params.questions,
		lang: isLanguage(job.params.lang) ? job.params.lang : 'en',
	})
	if (!resolved.ok) throw new Error(`Cannot export: ${resolved.error}`)
	return resolved.request
}

/**
 * Claims one export job (`jobId`: that one only) and runs it: the data is read here, the file is
 * built in the export worker, progress and the finished file are written to the job row, so any
 * instance can report on it and serve it. Returns false when there was nothing to claim.
 */
export async function runExportJob(db: Kysely<Database>, jobId?: string): Promise<boolean> {
	const job = await db.transaction().execute((trx) =>
		claimExportJob(trx, {
			id: jobId,
			leaseSeconds: EXPORT_LEASE_SECONDS,
			maxAttempts: EXPORT_MAX_ATTEMPTS,
		}),
	)
	if (!job) return false
	let lastWrite = 0
	let writing = Promise.resolve()
	try {
		const request = await requestFor(db, job)
		const result = await buildCompiledInWorker(db, request, job.format, (progress) => {
			const now = Date.now()
			const last = progress.phase === 'writing' && progress.done === progress.total
			if (now - lastWrite < PROGRESS_EVERY_MS && !last) return
			lastWrite = now
			writing = writing.then(() =>
				updateExportJobProgress(db, job.id, { ...progress, leaseSeconds: EXPORT_LEASE_SECONDS }),
			)
		})
		await writing
		await completeExportJob(db, job.id, result)
	} catch (error) {
		await writing.catch(() => undefined)
		await failExportJob(
			db,
			job.id,
			error instanceof Error ? error.message : String(error),
			EXPORT_MAX_ATTEMPTS,
		)
	}
	return true
}

/** Scheduler entry: runs queued (and abandoned) jobs one after another, and drops expired files. */
export async function runQueuedExportJobs(db: Kysely<Database>) {
	for (let run = 0; run < 5; run++) {
		if (!(await runExportJob(db))) break
	}
	await deleteExpiredExportJobs(db)
}
