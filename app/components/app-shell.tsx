import { useTranslation } from '../utils/use-translation.tsx'
import { Form, Link, NavLink, useLocation } from 'react-router'
import { LANGUAGE_NAMES, LANGUAGES } from '../utils/i18n.ts'
import { useRootData } from '../utils/root-data.ts'
import { useIsStaticPage } from '../utils/static-page.ts'
import { RouteAnnouncer } from './route-announcer.tsx'
import { useFollowingState } from '../utils/use-following-state.ts'

export function AppShell({ children }: { children: React.ReactNode }) {
	const { t } = useTranslation()
	const root = useRootData()
	const location = useLocation()
	const isStatic = useIsStaticPage()
	const user = root?.user
	return (
		<>
			<a className="skip-link" href="#main-content">
				{t('shell.skipToContent')}
			</a>
			<header className="site-header">
				<div className="site-header__bar">
					<Link to="/" className="site-title">
						{t('shell.appName')}
					</Link>
					<div className="site-header__tools">
						<LanguageSwitcher
							current={root?.language ?? 'en'}
							redirectTo={location.pathname + location.search}
							withButton={isStatic}
						/>
						{user ? (
							<div className="user-menu">
								<Link to="/account" className="user-menu__name" dir="auto">
									{user.name}
								</Link>
								<Form method="post" action="/logout">
									<button type="submit" className="button button--quiet">
										{t('shell.logout')}
									</button>
								</Form>
							</div>
						) : root ? (
							<Link to="/login" className="button button--quiet">
								{t('public:nav.signIn')}
							</Link>
						) : null}
					</div>
				</div>
				{root && root.navigation.length > 0 ? (
					<nav aria-label={t('shell.mainNavigation')} className="main-nav">
						<ul>
							{root.navigation.map((item) => (
								<li key={item.to}>
									<NavLink to={item.to} end={item.to === '/'}>
										{t(item.labelKey, {
											...item.params,
											name: item.params?.code
												? (root.partyNames[item.params.code] ?? item.params.code)
												: '',
										})}
									</NavLink>
								</li>
							))}
						</ul>
					</nav>
				) : null}
			</header>
			<main id="main-content" tabIndex={-1} className="main">
				{children}
			</main>
			<footer className="site-footer">
				<p>{t('shell.footer')}</p>
				{root?.draftTranslation ? (
					<p className="site-footer__note">{t('shell.draftTranslation')}</p>
				) : null}
			</footer>
			<RouteAnnouncer />
		</>
	)
}

/**
 * Always shows the language of the page: it follows the language the server chose (which changes
 * on sign-in, to the account's preference) and the one the user picks. A page without scripts
 * (`withButton`) shows the button that sends the choice; otherwise choosing sends it.
 */
function LanguageSwitcher({
	current,
	redirectTo,
	withButton,
}: {
	current: string
	redirectTo: string
	withButton: boolean
}) {
	const { t } = useTranslation()
	const [chosen, setChosen] = useFollowingState(current)
	return (
		<Form method="post" action="/set-language" className="language-switcher">
			<input type="hidden" name="redirectTo" value={redirectTo} />
			<label htmlFor="language-select">{t('shell.language')}</label>
			<select
				id="language-select"
				name="language"
				value={chosen}
				onChange={(event) => {
					setChosen(event.currentTarget.value)
					event.currentTarget.form?.requestSubmit()
				}}
			>
				{LANGUAGES.map((lang) => (
					<option key={lang} value={lang} lang={lang}>
						{LANGUAGE_NAMES[lang]}
					</option>
				))}
			</select>
			{withButton ? (
				<button type="submit" className="button button--quiet">
					{t('shell.changeLanguage')}
				</button>
			) : (
				<noscript>
					<button type="submit" className="button button--quiet">
						{t('shell.changeLanguage')}
					</button>
				</noscript>
			)}
		</Form>
	)
}
