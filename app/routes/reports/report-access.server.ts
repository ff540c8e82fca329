import type { RouterContextProvider } from 'react-router'
import type { Report } from '#db/queries/reports.ts'
import { loadReportContext } from '../../domain/report-context.server.ts'
import { isEditableState } from '../../domain/workflow.ts'
import { dbContext } from '../../utils/context.ts'
import {
	canEditCountry,
	canReadCountry,
	hasRole,
	type CurrentUser,
} from '../../utils/permissions.ts'
import { uuidText } from '../../utils/input.ts'
import { notFound, requireUser } from '../../utils/permissions.server.ts'
import { routeParam } from '../../utils/request.server.ts'

/**
 * Who may change a report's answers (state aside): the country's national users, and reviewers for
 * a report the secretariat enters on the country's behalf.
 */
export function mayWriteAnswers(
	user: CurrentUser,
	report: Pick<Report, 'partyCode' | 'enteredOnBehalfBy'>,
) {
	return (
		canEditCountry(user, report.partyCode) ||
		(report.enteredOnBehalfBy !== null && hasRole(user, 'reviewer'))
	)
}

/**
 * Loads a report for someone allowed to read it; anyone else gets 404 (as for an unknown id), so
 * a report's existence never leaks to another country.
 */
export async function requireReport(
	context: Readonly<RouterContextProvider>,
	request: Request,
	reportId: string | undefined,
) {
	const user = requireUser(context, request)
	const id = routeParam(reportId, uuidText)
	const report = await loadReportContext(context.get(dbContext), id)
	if (!report || !canReadCountry(user, report.report.partyCode)) throw notFound()
	return {
		user,
		...report,
		canEdit: mayWriteAnswers(user, report.report) && isEditableState(report.report.status),
	}
}
