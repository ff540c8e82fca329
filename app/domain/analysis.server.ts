import { listCycles } from '#db/queries/cycles.ts'
import {
	countCycleSubmissions,
	loadSubmissionAnswersText,
	loadSubmissionQuestions,
	type CompiledStatusFilter,
	type CycleSubmission,
} from '#db/queries/exports.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import type { Language } from '#forms/vocabulary.ts'
import { localizedText } from '../utils/i18n.ts'
import { isChartable, tableCharts, type ChartData } from '#exports/compiled/charts.ts'
import { answerText } from '#forms/answer-text.ts'
import { depositaryRecordKey } from '#forms/codelists/index.ts'
import { askedAnswers, compileForm, evaluate, isTableAnswer } from '#forms/engine/index.ts'
import { formText } from '#forms/text.ts'
import type { Answer, Answers, Question, TableQuestion } from '#forms/types.ts'
import { questionsOf } from '#forms/question-index.ts'
import { compiledSubmissions, type CompiledRequest } from './compiled-exports.server.ts'
import { formContextFor } from './report-context.server.ts'

/** A reporting cycle as the analysis page offers it: newest first, with its reports counted. */
export type AnalysisCycle = {
	code: string
	title: string
	/** Reports with a submission under review or accepted. */
	submitted: number
	/** Reports with an accepted submission. */
	accepted: number
}

export async function analysisCycles(db: DbHandle, language: Language): Promise<AnalysisCycle[]> {
	const [cycles, counts] = await Promise.all([listCycles(db), countCycleSubmissions(db)])
	return cycles.map((cycle) => ({
		code: cycle.code,
		title: localizedText(cycle.title, language, cycle.code),
		submitted: counts.get(cycle.id)?.submitted ?? 0,
		accepted: counts.get(cycle.id)?.accepted ?? 0,
	}))
}

/** The cycle shown when none is asked for: the most recent with submitted reports, else the most recent. */
export function defaultAnalysisCycle(cycles: readonly AnalysisCycle[]): AnalysisCycle | undefined {
	return cycles.find((cycle) => cycle.submitted > 0) ?? cycles[0]
}

/** Accepted reports when the cycle has any (or none is submitted yet), else all submitted ones. */
export function defaultAnalysisStatus(cycle: AnalysisCycle | undefined): CompiledStatusFilter {
	return cycle && cycle.accepted === 0 && cycle.submitted > 0 ? 'submitted' : 'accepted'
}

export const PREVIEW_ROWS = 25
const PREVIEW_COLUMNS = 12
const MAX_CHARTS = 4

/**
 * What each submission asked, cached by submission id: its hidden questions and, per fixed-row
 * table, the rows asked (see `askedAnswers`). Submissions never change, so neither does this.
 * Bounded; only derived data, the database stays the source.
 */
type AskedShape = { hidden: Set<string>; askedRows: Map<string, Set<string>> }
const askedBySubmission = new Map<string, AskedShape>()
const ASKED_CACHE_SIZE = 5_000

async function askedShapes(
	db: DbHandle,
	request: CompiledRequest,
	submissions: CycleSubmission[],
): Promise<(submissionId: string) => AskedShape | undefined> {
	// What was asked depends on the depositary record too: a new release re-derives it.
	const record = depositaryRecordKey(request.depositaryRecord)
	const keyOf = (submissionId: string) => `${submissionId}|${record}`
	const missing = submissions.filter(
		(submission) => !askedBySubmission.has(keyOf(submission.submissionId)),
	)
	for (let start = 0; start < missing.length; start += 20) {
		const batch = missing.slice(start, start + 20)
		const texts = await loadSubmissionAnswersText(
			db,
			batch.map((s) => s.submissionId),
		)
		for (const submission of batch) {
			const answers = JSON.parse(texts.get(submission.submissionId) ?? '{}') as Answers
			const ctx = formContextFor(submission.partyCode, request.cycle, request.depositaryRecord)
			const evaluation = evaluate(request.definition, answers, ctx)
			const hidden = new Set(
				Object.entries(evaluation.questions)
					.filter(([, state]) => !state.visible)
					.map(([id]) => id),
			)
			const asked = askedAnswers(request.definition, answers, ctx, evaluation)
			const askedRows = new Map<string, Set<string>>()
			for (const tableId of compileForm(request.definition).fixedKeys(ctx).keys()) {
				const value = asked[tableId]
				if (isTableAnswer(value)) askedRows.set(tableId, new Set(value.rows.map((row) => row.id)))
			}
			if (askedBySubmission.size >= ASKED_CACHE_SIZE) {
				askedBySubmission.delete(askedBySubmission.keys().next().value!)
			}
			askedBySubmission.set(keyOf(submission.submissionId), { hidden, askedRows })
		}
	}
	return (submissionId) => askedBySubmission.get(keyOf(submissionId))
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
	const all = questionsOf(request.definition)
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

	const shapeOf = await askedShapes(db, request, submissions)
	/** A stored answer as the submission asked it: hidden questions and unasked rows left out. */
	const answerOf = (
		values: Record<string, unknown> | undefined,
		submission: CycleSubmission,
		question: Question,
	): Answer | undefined => {
		const shape = shapeOf(submission.submissionId)
		if (shape?.hidden.has(question.id)) return undefined
		const value = values?.[question.id] as Answer | undefined
		const rows = shape?.askedRows.get(question.id)
		if (!rows || !isTableAnswer(value)) return value
		return { rows: value.rows.filter((row) => rows.has(row.id)) }
	}

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
				answerText(
					question,
					answerOf(previewValues.get(submission.submissionId), submission, question),
					text,
					{ empty: '', bracketMarkers: true, oneLine: { rowCount: labels.rows } },
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
