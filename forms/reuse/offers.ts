import { getConcept } from '../concepts.ts'
import { compileForm } from '../engine/compile.ts'
import { evaluate } from '../engine/evaluate.ts'
import type { Answer, Answers, FormContext, FormDefinition, Question } from '../types.ts'
import { transferAnswer, type Conversion } from './transfer.ts'
import { hasUsableAnswer } from './usable-answer.ts'

/**
 * "Report once" (docs/decisions/014): the answers a Party already gave in its latest submissions
 * to other forms, offered for the questions of a report that ask the same concept. Pure: the
 * caller loads the sources (newest first) and decides what to do with an offer.
 *
 * A question is offered an answer when
 * - it names a concept whose registry entry lets answers flow (`direct`, `prefill`, or `derive`
 *   when a unit conversion is all the derivation needs); `link` concepts are only referenced;
 * - it is asked (visible) and still unanswered in the report, and the user can type it (not
 *   read-only, not filled from the report's context);
 * - a source question of the same concept holds an answer that `transferAnswer` can carry.
 * Several sources may offer different answers for one question; the same answer is offered once,
 * from the newest source that gave it.
 */

export interface ReuseSource {
	/** Stable id of the source: the submission the answers come from. */
	id: string
	definition: FormDefinition
	/** The answers as the submission gives them to its readers (`askedAnswers`). */
	answers: Answers
}

export interface ReuseTarget {
	definition: FormDefinition
	answers: Answers
	ctx: FormContext
}

export type ReuseFlow = 'direct' | 'prefill' | 'derive'

export interface ReuseOffer {
	/** `questionId|sourceId|sourceQuestionId`: what an accept or refuse names. */
	id: string
	questionId: string
	sourceId: string
	sourceQuestionId: string
	value: Answer
	conversions: Conversion[]
	flow: ReuseFlow
}

const FLOWS = new Set<string>(['direct', 'prefill', 'derive'])
/** At most this many different answers are offered for one question. */
export const MAX_OFFERS_PER_QUESTION = 3

export function offerId(questionId: string, sourceId: string, sourceQuestionId: string): string {
	return `${questionId}|${sourceId}|${sourceQuestionId}`
}

function flowOf(question: Question): ReuseFlow | undefined {
	const concept = question.concept ? getConcept(question.concept) : undefined
	return concept && FLOWS.has(concept.reuse) ? (concept.reuse as ReuseFlow) : undefined
}

function canBeOffered(question: Question): boolean {
	if (question.type === 'attachment') return false
	if ('readOnly' in question && question.readOnly) return false
	return !('prefill' in question && question.prefill)
}

function sourceQuestionsByConcept(sources: readonly ReuseSource[]) {
	const byConcept = new Map<string, { source: ReuseSource; question: Question }[]>()
	for (const source of sources) {
		for (const { question } of compileForm(source.definition).questions) {
			if (!question.concept || !(question.id in source.answers)) continue
			const list = byConcept.get(question.concept) ?? []
			list.push({ source, question })
			byConcept.set(question.concept, list)
		}
	}
	return byConcept
}

export function reuseOffers(target: ReuseTarget, sources: readonly ReuseSource[]): ReuseOffer[] {
	const form = compileForm(target.definition)
	const evaluation = evaluate(target.definition, target.answers, target.ctx)
	const fixedKeys = form.fixedKeys(target.ctx)
	const candidates = sourceQuestionsByConcept(
		sources.filter((s) => s.definition.formId !== target.definition.formId),
	)
	const offers: ReuseOffer[] = []
	for (const { question, table } of form.questions) {
		const flow = flowOf(question)
		if (!flow || !canBeOffered(question)) continue
		if (evaluation.questions[question.id]?.visible !== true) continue
		if (hasUsableAnswer(question, target.answers[question.id], table?.dimensionColumns ?? []))
			continue
		const expected = fixedKeys.get(question.id)
		const seen: string[] = []
		for (const { source, question: from } of candidates.get(question.concept!) ?? []) {
			if (seen.length >= MAX_OFFERS_PER_QUESTION) break
			const moved = transferAnswer(
				question,
				from,
				source.answers[from.id],
				expected ? new Set(expected.keys()) : undefined,
			)
			if (!moved) continue
			const fingerprint = JSON.stringify(moved.value)
			if (seen.includes(fingerprint)) continue
			seen.push(fingerprint)
			offers.push({
				id: offerId(question.id, source.id, from.id),
				questionId: question.id,
				sourceId: source.id,
				sourceQuestionId: from.id,
				value: moved.value,
				conversions: moved.conversions,
				flow,
			})
		}
	}
	return offers
}
