import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useLoaderData } from 'react-router'
import { z } from 'zod'
import { fileIdentities } from '#db/queries/attachments.ts'
import { findPreviousCycle } from '#db/queries/cycles.ts'
import {
	findReportForCycle,
	findSubmission,
	listSubmissions,
	loadAnswerValues,
} from '#db/queries/reports.ts'
import { answerText, cellText } from '#forms/answer-text.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { formText, type FormText } from '#forms/text.ts'
import type { Answers, Language, Question } from '#forms/types.ts'
import type { Route } from './+types/compare.ts'
import { requireReport } from './report-access.server.ts'
import { findQuestion } from '#forms/question-index.ts'
import {
	defaultBaseline,
	diffAcrossVersions,
	withOwnCopiesOfFiles,
	diffAnswers,
	summariseDiff,
	type QuestionDiff,
} from '../../domain/diff.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { positiveIntText } from '../../utils/input.ts'
import { notFound } from '../../utils/permissions.server.ts'
import { parseQuery } from '../../utils/request.server.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { DirectionalArrow } from '../../components/directional-arrow.tsx'
import { ScrollRegion } from '../../components/scroll-region.tsx'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

/** A side of the comparison: the working copy, or a submission by its number. */
const Side = z.union([z.literal('draft'), positiveIntText])
const QuerySchema = z.object({
	from: Side.optional(),
	to: Side.optional(),
	previousCycle: z.literal('1').optional(),
})

/** Fixed rows by their dimension labels (e.g. "PFHxS, 2023"), open rows by their position. */
function rowLabel(question: Question, rowId: string, index: number, text: FormText) {
	if (question.type !== 'table' || question.rows.kind === 'open') return `#${index + 1}`
	const dimensions = question.columns.filter((c) => c.readOnly)
	return rowId
		.split('|')
		.map((code, i) =>
			dimensions[i] ? text.option(`${question.id}.${dimensions[i].id}`, code) : code,
		)
		.join(', ')
}

async function answersOf(db: DbHandle, reportId: string, side: number | 'draft') {
	if (side === 'draft') {
		return loadAnswerValues(db, reportId)
	}
	const submission = await findSubmission(db, reportId, side)
	if (!submission) throw notFound()
	return submission.answers as Answers
}

/**
 * Question- and cell-level differences between two revisions of a report (submissions or the
 * draft), or between the report and the country's previous-cycle report through the form
 * migrations. By default: the latest submission against the one last returned.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, definition, formContext, cycle } = await requireReport(
		context,
		request,
		params.reportId,
	)
	const db = context.get(dbContext)
	const language = context.get(languageContext) as Language
	const query = parseQuery(request, QuerySchema)
	const submissions = await listSubmissions(db, report.id)
	const latest = submissions[0]?.number
	const to: number | 'draft' = query.to ?? latest ?? 'draft'
	const text = formText(definition, language)

	let diff
	let fromLabel: { kind: 'previousCycle' } | { kind: 'side'; side: number | 'draft' } | null = null
	if (query.previousCycle) {
		const previousCycle = await findPreviousCycle(db, cycle)
		const previous = previousCycle
			? await findReportForCycle(db, report.partyCode, previousCycle.id)
			: undefined
		const previousDefinition = previous
			? getFormDefinition(previous.formId, previous.formVersion)
			: undefined
		if (!previous || !previousDefinition) {
			return {
				reportId: report.id,
				error: 'compare.noPrevious' as const,
				sides: submissions.map((s) => s.number),
			}
		}
		const previousSubmissions = await listSubmissions(db, previous.id)
		const best = previousSubmissions.find((s) => s.state === 'accepted') ?? previousSubmissions[0]
		const [before, theirFiles, ourFiles] = await Promise.all([
			answersOf(db, previous.id, best?.number ?? 'draft'),
			fileIdentities(db, previous.id),
			fileIdentities(db, report.id),
		])
		diff = diffAcrossVersions(
			previousDefinition,
			withOwnCopiesOfFiles(before, theirFiles, ourFiles),
			definition,
			await answersOf(db, report.id, to),
			formContext,
		)
		fromLabel = { kind: 'previousCycle' }
	} else {
		const from = query.from ?? (typeof to === 'number' ? defaultBaseline(submissions, to) : latest)
		if (from === undefined) {
			return {
				reportId: report.id,
				error: 'compare.nothing' as const,
				sides: submissions.map((s) => s.number),
			}
		}
		diff = diffAnswers(
			definition,
			await answersOf(db, report.id, from),
			await answersOf(db, report.id, to),
			formContext,
		)
		fromLabel = { kind: 'side', side: from }
	}

	const describe = (q: QuestionDiff) => {
		const question = findQuestion(definition, q.questionId)!
		return {
			questionId: q.questionId,
			section: text.section(q.sectionId),
			label: text.label(q.questionId),
			kind: q.kind,
			hiddenAfter: q.hiddenAfter,
			before: q.rows || q.fields ? null : answerText(question, q.before, text),
			after: q.rows || q.fields ? null : answerText(question, q.after, text),
			fields: (q.fields ?? []).map((f) => ({
				label: text.label(`${q.questionId}.${f.fieldId}`),
				kind: f.kind,
				before: f.before ?? '—',
				after: f.after ?? '—',
			})),
			rows: (q.rows ?? []).map((r, index) => ({
				rowId: r.rowId,
				label: rowLabel(question, r.rowId, index, text),
				kind: r.kind,
				cells: r.cells.map((c) => ({
					label: text.label(`${q.questionId}.${c.columnId}`),
					kind: c.kind,
					before: cellText(question, c.columnId, c.before, text),
					after: cellText(question, c.columnId, c.after, text),
					hidden: Boolean(c.hiddenAfter),
				})),
			})),
		}
	}
	return {
		reportId: report.id,
		error: null,
		sides: submissions.map((s) => s.number),
		from: fromLabel,
		to,
		summary: summariseDiff(diff),
		questions: diff.questions.map(describe),
		notCompared: diff.notCompared.map((e) => ({
			label: findQuestion(definition, e.source.questionId)
				? text.label(e.source.questionId)
				: e.source.questionId,
			reason: e.reason ?? '',
		})),
	}
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('review:compare.title'), ...reportTitleParts(matches)])

export default function ComparePage() {
	const { t } = useTranslation('review')
	const data = useLoaderData<typeof loader>()
	const sideLabel = (side: number | 'draft') =>
		side === 'draft' ? t('compare.draft') : t('compare.submission', { number: side })
	return (
		<section aria-labelledby="compare-title" className="stack">
			<h2 id="compare-title">{t('compare.title')}</h2>
			<Form method="get" className="filters" aria-label={t('compare.title')}>
				<div className="field">
					<label htmlFor="from">{t('compare.from')}</label>
					<select
						id="from"
						name="from"
						defaultValue={data.from?.kind === 'side' ? String(data.from.side) : ''}
					>
						{data.sides.map((n) => (
							<option key={n} value={n}>
								{sideLabel(n)}
							</option>
						))}
						<option value="draft">{sideLabel('draft')}</option>
					</select>
				</div>
				<div className="field">
					<label htmlFor="to">{t('compare.to')}</label>
					<select id="to" name="to" defaultValue={'to' in data ? String(data.to) : 'draft'}>
						{data.sides.map((n) => (
							<option key={n} value={n}>
								{sideLabel(n)}
							</option>
						))}
						<option value="draft">{sideLabel('draft')}</option>
					</select>
				</div>
				<button type="submit" className="button button--secondary">
					{t('compare.show')}
				</button>
				<Link to={`/reports/${data.reportId}/compare?previousCycle=1`}>
					{t('page.compareWithPrevious')}
				</Link>
			</Form>
			{data.error ? (
				<p className="alert">{t(data.error)}</p>
			) : (
				<>
					<p role="status">
						{data.from?.kind === 'previousCycle'
							? t('compare.previousCycle')
							: data.from
								? sideLabel(data.from.side)
								: ''}{' '}
						<DirectionalArrow to="forward" /> {sideLabel(data.to)}:{' '}
						{t('compare.summary', {
							changed: data.summary.changed,
							added: data.summary.added,
							removed: data.summary.removed,
						})}
					</p>
					{data.questions.length === 0 ? <p>{t('compare.noChanges')}</p> : null}
					<ScrollRegion labelledBy="compare-caption">
						<table className="table diff-table">
							<caption className="visually-hidden" id="compare-caption">
								{t('compare.title')}
							</caption>
							<thead>
								<tr>
									<th scope="col">{t('compare.question')}</th>
									<th scope="col">{t('compare.change')}</th>
									<th scope="col">{t('compare.before')}</th>
									<th scope="col">{t('compare.after')}</th>
								</tr>
							</thead>
							<tbody>
								{data.questions.map((q) => (
									<DiffRows key={q.questionId} question={q} />
								))}
							</tbody>
						</table>
					</ScrollRegion>
					{data.notCompared.length > 0 ? (
						<>
							<h3>{t('compare.notComparable')}</h3>
							<ul>
								{data.notCompared.map((e, i) => (
									<li key={i}>
										{e.label}: {e.reason}
									</li>
								))}
							</ul>
						</>
					) : null}
				</>
			)}
		</section>
	)
}

type DescribedQuestion = Extract<
	ReturnType<typeof useLoaderData<typeof loader>>,
	{ error: null }
>['questions'][number]

function DiffRows({ question }: { question: DescribedQuestion }) {
	const { t } = useTranslation('review')
	const head = (
		<tr className={`diff diff--${question.kind}`} data-question={question.questionId}>
			<th scope="row">
				<span className="muted">{question.section} › </span>
				{question.label}
			</th>
			<td>{t(`compare.kinds.${question.kind}`)}</td>
			<td className="value-cell">{question.before ?? ''}</td>
			<td className="value-cell">{question.after ?? ''}</td>
		</tr>
	)
	const detail = [
		...question.fields.map((f) => (
			<tr key={`f-${f.label}`} className="diff-detail">
				<td>{f.label}</td>
				<td>{t(`compare.kinds.${f.kind}`)}</td>
				<td>{f.before}</td>
				<td>{f.after}</td>
			</tr>
		)),
		...question.rows.flatMap((r) =>
			r.cells.map((c, i) => (
				<tr key={`${r.rowId}-${c.label}`} className="diff-detail" data-row={r.rowId}>
					<td>
						{i === 0 ? <strong>{r.label}</strong> : null} {c.label}
					</td>
					<td>{i === 0 ? t(`compare.kinds.${r.kind}`) : ''}</td>
					<td>{c.before}</td>
					<td>{c.after}</td>
				</tr>
			)),
		),
	]
	return (
		<>
			{head}
			{detail}
		</>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
