import { useEffect, useRef } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { useFetcher } from 'react-router'
import { hasUsableAnswer } from '#forms/reuse/usable-answer.ts'
import type { Answer, Answers, Question } from '#forms/types.ts'
import type { AnswerUpdate } from '../../domain/save-protocol.ts'
import type { OfferView } from '../../domain/reuse-offer-view.ts'
import { useAnswerSlice } from './answer-field.ts'
import { useEditor } from './editor-context.tsx'
import { loadEngine } from './engine-loader.ts'
import { focusQuestion } from './focus-question.ts'
import { domId } from './form-model.ts'
import { useSentence } from '../sentence.tsx'

/** What the "From other reports" action answers (`routes/reports/reuse.tsx`). */
type DecisionResult =
	{ accepted: number; refused: number; applied: AnswerUpdate[] } | { formError?: string }

const NO_OFFERS: OfferView[] = []

function dimensionsOf(question: Question): string[] {
	return question.type === 'table' && question.rows.kind === 'fixed'
		? question.rows.dimensions.map((dimension) => dimension.column)
		: []
}

type DecisionFetcher = ReturnType<typeof useFetcher<DecisionResult>>

/**
 * "Report once" beside a question: the answers the Party gave to the same question in its other
 * submissions, while the question is unanswered here, each to use or dismiss. Decided by the same
 * action as the "From other reports" tab (the server recomputes the offers and writes the answer
 * and the decision together); the answer written reaches the editor without a reload, and focus
 * goes back to the question. Rendered for every question (it holds the question's decision while
 * the offers reload), it shows nothing when there is nothing to offer.
 */
export function ReuseOfferNotes({ question }: { question: Question }) {
	const { offers, editable, sync, definition, formContext } = useEditor()
	const list = offers[question.id] ?? NO_OFFERS
	const answered = useAnswerSlice(question.id, (value) =>
		hasUsableAnswer(question, value, dimensionsOf(question)),
	)
	const fetcher = useFetcher<DecisionResult>()
	const handled = useRef<DecisionResult | undefined>(undefined)
	const result = fetcher.data
	const dismissing =
		fetcher.formData?.get('intent') === 'refuse' ? fetcher.formData.get('offerId') : null
	useEffect(() => {
		if (!result || handled.current === result) return
		handled.current = result
		if (!('accepted' in result)) return
		// A fixed table shows every row the Party must see, as when the editor loads.
		const answers: Answers = Object.fromEntries(
			result.applied.map((u) => [u.questionId, u.value as Answer]),
		)
		const receive = (filled: Answers) => {
			sync.receive(result.applied.map((u) => ({ ...u, value: filled[u.questionId] ?? u.value })))
			// Once the answered question has re-rendered without its offers.
			requestAnimationFrame(() => focusQuestionOf(question.id))
		}
		loadEngine().then(
			({ withExpectedRows }) => receive(withExpectedRows(definition, answers, formContext)),
			// Without the engine (offline), the answers as written: the rows come with the next load.
			() => receive(answers),
		)
	}, [result, sync, question.id, definition, formContext])
	useEffect(() => {
		// The dismissed offer (and the button that had focus) is gone: back to the question.
		if (dismissing) focusQuestionOf(question.id)
	}, [dismissing, question.id])
	if (!editable || answered) return null
	const shown = list.filter((offer) => offer.id !== dismissing)
	const error =
		result && 'formError' in result && fetcher.state === 'idle' ? result.formError : undefined
	return (
		<>
			{shown.length > 0 ? (
				<ul className="reuse-inline plain-list">
					{shown.map((offer) => (
						<ReuseOfferNote key={offer.id} offer={offer} fetcher={fetcher} />
					))}
				</ul>
			) : null}
			{error ? <ReuseError message={error} /> : null}
		</>
	)
}

function focusQuestionOf(questionId: string) {
	const frame = document.getElementById(domId('q', questionId))
	if (frame) focusQuestion(frame)
}

function ReuseError({ message }: { message: string }) {
	const { t } = useTranslation('editor')
	return (
		<p className="inline-error" role="alert">
			{t(message)}
		</p>
	)
}

function ReuseOfferNote({ offer, fetcher }: { offer: OfferView; fetcher: DecisionFetcher }) {
	const { t } = useTranslation('editor')
	const sentence = useSentence('editor')
	const { reportId } = useEditor()
	const id = domId('reuse', offer.id)
	const busy = fetcher.state !== 'idle'
	const converted = offer.conversions
		.map((conversion) => t('reuse.inline.converted', conversion))
		.join('; ')
	return (
		<li className="reuse-inline__offer" data-offer={offer.id}>
			<p id={id}>
				{sentence('reuse.inline.available', {
					form: offer.source.form,
					cycle: offer.source.cycle,
				})}{' '}
				<span className="reuse-inline__value" dir="auto">
					{offer.value}
				</span>
				{converted ? <span className="muted"> ({converted})</span> : null}
				{offer.flow === 'prefill' ? (
					<span className="field-help"> {t('reuse.confirm')}</span>
				) : null}
			</p>
			<fetcher.Form method="post" action={`/reports/${reportId}/reuse`} className="button-row">
				<input type="hidden" name="offerId" value={offer.id} />
				<button
					type="submit"
					name="intent"
					value="accept"
					className="button button--small"
					aria-describedby={id}
					disabled={busy}
				>
					{t('reuse.inline.use')}
				</button>
				<button
					type="submit"
					name="intent"
					value="refuse"
					className="button button--secondary button--small"
					aria-describedby={id}
					disabled={busy}
				>
					{t('reuse.inline.dismiss')}
				</button>
			</fetcher.Form>
		</li>
	)
}
