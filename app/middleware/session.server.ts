import type { MiddlewareFunction } from 'react-router'
import { dbContext, languageContext, userContext } from '../utils/context.ts'
import { detectLanguage } from '../utils/i18n.server.ts'
import { userFromRequest } from '../utils/session.server.ts'

/** Loads the signed-in user (or null) and the request's language into the router context. */
export const sessionMiddleware: MiddlewareFunction<Response> = async (
	{ request, context },
	next,
) => {
	const user = await userFromRequest(context.get(dbContext), request)
	context.set(userContext, user)
	context.set(languageContext, await detectLanguage(request, user?.language))
	return next()
}
