import { useTranslation } from '../../utils/use-translation.tsx'
import { useActionData, useLoaderData } from 'react-router'
import { findCycle } from '#db/queries/cycles.ts'
import type { Route } from './+types/cycle.ts'
import type { FormFailureData } from '../../components/forms.tsx'
import { CycleForm } from './cycle-form.tsx'
import { CyclePublication } from './cycle-publication.tsx'
import {
	decidePublicationFromForm,
	formOptions,
	saveCycleFromForm,
	toFormValues,
} from './cycles.server.ts'
import { loadPublicationState, publicationHistory } from '../../domain/publication.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { todayIso } from '../../utils/dates.ts'
import { localizedText } from '../../utils/i18n.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { readFormValues, routeParam } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

async function loadCycle(context: Route.LoaderArgs['context'], id: string) {
	const cycle = await findCycle(context.get(dbContext), routeParam(id, uuidText))
	if (!cycle) throw notFound()
	return cycle
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const cycle = await loadCycle(context, params.cycleId)
	const db = context.get(dbContext)
	const today = todayIso()
	return {
		code: cycle.code,
		title: localizedText(cycle.title, context.get(languageContext), cycle.code),
		values: toFormValues(cycle),
		forms: formOptions(context.get(languageContext)),
		today,
		publication: await loadPublicationState(db, cycle.id, today),
		publicationHistory: await publicationHistory(db, cycle.id),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const cycle = await loadCycle(context, params.cycleId)
	const read = await readFormValues(request)
	if (!read.ok) return read.response
	const db = context.get(dbContext)
	// The page has two forms: the cycle's definition, and its publication on the public portal.
	if (read.values.intent === 'publication')
		return decidePublicationFromForm(db, read.values, admin.id, cycle)
	const saved = await saveCycleFromForm(db, read.values, admin.id, cycle)
	if (!saved.ok) return saved.response
	return { done: 'admin:cycles.saved' }
}

/** A failure of one of the page's two forms: the publication form's posts say `intent`. */
function failureOf(result: unknown, form: 'cycle' | 'publication') {
	if (!result || typeof result !== 'object' || !('fieldErrors' in result)) return undefined
	const failure = result as FormFailureData
	const isPublication = failure.values?.intent === 'publication'
	return (form === 'publication') === isPublication ? failure : undefined
}

export const meta: Route.MetaFunction = ({ loaderData, matches }) =>
	pageTitle(matches, (t) => [loaderData?.title, t('admin:cycles.title')])

export default function CyclePage() {
	const { t } = useTranslation()
	const data = useLoaderData<typeof loader>()
	const { title, values, forms } = data
	const result = useActionData<typeof action>()
	return (
		<section aria-labelledby="cycle-title" className="stack">
			<h1 id="cycle-title">{title}</h1>
			{result && 'done' in result ? (
				<p role="status" className="alert alert--success">
					{t(result.done)}
				</p>
			) : null}
			<CycleForm
				forms={forms}
				values={values}
				failure={failureOf(result, 'cycle')}
				submitLabel={t('actions.save')}
			/>
			<CyclePublication
				cycleCode={data.code}
				publication={data.publication}
				today={data.today}
				history={data.publicationHistory}
				failure={failureOf(result, 'publication')}
			/>
		</section>
	)
}
