import { NATIONAL_ROLES, type Role } from '#db/types.ts'

export type CurrentUser = {
	id: string
	email: string
	name: string
	roles: Role[]
	/** ISO alpha-3 codes of the countries a national user works for. */
	partyCodes: string[]
	language: string
	sessionId: string
}

export function hasRole(user: Pick<CurrentUser, 'roles'>, ...roles: Role[]) {
	return roles.some((role) => user.roles.includes(role))
}

export function isNationalUser(user: Pick<CurrentUser, 'roles'>) {
	return hasRole(user, ...NATIONAL_ROLES)
}

export function isSecretariat(user: Pick<CurrentUser, 'roles'>) {
	return hasRole(user, 'reviewer', 'admin')
}

/**
 * Who may start a report on a country's behalf from a document the country sent: reviewers, who
 * then submit it with that document (administrators manage accounts and cycles, not reports).
 */
export const ENTER_ON_BEHALF_ROLES = ['reviewer'] as const satisfies readonly Role[]

/**
 * Who may read a country's working data (drafts, attachments, history): its own national users and
 * the secretariat (reviewers, admins). Analysts only see compiled submitted data, never drafts.
 */
export function canReadCountry(user: Pick<CurrentUser, 'roles' | 'partyCodes'>, partyCode: string) {
	if (isSecretariat(user)) return true
	return isNationalUser(user) && user.partyCodes.includes(partyCode)
}

/** Who may change a country's draft answers: only its own national users. */
export function canEditCountry(user: Pick<CurrentUser, 'roles' | 'partyCodes'>, partyCode: string) {
	return isNationalUser(user) && user.partyCodes.includes(partyCode)
}

export type NavItem = { to: string; labelKey: string; params?: Record<string, string> }

/** The public portal's navigation, for visitors who are not signed in. */
export const PUBLIC_NAVIGATION: NavItem[] = [
	{ to: '/', labelKey: 'public:nav.overview' },
	{ to: '/sdg-12-4-1', labelKey: 'public:nav.sdg' },
]

/** Navigation entries by role, in display order; labels are keys in the `common` namespace. */
export function navigationFor(user: Pick<CurrentUser, 'roles' | 'partyCodes'>): NavItem[] {
	const items: NavItem[] = [{ to: '/', labelKey: 'nav.home' }]
	if (isNationalUser(user)) {
		for (const code of user.partyCodes) {
			items.push({ to: `/countries/${code}`, labelKey: 'nav.country', params: { code } })
		}
	}
	if (hasRole(user, 'reviewer', 'admin')) items.push({ to: '/review', labelKey: 'nav.review' })
	if (hasRole(user, 'reviewer', 'analyst', 'admin'))
		items.push({ to: '/analysis', labelKey: 'nav.analysis' })
	if (hasRole(user, 'admin')) items.push({ to: '/admin', labelKey: 'nav.admin' })
	return items
}
