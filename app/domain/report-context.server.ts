import { findCycle, type ReportingCycle } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { findReport, type Report } from '#db/queries/reports.ts'
import { getFormDefinition } from '#forms/registry.ts'
import type { FormContext, FormDefinition } from '#forms/types.ts'

export type ReportContext = {
	report: Report
	cycle: ReportingCycle
	definition: FormDefinition
	formContext: FormContext
}

export function formContextFor(
	partyCode: string,
	cycle: Pick<ReportingCycle, 'periodStart' | 'periodEnd'>,
): FormContext {
	return { partyCode, periodStart: cycle.periodStart, periodEnd: cycle.periodEnd }
}

/** A report with its cycle, the definition it was started on, and the engine context. */
export async function loadReportContext(
	db: DbHandle,
	reportId: string,
): Promise<ReportContext | undefined> {
	const report = await findReport(db, reportId)
	if (!report) return undefined
	const cycle = await findCycle(db, report.cycleId)
	const definition = getFormDefinition(report.formId, report.formVersion)
	if (!cycle || !definition) return undefined
	return { report, cycle, definition, formContext: formContextFor(report.partyCode, cycle) }
}
