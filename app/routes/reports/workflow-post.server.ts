import { redirect } from 'react-router'
import { z } from 'zod'
import type { ActionFunctionArgs } from 'react-router'
import { requireReport } from './report-access.server.ts'
import { applyWorkflowAction } from '../../domain/workflow.server.ts'
import { dbContext } from '../../utils/context.ts'
import { statusFor } from '../../utils/refusals.ts'
import { failure, parseForm, safeRedirectPath } from '../../utils/request.server.ts'

const WorkflowSchema = z.object({
	intent: z.enum([
		'submit',
		'resubmit',
		'recall',
		'start_review',
		'return',
		'accept',
		'request_reopen',
		'reopen',
	]),
	comment: z.string().trim().max(4000).optional(),
	confirm: z.literal('yes').optional(),
	redirectTo: z.string().max(500).optional(),
})

/**
 * A workflow form post (the workflow resource route and the pages with workflow buttons: submit,
 * submissions, review). The transition table decides, inside a transaction on the locked report
 * row. Submitting needs the explicit confirmation of the summary page; accepting a report with
 * open threads needs the reviewer's (`confirm=yes`), which the table checks.
 */
export async function postWorkflowForm({
	request,
	params,
	context,
}: Pick<ActionFunctionArgs, 'request' | 'params' | 'context'>) {
	const { user, report } = await requireReport(context, request, params.reportId)
	const parsed = await parseForm(request, WorkflowSchema)
	if (!parsed.ok) return parsed.response
	const { intent, comment } = parsed.data
	if ((intent === 'submit' || intent === 'resubmit') && parsed.data.confirm !== 'yes') {
		return failure(400, {
			formError: 'editor:submit.confirmRequired',
			fieldErrors: { confirm: ['editor:submit.confirmRequired'] },
		})
	}
	const outcome = await applyWorkflowAction(context.get(dbContext), {
		reportId: report.id,
		actor: user,
		action: intent,
		comment,
		openThreadsConfirmed: intent === 'accept' && parsed.data.confirm === 'yes',
	})
	if (!outcome.ok) {
		// A second click on "Submit" finds the report already submitted: show the receipt.
		if (
			(intent === 'submit' || intent === 'resubmit') &&
			outcome.reason === 'not_allowed_in_state'
		) {
			throw redirect(`/reports/${report.id}/submissions`)
		}
		return failure(statusFor(outcome.reason), { formError: `editor:${outcome.message}` })
	}
	if (outcome.submission)
		throw redirect(`/reports/${report.id}/submissions/${outcome.submission.number}?received=1`)
	throw redirect(safeRedirectPath(parsed.data.redirectTo, `/reports/${report.id}/submissions`))
}
