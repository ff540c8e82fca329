import type { DbHandle } from '#db/queries/handle.ts'
import { listReportEvents, type Report } from '#db/queries/reports.ts'
import { listThreads } from '#db/queries/threads.ts'
import { formText } from '#forms/text.ts'
import type { FormDefinition, Language } from '#forms/types.ts'
import { questionThreadsHref } from './threads.server.ts'

/** What the country must see about a report the secretariat returned for clarification. */
export type ReturnedNotice = {
	returnedAt: string
	returnedBy: string | null
	/** The secretariat's message when it returned the report. */
	message: string | null
	/** The open threads the country sees: the question (with a link to it) and the latest message. */
	threads: {
		id: string
		questionLabel: string | null
		href: string | null
		latest: string
	}[]
}

/** The notice of a returned report (null when the report is not returned). */
export async function returnedNotice(
	db: DbHandle,
	input: { report: Pick<Report, 'id' | 'status'>; definition: FormDefinition; language: Language },
): Promise<ReturnedNotice | null> {
	const { report, definition } = input
	if (report.status !== 'returned') return null
	const [events, threads] = await Promise.all([
		listReportEvents(db, report.id),
		listThreads(db, report.id, false),
	])
	const returned = events.find((event) => event.action === 'return')
	const text = formText(definition, input.language)
	return {
		returnedAt: (returned?.occurredAt ?? new Date()).toISOString(),
		returnedBy: returned?.actorName ?? null,
		message: returned?.comment ?? null,
		threads: threads
			.filter((thread) => thread.status === 'open')
			.map((thread) => ({
				id: thread.id,
				questionLabel: thread.questionId ? text.label(thread.questionId) : null,
				href: thread.questionId
					? questionThreadsHref(report.id, definition, thread.questionId)
					: null,
				latest: thread.messages.at(-1)?.body ?? '',
			})),
	}
}
