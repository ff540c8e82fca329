import type { ReuseFlow } from '#forms/reuse/offers.ts'

/**
 * A "report once" offer as the pages show it, in the reader's language (built on the server by
 * `describeOffers`): the question it answers, the value as text, the unit conversions made on
 * the way and where it comes from.
 */
export type OfferView = {
	/** What an accept or refuse names. */
	id: string
	questionId: string
	sectionId: string
	section: string
	question: string
	value: string
	flow: ReuseFlow
	conversions: { from: string; to: string }[]
	source: { form: string; cycle: string; question: string; submittedAt: string }
}
