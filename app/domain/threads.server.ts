import type { Kysely } from 'kysely'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { findParty } from '#db/queries/parties.ts'
import { latestSubmission } from '#db/queries/reports.ts'
import {
	findThread,
	insertMessage,
	insertThread,
	openThreadsByQuestion,
	setThreadStatus,
} from '#db/queries/threads.ts'
import type { Database, ThreadVisibility } from '#db/types.ts'
import { formText } from '#forms/text.ts'
import type { FormDefinition } from '#forms/types.ts'
import { sectionOfQuestion } from '#forms/question-index.ts'
import { domId } from '../components/editor/form-model.ts'
import { hasRole, isSecretariat, type CurrentUser } from '../utils/permissions.ts'
import { countryRecipients, reviewers, sendToRecipients } from './notifications.server.ts'
import type { ReportContext } from './report-context.server.ts'

/** Where a question's threads are shown: its block in the editor, with the threads in view. */
export function questionThreadsHref(
	reportId: string,
	definition: FormDefinition,
	questionId: string,
): string | null {
	const sectionId = sectionOfQuestion(definition, questionId)
	return sectionId
		? `/reports/${reportId}/sections/${sectionId}#${domId('q', questionId, 'threads')}`
		: null
}

/** Open review threads per question, as the user may see them (no secretariat notes for countries). */
export function countOpenThreadsByQuestion(db: DbHandle, reportId: string, user: CurrentUser) {
	return openThreadsByQuestion(db, reportId, isSecretariat(user))
}

export type ThreadCommand =
	| { intent: 'create'; questionId: string | null; visibility: ThreadVisibility; body: string }
	| { intent: 'reply'; threadId: string; body: string }
	| { intent: 'resolve' | 'reopen'; threadId: string }

export type ThreadOutcome =
	{ ok: true; threadId: string } | { ok: false; status: 400 | 403 | 404; message: string }

/**
 * Review threads between the secretariat and the country. Reviewers open threads (shared with the
 * country, or secretariat-only notes), reply, resolve and reopen; the country's national users
 * reply to shared threads. New comments are emailed to the other side.
 */
export async function runThreadCommand(
	db: Kysely<Database>,
	input: { context: ReportContext; user: CurrentUser; command: ThreadCommand; origin: string },
): Promise<ThreadOutcome> {
	const { context, user, command } = input
	const reviewer = hasRole(user, 'reviewer')
	const reportId = context.report.id
	return db.transaction().execute(async (trx): Promise<ThreadOutcome> => {
		if (command.intent === 'create') {
			if (!reviewer) return { ok: false, status: 403, message: 'review:threads.onlyReviewers' }
			if (command.questionId && !questionExists(context, command.questionId)) {
				return { ok: false, status: 400, message: 'review:threads.unknownQuestion' }
			}
			const submission = await latestSubmission(trx, reportId)
			const threadId = await insertThread(trx, {
				reportId,
				questionId: command.questionId,
				visibility: command.visibility,
				submissionNumber: submission?.number ?? null,
				createdBy: user.id,
			})
			await insertMessage(trx, { threadId, authorId: user.id, body: command.body })
			await audit(trx, user, context, 'thread.created', {
				threadId,
				questionId: command.questionId,
				visibility: command.visibility,
			})
			if (command.visibility === 'shared')
				await notify(trx, input, command.questionId, command.body, 'country')
			return { ok: true, threadId }
		}
		const thread = await findThread(trx, reportId, command.threadId)
		const visible = thread && (isSecretariat(user) || thread.visibility === 'shared')
		if (!thread || !visible) return { ok: false, status: 404, message: 'errors.notFound' }
		if (command.intent === 'reply') {
			await insertMessage(trx, { threadId: thread.id, authorId: user.id, body: command.body })
			await audit(trx, user, context, 'thread.replied', { threadId: thread.id })
			if (thread.visibility === 'shared') {
				await notify(
					trx,
					input,
					thread.questionId,
					command.body,
					isSecretariat(user) ? 'country' : 'secretariat',
				)
			}
			return { ok: true, threadId: thread.id }
		}
		if (!reviewer) return { ok: false, status: 403, message: 'review:threads.onlyReviewers' }
		await setThreadStatus(
			trx,
			thread.id,
			command.intent === 'resolve' ? 'resolved' : 'open',
			user.id,
		)
		await audit(
			trx,
			user,
			context,
			`thread.${command.intent === 'resolve' ? 'resolved' : 'reopened'}`,
			{ threadId: thread.id },
		)
		return { ok: true, threadId: thread.id }
	})
}

function questionExists(context: ReportContext, questionId: string) {
	return context.definition.parts.some((p) =>
		p.sections.some((s) => s.questions.some((q) => q.id === questionId)),
	)
}

function audit(
	db: DbHandle,
	user: CurrentUser,
	context: ReportContext,
	action: string,
	details: Record<string, unknown>,
) {
	return recordAuditEvent(db, {
		actorUserId: user.id,
		action,
		subjectType: 'report',
		subjectId: context.report.id,
		partyCode: context.report.partyCode,
		details,
	})
}

async function notify(
	db: DbHandle,
	input: { context: ReportContext; user: CurrentUser; origin: string },
	questionId: string | null,
	body: string,
	to: 'country' | 'secretariat',
) {
	const { context, user } = input
	const recipients = (
		to === 'country' ? await countryRecipients(db, context.report.partyCode) : await reviewers(db)
	).filter((r) => r.id !== user.id)
	const party = await findParty(db, context.report.partyCode)
	await sendToRecipients(db, recipients, 'thread.comment', (t, r) => {
		const lang = r.preferredLanguage as 'en'
		const question = questionId
			? formText(context.definition, lang).label(questionId)
			: t('review:threads.wholeReport')
		const params = {
			name: r.name,
			author: user.name,
			question,
			comment: body,
			country: party?.names[lang] || party?.names.en || context.report.partyCode,
			cycle: context.cycle.title[lang] ?? context.cycle.title.en ?? context.cycle.code,
			link: `${input.origin}/reports/${context.report.id}/${to === 'country' ? 'sections' : 'review'}`,
			interpolation: { escapeValue: false },
		}
		return {
			subject: t('email:newComment.subject', params),
			body: t('email:newComment.body', params),
		}
	})
}
