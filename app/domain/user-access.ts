import { z } from 'zod'
import { NATIONAL_ROLES, ROLES } from '#db/types.ts'

const asArray = (value: unknown) =>
	value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]

/**
 * Roles and countries of an account, as posted by the admin forms. National roles need at least one
 * country; secretariat-only accounts have none.
 */
export const UserAccessSchema = z
	.object({
		roles: z.preprocess(
			asArray,
			z
				.array(z.enum(ROLES, { message: 'admin:errors.unknownRole' }))
				.min(1, 'admin:errors.roleRequired'),
		),
		partyCodes: z.preprocess(
			asArray,
			z.array(z.string().regex(/^[A-Z]{3}$/, 'admin:errors.unknownCountry')).max(20),
		),
	})
	.superRefine((value, ctx) => {
		const national = value.roles.some((r) => (NATIONAL_ROLES as readonly string[]).includes(r))
		if (national && value.partyCodes.length === 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['partyCodes'],
				message: 'admin:errors.countryRequired',
			})
		}
		if (!national && value.partyCodes.length > 0) {
			ctx.addIssue({
				code: 'custom',
				path: ['partyCodes'],
				message: 'admin:errors.countryNotNational',
			})
		}
	})

export type UserAccess = z.infer<typeof UserAccessSchema>
