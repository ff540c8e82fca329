import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link, useActionData, useLoaderData, useNavigation } from 'react-router'
import { z } from 'zod'
import type { Language } from '#forms/types.ts'
import type { Route } from './+types/reuse.ts'
import { requireReport } from './report-access.server.ts'
import { describeOffers } from './reuse-offers.server.ts'
import { domId } from '../../components/editor/form-model.ts'
import { FormError } from '../../components/forms.tsx'
import { decideOffers, openOffers } from '../../domain/report-once.server.ts'
import { dbContext, languageContext } from '../../utils/context.ts'
import { failure, parseForm } from '../../utils/request.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { useSentence } from '../../components/sentence.tsx'
import { pageTitle, reportTitleParts } from '../../utils/page-title.ts'

/**
 * "Report once" (docs/decisions/014): the answers this Party gave in its latest submissions to
 * other forms that fit questions of this report still unanswered, each beside the question with
 * its source, to accept or refuse one by one or all at once.
 */

export async function loader({ request, params, context }: Route.LoaderArgs) {
	const report = await requireReport(context, request, params.reportId)
	const language = context.get(languageContext) as Language
	const offers = await openOffers(context.get(dbContext), report)
	return {
		reportId: report.report.id,
		editable: report.canEdit,
		offers: describeOffers(offers, report.definition, language),
	}
}

const offerIds = z
	.union([
		z
			.string()
			.min(1)
			.max(400)
			.transform((id) => [id]),
		z.array(z.string().min(1).max(400)).max(2_000),
	])
	.transform((ids) => [...new Set(ids)])

const DecisionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('accept'), offerId: offerIds }),
	z.object({ intent: z.literal('refuse'), offerId: offerIds }),
	z.object({ intent: z.literal('accept_all') }),
])

export async function action({ request, params, context }: Route.ActionArgs) {
	const report = await requireReport(context, request, params.reportId)
	if (!report.canEdit) return failure(403, { formError: 'editor:reuse.notEditable' })
	const parsed = await parseForm(request, DecisionSchema)
	if (!parsed.ok) return parsed.response
	const db = context.get(dbContext)
	const decision = parsed.data
	const accept =
		decision.intent === 'accept_all'
			? (await openOffers(db, report)).map((offer) => offer.id)
			: decision.intent === 'accept'
				? decision.offerId
				: []
	const refuse = decision.intent === 'refuse' ? decision.offerId : []
	const outcome = await decideOffers(db, {
		context: report,
		userId: report.user.id,
		accept,
		refuse,
	})
	if (!outcome.ok) return failure(409, { formError: `editor:reuse.errors.${outcome.reason}` })
	// `applied`: the answers written, at their revision, for the editor to show (`DraftSync.receive`).
	return { accepted: outcome.accepted, refused: outcome.refused, applied: outcome.applied }
}

type Offer = Awaited<ReturnType<typeof loader>>['offers'][number]

function OfferItem({ offer, editable, busy }: { offer: Offer; editable: boolean; busy: boolean }) {
	const { t } = useTranslation('editor')
	const sentence = useSentence('editor')
	const format = useFormat()
	const date = (
		<time dateTime={offer.source.submittedAt}>{format.date(offer.source.submittedAt)}</time>
	)
	return (
		<li className="reuse-offer stack" data-offer={offer.id}>
			<p className="reuse-offer__source">
				{sentence('reuse.from', { form: offer.source.form, cycle: offer.source.cycle, date })}
				<br />
				<span className="field-help">
					{sentence('reuse.sourceQuestion', { question: offer.source.question })}
				</span>
			</p>
			<blockquote className="reuse-offer__value" dir="auto">
				{offer.value}
			</blockquote>
			{offer.conversions.map((conversion) => (
				<p key={`${conversion.from}>${conversion.to}`} className="field-help">
					{t('reuse.converted', conversion)}
				</p>
			))}
			{offer.flow === 'prefill' ? <p className="field-help">{t('reuse.confirm')}</p> : null}
			{editable ? (
				<div className="cluster">
					<Form method="post">
						<input type="hidden" name="offerId" value={offer.id} />
						<button type="submit" name="intent" value="accept" className="button" disabled={busy}>
							{t('reuse.accept')}
						</button>
					</Form>
					<Form method="post">
						<input type="hidden" name="offerId" value={offer.id} />
						<button
							type="submit"
							name="intent"
							value="refuse"
							className="button button--secondary"
							disabled={busy}
						>
							{t('reuse.refuse')}
						</button>
					</Form>
				</div>
			) : null}
		</li>
	)
}

export const meta: Route.MetaFunction = ({ matches }) =>
	pageTitle(matches, (t) => [t('editor:reuse.title'), ...reportTitleParts(matches)])

export default function ReusePage() {
	const { t } = useTranslation('editor')
	const data = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const busy = useNavigation().state !== 'idle'
	const questions = [...new Set(data.offers.map((offer) => offer.questionId))]
	return (
		<section aria-labelledby="reuse-title" className="stack">
			<h2 id="reuse-title">{t('reuse.title')}</h2>
			<p>{t('reuse.intro')}</p>
			{result && 'accepted' in result ? (
				<p role="status" className="alert alert--success">
					{t('reuse.done', { accepted: result.accepted, refused: result.refused })}
				</p>
			) : null}
			<FormError failure={result && 'fieldErrors' in result ? result : undefined} />
			{questions.length === 0 ? (
				<p>{t('reuse.none')}</p>
			) : (
				<>
					<p>{t('reuse.count', { count: questions.length })}</p>
					{data.editable ? (
						<Form method="post">
							<button
								type="submit"
								name="intent"
								value="accept_all"
								className="button"
								disabled={busy}
							>
								{t('reuse.acceptAll')}
							</button>
						</Form>
					) : null}
					<ol className="stack reuse-list">
						{questions.map((questionId) => {
							const offers = data.offers.filter((offer) => offer.questionId === questionId)
							const first = offers[0]!
							return (
								<li key={questionId} className="stack" data-question={questionId}>
									<h3 id={`reuse-${questionId}`}>
										<Link
											to={`/reports/${data.reportId}/sections/${first.sectionId}#${domId('q', questionId)}`}
										>
											{first.section} › {first.question}
										</Link>
									</h3>
									<ul className="stack" aria-labelledby={`reuse-${questionId}`}>
										{offers.map((offer) => (
											<OfferItem
												key={offer.id}
												offer={offer}
												editable={data.editable}
												busy={busy}
											/>
										))}
									</ul>
								</li>
							)
						})}
					</ol>
				</>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '../../components/error-boundary.tsx'
