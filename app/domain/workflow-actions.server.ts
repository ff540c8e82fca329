import type { Kysely } from 'kysely'
import { countOpenThreads } from '#db/queries/threads.ts'
import type { Database } from '#db/types.ts'
import { notifyTransition } from './notifications.server.ts'
import { applyWorkflowAction, type WorkflowInput } from './report-workflow.server.ts'

/** The one entry point routes use for workflow actions: the transition plus its notifications. */
export function runWorkflowAction(db: Kysely<Database>, input: WorkflowInput & { origin: string }) {
	return applyWorkflowAction(db, input, {
		countOpenThreads: (trx, reportId) => countOpenThreads(trx, reportId),
		afterTransition: (trx, event) => notifyTransition(trx, { ...event, origin: input.origin }),
	})
}
