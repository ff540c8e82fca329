import { redirect } from 'react-router'
import type { Route } from './+types/index.ts'
import { requireReport } from './report-access.server.ts'

/**
 * `/reports/:id` opens the report's sections. A page (not a resource route), so an unknown report,
 * or one the user may not read, gets the app's 404 page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
	const { report } = await requireReport(context, request, params.reportId)
	throw redirect(`/reports/${report.id}/sections`)
}

export default function ReportIndex() {
	return null
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
