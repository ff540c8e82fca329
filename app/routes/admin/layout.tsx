import { useTranslation } from '../../utils/use-translation.tsx'
import { NavLink, Outlet } from 'react-router'
import type { Route } from './+types/layout.ts'
import { requireRole } from '../../utils/permissions.server.ts'

export function loader({ request, context }: Route.LoaderArgs) {
	requireRole(context, request, 'admin')
	return null
}

const SECTIONS = [
	{ to: '/admin/users', key: 'admin:nav.users' },
	{ to: '/admin/countries', key: 'admin:nav.countries' },
	{ to: '/admin/cycles', key: 'admin:nav.cycles' },
	{ to: '/admin/code-lists', key: 'admin:nav.codeLists' },
	{ to: '/admin/translations', key: 'admin:nav.translations' },
	{ to: '/admin/outbox', key: 'admin:nav.outbox' },
]

export default function AdminLayout() {
	const { t } = useTranslation()
	return (
		<div className="with-sidebar">
			<nav aria-label={t('admin:nav.label')} className="side-nav">
				<ul>
					{SECTIONS.map((s) => (
						<li key={s.to}>
							<NavLink to={s.to}>{t(s.key)}</NavLink>
						</li>
					))}
				</ul>
			</nav>
			<div className="with-sidebar__content">
				<Outlet />
			</div>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
