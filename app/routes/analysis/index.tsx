import { useTranslation } from 'react-i18next'
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router'
import { z } from 'zod'
import { listCycles } from '#db/queries/cycles.ts'
import { listExportJobs } from '#db/queries/exports.ts'
import type { ChartData } from '#exports/compiled/charts.ts'
import { formText } from '#forms/text.ts'
import type { Route } from './+types/index.ts'
import { BarChart } from './bar-chart.tsx'
import { analysisView, PREVIEW_ROWS } from '../../domain/analysis.server.ts'
import {
	compiledQueryFromUrl,
	resolveCompiledRequest,
} from '../../domain/compiled-exports.server.ts'
import { createExportJob, runExportJob } from '../../jobs/export-jobs.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { createI18n } from '../../utils/i18n-instance.ts'
import { resourcesFor } from '../../utils/i18n.server.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { FormError } from '../../components/forms.tsx'

export async function loader({ request, context }: Route.LoaderArgs) {
	const user = requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const url = new URL(request.url)
	const cycles = await listCycles(db)
	const cycleCode = url.searchParams.get('cycle') || cycles[0]?.code
	const query = compiledQueryFromUrl(url)
	const status = query.success ? query.data.status : 'accepted'
	const questions = query.success ? query.data.questions : []
	const jobs = await listExportJobs(db, user.id, 5)
	const base = {
		cycles: cycles.map((cycle) => ({
			code: cycle.code,
			title: cycle.title[language] ?? cycle.title.en ?? cycle.code,
		})),
		jobs: jobs.map((job) => ({
			id: job.id,
			format: job.format,
			state: job.state,
			createdAt: job.createdAt.toISOString(),
			fileName: job.fileName,
		})),
		selection: { cycle: cycleCode ?? '', status, questions },
	}
	if (!cycleCode)
		return { ...base, view: null, sections: [], error: null, previewRows: PREVIEW_ROWS }
	const resolved = await resolveCompiledRequest(db, {
		cycle: cycleCode,
		status,
		questions,
		lang: language,
	})
	if (!resolved.ok) {
		return { ...base, view: null, sections: [], error: resolved.error, previewRows: PREVIEW_ROWS }
	}
	const { definition } = resolved.request
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
	const t = createI18n(language, resourcesFor(language)).getFixedT(language, 'exports')
	const view = await analysisView(db, resolved.request, {
		rows: (count) => t('import.rows', { count }),
		others: t('analysis.others'),
	})
	return { ...base, view, sections, error: null, previewRows: PREVIEW_ROWS }
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

export const meta: Route.MetaFunction = () => [{ title: 'Compiled data' }]

export default function AnalysisPage() {
	const { t, i18n } = useTranslation('exports')
	const { cycles, selection, sections, view, error, jobs, previewRows } =
		useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const params = new URLSearchParams({ cycle: selection.cycle, status: selection.status })
	if (selection.questions.length > 0) params.set('questions', selection.questions.join(','))
	params.set('lang', i18n.language)
	const link = (format: string) => `/analysis/export?${params.toString()}&format=${format}`
	const number = new Intl.NumberFormat(`${i18n.language}-u-nu-latn`, { maximumFractionDigits: 2 })
	return (
		<section aria-labelledby="analysis-title" className="stack">
			<h1 id="analysis-title">{t('analysis.title')}</h1>
			<p>{t('analysis.intro')}</p>
			<Form method="get" className="stack card analysis-filters">
				<div className="field-row">
					<div className="field">
						<label htmlFor="analysis-cycle">{t('analysis.cycle')}</label>
						<select id="analysis-cycle" name="cycle" defaultValue={selection.cycle}>
							{cycles.map((cycle) => (
								<option key={cycle.code} value={cycle.code}>
									{cycle.title}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="analysis-status">{t('analysis.status')}</label>
						<select id="analysis-status" name="status" defaultValue={selection.status}>
							<option value="accepted">{t('analysis.statusAccepted')}</option>
							<option value="submitted">{t('analysis.statusSubmitted')}</option>
						</select>
					</div>
				</div>
				{sections.length > 0 ? (
					<fieldset className="field">
						<legend>{t('analysis.questions')}</legend>
						<p className="field-help">{t('analysis.questionsHelp')}</p>
						{sections.map((section) => (
							<details
								key={section.id}
								className="analysis-section"
								open={section.questions.some((q) => selection.questions.includes(q.id))}
							>
								<summary>{section.title}</summary>
								<div className="checkbox-list">
									{section.questions.map((question) => (
										<label key={question.id} className="checkbox">
											<input
												type="checkbox"
												name="questions"
												value={question.id}
												defaultChecked={selection.questions.includes(question.id)}
											/>
											{question.label}
											{question.table ? (
												<span className="muted"> ({t('analysis.table')})</span>
											) : null}
										</label>
									))}
								</div>
							</details>
						))}
					</fieldset>
				) : null}
				<div className="button-row">
					<button type="submit" className="button">
						{t('analysis.show')}
					</button>
				</div>
			</Form>
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
					<section aria-labelledby="downloads-title" className="stack">
						<h2 id="downloads-title">{t('analysis.downloads')}</h2>
						<ul className="export-links">
							<li>
								<a href={link('xlsx')}>{t('analysis.downloadXlsx')}</a>
							</li>
							<li>
								<a href={link('csv')}>{t('analysis.downloadCsv')}</a>
							</li>
							<li>
								<a href={link('json')}>{t('analysis.downloadJson')}</a>
							</li>
							<li>
								<a href={link('ndjson')}>{t('analysis.downloadNdjson')}</a>
							</li>
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
					{view.preview.columns.length > 0 && view.preview.rows.length > 0 ? (
						<section aria-labelledby="preview-title" className="stack">
							<h2 id="preview-title">{t('analysis.preview')}</h2>
							<div
								className="table-scroll"
								tabIndex={0}
								role="region"
								aria-labelledby="preview-caption"
							>
								<table className="table">
									<caption id="preview-caption">
										{t('analysis.previewCaption', {
											count: Math.min(previewRows, view.reportCount),
										})}
									</caption>
									<thead>
										<tr>
											<th scope="col">{t('analysis.country')}</th>
											{view.preview.columns.map((column) => (
												<th key={column.id} scope="col">
													{column.label}
												</th>
											))}
										</tr>
									</thead>
									<tbody>
										{view.preview.rows.map((row) => (
											<tr key={row.partyCode}>
												<th scope="row">
													{row.partyName} <span className="muted">({row.partyCode})</span>
												</th>
												{row.cells.map((cell, index) => (
													<td key={index}>{cell || '—'}</td>
												))}
											</tr>
										))}
									</tbody>
								</table>
							</div>
						</section>
					) : null}
					<section aria-labelledby="charts-title" className="stack">
						<h2 id="charts-title">{t('analysis.charts')}</h2>
						{view.charts.length === 0 ? <p className="muted">{t('analysis.noCharts')}</p> : null}
						{view.charts.map((chart) => (
							<BarChart
								key={chart.id}
								chart={chart}
								heading={chartHeading(chart, t)}
								formatNumber={(value) => number.format(value)}
								labels={{
									dataTable: t('analysis.chartData'),
									unit: chart.unit ? t('analysis.unit', { unit: chart.unit }) : null,
									category: chart.kind === 'byYear' ? t('analysis.year') : chart.columnLabel,
									summary: chartSummary(chart, t, (value) => number.format(value)),
								}}
							/>
						))}
					</section>
				</>
			) : null}
			{jobs.length > 0 ? (
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
			) : null}
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
