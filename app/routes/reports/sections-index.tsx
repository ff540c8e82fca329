import { redirect } from 'react-router'
import type { Route } from './+types/sections-index.ts'
import { requireReport } from './report-access.server.ts'

/**
 * The first section the report shows. A page (not a resource route), so an unknown report, or one
 * the user may not read, gets the app's 404 page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report, definition } = await requireReport(context, request, params.reportId)
	const first = definition.parts[0]?.sections[0]?.id
	throw redirect(`/reports/${report.id}/sections/${first}`)
}

export default function SectionsIndex() {
	return null
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
