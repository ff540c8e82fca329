import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useLoaderData } from 'react-router'
import { findCycle } from '#db/queries/cycles.ts'
import { findReport } from '#db/queries/reports.ts'
import type { MigrationReportEntry } from '#forms/migrations/index.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { Route } from './+types/carried-over.ts'
import { requireReport } from './report-access.server.ts'
import {
	CARRY_OVER_GROUPS,
	describeCarryOver,
	type CarryOverItem,
	type CarryOverLine,
} from '../../domain/carry-over.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { useFormat } from '../../utils/use-format.ts'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

/** What the previous cycle's report carried over into this one, question by question, and why not. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, definition, cycle } = await requireReport(context, request, params.reportId)
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const entries = (report.migrationReport ?? []) as MigrationReportEntry[]
	const source = report.prefilledFromReportId
		? await findReport(db, report.prefilledFromReportId)
		: undefined
	const sourceCycle = source ? await findCycle(db, source.cycleId) : undefined
	const sourceDefinition = source ? getFormDefinition(source.formId, source.formVersion) : undefined
	const targetText = formText(definition, language)
	const items = describeCarryOver(
		entries,
		{
			definition: sourceDefinition,
			text: sourceDefinition ? formText(sourceDefinition, language) : targetText,
		},
		{ definition, text: targetText },
	)
	return {
		reportId: report.id,
		sourceCycle: sourceCycle
			? (sourceCycle.title[language] ?? sourceCycle.title.en ?? sourceCycle.code)
			: null,
		period: { start: cycle.periodStart.slice(0, 4), end: cycle.periodEnd.slice(0, 4) },
		groups: CARRY_OVER_GROUPS.map((group) => ({
			group,
			items: items.filter((item) => item.group === group),
		})).filter(({ items }) => items.length > 0),
	}
}

type Period = { start: string; end: string }

/** One sentence per thing the migration did to the answer, with the reason when it was not carried. */
function Line({ line, period }: { line: CarryOverLine; period: Period }) {
	const { t } = useTranslation('editor')
	const format = useFormat()
	const targets = line.targets ? format.list(line.targets.map((label) => `“${label}”`)) : undefined
	let what: string
	const offered = line.outcome === 'to_confirm'
	switch (line.subject) {
		case 'answer':
			what =
				line.outcome === 'recomputed'
					? t('carried.answer.recomputed', { value: line.value })
					: offered
						? line.count !== undefined
							? t('carried.answer.to_confirm_rows', { count: line.count })
							: t('carried.answer.to_confirm', { previous: line.previous?.join('; ') })
						: t(`carried.answer.${line.outcome}${targets ? 'To' : ''}`, { targets })
			break
		case 'column':
			what = t(`carried.column.${line.outcome}${targets ? 'To' : ''}`, {
				column: line.column,
				targets,
			})
			break
		case 'rows':
			what = t(`carried.rows.${line.outcome === 'failed' ? 'failed' : 'dropped'}`, {
				count: line.count,
			})
			break
		case 'cells':
			what = t(offered ? 'carried.cellsToConfirm' : 'carried.cells', {
				count: line.count,
				column: line.column,
			})
			break
	}
	const which = line.years?.length
		? format.list(line.years.map(String))
		: line.rows?.length
			? format.list(line.rows)
			: line.subject === 'cells' && line.previous?.length
				? line.previous.join('; ')
				: undefined
	if (which) what = `${what} (${which})`
	const reason = line.reason
		? line.reason.code === 'other'
			? line.reason.text
			: t(`carried.reasons.${line.reason.code}`, { ...period, question: line.reason.question })
		: undefined
	return <li>{reason ? t('carried.withReason', { what, reason }) : what}</li>
}

function Item({ item, period }: { item: CarryOverItem; period: Period }) {
	const detailed =
		item.group !== 'carried' ||
		item.lines.some((line) => line.targets || line.outcome !== 'carried')
	return (
		<li className="carried__item" data-question={item.questionId}>
			{detailed ? <strong>{item.label}</strong> : item.label}
			{detailed ? (
				<ul className="carried__lines">
					{item.lines.map((line, i) => (
						<Line key={i} line={line} period={period} />
					))}
				</ul>
			) : null}
		</li>
	)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('editor:carried.title'), ...reportTitleParts(matches)])

export default function CarriedOverPage() {
	const { t } = useTranslation('editor')
	const data = useLoaderData<typeof loader>()
	return (
		<section aria-labelledby="carried-title" className="stack">
			<h2 id="carried-title">{t('carried.title')}</h2>
			{data.sourceCycle ? (
				<p>{t('carried.intro', { cycle: data.sourceCycle })}</p>
			) : (
				<p>{t('carried.none')}</p>
			)}
			{data.groups.map(({ group, items }) => (
				<section key={group} aria-labelledby={`carried-${group}`} className="stack">
					<h3 id={`carried-${group}`}>{t(`carried.groups.${group}`, { count: items.length })}</h3>
					<p className="field-help">{t(`carried.groupHelp.${group}`, data.period)}</p>
					<ul
						className={
							group === 'not_carried' || group === 'to_confirm' || group === 'partly'
								? 'issue-panel carried__list'
								: 'carried__list'
						}
					>
						{items.map((item) => (
							<Item key={item.questionId} item={item} period={data.period} />
						))}
					</ul>
				</section>
			))}
			<p>
				<Link to={`/reports/${data.reportId}/sections`} className="button">
					{t('carried.start')}
				</Link>
			</p>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
