import { useTranslation } from '../../utils/use-translation.tsx'
import { redirect, useActionData, useLoaderData } from 'react-router'
import type { Route } from './+types/cycle-new.ts'
import { CycleForm } from './cycle-form.tsx'
import { formOptions, saveCycleFromForm } from './cycles.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { readFormValues } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

export function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	return { forms: formOptions(context.get(languageContext)) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const read = await readFormValues(request)
	if (!read.ok) return read.response
	const saved = await saveCycleFromForm(context.get(dbContext), read.values, admin.id)
	if (!saved.ok) return saved.response
	return redirect(`/admin/cycles/${saved.id}`)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:cycles.new'), t('admin:cycles.title')])

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
