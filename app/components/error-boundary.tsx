import { useTranslation } from '../utils/use-translation.tsx'
import { isRouteErrorResponse, Link, useRouteError } from 'react-router'

type StatusHandler = (message: string) => React.ReactNode

/** Shows expected HTTP errors with a translated message and hides details of unexpected ones. */
export function GeneralErrorBoundary({
	statusHandlers = {},
}: {
	statusHandlers?: Record<number, StatusHandler>
}) {
	const { t } = useTranslation()
	const error = useRouteError()
	if (isRouteErrorResponse(error)) {
		const key =
			typeof error.data === 'object' && error.data && 'message' in error.data
				? String(error.data.message)
				: undefined
		const message = key && key.startsWith('errors.') ? t(key) : defaultMessage(error.status, t)
		const custom = statusHandlers[error.status]
		return (
			<section className="error-page" aria-labelledby="error-title">
				<h1 id="error-title">{t('errors.title', { status: error.status })}</h1>
				{custom ? custom(message) : <p>{message}</p>}
				<p>
					<Link to="/">{t('errors.backHome')}</Link>
				</p>
			</section>
		)
	}
	if (import.meta.env.DEV && error instanceof Error) {
		return (
			<section className="error-page">
				<h1>{t('errors.unexpected')}</h1>
				<pre>{error.stack}</pre>
			</section>
		)
	}
	return (
		<section className="error-page" aria-labelledby="error-title">
			<h1 id="error-title">{t('errors.unexpected')}</h1>
			<p>{t('errors.unexpectedHelp')}</p>
		</section>
	)
}

function defaultMessage(status: number, t: (key: string) => string) {
	if (status === 404) return t('errors.notFound')
	if (status === 403) return t('errors.forbidden')
	if (status === 413) return t('errors.tooLarge')
	if (status === 400) return t('errors.malformed')
	return t('errors.unexpectedHelp')
}
