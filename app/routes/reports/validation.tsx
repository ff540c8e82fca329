import { useTranslation } from 'react-i18next'
import { Form, Link, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { setAcknowledgement } from '#db/queries/reports.ts'
import { issueKey } from '#forms/engine/index.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/validation.ts'
import { requireReport } from './report-access.server.ts'
import { FormError } from '../../components/forms.tsx'
import { domId, sectionOfQuestion } from '../../components/editor/form-model.ts'
import { checkForSubmission } from '../../domain/report-workflow.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { failure, parseForm } from '../../utils/request.server.ts'

const AcknowledgeSchema = z.object({
	issueKey: z.string().min(1).max(500),
	explanation: z.string().trim().max(4000),
})

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const report = await requireReport(context, request, params.reportId)
	const language = context.get(languageContext) as Language
	const check = await checkForSubmission(context.get(dbContext), report)
	const text = formText(report.definition, language)
	const describe = (issue: (typeof check.errors)[number]) => {
		const sectionId = sectionOfQuestion(report.definition, issue.questionId) ?? ''
		return {
			key: issueKey(issue),
			severity: issue.severity,
			message: text.message(issue),
			question: issue.questionId ? text.label(issue.questionId) : '',
			section: sectionId ? text.section(sectionId) : '',
			href: `/reports/${report.report.id}/sections/${sectionId}?check=1#${domId("q", issue.questionId)}`,
			explanation: check.explanations[issueKey(issue)] ?? '',
		}
	}
	return {
		editable: report.canEdit,
		errors: check.errors.map(describe),
		warnings: check.warnings.map(describe),
		completeness: check.evaluation.overall.completeness,
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const { user, report, canEdit } = await requireReport(context, request, params.reportId)
	if (!canEdit) return failure(403, { formError: 'editor:validation.notEditable' })
	const parsed = await parseForm(request, AcknowledgeSchema)
	if (!parsed.ok) return parsed.response
	await setAcknowledgement(context.get(dbContext), report.id, parsed.data.issueKey, parsed.data.explanation || null, user.id)
	return { done: parsed.data.explanation ? 'editor:validation.explained' : 'editor:validation.cleared' }
}

export default function ValidationPage() {
	const { t } = useTranslation('editor')
	const data = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<section aria-labelledby="validation-title" className="stack">
			<h2 id="validation-title">{t('validation.title')}</h2>
			<p>{t('validation.summary', { percent: Math.round(data.completeness * 100), errors: data.errors.length, warnings: data.warnings.length })}</p>
			{result && 'done' in result ? (
				<p role="status" className="alert alert--success">
					{t(result.done.replace('editor:', ''))}
				</p>
			) : null}
			<FormError failure={result && 'fieldErrors' in result ? result : undefined} />
			<h3>{t('validation.errors', { count: data.errors.length })}</h3>
			{data.errors.length === 0 ? <p>{t('validation.noErrors')}</p> : null}
			<ul className="issue-panel">
				{data.errors.map((issue) => (
					<li key={issue.key} className="issue issue--error">
						<Link to={issue.href}>
							{issue.section} › {issue.question}
						</Link>
						<p>{issue.message}</p>
					</li>
				))}
			</ul>
			<h3>{t('validation.warnings', { count: data.warnings.length })}</h3>
			<p className="field-help">{t('validation.warningsHelp')}</p>
			{data.warnings.length === 0 ? <p>{t('validation.noWarnings')}</p> : null}
			<ul className="issue-panel">
				{data.warnings.map((issue) => (
					<li key={issue.key} className="issue issue--warning">
						<Link to={issue.href}>
							{issue.section} › {issue.question}
						</Link>
						<p>{issue.message}</p>
						{data.editable ? (
							<Form method="post" className="stack">
								<input type="hidden" name="issueKey" value={issue.key} />
								<div className="field">
									<label htmlFor={`explain-${issue.key}`}>{t('validation.explanation')}</label>
									<textarea id={`explain-${issue.key}`} name="explanation" rows={2} defaultValue={issue.explanation} maxLength={4000} />
								</div>
								<button type="submit" className="button button--secondary">
									{t('validation.saveExplanation')}
								</button>
							</Form>
						) : issue.explanation ? (
							<p className="explanation">
								<strong>{t('validation.explanation')}:</strong> {issue.explanation}
							</p>
						) : null}
					</li>
				))}
			</ul>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
