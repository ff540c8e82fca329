import { useTranslation } from 'react-i18next'
import { Link, redirect, useActionData, useLoaderData } from 'react-router'
import type { Route } from './+types/reset-password.ts'
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
	const found = await findTokenFromUrl(context.get(dbContext), params.token, 'password_reset')
	return { valid: Boolean(found) }
}

export async function action({ request, params, context }: Route.ActionArgs) {
	const parsed = await parseForm(request, SetPasswordSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const ip = context.get(clientIpContext)
	const userId = await completeAccountLink(db, params.token, 'password_reset', parsed.data, ip)
	if (!userId) return failure(410, { formError: 'auth:errors.linkInvalid' })
	const cookie = await startSession(db, request, userId, ip)
	return redirect('/', { headers: { 'Set-Cookie': cookie } })
}

export default function ResetPasswordPage() {
	const { t } = useTranslation('auth')
	const { valid } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<section className="narrow" aria-labelledby="reset-title">
			<h1 id="reset-title">{t('reset.title')}</h1>
			{valid ? (
				<SetPasswordForm failure={failure} submitLabel={t('reset.submit')} />
			) : (
				<>
					<p role="alert" className="alert alert--error">
						{t('errors.linkInvalid')}
					</p>
					<Link to="/forgot-password">{t('reset.requestNew')}</Link>
				</>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
