import { findCycle, type ReportingCycle } from '#db/queries/cycles.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { findReport, type Report } from '#db/queries/reports.ts'
import { depositaryRecordFor, type DepositaryRecord } from '#forms/codelists/index.ts'
import { registeredCodeLists } from '#forms/codelists/source.ts'
import { getFormDefinition } from '#forms/registry.ts'
import type { FormContext, FormDefinition } from '#forms/types.ts'
import { loadDepositaryRecord } from './depositary-record.server.ts'

export type ReportContext = {
	report: Report
	cycle: ReportingCycle
	definition: FormDefinition
	formContext: FormContext
}

/**
 * The engine context of a Party's report for a cycle. `record` is the current depositary record
 * (`loadDepositaryRecord`): it decides which chemicals are asked for which years, so every server
 * path that evaluates a report passes the one it loaded. The cycle's form variant (e.g. the Minamata
 * short report) decides which items are asked.
 */
export function formContextFor(
	partyCode: string,
	cycle: Pick<ReportingCycle, 'periodStart' | 'periodEnd' | 'formVariant'>,
	record: DepositaryRecord,
): FormContext {
	return {
		partyCode,
		periodStart: cycle.periodStart,
		periodEnd: cycle.periodEnd,
		depositaryRecord: depositaryRecordFor(record, partyCode),
		codeLists: registeredCodeLists,
		...(cycle.formVariant ? { formVariant: cycle.formVariant } : {}),
	}
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
	const record = await loadDepositaryRecord(db)
	return { report, cycle, definition, formContext: formContextFor(report.partyCode, cycle, record) }
}
