import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useActionData } from 'react-router'
import { z } from 'zod'
import { recordAuditEvent } from '#db/queries/audit.ts'
import { findUserByEmail } from '#db/queries/users.ts'
import type { Route } from './+types/forgot-password.ts'
import { Field, FormError, valueOf } from '../../components/forms.tsx'
import { sendAccountLink } from '../../utils/account-tokens.server.ts'
import { takePasswordResetAllowance } from '../../utils/auth.server.ts'
import { clientIpContext, dbContext } from '../../utils/context.ts'
import { parseForm, passActionHeaders, tooManyRequests } from '../../utils/request.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

const ForgotPasswordSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1, 'auth:errors.emailRequired')
		.max(320)
		.email('auth:errors.emailInvalid'),
})

export async function action({ request, context }: Route.ActionArgs) {
	const parsed = await parseForm(request, ForgotPasswordSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const ip = context.get(clientIpContext)
	// Counted whether or not the account exists, so the answer is the same either way.
	const allowance = await takePasswordResetAllowance(db, { email: parsed.data.email, ip })
	if (!allowance.allowed) {
		return tooManyRequests('auth:errors.resetThrottled', allowance.retryAfterSeconds, {
			email: parsed.data.email,
		})
	}
	const user = await findUserByEmail(db, parsed.data.email)
	if (user?.isActive && user.hasPassword) {
		await db.transaction().execute(async (trx) => {
			await sendAccountLink(trx, user, 'password_reset', null)
			await recordAuditEvent(trx, {
				actorUserId: null,
				action: 'auth.password_reset_requested',
				subjectType: 'user',
				subjectId: user.id,
				ip,
			})
		})
	}
	return { sent: true as const }
}

export const headers = passActionHeaders

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('auth:forgot.title')])

export default function ForgotPasswordPage() {
	const { t } = useTranslation('auth')
	const result = useActionData<typeof action>()
	return (
		<section className="narrow" aria-labelledby="forgot-title">
			<h1 id="forgot-title">{t('forgot.title')}</h1>
			{result && 'sent' in result ? (
				<div role="status" className="alert alert--success">
					{t('forgot.sent')}
				</div>
			) : (
				<>
					<p>{t('forgot.intro')}</p>
					<FormError failure={result} />
					<Form method="post" className="stack">
						<Field
							label={t('fields.email')}
							name="email"
							type="email"
							autoComplete="username"
							required
							defaultValue={valueOf(result, 'email')}
							errors={result?.fieldErrors?.email}
						/>
						<button type="submit" className="button">
							{t('forgot.submit')}
						</button>
					</Form>
				</>
			)}
			<p>
				<Link to="/login">{t('forgot.backToLogin')}</Link>
			</p>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
