import { redirect, type ActionFunctionArgs } from 'react-router'
import type { TokenPurpose } from '#db/types.ts'
import { completeAccountLink, SetPasswordSchema } from '../../utils/account-tokens.server.ts'
import { clientIpContext, dbContext } from '../../utils/context.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { startSession } from '../../utils/session.server.ts'

/**
 * The password form of a one-time link (invitation, password reset): sets the password, uses up
 * the link and signs the user in; a used or expired link is 410.
 */
export async function setPasswordFromLink(
	{ request, params, context }: Pick<ActionFunctionArgs, 'request' | 'params' | 'context'>,
	purpose: TokenPurpose,
) {
	const parsed = await parseForm(request, SetPasswordSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const ip = context.get(clientIpContext)
	const userId = await completeAccountLink(db, params.token, purpose, parsed.data, ip)
	if (!userId) return failure(410, { formError: 'auth:errors.linkInvalid' })
	const cookie = await startSession(db, request, userId, ip)
	return redirect('/', { headers: { 'Set-Cookie': cookie } })
}
