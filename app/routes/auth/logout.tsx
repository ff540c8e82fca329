import { redirect } from 'react-router'
import { recordAuditEvent } from '#db/queries/audit.ts'
import type { Route } from './+types/logout.ts'
import { clientIpContext, dbContext, userContext } from '../../utils/context.ts'
import { endSession } from '../../utils/session.server.ts'

export async function action({ request, context }: Route.ActionArgs) {
	const db = context.get(dbContext)
	const user = context.get(userContext)
	const cookie = await endSession(db, request)
	if (user) {
		await recordAuditEvent(db, {
			actorUserId: user.id,
			action: 'auth.logout',
			subjectType: 'user',
			subjectId: user.id,
			ip: context.get(clientIpContext),
		})
	}
	return redirect('/login', { headers: { 'Set-Cookie': cookie } })
}

export function loader() {
	return redirect('/')
}
