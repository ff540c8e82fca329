import { compileForm } from '../engine/compile.ts'
import { impliedClassification } from '../registry.ts'
import type { Answers, FormContext, FormDefinition } from '../types.ts'
import { canonicalUnit, disagreements, quantityFacts } from './facts.ts'
import { reuseOffers } from './offers.ts'

/**
 * The two parts of the commonality analysis that read what Parties submitted (issue 14 §3):
 * data consistency (a Party's quantities that disagree across forms) and burden (how many
 * questions of each form "report once" could answer from the Party's other submissions).
 */

/** A Party's latest submission to one form, its answers as readers see them. */
export interface SubmittedReport {
	partyCode: string
	submissionId: string
	cycleCode: string
	definition: FormDefinition
	answers: Answers
	periodStart: string
	periodEnd: string
}

export interface ConsistencyFinding {
	partyCode: string
	conceptId: string
	/** What the amounts are about: `chemical` (e.g. `cas:50-29-3`), `year`, `country`, codes. */
	dims: Record<string, string>
	/** `dims` as people read them (the chemical's name…), in the analysis's language: `dimensionLabels`. */
	dimLabels?: Record<string, string>
	/** Unit every amount is given in (the canonical unit of its dimension: kg for mass). */
	canonicalUnit: string
	values: {
		formId: string
		version: number
		submissionId: string
		cycleCode: string
		/** `question` or `question.column`. */
		itemId: string
		amount: number
	}[]
}

function byParty(reports: readonly SubmittedReport[]): Map<string, SubmittedReport[]> {
	const grouped = new Map<string, SubmittedReport[]>()
	for (const report of reports) {
		const list = grouped.get(report.partyCode) ?? []
		list.push(report)
		grouped.set(report.partyCode, list)
	}
	return grouped
}

/** Every Party's disagreements, Party by Party (forms of one Party are compared, never Parties). */
export function consistencyFindings(reports: readonly SubmittedReport[]): ConsistencyFinding[] {
	const findings: ConsistencyFinding[] = []
	for (const [partyCode, own] of byParty(reports)) {
		const bySubmission = new Map(own.map((report) => [report.submissionId, report]))
		const sources = own.map((report) => ({
			id: report.submissionId,
			formId: report.definition.formId,
			facts: quantityFacts(report.definition, report.answers, {
				period: report,
				implied: impliedClassification(report.definition.formId),
			}),
		}))
		for (const found of disagreements(sources)) {
			findings.push({
				partyCode,
				conceptId: found.concept,
				dims: found.dims,
				canonicalUnit: canonicalUnit(found.dimension),
				values: found.values.map((value) => {
					const report = bySubmission.get(value.sourceId)!
					return {
						formId: value.formId,
						version: report.definition.version,
						submissionId: value.sourceId,
						cycleCode: report.cycleCode,
						itemId: value.columnId ? `${value.questionId}.${value.columnId}` : value.questionId,
						amount: value.amount,
					}
				}),
			})
		}
	}
	return findings
}

export interface BurdenEstimate {
	partyCode: string
	formId: string
	/** Questions of the form (all, asked or not). */
	questions: number
	/** Questions a fresh report would be offered an answer for. */
	prefillable: number
}

/** A form as a Party would start it: its definition and the context of its next report. */
export interface FormToStart {
	definition: FormDefinition
	context: (partyCode: string) => FormContext
}

/**
 * For every Party with a submission and every form, how many questions of a new, empty report
 * "report once" would offer an answer for, from the Party's latest submissions to other forms.
 * Questions shown only after another answer (an "if yes" detail) are not counted: a fresh report
 * does not show them yet.
 */
export function burdenEstimates(
	reports: readonly SubmittedReport[],
	forms: readonly FormToStart[],
): BurdenEstimate[] {
	const estimates: BurdenEstimate[] = []
	for (const [partyCode, own] of byParty(reports)) {
		const sources = own.map((report) => ({
			id: report.submissionId,
			definition: report.definition,
			answers: report.answers,
		}))
		for (const form of forms) {
			const offers = reuseOffers(
				{ definition: form.definition, answers: {}, ctx: form.context(partyCode) },
				sources,
			)
			estimates.push({
				partyCode,
				formId: form.definition.formId,
				questions: compileForm(form.definition).questions.length,
				prefillable: new Set(offers.map((offer) => offer.questionId)).size,
			})
		}
	}
	return estimates
}
