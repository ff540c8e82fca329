import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loader as adminUsersLoader } from '#app/routes/admin/users.tsx'
import { loader as countryLoader } from '#app/routes/countries/country.tsx'
import { loader as homeLoader } from '#app/routes/home.tsx'
import { navigationFor } from '#app/utils/permissions.ts'
import { createTestDatabase, type TestDatabase } from '#tests/db.ts'
import { createUser, getRequest, routeContext, settle, statusOf } from '#tests/factories.ts'
import type { CurrentUser } from '#app/utils/permissions.ts'

let t: TestDatabase
beforeAll(async () => {
	t = await createTestDatabase()
})
afterAll(async () => {
	await t.destroy()
})

function openCountry(user: CurrentUser | null, code: string) {
	return settle(() =>
		countryLoader({
			request: getRequest(`/countries/${code}`),
			params: { partyCode: code },
			context: routeContext(t.db, user),
		} as never),
	)
}

describe('roles and country isolation', () => {
	it('sends anonymous visitors to the login page and back afterwards', async () => {
		const result = await openCountry(null, 'KEN')
		expect(result.thrown).toBe(true)
		const response = result.value as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/login?redirectTo=%2Fcountries%2FKEN')
		// The home page is the public overview for them (issue 16), never a user's home.
		const home = await settle(() =>
			homeLoader({ request: getRequest('/'), params: {}, context: routeContext(t.db) } as never),
		)
		expect(home.thrown).toBe(false)
		expect(home.value).toMatchObject({ kind: 'public' })
	})

	it('lets national users open only their own countries; others get 404, not 403', async () => {
		const kenyan = await createUser(t.db, { roles: ['contributor'], partyCodes: ['KEN'] })
		const own = await openCountry(kenyan, 'KEN')
		expect(own.thrown).toBe(false)
		const other = await openCountry(kenyan, 'IND')
		expect(other.thrown).toBe(true)
		expect(statusOf(other.value)).toBe(404)
		const lowercase = await openCountry(kenyan, 'ind')
		expect(statusOf(lowercase.value)).toBe(404)
		const unknown = await openCountry(kenyan, 'ZZZ')
		expect(statusOf(unknown.value)).toBe(404)
	})

	it('lets the secretariat read every country, and not analysts (compiled data only)', async () => {
		const reviewer = await createUser(t.db, { roles: ['reviewer'] })
		expect((await openCountry(reviewer, 'IND')).thrown).toBe(false)
		const analyst = await createUser(t.db, { roles: ['analyst'] })
		expect(statusOf((await openCountry(analyst, 'IND')).value)).toBe(404)
	})

	it('keeps administration to administrators (403 for everyone else)', async () => {
		for (const roles of [['contributor'], ['contact_point'], ['reviewer'], ['analyst']] as const) {
			const user = await createUser(t.db, {
				roles: [...roles],
				partyCodes: roles[0].startsWith('con') ? ['KEN'] : [],
			})
			const result = await settle(() =>
				adminUsersLoader({
					request: getRequest('/admin/users'),
					params: {},
					context: routeContext(t.db, user),
				} as never),
			)
			expect(statusOf(result.value)).toBe(403)
		}
		const admin = await createUser(t.db, { roles: ['admin'] })
		const ok = await settle(() =>
			adminUsersLoader({
				request: getRequest('/admin/users?role=nonsense'),
				params: {},
				context: routeContext(t.db, admin),
			} as never),
		)
		expect(ok.thrown).toBe(false)
	})

	it('builds navigation by role', () => {
		const targets = (roles: CurrentUser['roles'], partyCodes: string[] = []) =>
			navigationFor({ roles, partyCodes }).map((i) => i.to)
		expect(targets(['contributor'], ['KEN'])).toEqual(['/', '/countries/KEN'])
		expect(targets(['contact_point'], ['KEN', 'IND'])).toEqual([
			'/',
			'/countries/KEN',
			'/countries/IND',
		])
		expect(targets(['reviewer'])).toEqual(['/', '/review', '/analysis'])
		expect(targets(['analyst'])).toEqual(['/', '/analysis'])
		expect(targets(['admin'])).toEqual(['/', '/review', '/analysis', '/admin'])
	})
})
