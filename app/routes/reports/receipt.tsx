import { useTranslation } from 'react-i18next'
import { Link, useLoaderData, useSearchParams } from 'react-router'
import { findSubmission } from '#db/queries/reports.ts'
import type { Route } from './+types/receipt.ts'
import { requireReport } from './report-access.server.ts'
import { ReportExportLinks } from '../../components/report-export-links.tsx'
import { dbContext } from '../../utils/context.ts'
import { formatDateTime } from '../../utils/dates.ts'
import { notFound } from '../../utils/permissions.server.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, cycle } = await requireReport(context, request, params.reportId)
	const number = Number(params.number)
	if (!Number.isInteger(number) || number < 1) throw notFound()
	const submission = await findSubmission(context.get(dbContext), report.id, number)
	if (!submission) throw notFound()
	return {
		reportId: report.id,
		partyCode: report.partyCode,
		cycleCode: cycle.code,
		submission: {
			number: submission.number,
			sha256: submission.sha256,
			state: submission.state,
			submittedAt: submission.submittedAt.toISOString(),
			submittedBy: submission.submittedByName,
			formId: submission.formId,
			formVersion: submission.formVersion,
			answered: Object.keys(submission.answers).length,
			explanations: submission.acknowledgements.length,
			onBehalf: submission.onBehalf,
		},
	}
}

export default function ReceiptPage() {
	const { t, i18n } = useTranslation('editor')
	const { reportId, submission, partyCode, cycleCode } = useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	return (
		<section aria-labelledby="receipt-title" className="stack receipt">
			{searchParams.get('received') ? (
				<p role="status" className="alert alert--success">
					{t('receipt.received')}
				</p>
			) : null}
			<h2 id="receipt-title">{t('receipt.title', { number: submission.number })}</h2>
			<dl className="summary-list">
				<dt>{t('receipt.country')}</dt>
				<dd>{partyCode}</dd>
				<dt>{t('receipt.cycle')}</dt>
				<dd>{cycleCode}</dd>
				<dt>{t('receipt.form')}</dt>
				<dd>
					{submission.formId} v{submission.formVersion}
				</dd>
				<dt>{t('receipt.submittedAt')}</dt>
				<dd>{formatDateTime(submission.submittedAt, i18n.language)}</dd>
				<dt>{t('receipt.submittedBy')}</dt>
				<dd>{submission.submittedBy}</dd>
				{submission.onBehalf ? (
					<>
						<dt>{t('receipt.onBehalf')}</dt>
						<dd>{submission.onBehalf.reason}</dd>
					</>
				) : null}
				<dt>{t('receipt.state')}</dt>
				<dd>{t(`submissionState.${submission.state}`)}</dd>
				<dt>{t('receipt.answers')}</dt>
				<dd>{t('receipt.answerCount', { count: submission.answered, explanations: submission.explanations })}</dd>
				<dt>{t('receipt.hash')}</dt>
				<dd>
					<code className="hash" data-testid="submission-hash">
						{submission.sha256}
					</code>
				</dd>
			</dl>
			<p className="field-help">{t('receipt.hashHelp')}</p>
			<ReportExportLinks reportId={reportId} submission={submission.number} canImport={false} />
			<p>
				<Link to={`/reports/${reportId}/submissions`}>{t('receipt.back')}</Link>
			</p>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
