import { redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/threads.ts'
import { requireReport } from './report-access.server.ts'
import { runThreadCommand } from '../../domain/threads.server.ts'
import { publicOrigin } from '../../utils/env.server.ts'
import { dbContext } from '../../utils/context.ts'
import { failure, parseForm, safeRedirectPath } from '../../utils/request.server.ts'

const Body = z
	.string()
	.trim()
	.min(1, 'review:threads.emptyComment')
	.max(4000, 'review:threads.tooLong')

const RedirectTo = z.string().max(500).optional()

const ThreadSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('create'),
		questionId: z.string().max(200).optional(),
		visibility: z.enum(['shared', 'secretariat']).default('shared'),
		body: Body,
		redirectTo: RedirectTo,
	}),
	z.object({
		intent: z.literal('reply'),
		threadId: z.string().uuid('errors.notFound'),
		body: Body,
		redirectTo: RedirectTo,
	}),
	z.object({
		intent: z.enum(['resolve', 'reopen']),
		threadId: z.string().uuid('errors.notFound'),
		redirectTo: RedirectTo,
	}),
])

/** Review threads: comment, reply, resolve, reopen (see `runThreadCommand`). */
export async function action({ request, params, context }: Route.ActionArgs) {
	const loaded = await requireReport(context, request, params.reportId)
	const parsed = await parseForm(request, ThreadSchema)
	if (!parsed.ok) return parsed.response
	const command =
		parsed.data.intent === 'create'
			? { ...parsed.data, questionId: parsed.data.questionId || null }
			: parsed.data
	const outcome = await runThreadCommand(context.get(dbContext), {
		context: loaded,
		user: loaded.user,
		command,
		origin: publicOrigin(),
	})
	if (!outcome.ok) return failure(outcome.status, { formError: outcome.message })
	// Back to the page the comment was written on (also without JavaScript).
	if (parsed.data.redirectTo) throw redirect(safeRedirectPath(parsed.data.redirectTo))
	return { ok: true as const, threadId: outcome.threadId }
}
