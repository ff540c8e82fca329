import { redirect } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/workflow.ts'
import { requireReport } from './report-access.server.ts'
import { runWorkflowAction } from '../../domain/workflow-actions.server.ts'
import { appOrigin } from '../../utils/account-tokens.server.ts'
import { dbContext } from '../../utils/context.ts'
import { failure, parseForm, safeRedirectPath } from '../../utils/request.server.ts'

const WorkflowSchema = z.object({
	intent: z.enum(['submit', 'resubmit', 'recall', 'start_review', 'return', 'accept', 'request_reopen', 'reopen']),
	comment: z.string().trim().max(4000).optional(),
	confirm: z.literal('yes').optional(),
	redirectTo: z.string().max(500).optional(),
})

const STATUS_BY_REASON = { not_found: 404, not_allowed_for_role: 403, not_allowed_in_state: 409, precondition: 409 } as const

/**
 * Every workflow action goes through here: the transition table decides, inside a transaction on
 * the locked report row. Submitting needs the explicit confirmation of the summary page.
 */
export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report } = await requireReport(context, request, params.reportId)
	const parsed = await parseForm(request, WorkflowSchema)
	if (!parsed.ok) return parsed.response
	const { intent, comment } = parsed.data
	if ((intent === 'submit' || intent === 'resubmit') && parsed.data.confirm !== 'yes') {
		return failure(400, { formError: 'editor:submit.confirmRequired', fieldErrors: { confirm: ['editor:submit.confirmRequired'] } })
	}
	const outcome = await runWorkflowAction(context.get(dbContext), {
		reportId: report.id,
		actor: user,
		action: intent,
		comment,
		origin: appOrigin(request),
	})
	if (!outcome.ok) {
		// A second click on "Submit" finds the report already submitted: show the receipt.
		if ((intent === 'submit' || intent === 'resubmit') && outcome.reason === 'not_allowed_in_state') {
			throw redirect(`/reports/${report.id}/submissions`)
		}
		return failure(STATUS_BY_REASON[outcome.reason], { formError: `editor:${outcome.message}` })
	}
	if (outcome.submission) throw redirect(`/reports/${report.id}/submissions/${outcome.submission.number}?received=1`)
	throw redirect(safeRedirectPath(parsed.data.redirectTo, `/reports/${report.id}/submissions`))
}
