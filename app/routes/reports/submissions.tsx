import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useActionData, useLoaderData } from 'react-router'
import { listReportEvents, listSubmissions } from '#db/queries/reports.ts'
import type { Route } from './+types/submissions.ts'
import { requireReport } from './report-access.server.ts'
import { FormError } from '../../components/forms.tsx'
import { availableActions } from '../../domain/workflow.ts'
import { dbContext } from '../../utils/context.ts'
import { postWorkflowForm } from './workflow-post.server.ts'
import { EventItem } from '../../components/event-item.tsx'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

export function action(args: Route.ActionArgs) {
	return postWorkflowForm(args)
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { user, report } = await requireReport(context, request, params.reportId)
	const db = context.get(dbContext)
	const [submissions, events] = await Promise.all([
		listSubmissions(db, report.id),
		listReportEvents(db, report.id),
	])
	const actions = availableActions(report.status, user, report.partyCode)
	return {
		reportId: report.id,
		status: report.status,
		reopenRequested: report.reopenRequestedAt !== null,
		canRecall: actions.includes('recall'),
		canRequestReopen: actions.includes('request_reopen') && report.reopenRequestedAt === null,
		submissions: submissions.map((s) => ({
			number: s.number,
			state: s.state,
			sha256: s.sha256,
			submittedAt: s.submittedAt.toISOString(),
			submittedBy: s.submittedByName,
		})),
		events: events.map((e) => ({
			id: e.id,
			action: e.action,
			from: e.fromStatus,
			to: e.toStatus,
			actor: e.actorName,
			comment: e.comment,
			at: e.occurredAt.toISOString(),
			submission: e.submissionNumber,
		})),
	}
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('editor:submissions.title'), ...reportTitleParts(matches)])

export default function SubmissionsPage() {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const data = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section aria-labelledby="submissions-title" className="stack">
			<h2 id="submissions-title">{t('submissions.title')}</h2>
			<FormError failure={failure} />
			{data.submissions.length === 0 ? <p>{t('submissions.none')}</p> : null}
			{data.submissions.length > 0 ? (
				<ScrollRegion labelledBy="submissions-caption">
					<table className="table">
						<caption className="visually-hidden" id="submissions-caption">
							{t('submissions.title')}
						</caption>
						<thead>
							<tr>
								<th scope="col">{t('submissions.number')}</th>
								<th scope="col">{t('submissions.submittedAt')}</th>
								<th scope="col">{t('submissions.by')}</th>
								<th scope="col">{t('submissions.state')}</th>
								<th scope="col">{t('submissions.hash')}</th>
							</tr>
						</thead>
						<tbody>
							{data.submissions.map((s) => (
								<tr key={s.number}>
									<td>
										<Link to={`/reports/${data.reportId}/submissions/${s.number}`}>
											#{s.number}
										</Link>
									</td>
									<td>
										<time dateTime={s.submittedAt}>{format.dateTime(s.submittedAt)}</time>
									</td>
									<td dir="auto">{s.submittedBy}</td>
									<td>{t(`submissionState.${s.state}`)}</td>
									<td>
										<code className="hash">{s.sha256.slice(0, 16)}…</code>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			) : null}
			{data.canRecall ? (
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="recall" />
					<p>{t('submissions.recallHelp')}</p>
					<button type="submit" className="button button--secondary">
						{t('submissions.recall')}
					</button>
				</Form>
			) : null}
			{data.canRequestReopen ? (
				<Form method="post" className="stack">
					<input type="hidden" name="intent" value="request_reopen" />
					<div className="field">
						<label htmlFor="reopen-comment">{t('submissions.reopenReason')}</label>
						<textarea
							id="reopen-comment"
							name="comment"
							rows={3}
							maxLength={4000}
							required
							dir="auto"
						/>
					</div>
					<button type="submit" className="button button--secondary">
						{t('submissions.requestReopen')}
					</button>
				</Form>
			) : null}
			{data.reopenRequested ? <p className="alert">{t('submissions.reopenPending')}</p> : null}
			<h3>{t('submissions.events')}</h3>
			<ol className="event-list" reversed>
				{data.events.map((e) => (
					<EventItem
						key={e.id}
						at={e.at}
						what={t(`events.${e.action}`)}
						actor={e.actor}
						detail={e.submission ? ` · #${e.submission}` : null}
						comment={e.comment}
					/>
				))}
			</ol>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
