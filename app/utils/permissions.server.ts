import { data, redirect, type RouterContextProvider } from 'react-router'
import type { Role } from '#db/types.ts'
import { userContext } from './context.ts'
import { canEditCountry, canReadCountry, hasRole, type CurrentUser } from './permissions.ts'

/** The signed-in user; anyone else is sent to the login page and brought back afterwards. */
export function requireUser(
	context: Readonly<RouterContextProvider>,
	request: Request,
): CurrentUser {
	const user = context.get(userContext)
	if (user) return user
	const url = new URL(request.url)
	const back = url.pathname + url.search
	throw redirect(back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`)
}

/** For global roles (secretariat, analyst, admin) a missing role is 403. */
export function requireRole(
	context: Readonly<RouterContextProvider>,
	request: Request,
	...roles: Role[]
): CurrentUser {
	const user = requireUser(context, request)
	if (!hasRole(user, ...roles)) throw data({ message: 'errors.forbidden' }, { status: 403 })
	return user
}

/** A country's working data: anyone else gets 404, so the country's data does not even appear to exist. */
export function requireCountryReader(user: CurrentUser, partyCode: string) {
	if (!canReadCountry(user, partyCode)) throw notFound()
}

export function requireCountryEditor(user: CurrentUser, partyCode: string) {
	if (!canReadCountry(user, partyCode)) throw notFound()
	if (!canEditCountry(user, partyCode)) throw data({ message: 'errors.forbidden' }, { status: 403 })
}

export function notFound() {
	return data({ message: 'errors.notFound' }, { status: 404 })
}
