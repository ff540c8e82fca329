import type { MiddlewareFunction } from 'react-router'
import { dbContext, languageContext, userContext } from '../utils/context.ts'
import { detectLanguage } from '../utils/i18n.server.ts'
import { userFromRequest } from '../utils/session.server.ts'

/**
 * Loads the signed-in user (or null) and the request's language into the router context. Every
 * response to a signed-in user (pages, `.data`, downloads) is marked `private, no-store`: it carries
 * their data, which no shared cache or back-forward cache may keep after they sign out.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async (
	{ request, context },
	next,
) => {
	const user = await userFromRequest(context.get(dbContext), request)
	context.set(userContext, user)
	context.set(languageContext, await detectLanguage(request, user?.language))
	const response = await next()
	if (user) response.headers.set('Cache-Control', 'private, no-store')
	return response
}
