import { useTranslation } from '../../utils/use-translation.tsx'
import {
	Link,
	NavLink,
	Outlet,
	useLoaderData,
	type ShouldRevalidateFunctionArgs,
} from 'react-router'
import { findParty } from '#db/queries/parties.ts'
import { firstSubmittedAt } from '#db/queries/reports.ts'
import type { Route } from './+types/layout.ts'
import { requireReport } from './report-access.server.ts'
import { CycleDeadline } from '../../components/cycle-deadline.tsx'
import { ReportExportLinks } from '../../components/report-export-links.tsx'
import { ReturnedNotice } from '../../components/review/returned-notice.tsx'
import { returnedNotice } from '../../domain/returned-notice.server.ts'
import { availableActions } from '../../domain/workflow.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { formText } from '#forms/text.ts'
import { isSecretariat } from '../../utils/permissions.ts'

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { user, report, cycle, definition, canEdit } = await requireReport(
		context,
		request,
		params.reportId,
	)
	const language = context.get(languageContext)
	const db = context.get(dbContext)
	const [party, submittedAt, returned] = await Promise.all([
		findParty(db, report.partyCode),
		firstSubmittedAt(db, report.id),
		returnedNotice(db, { report, definition, language }),
	])
	return {
		report: {
			id: report.id,
			partyCode: report.partyCode,
			partyName: party?.names[language] || party?.names.en || report.partyCode,
			status: report.status,
			formTitle: formText(definition, language).title(),
			formVersion: report.formVersion,
			cycleTitle: cycle.title[language] ?? cycle.title.en ?? cycle.code,
			deadline: cycle.deadline,
			submittedAt: submittedAt?.toISOString() ?? null,
			reopenRequested: report.reopenRequestedAt !== null,
			onBehalf: report.enteredOnBehalfBy !== null,
		},
		today: todayIso(),
		returned,
		canEdit,
		isSecretariat: isSecretariat(user),
		actions: availableActions(report.status, user, report.partyCode),
	}
}

/** The header changes with the report's state: after form posts, not on navigation or comments. */
export function shouldRevalidate({
	formMethod,
	formAction,
	defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
	if (!formMethod || formMethod === 'GET') return false
	if (formAction?.includes('/threads')) return false
	return defaultShouldRevalidate
}

export default function ReportLayout() {
	const { t } = useTranslation('editor')
	const {
		report,
		today,
		returned,
		actions,
		canEdit,
		isSecretariat: secretariat,
	} = useLoaderData<typeof loader>()
	const base = `/reports/${report.id}`
	return (
		<div className="report">
			<header className="report__header">
				<p className="report__country">
					<Link to={secretariat ? `/review` : `/countries/${report.partyCode}`}>
						{report.partyName}
					</Link>
				</p>
				<h1>{report.cycleTitle}</h1>
				<p className="report__meta">
					<span className={`status status--${report.status}`}>{t(`status.${report.status}`)}</span>{' '}
					<span className="muted">
						{report.formTitle} · {t('formVersion', { version: report.formVersion })}
					</span>
				</p>
				<CycleDeadline deadline={report.deadline} today={today} submittedAt={report.submittedAt} />
				<ReportExportLinks reportId={report.id} canImport={canEdit} />
				<nav aria-label={t('reportNav.label')} className="tabs">
					<NavLink to={`${base}/sections`} end={false}>
						{t('reportNav.answers')}
					</NavLink>
					<NavLink to={`${base}/validation`}>{t('reportNav.validation')}</NavLink>
					{secretariat ? null : <NavLink to={`${base}/reuse`}>{t('reportNav.reuse')}</NavLink>}
					<NavLink to={`${base}/history`}>{t('reportNav.history')}</NavLink>
					<NavLink to={`${base}/submissions`}>{t('reportNav.submissions')}</NavLink>
					{secretariat ? <NavLink to={`${base}/review`}>{t('reportNav.review')}</NavLink> : null}
					{actions.includes('submit') ||
					actions.includes('resubmit') ||
					(report.onBehalf && actions.includes('submit_on_behalf')) ? (
						<NavLink to={`${base}/submit`}>{t('reportNav.submit')}</NavLink>
					) : null}
				</nav>
			</header>
			{returned ? <ReturnedNotice notice={returned} /> : null}
			<Outlet />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
