import { sql } from 'kysely'
import type { ThreadStatus, ThreadVisibility } from '../types.ts'
import type { DbHandle } from './handle.ts'
import { isUuid } from './cycles.ts'

export type ThreadView = {
	id: string
	questionId: string | null
	rowId: string | null
	visibility: ThreadVisibility
	status: ThreadStatus
	submissionNumber: number | null
	createdAt: Date
	createdByName: string
	resolvedAt: Date | null
	messages: {
		id: string
		authorName: string
		authorIsSecretariat: boolean
		body: string
		createdAt: Date
	}[]
}

export async function insertThread(
	db: DbHandle,
	thread: {
		reportId: string
		questionId: string | null
		rowId?: string | null
		visibility: ThreadVisibility
		submissionNumber: number | null
		createdBy: string
	},
) {
	const row = await db
		.insertInto('review_thread')
		.values({
			report_id: thread.reportId,
			question_id: thread.questionId,
			row_id: thread.rowId ?? null,
			visibility: thread.visibility,
			submission_number: thread.submissionNumber,
			created_by: thread.createdBy,
		})
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function insertMessage(
	db: DbHandle,
	message: { threadId: string; authorId: string; body: string },
) {
	const row = await db
		.insertInto('review_message')
		.values({ thread_id: message.threadId, author_id: message.authorId, body: message.body })
		.returning('id')
		.executeTakeFirstOrThrow()
	return row.id
}

export async function findThread(db: DbHandle, reportId: string, threadId: string) {
	if (!isUuid(threadId)) return undefined
	return db
		.selectFrom('review_thread')
		.where('id', '=', threadId)
		.where('report_id', '=', reportId)
		.select(['id', 'question_id as questionId', 'visibility', 'status', 'created_by as createdBy'])
		.executeTakeFirst()
}

export async function setThreadStatus(
	db: DbHandle,
	threadId: string,
	status: ThreadStatus,
	userId: string,
) {
	await db
		.updateTable('review_thread')
		.set(
			status === 'resolved'
				? { status, resolved_by: userId, resolved_at: sql`now()` }
				: { status, resolved_by: null, resolved_at: null },
		)
		.where('id', '=', threadId)
		.execute()
}

/** Threads with their messages; the country never receives secretariat-only notes. */
export async function listThreads(
	db: DbHandle,
	reportId: string,
	includeSecretariat: boolean,
): Promise<ThreadView[]> {
	const threads = await db
		.selectFrom('review_thread as t')
		.innerJoin('app_user as u', 'u.id', 't.created_by')
		.where('t.report_id', '=', reportId)
		.$if(!includeSecretariat, (qb) => qb.where('t.visibility', '=', 'shared'))
		.select([
			't.id',
			't.question_id',
			't.row_id',
			't.visibility',
			't.status',
			't.submission_number',
			't.created_at',
			't.resolved_at',
			'u.name as created_by_name',
		])
		.orderBy('t.created_at')
		.execute()
	if (threads.length === 0) return []
	const messages = await db
		.selectFrom('review_message as m')
		.innerJoin('app_user as u', 'u.id', 'm.author_id')
		.where(
			'm.thread_id',
			'in',
			threads.map((t) => t.id),
		)
		.select([
			'm.id',
			'm.thread_id',
			'm.body',
			'm.created_at',
			'u.name as author_name',
			(eb) =>
				eb
					.exists(
						eb
							.selectFrom('user_role as r')
							.whereRef('r.user_id', '=', 'm.author_id')
							.where('r.role', 'in', ['reviewer', 'admin'])
							.select('r.user_id'),
					)
					.as('author_is_secretariat'),
		])
		.orderBy('m.created_at')
		.execute()
	return threads.map((t) => ({
		id: t.id,
		questionId: t.question_id,
		rowId: t.row_id,
		visibility: t.visibility,
		status: t.status,
		submissionNumber: t.submission_number,
		createdAt: t.created_at,
		createdByName: t.created_by_name,
		resolvedAt: t.resolved_at,
		messages: messages
			.filter((m) => m.thread_id === t.id)
			.map((m) => ({
				id: m.id,
				authorName: m.author_name,
				authorIsSecretariat: Boolean(m.author_is_secretariat),
				body: m.body,
				createdAt: m.created_at,
			})),
	}))
}

export async function countOpenThreads(db: DbHandle, reportId: string, includeSecretariat = false) {
	const row = await db
		.selectFrom('review_thread')
		.where('report_id', '=', reportId)
		.where('status', '=', 'open')
		.$if(!includeSecretariat, (qb) => qb.where('visibility', '=', 'shared'))
		.select(sql<number>`count(*)`.as('n'))
		.executeTakeFirstOrThrow()
	return Number(row.n)
}

export async function openThreadsByQuestion(
	db: DbHandle,
	reportId: string,
	includeSecretariat: boolean,
) {
	const rows = await db
		.selectFrom('review_thread')
		.where('report_id', '=', reportId)
		.where('status', '=', 'open')
		.where('question_id', 'is not', null)
		.$if(!includeSecretariat, (qb) => qb.where('visibility', '=', 'shared'))
		.groupBy('question_id')
		.select(['question_id', sql<number>`count(*)`.as('n')])
		.execute()
	return Object.fromEntries(rows.map((r) => [r.question_id as string, Number(r.n)]))
}
