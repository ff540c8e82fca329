import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useActionData, useLoaderData } from 'react-router'
import type { Route } from './+types/reset-password.ts'
import { SetPasswordForm } from './set-password-form.tsx'
import { setPasswordFromLink } from './account-link.server.ts'
import { findTokenFromUrl } from '../../utils/account-tokens.server.ts'
import { dbContext } from '../../utils/context.ts'
import { pageTitle } from '../../utils/page-title.ts'

export async function loader({ params, context }: Route.LoaderArgs) {
	const found = await findTokenFromUrl(context.get(dbContext), params.token, 'password_reset')
	return { valid: Boolean(found) }
}

export function action(args: Route.ActionArgs) {
	return setPasswordFromLink(args, 'password_reset')
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('auth:reset.title')])

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
