import type { Kysely, Transaction } from 'kysely'
import { loadAnswerValues, lockReport } from '#db/queries/reports.ts'
import {
	latestSubmittedAnswers,
	recordReuseDecisions,
	reuseDecisions,
	type SubmittedAnswers,
} from '#db/queries/reuse.ts'
import type { Database } from '#db/types.ts'
import type { DepositaryRecord } from '#forms/codelists/index.ts'
import { askedAnswers } from '#forms/engine/asked.ts'
import { getFormDefinition, impliedClassification } from '#forms/registry.ts'
import { canonicalUnit, disagreements, quantityFacts, type FactPeriod } from '#forms/reuse/facts.ts'
import type { Answers, FormDefinition } from '#forms/types.ts'
import { reuseOffers, type ReuseOffer, type ReuseSource } from '#forms/reuse/offers.ts'
import type { DbHandle } from '#db/queries/handle.ts'
import { saveAnswersInTransaction } from './answers.server.ts'
import type { AnswerUpdate } from './save-protocol.ts'
import { loadDepositaryRecord } from './depositary-record.server.ts'
import { formContextFor, type ReportContext } from './report-context.server.ts'

/**
 * "Report once" on the server (docs/decisions/014): which answers of a Party's latest submissions
 * to other forms are offered to one of its reports, and what accepting or refusing them does.
 * Offers are always recomputed here from the stored submissions: a client names offers, it never
 * supplies their values.
 */

/** A source submission with what the pure reuse functions need. */
export type LoadedSource = { submitted: SubmittedAnswers; source: ReuseSource }

/** The Party's latest submitted answers to every form, as their readers see them. */
export async function loadSubmittedSources(
	db: DbHandle,
	filter: { partyCode?: string },
	record?: DepositaryRecord,
): Promise<LoadedSource[]> {
	const depositary = record ?? (await loadDepositaryRecord(db))
	const loaded: LoadedSource[] = []
	for (const submitted of await latestSubmittedAnswers(db, filter)) {
		const definition = getFormDefinition(submitted.formId, submitted.formVersion)
		if (!definition) continue
		const ctx = formContextFor(submitted.partyCode, submitted, depositary)
		loaded.push({
			submitted,
			source: {
				id: submitted.submissionId,
				definition,
				answers: askedAnswers(definition, submitted.answers, ctx),
			},
		})
	}
	return loaded
}

export type OfferWithSource = ReuseOffer & { source: SubmittedAnswers }

/** What is still on offer for a report: offers nobody accepted or refused yet. */
export async function openOffers(db: DbHandle, context: ReportContext): Promise<OfferWithSource[]> {
	const { report, definition, formContext } = context
	const [sources, answers, decided] = await Promise.all([
		loadSubmittedSources(db, { partyCode: report.partyCode }),
		loadAnswerValues(db, report.id),
		reuseDecisions(db, report.id),
	])
	const bySubmission = new Map(sources.map((s) => [s.submitted.submissionId, s.submitted]))
	return reuseOffers(
		{ definition, answers, ctx: formContext },
		sources.map((s) => s.source),
	)
		.filter((offer) => !decided.has(offer.id))
		.map((offer) => ({ ...offer, source: bySubmission.get(offer.sourceId)! }))
}

export type DecideOutcome =
	| {
			ok: true
			accepted: number
			refused: number
			revision?: number
			/** The answers written, at their new revision (for an editor to show them). */
			applied: AnswerUpdate[]
	  }
	| { ok: false; reason: DecideRefusal }

type DecideRefusal = 'not_editable' | 'unknown_offer' | 'changed'

/** Thrown inside the decision's transaction to roll back whatever it wrote. */
class DecisionRefused extends Error {
	constructor(readonly reason: DecideRefusal) {
		super(reason)
	}
}

/**
 * Accepts and refuses offers by id, in one transaction that holds the report's lock: the accepted
 * answers are one save (source `reuse`, audited, one history row per question), at most one per
 * question (the first named), and the decision rows record the source submission and the
 * revision, which the history shows. Either all of it is written or none: an answer is never
 * stored without the decision that names its source. The offers are recomputed under the lock, so
 * only what is on offer at that moment can be accepted.
 */
export async function decideOffers(
	db: Kysely<Database>,
	input: { context: ReportContext; userId: string; accept: string[]; refuse: string[] },
): Promise<DecideOutcome> {
	try {
		return await db.transaction().execute((trx) => decideInTransaction(trx, input))
	} catch (error) {
		if (error instanceof DecisionRefused) return { ok: false, reason: error.reason }
		throw error
	}
}

async function decideInTransaction(
	trx: Transaction<Database>,
	input: { context: ReportContext; userId: string; accept: string[]; refuse: string[] },
): Promise<DecideOutcome> {
	const { report } = input.context
	await lockReport(trx, report.id)
	const offers = await openOffers(trx, input.context)
	const byId = new Map(offers.map((offer) => [offer.id, offer]))
	const named = [...input.accept, ...input.refuse]
	if (named.some((id) => !byId.has(id))) throw new DecisionRefused('unknown_offer')
	const accepted: OfferWithSource[] = []
	for (const id of input.accept) {
		const offer = byId.get(id)!
		if (!accepted.some((a) => a.questionId === offer.questionId)) accepted.push(offer)
	}
	let revision: number | undefined
	let applied: AnswerUpdate[] = []
	if (accepted.length > 0) {
		const outcome = await saveAnswersInTransaction(trx, {
			reportId: report.id,
			userId: input.userId,
			source: 'reuse',
			payload: {
				sinceRevision: report.revision,
				changes: accepted.map((offer) => ({
					questionId: offer.questionId,
					baseRevision: report.revision,
					base: null,
					value: offer.value,
				})),
			},
		})
		if (outcome.kind === 'locked' || outcome.kind === 'not_found' || outcome.kind === 'forbidden')
			throw new DecisionRefused('not_editable')
		if (outcome.kind !== 'saved' || outcome.conflicts.length > 0)
			throw new DecisionRefused('changed')
		revision = outcome.revision
		applied = outcome.applied
	}
	await recordReuseDecisions(trx, report.id, input.userId, [
		...accepted.map((offer) => ({
			offerId: offer.id,
			questionId: offer.questionId,
			sourceSubmissionId: offer.sourceId,
			decision: 'accepted' as const,
			...(revision !== undefined ? { revision } : {}),
		})),
		...input.refuse.map((id) => {
			const offer = byId.get(id)!
			return {
				offerId: id,
				questionId: offer.questionId,
				sourceSubmissionId: offer.sourceId,
				decision: 'refused' as const,
			}
		}),
	])
	return {
		ok: true,
		accepted: accepted.length,
		refused: input.refuse.length,
		...(revision !== undefined ? { revision } : {}),
		applied,
	}
}

/** A quantity this report gives differently from the Party's latest submission to another form. */
export type Difference = {
	conceptId: string
	dims: Record<string, string>
	unit: string
	here: { itemId: string; amount: number }
	there: { source: SubmittedAnswers; itemId: string; amount: number }
}

const itemOf = (value: { questionId: string; columnId?: string }) =>
	value.columnId ? `${value.questionId}.${value.columnId}` : value.questionId

/**
 * Where the report's answers, as they stand, contradict what the Party submitted for the same
 * fact in another form (after unit conversion): what the checks page warns about.
 */
export async function differencesFromSubmissions(
	db: DbHandle,
	context: ReportContext,
	answers: Answers,
): Promise<Difference[]> {
	const { report, definition, formContext } = context
	const sources = (await loadSubmittedSources(db, { partyCode: report.partyCode })).filter(
		(s) => s.submitted.formId !== report.formId,
	)
	if (sources.length === 0) return []
	const factsOf = (def: FormDefinition, given: Answers, period: FactPeriod) =>
		quantityFacts(def, given, { period, implied: impliedClassification(def.formId) })
	const own = {
		id: report.id,
		formId: report.formId,
		facts: factsOf(definition, askedAnswers(definition, answers, formContext), formContext),
	}
	const bySubmission = new Map(sources.map((s) => [s.submitted.submissionId, s.submitted]))
	const differences: Difference[] = []
	for (const source of sources) {
		const other = {
			id: source.submitted.submissionId,
			formId: source.submitted.formId,
			facts: factsOf(source.source.definition, source.source.answers, source.submitted),
		}
		for (const found of disagreements([own, other])) {
			const [here, there] = found.values
			if (!here || !there || here.sourceId !== report.id) continue
			differences.push({
				conceptId: found.concept,
				dims: found.dims,
				unit: canonicalUnit(found.dimension),
				here: { itemId: itemOf(here), amount: here.amount },
				there: {
					source: bySubmission.get(there.sourceId)!,
					itemId: itemOf(there),
					amount: there.amount,
				},
			})
		}
	}
	return differences
}
