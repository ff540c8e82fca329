import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData, useSearchParams } from 'react-router'
import { findParty } from '#db/queries/parties.ts'
import { findSubmission } from '#db/queries/reports.ts'
import { requireFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { Route } from './+types/receipt.ts'
import { requireReport } from './report-access.server.ts'
import { ReportExportLinks } from '../../components/report-export-links.tsx'
import { dbContext, languageContext } from '../../utils/context.ts'
import { positiveIntText } from '../../utils/input.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, cycle } = await requireReport(context, request, params.reportId)
	const number = routeParam(params.number, positiveIntText)
	const db = context.get(dbContext)
	const submission = await findSubmission(db, report.id, number)
	if (!submission) throw notFound()
	const language = context.get(languageContext)
	const party = await findParty(db, report.partyCode)
	const definition = requireFormDefinition(submission.formId, submission.formVersion)
	return {
		reportId: report.id,
		party: {
			code: report.partyCode,
			name: party?.names[language] || party?.names.en || report.partyCode,
		},
		cycle: { code: cycle.code, title: cycle.title[language] ?? cycle.title.en ?? cycle.code },
		formTitle: formText(definition, language).title(),
		submission: {
			number: submission.number,
			sha256: submission.sha256,
			state: submission.state,
			submittedAt: submission.submittedAt.toISOString(),
			submittedBy: submission.submittedByName,
			formId: submission.formId,
			formVersion: submission.formVersion,
			formSha256: submission.formSha256,
			answered: Object.keys(submission.answers).length,
			explanations: submission.acknowledgements.length,
			onBehalf: submission.onBehalf,
		},
	}
}

/** An identifier shown after its name, for those who work with codes. */
function Code({ children }: { children: string }) {
	return <span className="muted">({children})</span>
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		loaderData ? t('editor:receipt.title', { number: loaderData.submission.number }) : undefined,
		...reportTitleParts(matches),
	])

export default function ReceiptPage() {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const { reportId, submission, party, cycle, formTitle } = useLoaderData<typeof loader>()
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
				<dd>
					{party.name} <Code>{party.code}</Code>
				</dd>
				<dt>{t('receipt.cycle')}</dt>
				<dd>
					{cycle.title} <Code>{cycle.code}</Code>
				</dd>
				<dt>{t('receipt.form')}</dt>
				<dd>
					{formTitle}, {t('formVersion', { version: submission.formVersion })}{' '}
					<Code>{`${submission.formId} v${submission.formVersion}`}</Code>
				</dd>
				<dt>{t('receipt.submittedAt')}</dt>
				<dd>
					<time dateTime={submission.submittedAt}>{format.dateTime(submission.submittedAt)}</time>
				</dd>
				<dt>{t('receipt.submittedBy')}</dt>
				<dd dir="auto">{submission.submittedBy}</dd>
				{submission.onBehalf ? (
					<>
						<dt>{t('receipt.onBehalf')}</dt>
						<dd dir="auto">{submission.onBehalf.reason}</dd>
					</>
				) : null}
				<dt>{t('receipt.state')}</dt>
				<dd>{t(`submissionState.${submission.state}`)}</dd>
				<dt>{t('receipt.answers')}</dt>
				<dd>{submission.answered}</dd>
				<dt>{t('receipt.explanations')}</dt>
				<dd>{submission.explanations}</dd>
				<dt>{t('receipt.hash')}</dt>
				<dd>
					<code className="hash" data-testid="submission-hash">
						{submission.sha256}
					</code>
				</dd>
			</dl>
			<p className="field-help">{t('receipt.hashHelp')}</p>
			<dl className="summary-list">
				<dt>{t('receipt.formHash')}</dt>
				<dd>
					{submission.formSha256 ? (
						<code className="hash" data-testid="form-hash">
							{submission.formSha256}
						</code>
					) : (
						t('receipt.formHashNotRecorded')
					)}
				</dd>
			</dl>
			<p className="field-help">{t('receipt.formHashHelp')}</p>
			<ReportExportLinks
				reportId={reportId}
				submission={submission.number}
				submissionTitleId="receipt-title"
				canImport={false}
			/>
			<p>
				<Link to={`/reports/${reportId}/submissions`}>{t('receipt.back')}</Link>
			</p>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
