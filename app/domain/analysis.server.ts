import {
	loadSubmissionAnswersText,
	loadSubmissionQuestions,
	type CycleSubmission,
} from '#db/queries/exports.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { isChartable, tableCharts, type ChartData } from '#exports/compiled/charts.ts'
import { summarizeAnswer } from '#exports/excel/import-diff.ts'
import { evaluate } from '#forms/engine/evaluate.ts'
import { formText } from '#forms/text.ts'
import type { Answer, Answers, Question, TableQuestion } from '#forms/types.ts'
import { questionsOf } from '#exports/report-document.ts'
import { compiledSubmissions, type CompiledRequest } from './compiled-exports.server.ts'
import { formContextFor } from './report-context.server.ts'

export const PREVIEW_ROWS = 25
const PREVIEW_COLUMNS = 12
const MAX_CHARTS = 4

/**
 * Hidden questions of each submission, cached by submission id: submissions never change, so
 * their visibility never does. Bounded; only derived data, the database stays the source.
 */
const hiddenBySubmission = new Map<string, Set<string>>()
const HIDDEN_CACHE_SIZE = 5_000

async function hiddenQuestions(
	db: DbHandle,
	request: CompiledRequest,
	submissions: CycleSubmission[],
) {
	const missing = submissions.filter(
		(submission) => !hiddenBySubmission.has(submission.submissionId),
	)
	for (let start = 0; start < missing.length; start += 20) {
		const batch = missing.slice(start, start + 20)
		const texts = await loadSubmissionAnswersText(
			db,
			batch.map((s) => s.submissionId),
		)
		for (const submission of batch) {
			const answers = JSON.parse(texts.get(submission.submissionId) ?? '{}') as Answers
			const evaluation = evaluate(
				request.definition,
				answers,
				formContextFor(submission.partyCode, request.cycle),
			)
			const hidden = new Set(
				Object.entries(evaluation.questions)
					.filter(([, state]) => !state.visible)
					.map(([id]) => id),
			)
			if (hiddenBySubmission.size >= HIDDEN_CACHE_SIZE) {
				hiddenBySubmission.delete(hiddenBySubmission.keys().next().value!)
			}
			hiddenBySubmission.set(submission.submissionId, hidden)
		}
	}
	return (submissionId: string) => hiddenBySubmission.get(submissionId) ?? new Set<string>()
}

export type AnalysisView = {
	reportCount: number
	preview: {
		columns: { id: string; label: string }[]
		rows: { partyCode: string; partyName: string; submission: number; cells: string[] }[]
	}
	charts: ChartData[]
}

/**
 * The analysis page's data for a cycle: a preview of the selected scalar answers (first rows),
 * and bar charts of the selected numeric tables across all countries (hidden answers left out).
 */
export async function analysisView(
	db: DbHandle,
	request: CompiledRequest,
	labels: { rows: (count: number) => string; others: string },
): Promise<AnalysisView> {
	const submissions = await compiledSubmissions(db, request)
	const text = formText(request.definition, request.lang)
	const all = [...questionsOf(request.definition)].map(({ question }) => question)
	const selected = request.questionIds.length
		? all.filter((question) => request.questionIds.includes(question.id))
		: all
	const previewQuestions = selected
		.filter((question) => question.type !== 'table' && question.type !== 'attachment')
		.slice(0, PREVIEW_COLUMNS)
	const chartTables = selected
		.filter(
			(question): question is TableQuestion => question.type === 'table' && isChartable(question),
		)
		.slice(0, MAX_CHARTS)

	const hidden = await hiddenQuestions(db, request, submissions)
	const answerOf = (
		values: Record<string, unknown> | undefined,
		submission: CycleSubmission,
		question: Question,
	) =>
		hidden(submission.submissionId).has(question.id)
			? undefined
			: (values?.[question.id] as Answer | undefined)

	const previewSubmissions = submissions.slice(0, PREVIEW_ROWS)
	const previewValues = await loadSubmissionQuestions(
		db,
		previewSubmissions.map((s) => s.submissionId),
		previewQuestions.map((q) => q.id),
	)
	const partyName = (submission: CycleSubmission) =>
		submission.partyNames[request.lang] || submission.partyNames.en
	const preview = {
		columns: previewQuestions.map((question) => ({
			id: question.id,
			label: text.label(question.id),
		})),
		rows: previewSubmissions.map((submission) => ({
			partyCode: submission.partyCode,
			partyName: partyName(submission),
			submission: submission.number,
			cells: previewQuestions.map((question) =>
				summarizeAnswer(
					question,
					answerOf(previewValues.get(submission.submissionId), submission, question),
					text,
					labels.rows,
				),
			),
		})),
	}

	const charts: ChartData[] = []
	if (chartTables.length > 0) {
		const values = await loadSubmissionQuestions(
			db,
			submissions.map((s) => s.submissionId),
			chartTables.map((q) => q.id),
		)
		for (const table of chartTables) {
			charts.push(
				...tableCharts(
					table,
					text,
					submissions.map((submission) => ({
						partyCode: submission.partyCode,
						partyName: partyName(submission),
						value: answerOf(values.get(submission.submissionId), submission, table),
					})),
					{ othersLabel: labels.others },
				),
			)
		}
	}
	return { reportCount: submissions.length, preview, charts }
}
