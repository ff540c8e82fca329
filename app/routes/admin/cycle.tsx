import { useTranslation } from 'react-i18next'
import { useActionData, useLoaderData } from 'react-router'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { findCycle, findCycleByCode, updateCycle } from '#db/queries/cycles.ts'
import type { Route } from './+types/cycle.ts'
import { CycleForm, CycleFormSchema } from './cycle-form.tsx'
import { formOptions, toCycleInput, toFormValues } from './cycles.server.ts'
import { dbContext } from '../../utils/context.ts'
import { notFound, requireRole } from '../../utils/permissions.server.ts'
import { failure, parseForm } from '../../utils/request.server.ts'

async function loadCycle(context: Route.LoaderArgs['context'], id: string) {
	const cycle = await findCycle(context.get(dbContext), id)
	if (!cycle) throw notFound()
	return cycle
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	const cycle = await loadCycle(context, params.cycleId)
	return { values: toFormValues(cycle), forms: formOptions() }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const cycle = await loadCycle(context, params.cycleId)
	const parsed = await parseForm(request, CycleFormSchema)
	if (!parsed.ok) return parsed.response
	const input = toCycleInput(parsed.data)
	const db = context.get(dbContext)
	const fail = (field: string, message: string) =>
		failure(400, {
			formError: 'errors.checkFields',
			fieldErrors: { [field]: [message] },
			values: parsed.data,
		})
	if (!input) return fail('form', 'admin:errors.unknownForm')
	const sameCode = await findCycleByCode(db, input.code)
	if (sameCode && sameCode.id !== cycle.id) return fail('code', 'admin:errors.cycleCodeTaken')
	await db.transaction().execute(async (trx) => {
		await updateCycle(trx, cycle.id, input)
		await recordAuditEvent(trx, {
			actorUserId: admin.id,
			action: 'cycle.updated',
			subjectType: 'reporting_cycle',
			subjectId: cycle.id,
			details: { before: { ...cycle }, after: { ...input } },
		})
	})
	return { done: 'admin:cycles.saved' }
}

export default function CyclePage() {
	const { t } = useTranslation()
	const { values, forms } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	return (
		<section aria-labelledby="cycle-title" className="stack">
			<h1 id="cycle-title">{values.titleEn}</h1>
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
