import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, redirect, useActionData, useLoaderData } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/user-invite.ts'
import { AccessFields } from './access-fields.tsx'
import { partyOptions } from './party-options.server.ts'
import { Field, FormError, SelectField, valueOf } from '../../components/forms.tsx'
import { inviteUser } from '../../domain/users.server.ts'
import { UserAccessSchema } from '../../domain/user-access.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { LANGUAGE_NAMES, LANGUAGES } from '../../utils/i18n.ts'
import { requireRole } from '../../utils/permissions.server.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

const InviteSchema = z
	.object({
		email: z
			.string()
			.trim()
			.min(1, 'auth:errors.emailRequired')
			.max(320)
			.email('auth:errors.emailInvalid'),
		name: z.string().trim().min(1, 'auth:errors.nameRequired').max(200),
		preferredLanguage: z.enum(LANGUAGES),
	})
	.and(UserAccessSchema)

export async function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	return { parties: await partyOptions(context.get(dbContext), context.get(languageContext)) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const admin = requireRole(context, request, 'admin')
	const parsed = await parseForm(request, InviteSchema)
	if (!parsed.ok) return parsed.response
	const result = await inviteUser(context.get(dbContext), parsed.data, admin.id)
	if (!result.ok) {
		return failure(400, {
			formError: 'errors.checkFields',
			fieldErrors: result.field ? { [result.field]: [result.error] } : {},
			values: { ...parsed.data },
		})
	}
	return redirect(`/admin/users/${result.userId}?invited=1`)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('admin:invite.title')])

export default function InviteUserPage() {
	const { t } = useTranslation()
	const { parties } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section aria-labelledby="invite-title" className="stack">
			<h1 id="invite-title">{t('admin:invite.title')}</h1>
			<p>{t('admin:invite.intro')}</p>
			<FormError failure={failure} />
			<Form method="post" className="stack">
				<Field
					label={t('admin:users.email')}
					name="email"
					type="email"
					required
					defaultValue={valueOf(failure, 'email')}
					errors={failure?.fieldErrors?.email}
				/>
				<Field
					label={t('admin:users.name')}
					name="name"
					required
					defaultValue={valueOf(failure, 'name')}
					errors={failure?.fieldErrors?.name}
				/>
				<SelectField
					label={t('admin:users.language')}
					name="preferredLanguage"
					defaultValue="en"
					options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
				/>
				<AccessFields
					parties={parties}
					errors={failure?.fieldErrors}
					roles={toArray(failure?.values?.roles)}
					partyCodes={toArray(failure?.values?.partyCodes)}
				/>
				<button type="submit" className="button">
					{t('admin:invite.submit')}
				</button>
			</Form>
		</section>
	)
}

function toArray(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String)
	return typeof value === 'string' ? [value] : []
}
