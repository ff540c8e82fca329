import type { PublicReportRow } from '#db/queries/public-reports.ts'
import type { PublishedCycle } from '#db/queries/publication.ts'
import type { Language } from '../utils/i18n.ts'
import { REGIONS, TIMELINESS, timelinessOf, type Region, type Timeliness } from './dashboard.ts'

/**
 * The public portal's reading of the reports of published cycles (issue 16), pure: the rows come
 * from `publicReportRows`. A Party's report is public only as a state (accepted, submitted, not
 * submitted), the day it was first submitted, whether that was by the deadline, and, once
 * accepted, the accepted submission (its PDF and key figures). Drafts, review and returned
 * submissions stay private: a submission under review or returned shows as "submitted".
 */

export const PUBLIC_REPORT_STATES = ['accepted', 'submitted', 'not_submitted'] as const
export type PublicReportState = (typeof PUBLIC_REPORT_STATES)[number]

/** A Party's report for a published cycle, as the public sees it. */
export type PublicReport = {
	partyCode: string
	name: string
	m49: string | null
	region: Region
	state: PublicReportState
	/** Day (UTC) of its first submission that was not recalled. */
	submittedOn: string | null
	/** By the deadline, after it, not submitted, or not yet due (see `timelinessOf`). */
	timeliness: Timeliness
	/** The number of its accepted submission, whose PDF is public; null until one is accepted. */
	acceptedNumber: number | null
}

/**
 * Whether a cycle asked the Party to report: the convention was in force for it on the deadline.
 * A Party whose date of entry into force is not recorded counts as bound (as the Party-status
 * release does, `isInForceFor`).
 */
export function isRequired(
	row: Pick<PublicReportRow, 'inForceOn'>,
	cycle: Pick<PublishedCycle, 'deadline'>,
): boolean {
	return row.inForceOn === null || row.inForceOn <= cycle.deadline
}

export function publicReportOf(
	row: PublicReportRow,
	cycle: Pick<PublishedCycle, 'deadline'>,
	input: { today: string; language: Language },
): PublicReport {
	const submittedOn = row.firstSubmittedAt ? row.firstSubmittedAt.toISOString().slice(0, 10) : null
	return {
		partyCode: row.partyCode,
		name: row.names[input.language] || row.names.en || row.partyCode,
		m49: row.m49,
		region: row.regionalGroup ?? 'none',
		state: row.acceptedNumber !== null ? 'accepted' : submittedOn ? 'submitted' : 'not_submitted',
		submittedOn,
		timeliness: timelinessOf(row.firstSubmittedAt, cycle.deadline, input.today),
		acceptedNumber: row.acceptedNumber,
	}
}

/**
 * The reports of one published cycle: every Party the cycle asked to report (`isRequired`), and a
 * Party it did not ask that submitted all the same. Sorted by name in `language`.
 */
export function cycleReports(
	rows: readonly PublicReportRow[],
	cycle: Pick<PublishedCycle, 'id' | 'deadline'>,
	input: { today: string; language: Language },
): PublicReport[] {
	return rows
		.filter(
			(row) =>
				row.cycleId === cycle.id && (isRequired(row, cycle) || row.firstSubmittedAt !== null),
		)
		.map((row) => publicReportOf(row, cycle, input))
		.sort((a, b) => a.name.localeCompare(b.name, input.language))
}

export type Counts<K extends string> = Record<K, number>

export function timelinessCounts(reports: readonly PublicReport[]): Counts<Timeliness> {
	const counts = Object.fromEntries(TIMELINESS.map((key) => [key, 0])) as Counts<Timeliness>
	for (const report of reports) counts[report.timeliness]++
	return counts
}

/** Reports submitted (by the deadline or after it) of the Parties of a group, and by the deadline. */
export type SubmissionRate = { parties: number; submitted: number; onTime: number }

function rateOf(reports: readonly PublicReport[]): SubmissionRate {
	const counts = timelinessCounts(reports)
	return {
		parties: reports.length,
		submitted: counts.on_time + counts.late,
		onTime: counts.on_time,
	}
}

/** A cycle's submission rates: all Parties, and each UN regional group (then Parties outside them). */
export type CycleRates = {
	cycleCode: string
	all: SubmissionRate
	regions: Record<Region, SubmissionRate>
}

export function cycleRates(cycleCode: string, reports: readonly PublicReport[]): CycleRates {
	return {
		cycleCode,
		all: rateOf(reports),
		regions: Object.fromEntries(
			REGIONS.map((region) => [region, rateOf(reports.filter((r) => r.region === region))]),
		) as Record<Region, SubmissionRate>,
	}
}

/** Share of `part` in `whole`, 0–100 with one decimal; null when there is nothing to share. */
export function percentOf(part: number, whole: number): number | null {
	return whole === 0 ? null : Math.round((part / whole) * 1000) / 10
}
