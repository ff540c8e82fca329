import { useTranslation } from '../../utils/use-translation.tsx'
import { Link, useActionData, useLoaderData } from 'react-router'
import type { Route } from './+types/invitation.ts'
import { SetPasswordForm } from './set-password-form.tsx'
import { setPasswordFromLink } from './account-link.server.ts'
import { findTokenFromUrl } from '../../utils/account-tokens.server.ts'
import { dbContext } from '../../utils/context.ts'
import { pageTitle } from '../../utils/page-title.ts'

export async function loader({ params, context }: Route.LoaderArgs) {
	const found = await findTokenFromUrl(context.get(dbContext), params.token, 'invitation')
	return { valid: Boolean(found), name: found?.name ?? '', email: found?.email ?? '' }
}

export function action(args: Route.ActionArgs) {
	return setPasswordFromLink(args, 'invitation')
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('auth:invitation.title')])

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
