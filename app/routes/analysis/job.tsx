import { useEffect } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData, useRevalidator } from 'react-router'
import { findCycle } from '#db/queries/cycles.ts'
import { findExportJob } from '#db/queries/exports.ts'
import type { Route } from './+types/job.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { localizedText } from '../../utils/i18n.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle } from '../../utils/page-title.ts'

/** Progress of a background export, for the analyst who asked for it (anyone else: 404). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = requireRole(context, request, 'analyst', 'reviewer', 'admin')
	const db = context.get(dbContext)
	const job = await findExportJob(db, routeParam(params.jobId, uuidText))
	if (!job || job.requestedBy !== user.id) throw notFound()
	const cycle = await findCycle(db, job.cycleId)
	const language = context.get(languageContext)
	return {
		job: {
			id: job.id,
			format: job.format,
			state: job.state,
			phase: job.phase,
			done: job.progressDone,
			total: job.progressTotal,
			error: job.error,
			fileName: job.fileName,
			bytes: job.resultBytes,
			status: job.params.status,
			questions: job.params.questions.length,
		},
		cycle: cycle
			? { code: cycle.code, title: localizedText(cycle.title, language, cycle.code) }
			: null,
	}
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [
		loaderData
			? t('exports:jobs.title', { format: loaderData.job.format.toUpperCase() })
			: undefined,
	])

export default function ExportJobPage() {
	const { t } = useTranslation('exports')
	const format = useFormat()
	const { job, cycle } = useLoaderData<typeof loader>()
	const revalidator = useRevalidator()
	const running = job.state === 'queued' || job.state === 'running'
	useEffect(() => {
		if (!running) return
		const timer = setTimeout(() => {
			if (revalidator.state === 'idle') void revalidator.revalidate()
		}, 1000)
		return () => clearTimeout(timer)
	}, [running, revalidator, job.done, job.phase, job.state])
	const size = job.bytes !== null ? format.fileSize(job.bytes) : ''
	const progressText =
		job.state === 'queued'
			? t('jobs.queued')
			: job.state === 'running'
				? t(job.phase === 'writing' ? 'jobs.writing' : 'jobs.reading', {
						done: job.done,
						total: job.total,
					})
				: job.state === 'done'
					? t('jobs.done')
					: t('jobs.failed', { error: job.error ?? '' })
	return (
		<section aria-labelledby="job-title" className="stack">
			<p>
				<Link
					to={
						cycle
							? `/analysis?cycle=${encodeURIComponent(cycle.code)}&status=${job.status}`
							: '/analysis'
					}
				>
					{t('jobs.back')}
				</Link>
			</p>
			<h1 id="job-title">{t('jobs.title', { format: job.format.toUpperCase() })}</h1>
			{cycle ? <p className="muted">{cycle.title}</p> : null}
			<div className="stack card">
				<progress
					aria-label={t('jobs.progressLabel')}
					max={job.total || 1}
					value={job.state === 'done' ? job.total || 1 : job.done}
				/>
				<p role="status" aria-live="polite">
					{progressText}
				</p>
				{job.state === 'done' && job.fileName ? (
					<p>
						<a className="button" href={`/analysis/jobs/${job.id}/download`} download>
							{t('jobs.download', { file: job.fileName, size })}
						</a>
					</p>
				) : null}
			</div>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
