import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, redirect, useActionData, useNavigation, useSearchParams } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/login.ts'
import { Field, FormError, valueOf } from '../../components/forms.tsx'
import { attemptLogin } from '../../utils/auth.server.ts'
import { clientIpContext, dbContext, userContext } from '../../utils/context.ts'
import {
	failure,
	parseForm,
	passActionHeaders,
	safeRedirectPath,
	tooManyRequests,
} from '../../utils/request.server.ts'
import { startSession } from '../../utils/session.server.ts'
import { pageTitle } from '../../utils/page-title.ts'

const LoginSchema = z.object({
	email: z
		.string()
		.trim()
		.min(1, 'auth:errors.emailRequired')
		.max(320)
		.email('auth:errors.emailInvalid'),
	password: z.string().min(1, 'auth:errors.passwordRequired').max(1000),
	redirectTo: z.string().max(2000).optional(),
})

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('auth:login.title')])

export function loader({ context }: Route.LoaderArgs) {
	if (context.get(userContext)) throw redirect('/')
	return null
}

export async function action({ request, context }: Route.ActionArgs) {
	const parsed = await parseForm(request, LoginSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const ip = context.get(clientIpContext)
	const result = await attemptLogin(db, { ...parsed.data, ip })
	if (!result.ok) {
		const values = { email: parsed.data.email }
		if (result.reason === 'throttled') {
			return tooManyRequests('auth:errors.throttled', result.retryAfterSeconds, values)
		}
		return failure(401, { formError: 'auth:errors.invalidCredentials', values })
	}
	const cookie = await startSession(db, request, result.userId, ip)
	return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { 'Set-Cookie': cookie } })
}

export const headers = passActionHeaders

export default function LoginPage() {
	const { t } = useTranslation('auth')
	const failed = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	// From the post until the next page has loaded (the redirect's loaders included).
	const signingIn = navigation.state !== 'idle' && navigation.formAction?.split('?')[0] === '/login'
	return (
		<section className="narrow" aria-labelledby="login-title">
			<h1 id="login-title">{t('login.title')}</h1>
			<p>{t('login.intro')}</p>
			<FormError failure={failed} />
			<Form method="post" className="stack" noValidate={false}>
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
				<Field
					label={t('fields.email')}
					name="email"
					type="email"
					autoComplete="username"
					required
					defaultValue={valueOf(failed, 'email')}
					errors={failed?.fieldErrors?.email}
				/>
				<Field
					label={t('fields.password')}
					name="password"
					type="password"
					autoComplete="current-password"
					required
					errors={failed?.fieldErrors?.password}
				/>
				<button
					type="submit"
					className="button"
					disabled={signingIn}
					aria-busy={signingIn || undefined}
				>
					{signingIn ? t('login.signingIn') : t('login.submit')}
				</button>
			</Form>
			<p>
				<Link to="/forgot-password">{t('login.forgot')}</Link>
			</p>
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
