import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router'
import { z } from 'zod'
import { listExportJobs } from '#db/queries/exports.ts'
import type { ChartData } from '#exports/compiled/charts.ts'
import { formText } from '#forms/text.ts'
import type { Route } from './+types/index.ts'
import { BarChart } from '../../components/bar-chart.tsx'
import { AnalysisFilters } from './filters.tsx'
import { PreviewTable } from './preview-table.tsx'
import {
	analysisCycles,
	analysisView,
	defaultAnalysisCycle,
	defaultAnalysisStatus,
	PREVIEW_ROWS,
} from '../../domain/analysis.server.ts'
import { QuestionIdsParam, resolveCompiledRequest } from '../../domain/compiled-exports.server.ts'
import { createExportJob, runExportJob } from '../../jobs/export-jobs.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { serverTranslator } from '../../utils/i18n.server.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { failure, parseForm, parseQuery } from '../../utils/request.server.ts'
import { FormError } from '../../components/forms.tsx'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle } from '../../utils/page-title.ts'

/** The page's own parameters: missing or malformed ones fall back to the defaults. */
const PageQuerySchema = z.object({
	cycle: z.string().trim().min(1).max(100).optional().catch(undefined),
	status: z.enum(['accepted', 'submitted']).optional().catch(undefined),
	questions: QuestionIdsParam.catch([]),
})

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const query = parseQuery(request, PageQuerySchema)
	const cycles = await analysisCycles(db, language)
	const cycle = query.cycle
		? cycles.find((candidate) => candidate.code === query.cycle)
		: defaultAnalysisCycle(cycles)
	const status = query.status ?? defaultAnalysisStatus(cycle)
	const jobs = await listExportJobs(db, user.id, 5)
	const base = {
		cycles,
		jobs: jobs.map((job) => ({
			id: job.id,
			format: job.format,
			state: job.state,
			createdAt: job.createdAt.toISOString(),
			fileName: job.fileName,
		})),
		previewRows: PREVIEW_ROWS,
	}
	const nothing = { view: null, sections: [], droppedQuestions: [] as string[] }
	const cycleCode = cycle?.code ?? query.cycle
	if (!cycleCode) {
		return {
			...base,
			...nothing,
			error: null,
			selection: { cycle: '', status, questions: [] as string[] },
		}
	}
	const resolved = await resolveCompiledRequest(
		db,
		{ cycle: cycleCode, status, questions: query.questions, lang: language },
		{ dropUnknownQuestions: true },
	)
	if (!resolved.ok) {
		const selection = { cycle: cycleCode, status, questions: query.questions }
		return { ...base, ...nothing, error: resolved.error, selection }
	}
	const { definition, questionIds, droppedQuestionIds } = resolved.request
	const text = formText(definition, language)
	const sections = definition.parts.flatMap((part) =>
		part.sections.map((section) => ({
			id: section.id,
			title: text.section(section.id),
			questions: section.questions
				.filter((question) => question.type !== 'attachment')
				.map((question) => ({
					id: question.id,
					label: text.label(question.id),
					table: question.type === 'table',
				})),
		})),
	)
	const t = serverTranslator(language, 'exports')
	const view = await analysisView(db, resolved.request, {
		rows: (count) => t('import.rows', { count }),
		others: t('analysis.others'),
	})
	return {
		...base,
		view,
		sections,
		error: null,
		droppedQuestions: droppedQuestionIds,
		selection: { cycle: cycleCode, status, questions: questionIds },
	}
}

const JobSchema = z.object({
	intent: z.literal('prepare'),
	format: z.enum(['xlsx', 'csv']),
	cycle: z.string().min(1).max(100),
	status: z.enum(['accepted', 'submitted']),
	questions: z.preprocess(
		(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.string().min(1).max(200)).max(1000),
	),
})

/** Starts a background export (XLSX or CSV) and shows its progress page. */
export async function action({ request, context }: Route.ActionArgs) {
	const user = requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const parsed = await parseForm(request, JobSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const resolved = await resolveCompiledRequest(db, {
		...parsed.data,
		lang: context.get(languageContext),
	})
	if (!resolved.ok) return failure(400, { formError: `exports:analysis.errors.${resolved.error}` })
	const jobId = await createExportJob(db, {
		userId: user.id,
		request: resolved.request,
		format: parsed.data.format,
	})
	// Start right away on this instance; the scheduler picks it up if this instance stops.
	void runExportJob(db, jobId).catch((error: unknown) => console.error('Export job failed:', error))
	return redirect(`/analysis/jobs/${jobId}`)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('exports:analysis.title')])

type Loaded = Awaited<ReturnType<typeof loader>>
type Selection = Loaded['selection']

const DOWNLOAD_FORMATS = [
	['xlsx', 'analysis.downloadXlsx'],
	['csv', 'analysis.downloadCsv'],
	['json', 'analysis.downloadJson'],
	['ndjson', 'analysis.downloadNdjson'],
] as const

/** Links that stream the selection at once, and a form that prepares a large file in the background. */
function Downloads({ selection }: { selection: Selection }) {
	const { t, i18n } = useTranslation('exports')
	const navigation = useNavigation()
	const params = new URLSearchParams({ cycle: selection.cycle, status: selection.status })
	if (selection.questions.length > 0) params.set('questions', selection.questions.join(','))
	params.set('lang', i18n.language)
	const link = (format: string) => `/analysis/export?${params.toString()}&format=${format}`
	return (
		<section aria-labelledby="downloads-title" className="stack">
			<h2 id="downloads-title">{t('analysis.downloads')}</h2>
			<ul className="export-links">
				{DOWNLOAD_FORMATS.map(([format, label]) => (
					<li key={format}>
						<a href={link(format)}>{t(label)}</a>
					</li>
				))}
			</ul>
			<Form method="post" className="button-row">
				<input type="hidden" name="intent" value="prepare" />
				<input type="hidden" name="cycle" value={selection.cycle} />
				<input type="hidden" name="status" value={selection.status} />
				{selection.questions.map((question) => (
					<input key={question} type="hidden" name="questions" value={question} />
				))}
				<button
					type="submit"
					name="format"
					value="xlsx"
					className="button"
					disabled={navigation.state !== 'idle'}
				>
					{t('analysis.prepareXlsx')}
				</button>
				<button
					type="submit"
					name="format"
					value="csv"
					className="button button--secondary"
					disabled={navigation.state !== 'idle'}
				>
					{t('analysis.prepareCsv')}
				</button>
			</Form>
			<p className="field-help">{t('analysis.prepareHelp')}</p>
		</section>
	)
}

function Charts({ charts }: { charts: ChartData[] }) {
	const { t } = useTranslation('exports')
	const format = useFormat()
	const number = (value: number) => format.number(value, { maximumFractionDigits: 2 })
	return (
		<section aria-labelledby="charts-title" className="stack">
			<h2 id="charts-title">{t('analysis.charts')}</h2>
			{charts.length === 0 ? <p className="muted">{t('analysis.noCharts')}</p> : null}
			{charts.map((chart) => (
				<BarChart
					key={chart.id}
					chart={chart}
					heading={chartHeading(chart, t)}
					formatNumber={number}
					labels={{
						dataTable: t('analysis.chartData'),
						unit: chart.unit ? t('analysis.unit', { unit: chart.unit }) : null,
						category: chart.kind === 'byYear' ? t('analysis.year') : chart.columnLabel,
						summary: chartSummary(chart, t, number),
					}}
				/>
			))}
		</section>
	)
}

function RecentJobs({ jobs }: Pick<Loaded, 'jobs'>) {
	const { t } = useTranslation('exports')
	if (jobs.length === 0) return null
	return (
		<section aria-labelledby="jobs-title" className="stack">
			<h2 id="jobs-title">{t('analysis.recentJobs')}</h2>
			<ul>
				{jobs.map((job) => (
					<li key={job.id}>
						<Link to={`/analysis/jobs/${job.id}`}>
							{job.fileName ?? job.format.toUpperCase()} · {t(`jobs.state.${job.state}`)}
						</Link>
					</li>
				))}
			</ul>
		</section>
	)
}

export default function AnalysisPage() {
	const { t } = useTranslation('exports')
	const { cycles, selection, sections, droppedQuestions, view, error, jobs, previewRows } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<section aria-labelledby="analysis-title" className="stack">
			<h1 id="analysis-title">{t('analysis.title')}</h1>
			<p>{t('analysis.intro')}</p>
			<nav aria-label={t('analysis.pages')}>
				<ul className="export-links">
					<li>
						<Link to="/analysis/commonality">{t('commonality.link')}</Link>
					</li>
				</ul>
			</nav>
			<AnalysisFilters
				cycles={cycles}
				selection={selection}
				sections={sections}
				droppedQuestions={droppedQuestions.length}
			/>
			<FormError failure={actionData} />
			{error ? (
				<p role="alert" className="alert alert--error">
					{t(`analysis.errors.${error}`)}
				</p>
			) : null}
			{view ? (
				<>
					<p role="status" aria-live="polite">
						{view.reportCount === 0
							? t('analysis.noReports')
							: t('analysis.reportCount', { count: view.reportCount })}
					</p>
					<Downloads selection={selection} />
					{view.preview.columns.length > 0 && view.preview.rows.length > 0 ? (
						<section aria-labelledby="preview-title" className="stack">
							<h2 id="preview-title">{t('analysis.preview')}</h2>
							<PreviewTable
								preview={view.preview}
								caption={t('analysis.previewCaption', {
									count: Math.min(previewRows, view.reportCount),
								})}
							/>
						</section>
					) : null}
					<Charts charts={view.charts} />
				</>
			) : null}
			<RecentJobs jobs={jobs} />
		</section>
	)
}

type T = (key: string, options?: Record<string, unknown>) => string

function chartHeading(chart: ChartData, t: T) {
	return chart.kind === 'byYear'
		? t('analysis.chartByYear', { table: chart.title, column: chart.columnLabel })
		: t('analysis.chartByCategory', {
				table: chart.title,
				columns: chart.series.map((series) => series.label).join(', '),
				category: chart.columnLabel,
			})
}

/** A sentence for screen readers: the largest value and where it is. */
function chartSummary(chart: ChartData, t: T, format: (value: number) => string) {
	let best = { value: -Infinity, series: '', category: '' }
	for (const series of chart.series) {
		series.values.forEach((value, index) => {
			if (value > best.value)
				best = { value, series: series.label, category: chart.categories[index]!.label }
		})
	}
	return t('analysis.chartSummary', {
		categories: chart.categories.length,
		series: chart.series.length,
		max: format(best.value === -Infinity ? 0 : best.value),
		where: `${best.series}, ${best.category}`,
	})
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
