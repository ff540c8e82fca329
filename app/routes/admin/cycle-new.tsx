import { useTranslation } from 'react-i18next'
import { redirect, useActionData, useLoaderData } from 'react-router'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { findCycleByCode, insertCycle } from '#db/queries/cycles.ts'
import type { Route } from './+types/cycle-new.ts'
import { CycleForm, CycleFormSchema } from './cycle-form.tsx'
import { formOptions, toCycleInput } from './cycles.server.ts'
import { dbContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { failure, parseForm } from '../../utils/request.server.ts'

export function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	return { forms: formOptions() }
}

export async function action({ request, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
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
	if (await findCycleByCode(db, input.code)) return fail('code', 'admin:errors.cycleCodeTaken')
	const id = await db.transaction().execute(async (trx) => {
		const cycleId = await insertCycle(trx, input)
		await recordAuditEvent(trx, {
			actorUserId: admin.id,
			action: 'cycle.created',
			subjectType: 'reporting_cycle',
			subjectId: cycleId,
			details: { ...input },
		})
		return cycleId
	})
	return redirect(`/admin/cycles/${id}`)
}

export default function NewCyclePage() {
	const { t } = useTranslation()
	const { forms } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section aria-labelledby="new-cycle-title" className="stack">
			<h1 id="new-cycle-title">{t('admin:cycles.new')}</h1>
			<CycleForm
				forms={forms}
				values={{}}
				failure={failure}
				submitLabel={t('admin:cycles.create')}
			/>
		</section>
	)
}
