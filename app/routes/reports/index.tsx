import { redirect } from 'react-router'
import type { Route } from './+types/index.ts'

export function loader({ params }: Route.LoaderArgs) {
	throw redirect(`/reports/${params.reportId}/sections`)
}
