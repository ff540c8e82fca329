import { readOnlyAction } from '../../api/operation.server.ts'
import { handleApiRequest } from '../../api/router.server.ts'
import type { Route } from './+types/v1.ts'

/**
 * `/api/v1/*`: the JSON API (app/api/, docs/decisions/015). Its operations route themselves by
 * their OpenAPI paths; every answer is JSON, a file, or a problem document. Read-only.
 */
export function loader(args: Route.LoaderArgs) {
	return handleApiRequest(args)
}

export function action(args: Route.ActionArgs) {
	return readOnlyAction(args)
}
