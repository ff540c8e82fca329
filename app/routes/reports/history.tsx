import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { listReportEvents, listSaves, questionHistory } from '#db/queries/reports.ts'
import { acceptedReuseSources } from '#db/queries/reuse.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { answerText } from '#forms/answer-text.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/history.ts'
import { requireReport } from './report-access.server.ts'
import { findQuestion } from '#forms/question-index.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { EventItem } from '../../components/event-item.tsx'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

const QuerySchema = z.object({ question: z.string().max(200).optional() })

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, definition } = await requireReport(context, request, params.reportId)
	const db = context.get(dbContext)
	const language = context.get(languageContext) as Language
	const text = formText(definition, language)
	const { question: questionId } = parseQuery(request, QuerySchema)
	if (questionId) {
		const question = findQuestion(definition, questionId)
		if (!question) throw notFound()
		const [changes, reused] = await Promise.all([
			questionHistory(db, report.id, questionId),
			acceptedReuseSources(db, report.id),
		])
		const reusedFrom = (revision: number) => {
			const source = reused.find((r) => r.questionId === questionId && r.revision === revision)
			const definition = source && getFormDefinition(source.formId, source.formVersion)
			return source
				? {
						form: definition ? formText(definition, language).title() : source.formId,
						cycle: source.cycleTitle[language] ?? source.cycleTitle.en ?? source.cycleCode,
					}
				: undefined
		}
		return {
			kind: 'question' as const,
			reportId: report.id,
			question: { id: questionId, label: text.label(questionId) },
			changes: changes.map((c) => ({
				id: c.id,
				revision: c.revision,
				at: c.changedAt.toISOString(),
				by: c.changedByName,
				source: c.source,
				reusedFrom: c.source === 'reuse' ? reusedFrom(c.revision) : undefined,
				old: answerText(question, c.oldValue, text),
				new: answerText(question, c.newValue, text),
			})),
		}
	}
	const [saves, events] = await Promise.all([
		listSaves(db, report.id),
		listReportEvents(db, report.id),
	])
	return {
		kind: 'report' as const,
		reportId: report.id,
		saves: saves.map((s) => ({
			revision: s.revision,
			at: s.changedAt.toISOString(),
			by: s.changedByName,
			source: s.source,
			questions: s.questionIds.map((id) => ({
				id,
				label: findQuestion(definition, id) ? text.label(id) : id,
			})),
		})),
		events: events.map((e) => ({
			id: e.id,
			action: e.action,
			actor: e.actorName,
			at: e.occurredAt.toISOString(),
			comment: e.comment,
		})),
	}
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		loaderData?.kind === 'question'
			? t('editor:history.questionTitle', { question: loaderData.question.label })
			: t('editor:history.title'),
		...reportTitleParts(matches),
	])

export default function HistoryPage() {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const data = useLoaderData<typeof loader>()
	const base = `/reports/${data.reportId}`
	if (data.kind === 'question') {
		return (
			<section aria-labelledby="history-title" className="stack">
				<p>
					<Link to={`${base}/history`}>{t('history.back')}</Link>
				</p>
				<h2 id="history-title">{t('history.questionTitle', { question: data.question.label })}</h2>
				{data.changes.length === 0 ? <p>{t('history.noChanges')}</p> : null}
				<ScrollRegion labelledBy="history-changes">
					<table className="table">
						<caption className="visually-hidden" id="history-changes">
							{t('history.questionTitle', { question: data.question.label })}
						</caption>
						<thead>
							<tr>
								<th scope="col">{t('history.when')}</th>
								<th scope="col">{t('history.who')}</th>
								<th scope="col">{t('history.old')}</th>
								<th scope="col">{t('history.new')}</th>
							</tr>
						</thead>
						<tbody>
							{data.changes.map((c) => (
								<tr key={c.id}>
									<td>
										<time dateTime={c.at}>{format.dateTime(c.at)}</time>
										<br />
										<span className="muted">
											{c.reusedFrom
												? t('reuse.reusedFrom', c.reusedFrom)
												: t(`history.source.${c.source}`, { defaultValue: c.source })}
										</span>
									</td>
									<td dir="auto">{c.by ?? '—'}</td>
									<td className="value-cell" dir="auto">
										{c.old}
									</td>
									<td className="value-cell" dir="auto">
										{c.new}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</ScrollRegion>
			</section>
		)
	}
	return (
		<section aria-labelledby="history-title" className="stack">
			<h2 id="history-title">{t('history.title')}</h2>
			<h3>{t('history.events')}</h3>
			<ol className="event-list" reversed>
				{data.events.map((e) => (
					<EventItem
						key={e.id}
						at={e.at}
						what={t(`events.${e.action}`)}
						actor={e.actor}
						comment={e.comment}
					/>
				))}
			</ol>
			<h3>{t('history.saves')}</h3>
			<ScrollRegion labelledBy="history-saves">
				<table className="table">
					<caption className="visually-hidden" id="history-saves">
						{t('history.saves')}
					</caption>
					<thead>
						<tr>
							<th scope="col">{t('history.revision')}</th>
							<th scope="col">{t('history.when')}</th>
							<th scope="col">{t('history.who')}</th>
							<th scope="col">{t('history.questions')}</th>
						</tr>
					</thead>
					<tbody>
						{data.saves.map((s) => (
							<tr key={`${s.revision}-${s.by}-${s.source}`}>
								<td>{s.revision}</td>
								<td>
									<time dateTime={s.at}>{format.dateTime(s.at)}</time>
									<br />
									<span className="muted">
										{t(`history.source.${s.source}`, { defaultValue: s.source })}
									</span>
								</td>
								<td dir="auto">{s.by ?? '—'}</td>
								<td>
									<ul className="plain-list">
										{s.questions.map((q) => (
											<li key={q.id}>
												<Link to={`${base}/history?question=${encodeURIComponent(q.id)}`}>
													{q.label}
												</Link>
											</li>
										))}
									</ul>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</ScrollRegion>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
