import { answerText } from '#forms/answer-text.ts'
import { compileForm } from '#forms/engine/compile.ts'
import { getFormDefinition } from '#forms/registry.ts'
import { formText } from '#forms/text.ts'
import type { FormDefinition, Language } from '#forms/types.ts'
import type { OfferWithSource } from '../../domain/report-once.server.ts'
import type { OfferView } from '../../domain/reuse-offer-view.ts'

/**
 * "Report once" offers as the pages show them: on the "From other reports" tab and in the editor,
 * beside each question (`OfferView`).
 */
export function describeOffers(
	offers: readonly OfferWithSource[],
	definition: FormDefinition,
	language: Language,
): OfferView[] {
	const text = formText(definition, language)
	const compiled = compileForm(definition)
	const sourceText = new Map<string, ReturnType<typeof formText>>()
	const textOf = (formId: string, version: number) => {
		const key = `${formId}@${version}`
		if (!sourceText.has(key)) {
			const source = getFormDefinition(formId, version)
			if (source) sourceText.set(key, formText(source, language))
		}
		return sourceText.get(key)
	}
	return offers.map((offer) => {
		const target = compiled.byId.get(offer.questionId)!
		const from = textOf(offer.source.formId, offer.source.formVersion)
		return {
			id: offer.id,
			questionId: offer.questionId,
			sectionId: target.sectionId,
			section: text.section(target.sectionId),
			question: text.label(offer.questionId),
			value: answerText(target.question, offer.value, text),
			flow: offer.flow,
			conversions: offer.conversions.map((c) => ({ from: text.unit(c.from), to: text.unit(c.to) })),
			source: {
				form: from?.title() ?? offer.source.formId,
				cycle:
					offer.source.cycleTitle[language] ?? offer.source.cycleTitle.en ?? offer.source.cycleCode,
				question: from?.label(offer.sourceQuestionId) ?? offer.sourceQuestionId,
				submittedAt: offer.source.submittedAt.toISOString(),
			},
		}
	})
}

/** The offers of one report by question, for the editor. */
export function offersByQuestion(offers: readonly OfferView[]) {
	const byQuestion: Record<string, OfferView[]> = {}
	for (const offer of offers) (byQuestion[offer.questionId] ??= []).push(offer)
	return byQuestion
}
