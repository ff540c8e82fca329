import { useTranslation } from 'react-i18next'
import { useActionData, useLoaderData } from 'react-router'
import { findCycle } from '#db/queries/cycles.ts'
import type { Route } from './+types/cycle.ts'
import { CycleForm } from './cycle-form.tsx'
import { formOptions, saveCycleFromForm, toFormValues } from './cycles.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { localizedText } from '../../utils/i18n.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'

async function loadCycle(context: Route.LoaderArgs['context'], id: string) {
	const cycle = await findCycle(context.get(dbContext), routeParam(id, uuidText()))
	if (!cycle) throw notFound()
	return cycle
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const cycle = await loadCycle(context, params.cycleId)
	return {
		title: localizedText(cycle.title, context.get(languageContext), cycle.code),
		values: toFormValues(cycle),
		forms: formOptions(context.get(languageContext)),
	}
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const cycle = await loadCycle(context, params.cycleId)
	const saved = await saveCycleFromForm(context.get(dbContext), request, admin.id, cycle)
	if (!saved.ok) return saved.response
	return { done: 'admin:cycles.saved' }
}

export default function CyclePage() {
	const { t } = useTranslation()
	const { title, values, forms } = useLoaderData<typeof loader>()
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
				failure={result && 'fieldErrors' in result ? result : undefined}
				submitLabel={t('actions.save')}
			/>
		</section>
	)
}
