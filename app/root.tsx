import { useMemo } from 'react'
import {
	Links,
	Meta,
	Outlet,
	Scripts,
	ScrollRestoration,
	type ShouldRevalidateFunctionArgs,
} from 'react-router'
import type { Route } from './+types/root.ts'
import { AppShell } from './components/app-shell.tsx'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { originCheck } from './middleware/origin.server.ts'
import { sessionMiddleware } from './middleware/session.server.ts'
import stylesheet from './styles/app.css?url'
import { languageContext, userContext, dbContext } from './utils/context.ts'
import { DEFAULT_LANGUAGE, textDirection } from './utils/i18n.ts'
import { createTranslator } from './utils/translator.ts'
import { TranslationProvider } from './utils/use-translation.tsx'
import { resourcesFor } from './utils/i18n.server.ts'
import { isDraftLanguage } from './utils/translation-status.server.ts'
import { navigationFor, PUBLIC_NAVIGATION } from './utils/permissions.ts'
import { pageTitle } from './utils/page-title.ts'
import { useRootData, type RootData } from './utils/root-data.ts'
import { useIsStaticPage } from './utils/static-page.ts'
import { listParties } from '#db/queries/parties.ts'

export const middleware: Route.MiddlewareFunction[] = [originCheck, sessionMiddleware]

export const links: Route.LinksFunction = () => [
	{ rel: 'stylesheet', href: stylesheet },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

/** The title of a page that names none of its own: the application's name. */
export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches)

export async function loader({ context }: Route.LoaderArgs): Promise<RootData> {
	const user = context.get(userContext)
	const language = context.get(languageContext)
	const parties =
		user && user.partyCodes.length > 0
			? (await listParties(context.get(dbContext))).filter((p) => user.partyCodes.includes(p.code))
			: []
	return {
		language,
		resources: resourcesFor(language),
		draftTranslation: isDraftLanguage(language),
		user: user
			? { name: user.name, email: user.email, roles: user.roles, partyCodes: user.partyCodes }
			: null,
		navigation: user ? navigationFor(user) : PUBLIC_NAVIGATION,
		partyNames: Object.fromEntries(parties.map((p) => [p.code, p.names[language] || p.names.en])),
	}
}

/** Root data changes only when who is signed in, their access or the language changes. */
export function shouldRevalidate({
	formMethod,
	formAction,
	defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
	if (!formMethod || formMethod === 'GET') return false
	if (!formAction) return defaultShouldRevalidate
	return [
		'/login',
		'/logout',
		'/set-language',
		'/account',
		'/admin/users',
		'/reset-password',
		'/invitation',
	].some((p) => formAction.startsWith(p))
}

export function Layout({ children }: { children: React.ReactNode }) {
	const rootData = useRootData()
	const isStatic = useIsStaticPage()
	const language = rootData?.language ?? DEFAULT_LANGUAGE
	const translator = useMemo(
		() => createTranslator(language, rootData?.resources ?? {}),
		// The translator is rebuilt only when the language changes.
		// eslint-disable-next-line react-hooks/exhaustive-deps
		[language],
	)
	return (
		<html lang={language} dir={textDirection(language)}>
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body>
				<TranslationProvider translator={translator}>{children}</TranslationProvider>
				{isStatic ? null : (
					<>
						<ScrollRestoration />
						<Scripts />
					</>
				)}
			</body>
		</html>
	)
}

export default function App() {
	return (
		<AppShell>
			<Outlet />
		</AppShell>
	)
}

export function ErrorBoundary() {
	return (
		<AppShell>
			<GeneralErrorBoundary />
		</AppShell>
	)
}
