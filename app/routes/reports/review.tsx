import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router'
import { latestSubmission, listReportEvents, listSubmissions } from '#db/queries/reports.ts'
import { listThreads } from '#db/queries/threads.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/review.ts'
import { requireReport } from './report-access.server.ts'
import { postWorkflowForm } from './workflow-post.server.ts'
import { FormError } from '../../components/forms.tsx'
import { ThreadList, type ThreadData } from '../../components/review/threads.tsx'
import { questionThreadsHref } from '../../domain/threads.server.ts'
import { availableActions } from '../../domain/workflow.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

export function action(args: Route.ActionArgs) {
	return postWorkflowForm(args)
}

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
	const lastReturned = submissions.find(
		(s) => s.state === 'returned' && s.number !== latest?.number,
	)
	const reopenRequest = report.reopenRequestedAt
		? events.find((e) => e.action === 'request_reopen')
		: undefined
	const serialise = (
		t: (typeof threads)[number],
	): ThreadData & { questionLabel: string; href: string | null } => ({
		...t,
		createdAt: t.createdAt.toISOString(),
		messages: t.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
		questionLabel: t.questionId ? text.label(t.questionId) : '',
		href: t.questionId ? questionThreadsHref(report.id, definition, t.questionId) : null,
	})
	return {
		reportId: report.id,
		status: report.status,
		actions: availableActions(report.status, user, report.partyCode).filter((a) =>
			['start_review', 'return', 'accept', 'reopen'].includes(a),
		),
		reopenRequest: reopenRequest
			? { by: reopenRequest.actorName, reason: reopenRequest.comment }
			: null,
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

type Loaded = Awaited<ReturnType<typeof loader>>
type LoadedThread = Loaded['questionThreads'][number]

function SubmissionSummary({ reportId, latest }: Pick<Loaded, 'reportId' | 'latest'>) {
	const { t } = useTranslation('review')
	const format = useFormat()
	if (!latest) return <p>{t('page.notSubmitted')}</p>
	return (
		<dl className="summary-list">
			<dt>{t('page.latest')}</dt>
			<dd>
				<Link to={`/reports/${reportId}/submissions/${latest.number}`}>#{latest.number}</Link>{' '}
				<bdi>
					<time dateTime={latest.submittedAt}>{format.dateTime(latest.submittedAt)}</time>
				</bdi>{' '}
				— <bdi>{latest.submittedBy}</bdi>
				{latest.onBehalf ? ` (${t('page.enteredOnBehalf')})` : ''}
			</dd>
			<dt>{t('page.explanations')}</dt>
			<dd>
				<Link to={`/reports/${reportId}/validation`}>
					{t('page.explanationCount', { count: latest.acknowledgements })}
				</Link>
			</dd>
		</dl>
	)
}

/** A workflow action posted to this page, which comes back here. */
function ActionForm({
	reportId,
	intent,
	className,
	children,
}: {
	reportId: string
	intent: string
	className?: string
	children: React.ReactNode
}) {
	const back = `/reports/${reportId}/review`
	return (
		<Form method="post" action={back} className={className}>
			<input type="hidden" name="intent" value={intent} />
			<input type="hidden" name="redirectTo" value={back} />
			{children}
		</Form>
	)
}

function ReturnForm({
	reportId,
	openQuestionThreads,
	busy,
}: {
	reportId: string
	openQuestionThreads: number
	busy: boolean
}) {
	const { t } = useTranslation('review')
	return (
		<ActionForm reportId={reportId} intent="return" className="stack">
			<div className="field">
				<label htmlFor="return-message">{t('actions.returnMessage')}</label>
				<p className="field-help" id="return-help">
					{t('actions.returnHelp', { count: openQuestionThreads })}
				</p>
				<textarea
					id="return-message"
					name="comment"
					rows={3}
					maxLength={4000}
					aria-describedby="return-help"
				/>
			</div>
			<button type="submit" className="button button--secondary" disabled={busy}>
				{t('actions.return')}
			</button>
		</ActionForm>
	)
}

/** Accepting with open threads needs their confirmation: they are listed. */
function AcceptForm({
	reportId,
	openThreads,
	busy,
}: {
	reportId: string
	openThreads: LoadedThread[]
	busy: boolean
}) {
	const { t } = useTranslation('review')
	return (
		<ActionForm reportId={reportId} intent="accept" className="stack">
			<p className="field-help">{t('actions.acceptHelp')}</p>
			{openThreads.length > 0 ? (
				<div className="alert alert--warning stack">
					<p>{t('actions.acceptOpenThreads', { count: openThreads.length })}</p>
					<ul>
						{openThreads.map((th) => (
							<li key={th.id}>
								{th.href ? (
									<Link to={th.href}>{th.questionLabel}</Link>
								) : (
									<strong>{th.questionLabel || t('returnedNotice.wholeReport')}</strong>
								)}
								{th.visibility === 'secretariat' ? ` · ${t('threads.internal')}` : ''}
								<p className="thread__body">{th.messages.at(-1)?.body}</p>
							</li>
						))}
					</ul>
					<label className="checkbox">
						<input type="checkbox" name="confirm" value="yes" required />
						{t('actions.acceptConfirm', { count: openThreads.length })}
					</label>
				</div>
			) : null}
			<button type="submit" className="button" disabled={busy}>
				{t('actions.accept')}
			</button>
		</ActionForm>
	)
}

function ReopenForm({ reportId, busy }: { reportId: string; busy: boolean }) {
	const { t } = useTranslation('review')
	return (
		<ActionForm reportId={reportId} intent="reopen" className="stack">
			<div className="field">
				<label htmlFor="reopen-message">{t('actions.reopenMessage')}</label>
				<textarea id="reopen-message" name="comment" rows={2} maxLength={4000} />
			</div>
			<button type="submit" className="button button--secondary" disabled={busy}>
				{t('actions.reopen')}
			</button>
		</ActionForm>
	)
}

function Decision({ data }: { data: Loaded }) {
	const { t } = useTranslation('review')
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const { reportId, actions } = data
	const openQuestionThreads = data.questionThreads.filter((th) => th.status === 'open')
	const openThreads = [...data.questionThreads, ...data.reportThreads].filter(
		(th) => th.status === 'open',
	)
	return (
		<>
			<h3>{t('page.decision')}</h3>
			{actions.length === 0 ? (
				<p>{t('page.noAction', { status: t(`editor:status.${data.status}`) })}</p>
			) : null}
			{actions.includes('start_review') ? (
				<ActionForm reportId={reportId} intent="start_review">
					<button type="submit" className="button" disabled={busy}>
						{t('actions.startReview')}
					</button>
				</ActionForm>
			) : null}
			{actions.includes('return') ? (
				<ReturnForm
					reportId={reportId}
					openQuestionThreads={openQuestionThreads.length}
					busy={busy}
				/>
			) : null}
			{actions.includes('accept') ? (
				<AcceptForm reportId={reportId} openThreads={openThreads} busy={busy} />
			) : null}
			{actions.includes('reopen') ? <ReopenForm reportId={reportId} busy={busy} /> : null}
		</>
	)
}

function QuestionThreads({ threads }: { threads: LoadedThread[] }) {
	const { t } = useTranslation('review')
	const open = threads.filter((th) => th.status === 'open')
	return (
		<>
			<h3>{t('page.threads', { count: open.length })}</h3>
			{threads.length === 0 ? <p>{t('page.noThreads')}</p> : null}
			<ul className="issue-panel">
				{threads.map((th) => (
					<li key={th.id} className={th.status === 'open' ? 'issue issue--warning' : 'issue'}>
						{th.href ? <Link to={th.href}>{th.questionLabel}</Link> : th.questionLabel} —{' '}
						{t(`threads.status.${th.status}`)}
						{th.visibility === 'secretariat' ? ` · ${t('threads.internal')}` : ''}
						<p className="thread__body">{th.messages.at(-1)?.body}</p>
					</li>
				))}
			</ul>
		</>
	)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('review:page.title'), ...reportTitleParts(matches)])

export default function ReviewPage() {
	const { t } = useTranslation('review')
	const data = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section aria-labelledby="review-title" className="stack">
			<h2 id="review-title">{t('page.title')}</h2>
			<FormError failure={failure} />
			<SubmissionSummary reportId={data.reportId} latest={data.latest} />
			<p className="button-row">
				<Link to={`/reports/${data.reportId}/sections`}>{t('page.readReport')}</Link>
				{data.compare ? (
					<Link
						to={`/reports/${data.reportId}/compare?from=${data.compare.from}&to=${data.compare.to}`}
					>
						{t('page.changesSinceReturn', { number: data.compare.from })}
					</Link>
				) : null}
				<Link to={`/reports/${data.reportId}/compare?previousCycle=1`}>
					{t('page.compareWithPrevious')}
				</Link>
			</p>
			{data.reopenRequest ? (
				<div className="alert alert--warning">
					<p>{t('page.reopenRequested', { name: data.reopenRequest.by ?? '' })}</p>
					{data.reopenRequest.reason ? <q>{data.reopenRequest.reason}</q> : null}
				</div>
			) : null}
			<Decision data={data} />
			<QuestionThreads threads={data.questionThreads} />
			<h3>{t('page.reportThreads')}</h3>
			<ThreadList
				reportId={data.reportId}
				questionId={null}
				threads={data.reportThreads}
				canStart
				canModerate
			/>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
