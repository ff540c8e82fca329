import { sql } from 'kysely'
import type { Answers } from '#forms/types.ts'
import type { Convention, LocalizedNames, ReuseDecision } from '../types.ts'
import type { DbHandle } from './handle.ts'

/** A Party's latest submitted answers to one form, with the cycle they answer. */
export type SubmittedAnswers = {
	submissionId: string
	reportId: string
	partyCode: string
	formId: string
	formVersion: number
	answers: Answers
	submittedAt: Date
	cycleCode: string
	cycleTitle: Partial<LocalizedNames>
	convention: Convention
	periodStart: string
	periodEnd: string
	formVariant: string | null
}

/**
 * The latest submission under review or accepted of every form a Party (or every Party) reported
 * on: one per Party and form, the newest first. Recalled, returned and superseded submissions do
 * not count (what the Party stands by is the latest one the secretariat has).
 */
export async function latestSubmittedAnswers(
	db: DbHandle,
	filter: { partyCode?: string } = {},
): Promise<SubmittedAnswers[]> {
	const rows = await db
		.selectFrom('submission as s')
		.innerJoin('report as r', 'r.id', 's.report_id')
		.innerJoin('reporting_cycle as c', 'c.id', 'r.cycle_id')
		.where('s.state', 'in', ['current', 'accepted'])
		.$if(filter.partyCode !== undefined, (qb) => qb.where('r.party_code', '=', filter.partyCode!))
		.distinctOn(['r.party_code', 's.form_id'])
		.select([
			's.id as submissionId',
			'r.id as reportId',
			'r.party_code as partyCode',
			's.form_id as formId',
			's.form_version as formVersion',
			's.answers',
			's.submitted_at as submittedAt',
			'c.code as cycleCode',
			'c.title as cycleTitle',
			'c.convention',
			sql<string>`c.period_start::text`.as('periodStart'),
			sql<string>`c.period_end::text`.as('periodEnd'),
			'c.form_variant as formVariant',
		])
		.orderBy('r.party_code')
		.orderBy('s.form_id')
		.orderBy('s.submitted_at', 'desc')
		.execute()
	return rows
		.map((row) => ({ ...row, answers: row.answers as Answers }))
		.sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime())
}

/** The decisions taken on a report's offers, by offer id. */
export async function reuseDecisions(
	db: DbHandle,
	reportId: string,
): Promise<Map<string, ReuseDecision>> {
	const rows = await db
		.selectFrom('reuse_decision')
		.where('report_id', '=', reportId)
		.select(['offer_id as offerId', 'decision'])
		.execute()
	return new Map(rows.map((row) => [row.offerId, row.decision]))
}

export type ReuseDecisionInput = {
	offerId: string
	questionId: string
	sourceSubmissionId: string
	decision: ReuseDecision
	/** The revision an accepted answer was written at. */
	revision?: number
}

/** Records (or changes) decisions on offers. */
export async function recordReuseDecisions(
	db: DbHandle,
	reportId: string,
	userId: string,
	decisions: readonly ReuseDecisionInput[],
) {
	if (decisions.length === 0) return
	await db
		.insertInto('reuse_decision')
		.values(
			decisions.map((d) => ({
				report_id: reportId,
				offer_id: d.offerId,
				question_id: d.questionId,
				source_submission_id: d.sourceSubmissionId,
				decision: d.decision,
				revision: d.revision ?? null,
				decided_by: userId,
			})),
		)
		.onConflict((oc) =>
			oc.columns(['report_id', 'offer_id']).doUpdateSet({
				decision: (eb) => eb.ref('excluded.decision'),
				revision: (eb) => eb.ref('excluded.revision'),
				decided_by: (eb) => eb.ref('excluded.decided_by'),
				decided_at: sql`now()`,
			}),
		)
		.execute()
}

/** Where the answers "report once" wrote came from: question id and revision → source submission. */
export async function acceptedReuseSources(db: DbHandle, reportId: string) {
	return db
		.selectFrom('reuse_decision as d')
		.innerJoin('submission as s', 's.id', 'd.source_submission_id')
		.innerJoin('report as r', 'r.id', 's.report_id')
		.innerJoin('reporting_cycle as c', 'c.id', 'r.cycle_id')
		.where('d.report_id', '=', reportId)
		.where('d.decision', '=', 'accepted')
		.where('d.revision', 'is not', null)
		.select([
			'd.question_id as questionId',
			'd.revision',
			'd.offer_id as offerId',
			's.form_id as formId',
			's.form_version as formVersion',
			'c.code as cycleCode',
			'c.title as cycleTitle',
		])
		.execute()
}
