import { useTranslation } from 'react-i18next'
import { Link, useLoaderData } from 'react-router'
import { findReport } from '#db/queries/reports.ts'
import { findCycle } from '#db/queries/cycles.ts'
import type { MigrationReportEntry } from '#forms/migrations/index.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/carried-over.ts'
import { requireReport } from './report-access.server.ts'
import { findQuestion } from '../../components/editor/form-model.ts'
import { dbContext, languageContext } from '../../utils/context.ts'

/** What the previous cycle's report carried over into this one, and what could not be. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, definition } = await requireReport(context, request, params.reportId)
	const db = context.get(dbContext)
	const language = context.get(languageContext) as Language
	const entries = (report.migrationReport ?? []) as MigrationReportEntry[]
	const source = report.prefilledFromReportId ? await findReport(db, report.prefilledFromReportId) : undefined
	const sourceCycle = source ? await findCycle(db, source.cycleId) : undefined
	const sourceDefinition = source ? getFormDefinition(source.formId, source.formVersion) : undefined
	const targetText = formText(definition, language)
	const sourceText = sourceDefinition ? formText(sourceDefinition, language) : targetText
	const label = (questionId: string, columnId?: string) => {
		const inSource = sourceDefinition && findQuestion(sourceDefinition, questionId)
		const text = inSource ? sourceText : targetText
		return columnId ? `${text.label(questionId)} › ${text.label(`${questionId}.${columnId}`)}` : text.label(questionId)
	}
	return {
		reportId: report.id,
		sourceCycle: sourceCycle ? (sourceCycle.title[language] ?? sourceCycle.title.en ?? sourceCycle.code) : null,
		carried: entries
			.filter((e) => e.outcome !== 'dropped' && e.outcome !== 'failed')
			.map((e) => ({ label: label(e.source.questionId, e.source.columnId), outcome: e.outcome })),
		notCarried: entries
			.filter((e) => e.outcome === 'dropped' || e.outcome === 'failed')
			.map((e) => ({
				label: label(e.source.questionId, e.source.columnId),
				outcome: e.outcome,
				row: e.source.rowId,
				reason: e.reason ?? '',
			})),
	}
}

export default function CarriedOverPage() {
	const { t } = useTranslation('editor')
	const data = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="carried-title" className="stack">
			<h2 id="carried-title">{t('carried.title')}</h2>
			{data.sourceCycle ? <p>{t('carried.intro', { cycle: data.sourceCycle })}</p> : <p>{t('carried.none')}</p>}
			<h3>{t('carried.notCarried', { count: data.notCarried.length })}</h3>
			{data.notCarried.length === 0 ? <p>{t('carried.allCarried')}</p> : null}
			<ul className="issue-panel">
				{data.notCarried.map((e, i) => (
					<li key={i} className="issue issue--warning">
						<strong>{e.label}</strong>
						{e.row ? ` (${e.row})` : ''} — {t(`carried.outcome.${e.outcome}`)}
						{e.reason ? <p>{e.reason}</p> : null}
					</li>
				))}
			</ul>
			<h3>{t('carried.carried', { count: data.carried.length })}</h3>
			<ul className="plain-list">
				{data.carried.map((e, i) => (
					<li key={i}>
						{e.label} — {t(`carried.outcome.${e.outcome}`)}
					</li>
				))}
			</ul>
			<p>
				<Link to={`/reports/${data.reportId}/sections`} className="button">
					{t('carried.start')}
				</Link>
			</p>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
