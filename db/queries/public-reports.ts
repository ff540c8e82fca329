import { sql } from 'kysely'
import type { Answers } from '#forms/types.ts'
import type { LocalizedNames, RegionalGroup } from '../types.ts'
import type { DbHandle } from './handle.ts'
import { firstSubmittedAtOf } from './reports.ts'

/**
 * What the public portal reads of the reports of published cycles: never a draft, a working copy,
 * a review note or an earlier submission, only when a Party first submitted and, once the
 * secretariat accepted it, the accepted submission. Which cycles are published is the caller's to
 * decide (`listPublishedCycles`): these queries take the cycles' ids.
 */

/** A Party to a cycle's convention, and what the public may know of its report for the cycle. */
export type PublicReportRow = {
	cycleId: string
	partyCode: string
	names: LocalizedNames
	m49: string | null
	regionalGroup: RegionalGroup | null
	/** Entry into force of the convention for the Party; null when not recorded. */
	inForceOn: string | null
	/** Its first submission that was not recalled. */
	firstSubmittedAt: Date | null
	/** The number of its accepted submission, if the secretariat accepted one. */
	acceptedNumber: number | null
}

/**
 * Every Party to the convention of each of `cycleIds` (today's Party status), with the first
 * submission of its report for that cycle and its accepted submission, if any.
 */
export async function publicReportRows(
	db: DbHandle,
	cycleIds: readonly string[],
	filter: { partyCode?: string } = {},
): Promise<PublicReportRow[]> {
	if (cycleIds.length === 0) return []
	const rows = await db
		.selectFrom('reporting_cycle as c')
		.innerJoin('party_convention_status as cs', (join) =>
			join.onRef('cs.convention', '=', 'c.convention').on('cs.status', '=', 'party'),
		)
		.innerJoin('party as p', 'p.code', 'cs.party_code')
		.leftJoin('report as r', (join) =>
			join.onRef('r.party_code', '=', 'p.code').onRef('r.cycle_id', '=', 'c.id'),
		)
		.where('c.id', 'in', [...cycleIds])
		.$if(filter.partyCode !== undefined, (qb) => qb.where('p.code', '=', filter.partyCode!))
		.select((eb) => [
			'c.id as cycle_id',
			'p.code',
			'p.names',
			'p.m49',
			'p.regional_group',
			'cs.in_force_on',
			firstSubmittedAtOf(eb.ref('r.id')).as('first_submitted_at'),
			eb
				.selectFrom('submission as s')
				.whereRef('s.report_id', '=', 'r.id')
				.where('s.state', '=', 'accepted')
				.select(sql<number>`max(s.number)`.as('n'))
				.as('accepted_number'),
		])
		.orderBy('p.code')
		.execute()
	return rows.map((row) => ({
		cycleId: row.cycle_id,
		partyCode: row.code,
		names: row.names,
		m49: row.m49,
		regionalGroup: row.regional_group,
		inForceOn: row.in_force_on,
		firstSubmittedAt: row.first_submitted_at ? new Date(row.first_submitted_at) : null,
		acceptedNumber: row.accepted_number === null ? null : Number(row.accepted_number),
	}))
}

/** A Party's accepted submission to a cycle (immutable: its answers never change). */
export type AcceptedSubmission = {
	submissionId: string
	cycleId: string
	reportId: string
	partyCode: string
	number: number
	formId: string
	formVersion: number
	submittedAt: Date
}

/** The accepted submissions of a Party (or of every Party) to the cycles `cycleIds`. */
export async function acceptedSubmissions(
	db: DbHandle,
	cycleIds: readonly string[],
	filter: { partyCode?: string } = {},
): Promise<AcceptedSubmission[]> {
	if (cycleIds.length === 0) return []
	const rows = await db
		.selectFrom('submission as s')
		.innerJoin('report as r', 'r.id', 's.report_id')
		.where('r.cycle_id', 'in', [...cycleIds])
		.where('s.state', '=', 'accepted')
		.$if(filter.partyCode !== undefined, (qb) => qb.where('r.party_code', '=', filter.partyCode!))
		.select([
			's.id as submissionId',
			'r.cycle_id as cycleId',
			'r.id as reportId',
			'r.party_code as partyCode',
			's.number',
			's.form_id as formId',
			's.form_version as formVersion',
			's.submitted_at as submittedAt',
		])
		.orderBy('s.submitted_at', 'desc')
		.execute()
	return rows.map((row) => ({ ...row, submittedAt: new Date(row.submittedAt) }))
}

/** The answers of a submission, as submitted. */
export async function submissionAnswers(db: DbHandle, submissionId: string): Promise<Answers> {
	const row = await db
		.selectFrom('submission')
		.where('id', '=', submissionId)
		.select('answers')
		.executeTakeFirstOrThrow()
	return row.answers as Answers
}

/** The report and number of a Party's accepted submission to a cycle, if there is one. */
export async function findAcceptedSubmission(
	db: DbHandle,
	partyCode: string,
	cycleId: string,
): Promise<{ reportId: string; number: number } | undefined> {
	return db
		.selectFrom('submission as s')
		.innerJoin('report as r', 'r.id', 's.report_id')
		.where('r.party_code', '=', partyCode)
		.where('r.cycle_id', '=', cycleId)
		.where('s.state', '=', 'accepted')
		.select(['r.id as reportId', 's.number'])
		.orderBy('s.number', 'desc')
		.executeTakeFirst()
}

/**
 * A fingerprint of everything the public pages read, in one query: it changes whenever a cycle is
 * published, withdrawn, created or edited, a report changes state or is submitted (every workflow
 * action appends to `report_event`), a Party's status or the depositary record changes, or a Party
 * is added. (The names of the Parties change only with the reference data, not counted.)
 */
export async function publicDataVersion(db: DbHandle): Promise<string> {
	const { rows } = await sql<{ version: string }>`
		select concat_ws('|',
			(select max(id) from report_event),
			(select count(*) || ':' || coalesce(max(decided_at)::text, '') from cycle_publication),
			(select count(*) || ':' || coalesce(max(updated_at)::text, '') from reporting_cycle),
			(select max(updated_at)::text from party_convention_status),
			(select max(id) from code_list_release),
			(select count(*) from party)
		) as version
	`.execute(db)
	return rows[0]!.version
}
