import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, redirect, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import { findCycle, listCycles } from '#db/queries/cycles.ts'
import { findParty, listParties } from '#db/queries/parties.ts'
import { findReportForCycle } from '#db/queries/reports.ts'
import type { Route } from './+types/enter.ts'
import { FormError, SelectField } from '../../components/forms.tsx'
import { startReport } from '../../domain/start-report.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { ENTER_ON_BEHALF_ROLES } from '../../utils/permissions.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

const EnterSchema = z.object({
	partyCode: z.string().regex(/^[A-Z]{3}$/, 'review:enter.chooseCountry'),
	cycleId: z.string().uuid('review:enter.chooseCycle'),
})

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, ...ENTER_ON_BEHALF_ROLES)
	const db = context.get(dbContext)
	const language = context.get(languageContext)
	const today = todayIso()
	const [parties, cycles] = await Promise.all([listParties(db), listCycles(db, { openOn: today })])
	return {
		parties: parties
			.map((p) => ({ value: p.code, label: p.names[language] || p.names.en }))
			.sort((a, b) => a.label.localeCompare(b.label, language)),
		cycles: cycles.map((c) => ({ value: c.id, label: c.title[language] ?? c.title.en ?? c.code })),
	}
}

/**
 * The secretariat starts a report for a country from a document the country sent (e.g. a scanned
 * questionnaire). The report is marked as entered on the country's behalf; when submitting, the
 * reviewer attaches the source document and says why.
 */
export async function action({ request, context }: Route.ActionArgs) {
	const reviewer = requireRole(context, request, ...ENTER_ON_BEHALF_ROLES)
	const parsed = await parseForm(request, EnterSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const [party, cycle] = await Promise.all([
		findParty(db, parsed.data.partyCode),
		findCycle(db, parsed.data.cycleId),
	])
	if (!party || !cycle) return failure(400, { formError: 'errors.checkFields' })
	const existing = await findReportForCycle(db, party.code, cycle.id)
	if (existing) {
		return failure(409, { formError: 'review:enter.exists', values: parsed.data })
	}
	const outcome = await startReport(db, {
		partyCode: party.code,
		cycle,
		mode: 'blank',
		userId: reviewer.id,
		today: todayIso(),
		onBehalf: true,
	})
	if (!outcome.ok) return failure(400, { formError: `editor:${outcome.error}` })
	throw redirect(`/reports/${outcome.reportId}/sections`)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('review:enter.title')])

export default function EnterOnBehalfPage() {
	const { t } = useTranslation('review')
	const { parties, cycles } = useLoaderData<typeof loader>()
	const failed = useActionData<typeof action>()
	return (
		<section aria-labelledby="enter-title" className="stack narrow-wide">
			<h1 id="enter-title">{t('enter.title')}</h1>
			<p>{t('enter.intro')}</p>
			<FormError failure={failed} />
			<Form method="post" className="stack">
				<SelectField
					label={t('enter.country')}
					name="partyCode"
					options={parties}
					errors={failed?.fieldErrors?.partyCode}
				/>
				<SelectField
					label={t('enter.cycle')}
					name="cycleId"
					options={cycles}
					errors={failed?.fieldErrors?.cycleId}
				/>
				<button type="submit" className="button">
					{t('enter.start')}
				</button>
			</Form>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
