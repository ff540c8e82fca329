import type { Route } from './+types/workflow.ts'
import { postWorkflowForm } from './workflow-post.server.ts'

/** Workflow buttons post here from any page (recall, request to reopen, review actions). */
export function action(args: Route.ActionArgs) {
	return postWorkflowForm(args)
}
