import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, redirect, useActionData, useLoaderData, useNavigation } from 'react-router'
import { z } from 'zod'
import { findCycle, findPreviousCycle, listCycles } from '#db/queries/cycles.ts'
import { findParty } from '#db/queries/parties.ts'
import {
	findReportForCycle,
	firstSubmittedAt,
	listReportsForParty,
	loadAnswerValues,
} from '#db/queries/reports.ts'
import { evaluate, percentOf } from '#forms/engine/index.ts'
import { getFormDefinition } from '#forms/registry.ts'
import type { Route } from './+types/country.ts'
import { CycleDeadline } from '../../components/cycle-deadline.tsx'
import { FormError } from '../../components/forms.tsx'
import { ReturnedNotice } from '../../components/review/returned-notice.tsx'
import { loadDepositaryRecord } from '../../domain/depositary-record.server.ts'
import { formContextFor } from '../../domain/report-context.server.ts'
import { returnedNotice } from '../../domain/returned-notice.server.ts'
import { startReport } from '../../domain/start-report.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { canEditCountry } from '../../utils/permissions.ts'
import {
	notFound,
	requireCountryEditor,
	requireCountryReader,
	requireUser,
} from '../../utils/permissions.server.ts'
import { partyCodeText } from '../../utils/input.ts'
import { failure, parseForm, routeParam } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { useSentence } from '../../components/sentence.tsx'
import { pageTitle } from '../../utils/page-title.ts'

const StartSchema = z.object({
	intent: z.literal('start'),
	cycleId: z.string().uuid('errors.notFound'),
	mode: z.enum(['blank', 'prefill']),
})

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const user = requireUser(context, request)
	const code = routeParam(params.partyCode, partyCodeText)
	requireCountryReader(user, code)
	const db = context.get(dbContext)
	const party = await findParty(db, code)
	if (!party) throw notFound()
	const language = context.get(languageContext)
	const today = todayIso()
	const [cycles, reports, record] = await Promise.all([
		listCycles(db),
		listReportsForParty(db, code),
		loadDepositaryRecord(db),
	])
	const byCycle = new Map(reports.map((r) => [r.cycleId, r]))

	const summarise = async (report: (typeof reports)[number] | undefined) => {
		if (!report) return null
		const definition = getFormDefinition(report.formId, report.formVersion)
		const cycle = cycles.find((c) => c.id === report.cycleId)
		if (!definition || !cycle) return null
		const answers = await loadAnswerValues(db, report.id)
		const evaluation = evaluate(definition, answers, formContextFor(code, cycle, record))
		const [submittedAt, returned] = await Promise.all([
			firstSubmittedAt(db, report.id),
			returnedNotice(db, { report, definition, language }),
		])
		return {
			id: report.id,
			status: report.status,
			submittedAt: submittedAt?.toISOString() ?? null,
			returned,
			percent: percentOf(evaluation.overall),
			missing: evaluation.overall.missing,
			errors: evaluation.overall.errors,
			warnings: evaluation.overall.warnings,
			updatedAt: report.updatedAt.toISOString(),
			updatedBy: report.updatedByName,
		}
	}

	const open = cycles.filter((c) => c.opensOn <= today)
	const rows = await Promise.all(
		open.map(async (cycle) => {
			const previous = await findPreviousCycle(db, cycle)
			return {
				id: cycle.id,
				title: cycle.title[language] ?? cycle.title.en ?? cycle.code,
				deadline: cycle.deadline,
				isCurrent:
					cycle.deadline >= today ||
					!byCycle.get(cycle.id) ||
					byCycle.get(cycle.id)?.status !== 'accepted',
				canPrefill: previous ? Boolean(byCycle.get(previous.id)) : false,
				report: await summarise(byCycle.get(cycle.id)),
			}
		}),
	)
	return {
		party: { code: party.code, name: party.names[language] || party.names.en },
		today,
		canStart: canEditCountry(user, code),
		cycles: rows,
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const user = requireUser(context, request)
	const code = routeParam(params.partyCode, partyCodeText)
	requireCountryEditor(user, code)
	const parsed = await parseForm(request, StartSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const cycle = await findCycle(db, parsed.data.cycleId)
	if (!cycle) return failure(404, { formError: 'errors.notFound' })
	const existing = await findReportForCycle(db, code, cycle.id)
	if (existing) throw redirect(`/reports/${existing.id}/sections`)
	const outcome = await startReport(db, {
		partyCode: code,
		cycle,
		mode: parsed.data.mode,
		userId: user.id,
		today: todayIso(),
	})
	if (!outcome.ok) return failure(400, { formError: `editor:${outcome.error}` })
	throw redirect(
		outcome.carriedOver
			? `/reports/${outcome.reportId}/carried-over`
			: `/reports/${outcome.reportId}/sections`,
	)
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, () => [loaderData?.party.name])

export default function CountryPage() {
	const { t } = useTranslation('editor')
	const sentence = useSentence('editor')
	const format = useFormat()
	const { party, cycles, today, canStart } = useLoaderData<typeof loader>()
	const failed = useActionData<typeof action>()
	const navigation = useNavigation()
	return (
		<section aria-labelledby="country-title" className="stack">
			<h1 id="country-title">{party.name}</h1>
			<FormError failure={failed} />
			<h2>{t('country.reports')}</h2>
			<ul className="card-list">
				{cycles.map((cycle) => (
					<li key={cycle.id} className="card report-card">
						<h3>{cycle.title}</h3>
						<CycleDeadline
							deadline={cycle.deadline}
							today={today}
							submittedAt={cycle.report?.submittedAt}
						/>
						{cycle.report ? (
							<>
								<p>
									<span className={`status status--${cycle.report.status}`}>
										{t(`status.${cycle.report.status}`)}
									</span>
								</p>
								<div
									className="progress"
									role="progressbar"
									aria-label={t('country.completeness')}
									aria-valuemin={0}
									aria-valuemax={100}
									aria-valuenow={cycle.report.percent}
									aria-valuetext={format.percent(cycle.report.percent / 100)}
								>
									<span style={{ inlineSize: `${cycle.report.percent}%` }} />
								</div>
								<p>
									{t('progress.short', {
										percent: format.percent(cycle.report.percent / 100),
										missing: t('progress.missing', { count: cycle.report.missing }),
										errors: t('progress.errors', { count: cycle.report.errors }),
										warnings: t('progress.warnings', { count: cycle.report.warnings }),
									})}
								</p>
								{cycle.report.returned ? (
									<ReturnedNotice notice={cycle.report.returned} headingLevel={4} />
								) : null}
								<p className="muted">
									{sentence('country.lastEdited', {
										who: cycle.report.updatedBy ?? '—',
										when: (
											<time dateTime={cycle.report.updatedAt}>
												{format.dateTime(cycle.report.updatedAt)}
											</time>
										),
									})}
								</p>
								<Link to={`/reports/${cycle.report.id}/sections`} className="button">
									{t('country.open')}
								</Link>
							</>
						) : canStart ? (
							<Form method="post" className="stack">
								<input type="hidden" name="intent" value="start" />
								<input type="hidden" name="cycleId" value={cycle.id} />
								<p>{t('country.notStarted')}</p>
								<div className="button-row">
									<button
										type="submit"
										name="mode"
										value="blank"
										className="button"
										disabled={navigation.state !== 'idle'}
									>
										{t('country.startBlank')}
									</button>
									{cycle.canPrefill ? (
										<button
											type="submit"
											name="mode"
											value="prefill"
											className="button button--secondary"
											disabled={navigation.state !== 'idle'}
										>
											{t('country.startPrefilled')}
										</button>
									) : null}
								</div>
							</Form>
						) : (
							<p>{t('country.notStarted')}</p>
						)}
					</li>
				))}
			</ul>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
