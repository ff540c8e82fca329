import { useTranslation } from 'react-i18next'
import { Link, redirect, useActionData, useLoaderData } from 'react-router'
import type { Route } from './+types/invitation.ts'
import { SetPasswordForm } from './set-password-form.tsx'
import {
	completeAccountLink,
	findTokenFromUrl,
	SetPasswordSchema,
} from '../../utils/account-tokens.server.ts'
import { clientIpContext, dbContext } from '../../utils/context.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { startSession } from '../../utils/session.server.ts'

export async function loader({ params, context }: Route.LoaderArgs) {
	const found = await findTokenFromUrl(context.get(dbContext), params.token, 'invitation')
	return { valid: Boolean(found), name: found?.name ?? '', email: found?.email ?? '' }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const parsed = await parseForm(request, SetPasswordSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const ip = context.get(clientIpContext)
	const userId = await completeAccountLink(db, params.token, 'invitation', parsed.data, ip)
	if (!userId) return failure(410, { formError: 'auth:errors.linkInvalid' })
	const cookie = await startSession(db, request, userId, ip)
	return redirect('/', { headers: { 'Set-Cookie': cookie } })
}

export default function InvitationPage() {
	const { t } = useTranslation('auth')
	const { valid, name, email } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section className="narrow" aria-labelledby="invitation-title">
			<h1 id="invitation-title">{t('invitation.title')}</h1>
			{valid ? (
				<>
					<p>{t('invitation.intro', { email })}</p>
					<SetPasswordForm
						failure={failure}
						submitLabel={t('invitation.submit')}
						askName
						defaultName={name}
					/>
				</>
			) : (
				<>
					<p role="alert" className="alert alert--error">
						{t('errors.linkInvalid')}
					</p>
					<p>{t('invitation.askAdmin')}</p>
					<Link to="/login">{t('forgot.backToLogin')}</Link>
				</>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
