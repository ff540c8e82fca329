import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router'
import { z } from 'zod'
import { percentOf } from '#forms/engine/index.ts'
import type { Route } from './+types/submit.ts'
import { requireReport } from './report-access.server.ts'
import { postWorkflowForm } from './workflow-post.server.ts'
import { FormError, valueOf } from '../../components/forms.tsx'
import { ATTACHMENT_ACCEPT } from '../../domain/attachment-types.ts'
import { checkUpload } from '../../domain/attachments.server.ts'
import { applyWorkflowAction, previewWorkflowAction } from '../../domain/workflow.server.ts'
import { availableActions, type WorkflowAction } from '../../domain/workflow.ts'
import { dbContext } from '../../utils/context.ts'
import { getEnv } from '../../utils/env.server.ts'
import { hasRole } from '../../utils/permissions.ts'
import { statusFor } from '../../utils/refusals.ts'
import { failure, readFormData } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

function submitActionFor(status: string, onBehalf: boolean, isReviewer: boolean): WorkflowAction {
	if (onBehalf && isReviewer) return 'submit_on_behalf'
	return status === 'returned' ? 'resubmit' : 'submit'
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const loaded = await requireReport(context, request, params.reportId)
	const { user, report } = loaded
	const action = submitActionFor(
		report.status,
		report.enteredOnBehalfBy !== null,
		hasRole(user, 'reviewer'),
	)
	const preview = await previewWorkflowAction(context.get(dbContext), loaded, user, action)
	const { decision } = preview
	const check = preview.check!
	return {
		reportId: report.id,
		action,
		allowed: availableActions(report.status, user, report.partyCode).includes(action),
		decision: decision.ok ? null : decision.message,
		accept: ATTACHMENT_ACCEPT,
		summary: {
			percent: percentOf(check.evaluation.overall),
			missing: check.evaluation.overall.missing,
			errors: check.evaluation.overall.errors,
			warnings: check.warnings.length,
			explained: check.warnings.length - check.unexplainedWarnings.length,
		},
	}
}

const OnBehalfSchema = z.object({
	reason: z.string().trim().min(1, 'editor:workflow.reasonRequired').max(2000),
	confirm: z.literal('yes', { message: 'editor:submit.confirmRequired' }),
	file: z
		.instanceof(File, { message: 'editor:workflow.sourceDocumentRequired' })
		.refine((file) => file.size > 0, 'editor:workflow.sourceDocumentRequired'),
})

/**
 * Submission by the contact point goes through the workflow action; a report the secretariat
 * entered is submitted here with the country's source document and the reason, in one request:
 * the document is stored in the transaction of the submission, so a refused submission leaves
 * no file behind.
 */
export async function action(args: Route.ActionArgs) {
	const { request, params, context } = args
	const type = request.headers.get('Content-Type') ?? ''
	if (!type.startsWith('multipart/form-data')) return postWorkflowForm(args)
	const { user, report } = await requireReport(context, request, params.reportId)
	if (!hasRole(user, 'reviewer') || report.enteredOnBehalfBy === null) {
		return failure(403, { formError: 'editor:workflow.notAllowedForRole' })
	}
	if (!availableActions(report.status, user, report.partyCode).includes('submit_on_behalf')) {
		return failure(409, { formError: 'editor:workflow.notAllowedInState' })
	}
	const maxBytes = getEnv().ATTACHMENT_MAX_MB * 1_048_576
	const read = await readFormData(request, maxBytes + 64 * 1024)
	if (!read.ok) return read.response
	const parsed = OnBehalfSchema.safeParse({
		reason: read.formData.get('reason'),
		confirm: read.formData.get('confirm') ?? undefined,
		file: read.formData.get('file') ?? undefined,
	})
	if (!parsed.success) {
		return failure(400, {
			formError: parsed.error.issues[0]?.message ?? 'errors.checkFields',
			values: { reason: String(read.formData.get('reason') ?? '') },
		})
	}
	const checked = await checkUpload(parsed.data.file, maxBytes)
	if (!checked.ok) {
		return failure(
			statusFor(checked.error === 'attachments.tooLarge' ? 'too_large' : 'unsupported_type'),
			{
				formError: `editor:${checked.error}`,
				formErrorParams: { limit: getEnv().ATTACHMENT_MAX_MB },
				values: { reason: parsed.data.reason },
			},
		)
	}
	const outcome = await applyWorkflowAction(context.get(dbContext), {
		reportId: report.id,
		actor: user,
		action: 'submit_on_behalf',
		onBehalf: { reason: parsed.data.reason, sourceDocument: checked },
	})
	if (!outcome.ok) {
		return failure(statusFor(outcome.reason), {
			formError: `editor:${outcome.message}`,
			values: { reason: parsed.data.reason },
		})
	}
	throw redirect(`/reports/${report.id}/submissions/${outcome.submission!.number}?received=1`)
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		t(
			loaderData?.action === 'submit_on_behalf'
				? 'editor:submit.onBehalfTitle'
				: 'editor:submit.title',
		),
		...reportTitleParts(matches),
	])

export default function SubmitPage() {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const data = useLoaderData<typeof loader>()
	const failed = useActionData<typeof action>()
	const navigation = useNavigation()
	const base = `/reports/${data.reportId}`
	const onBehalf = data.action === 'submit_on_behalf'
	return (
		<section aria-labelledby="submit-title" className="stack narrow-wide">
			<h2 id="submit-title">{onBehalf ? t('submit.onBehalfTitle') : t('submit.title')}</h2>
			<FormError failure={failed && 'fieldErrors' in failed ? failed : undefined} />
			<dl className="summary-list">
				<dt>{t('submit.completeness')}</dt>
				<dd>{format.percent(data.summary.percent / 100)}</dd>
				<dt>{t('submit.missing')}</dt>
				<dd>{data.summary.missing}</dd>
				<dt>{t('submit.errors')}</dt>
				<dd>{data.summary.errors}</dd>
				<dt>{t('submit.warnings')}</dt>
				<dd>
					{t('submit.warningsDetail', {
						total: data.summary.warnings,
						explained: data.summary.explained,
					})}
				</dd>
			</dl>
			{!data.allowed ? (
				<p className="alert alert--warning">{t('submit.onlyContactPoint')}</p>
			) : data.decision ? (
				<div className="alert alert--error">
					<p>{t(data.decision)}</p>
					<Link to={`${base}/validation`}>{t('submit.openValidation')}</Link>
				</div>
			) : onBehalf ? (
				<Form method="post" encType="multipart/form-data" className="stack">
					<p>{t('submit.onBehalfExplain')}</p>
					<div className="field">
						<label htmlFor="source-document">{t('submit.sourceDocument')}</label>
						<input id="source-document" name="file" type="file" accept={data.accept} required />
					</div>
					<div className="field">
						<label htmlFor="reason">{t('submit.reason')}</label>
						<textarea
							id="reason"
							name="reason"
							rows={3}
							maxLength={2000}
							required
							defaultValue={valueOf(failed && 'values' in failed ? failed : undefined, 'reason')}
						/>
					</div>
					<label className="checkbox">
						<input type="checkbox" name="confirm" value="yes" required />
						{t('submit.onBehalfConfirm')}
					</label>
					<button type="submit" className="button" disabled={navigation.state !== 'idle'}>
						{t('submit.onBehalfSubmit')}
					</button>
				</Form>
			) : (
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value={data.action} />
					<p>{t('submit.explain')}</p>
					<label className="checkbox">
						<input type="checkbox" name="confirm" value="yes" required />
						{t('submit.confirm')}
					</label>
					<button type="submit" className="button" disabled={navigation.state !== 'idle'}>
						{data.action === 'resubmit' ? t('submit.resubmit') : t('submit.submit')}
					</button>
				</Form>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
