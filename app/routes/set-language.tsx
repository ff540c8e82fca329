import { redirect } from 'react-router'
import { z } from 'zod'
import { updateUserProfile } from '#db/queries/users.ts'
import type { Route } from './+types/set-language.ts'
import { dbContext, userContext } from '../utils/context.ts'
import { LANGUAGES } from '../utils/i18n.ts'
import { languageCookie } from '../utils/i18n.server.ts'
import { parseForm, safeRedirectPath } from '../utils/request.server.ts'

const SetLanguageSchema = z.object({
	language: z.enum(LANGUAGES, { message: 'errors.unknownLanguage' }),
	redirectTo: z.string().max(2000).optional(),
})

export async function action({ request, context }: Route.ActionArgs) {
	const parsed = await parseForm(request, SetLanguageSchema)
	if (!parsed.ok) return parsed.response
	const user = context.get(userContext)
	if (user) {
		await updateUserProfile(context.get(dbContext), user.id, {
			preferredLanguage: parsed.data.language,
		})
	}
	return redirect(safeRedirectPath(parsed.data.redirectTo), {
		headers: { 'Set-Cookie': await languageCookie.serialize(parsed.data.language) },
	})
}

export function loader() {
	return redirect('/')
}
