import { useTranslation } from 'react-i18next'
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router'
import { latestSubmission, listReportEvents, listSubmissions } from '#db/queries/reports.ts'
import { listThreads } from '#db/queries/threads.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/review.ts'
import { requireReport } from './report-access.server.ts'
import { action } from './workflow.tsx'
import { FormError } from '../../components/forms.tsx'
import { domId, sectionOfQuestion } from '../../components/editor/form-model.ts'
import { ThreadList, type ThreadData } from '../../components/review/threads.tsx'
import { availableActions } from '../../domain/workflow.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { formatDateTime } from '../../utils/dates.ts'
import { requireRole } from '../../utils/permissions.server.ts'

export { action }

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'reviewer', 'admin')
	const { user, report, definition } = await requireReport(context, request, params.reportId)
	const db = context.get(dbContext)
	const language = context.get(languageContext) as Language
	const text = formText(definition, language)
	const [threads, submissions, latest, events] = await Promise.all([
		listThreads(db, report.id, true),
		listSubmissions(db, report.id),
		latestSubmission(db, report.id),
		listReportEvents(db, report.id),
	])
	const lastReturned = submissions.find((s) => s.state === 'returned' && s.number !== latest?.number)
	const reopenRequest = report.reopenRequestedAt ? events.find((e) => e.action === 'request_reopen') : undefined
	const serialise = (t: (typeof threads)[number]): ThreadData & { questionLabel: string; href: string | null } => {
		const sectionId = t.questionId ? sectionOfQuestion(definition, t.questionId) : undefined
		return {
			...t,
			createdAt: t.createdAt.toISOString(),
			messages: t.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
			questionLabel: t.questionId ? text.label(t.questionId) : '',
			href: t.questionId && sectionId ? `/reports/${report.id}/sections/${sectionId}#${domId('q', t.questionId, 'threads')}` : null,
		}
	}
	return {
		reportId: report.id,
		status: report.status,
		actions: availableActions(report.status, user, report.partyCode).filter((a) =>
			['start_review', 'return', 'accept', 'reopen'].includes(a),
		),
		reopenRequest: reopenRequest ? { by: reopenRequest.actor_name, reason: reopenRequest.comment } : null,
		latest: latest
			? {
					number: latest.number,
					submittedAt: latest.submittedAt.toISOString(),
					submittedBy: latest.submittedByName,
					sha256: latest.sha256,
					acknowledgements: latest.acknowledgements.length,
					onBehalf: latest.onBehalf,
				}
			: null,
		compare: latest && lastReturned ? { from: lastReturned.number, to: latest.number } : null,
		reportThreads: threads.filter((t) => !t.questionId).map(serialise),
		questionThreads: threads.filter((t) => t.questionId).map(serialise),
	}
}

export default function ReviewPage() {
	const { t, i18n } = useTranslation('review')
	const data = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const back = `/reports/${data.reportId}/review`
	const open = data.questionThreads.filter((th) => th.status === 'open')
	return (
		<section aria-labelledby="review-title" className="stack">
			<h2 id="review-title">{t('page.title')}</h2>
			<FormError failure={failure} />
			{data.latest ? (
				<dl className="summary-list">
					<dt>{t('page.latest')}</dt>
					<dd>
						<Link to={`/reports/${data.reportId}/submissions/${data.latest.number}`}>#{data.latest.number}</Link>{' '}
						{formatDateTime(data.latest.submittedAt, i18n.language)} — {data.latest.submittedBy}
						{data.latest.onBehalf ? ` (${t('page.enteredOnBehalf')})` : ''}
					</dd>
					<dt>{t('page.explanations')}</dt>
					<dd>
						<Link to={`/reports/${data.reportId}/validation`}>
							{t('page.explanationCount', { count: data.latest.acknowledgements })}
						</Link>
					</dd>
				</dl>
			) : (
				<p>{t('page.notSubmitted')}</p>
			)}
			<p className="button-row">
				<Link to={`/reports/${data.reportId}/sections`}>{t('page.readReport')}</Link>
				{data.compare ? (
					<Link to={`/reports/${data.reportId}/compare?from=${data.compare.from}&to=${data.compare.to}`}>
						{t('page.changesSinceReturn', { number: data.compare.from })}
					</Link>
				) : null}
				<Link to={`/reports/${data.reportId}/compare?previousCycle=1`}>{t('page.compareWithPrevious')}</Link>
			</p>

			{data.reopenRequest ? (
				<div className="alert alert--warning">
					<p>{t('page.reopenRequested', { name: data.reopenRequest.by ?? '' })}</p>
					{data.reopenRequest.reason ? <q>{data.reopenRequest.reason}</q> : null}
				</div>
			) : null}

			<h3>{t('page.decision')}</h3>
			{data.actions.length === 0 ? <p>{t('page.noAction', { status: t(`editor:status.${data.status}`) })}</p> : null}
			{data.actions.includes('start_review') ? (
				<Form method="post" action={`/reports/${data.reportId}/review`}>
					<input type="hidden" name="intent" value="start_review" />
					<input type="hidden" name="redirectTo" value={back} />
					<button type="submit" className="button" disabled={busy}>
						{t('actions.startReview')}
					</button>
				</Form>
			) : null}
			{data.actions.includes('return') ? (
				<Form method="post" action={`/reports/${data.reportId}/review`} className="stack">
					<input type="hidden" name="intent" value="return" />
					<input type="hidden" name="redirectTo" value={back} />
					<div className="field">
						<label htmlFor="return-message">{t('actions.returnMessage')}</label>
						<p className="field-help" id="return-help">
							{t('actions.returnHelp', { count: open.length })}
						</p>
						<textarea id="return-message" name="comment" rows={3} maxLength={4000} aria-describedby="return-help" />
					</div>
					<button type="submit" className="button button--secondary" disabled={busy}>
						{t('actions.return')}
					</button>
				</Form>
			) : null}
			{data.actions.includes('accept') ? (
				<Form method="post" action={`/reports/${data.reportId}/review`} className="stack">
					<input type="hidden" name="intent" value="accept" />
					<input type="hidden" name="redirectTo" value={back} />
					<p className="field-help">{t('actions.acceptHelp')}</p>
					<button type="submit" className="button" disabled={busy}>
						{t('actions.accept')}
					</button>
				</Form>
			) : null}
			{data.actions.includes('reopen') ? (
				<Form method="post" action={`/reports/${data.reportId}/review`} className="stack">
					<input type="hidden" name="intent" value="reopen" />
					<input type="hidden" name="redirectTo" value={back} />
					<div className="field">
						<label htmlFor="reopen-message">{t('actions.reopenMessage')}</label>
						<textarea id="reopen-message" name="comment" rows={2} maxLength={4000} />
					</div>
					<button type="submit" className="button button--secondary" disabled={busy}>
						{t('actions.reopen')}
					</button>
				</Form>
			) : null}

			<h3>{t('page.threads', { count: open.length })}</h3>
			{data.questionThreads.length === 0 ? <p>{t('page.noThreads')}</p> : null}
			<ul className="issue-panel">
				{data.questionThreads.map((th) => (
					<li key={th.id} className={th.status === 'open' ? 'issue issue--warning' : 'issue'}>
						{th.href ? <Link to={th.href}>{th.questionLabel}</Link> : th.questionLabel} —{' '}
						{t(`threads.status.${th.status}`)}
						{th.visibility === 'secretariat' ? ` · ${t('threads.internal')}` : ''}
						<p className="thread__body">{th.messages.at(-1)?.body}</p>
					</li>
				))}
			</ul>
			<h3>{t('page.reportThreads')}</h3>
			<ThreadList reportId={data.reportId} questionId={null} threads={data.reportThreads} canStart canModerate />
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
