import { useEffect, useId, useRef } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { useFetcher, useLocation } from 'react-router'
import type { FormFailureData } from '../forms.tsx'
import { FormError } from '../forms.tsx'
import { useFormat } from '../../utils/use-format.ts'

export type ThreadData = {
	id: string
	questionId: string | null
	visibility: 'shared' | 'secretariat'
	status: 'open' | 'resolved'
	createdByName: string
	createdAt: string
	messages: {
		id: string
		authorName: string
		authorIsSecretariat: boolean
		body: string
		createdAt: string
	}[]
}

/** Clears the form once its post went through (the action redirects back, so no data comes). */
function useResetAfterPost(
	fetcher: { state: string; data?: unknown },
	form: React.RefObject<HTMLFormElement | null>,
) {
	const previous = useRef(fetcher.state)
	useEffect(() => {
		const failed = fetcher.data && typeof fetcher.data === 'object' && 'fieldErrors' in fetcher.data
		if (previous.current !== 'idle' && fetcher.state === 'idle' && !failed) form.current?.reset()
		previous.current = fetcher.state
	}, [fetcher.state, fetcher.data, form])
}

function useBackLink(anchor?: string) {
	const location = useLocation()
	return `${location.pathname}${location.search}${anchor ? `#${anchor}` : ''}`
}

/** One thread: its messages (plain text), a reply box, and resolve/reopen for reviewers. */
function Thread({
	reportId,
	thread,
	canModerate,
}: {
	reportId: string
	thread: ThreadData
	canModerate: boolean
}) {
	const { t } = useTranslation('review')
	const format = useFormat()
	const fetcher = useFetcher<FormFailureData | { ok: true }>()
	const form = useRef<HTMLFormElement>(null)
	const replyId = useId()
	useResetAfterPost(fetcher, form)
	const back = useBackLink()
	return (
		<li
			className={`thread thread--${thread.status}${thread.visibility === 'secretariat' ? ' thread--internal' : ''}`}
		>
			<p className="thread__meta">
				<span className={thread.status === 'open' ? 'badge badge--soon' : 'badge badge--ok'}>
					{t(`threads.status.${thread.status}`)}
				</span>
				{thread.visibility === 'secretariat' ? (
					<span className="badge">{t('threads.internal')}</span>
				) : null}
			</p>
			<ol className="thread__messages">
				{thread.messages.map((m) => (
					<li key={m.id}>
						<p className="thread__author">
							<strong>
								<bdi>{m.authorName}</bdi>
							</strong>
							{m.authorIsSecretariat ? ` (${t('threads.secretariat')})` : ''} ·{' '}
							<bdi>
								<time dateTime={m.createdAt}>{format.dateTime(m.createdAt)}</time>
							</bdi>
						</p>
						<p className="thread__body" dir="auto">
							{m.body}
						</p>
					</li>
				))}
			</ol>
			<fetcher.Form
				method="post"
				action={`/reports/${reportId}/threads`}
				className="stack thread__reply"
				ref={form}
			>
				<input type="hidden" name="threadId" value={thread.id} />
				<input type="hidden" name="redirectTo" value={back} />
				<FormError
					failure={fetcher.data && 'fieldErrors' in fetcher.data ? fetcher.data : undefined}
				/>
				<div className="field">
					<label htmlFor={replyId}>{t('threads.reply')}</label>
					<textarea id={replyId} name="body" rows={2} maxLength={4000} required dir="auto" />
				</div>
				<div className="button-row">
					<button
						type="submit"
						name="intent"
						value="reply"
						className="button button--secondary"
						disabled={fetcher.state !== 'idle'}
					>
						{t('threads.send')}
					</button>
					{canModerate ? (
						<button
							type="submit"
							name="intent"
							value={thread.status === 'open' ? 'resolve' : 'reopen'}
							className="button button--quiet"
							formNoValidate
							disabled={fetcher.state !== 'idle'}
						>
							{thread.status === 'open' ? t('threads.resolve') : t('threads.reopen')}
						</button>
					) : null}
				</div>
			</fetcher.Form>
		</li>
	)
}

/** The threads of one question (or of the whole report), and a box to start one (reviewers). */
export function ThreadList({
	reportId,
	questionId,
	threads,
	canStart,
	canModerate,
	id,
	labelledBy,
}: {
	reportId: string
	questionId: string | null
	threads: ThreadData[]
	canStart: boolean
	canModerate: boolean
	id?: string
	/** The id of the question's label: the comments of each question are a region of its own name. */
	labelledBy?: string
}) {
	const { t } = useTranslation('review')
	const fetcher = useFetcher<FormFailureData | { ok: true }>()
	const form = useRef<HTMLFormElement>(null)
	const fieldId = useId()
	useResetAfterPost(fetcher, form)
	const back = useBackLink(id)
	if (threads.length === 0 && !canStart) return null
	return (
		<section
			className="threads"
			id={id}
			aria-label={labelledBy ? undefined : t('threads.label')}
			aria-labelledby={labelledBy ? `${fieldId}-name ${labelledBy}` : undefined}
		>
			{labelledBy ? (
				<span hidden id={`${fieldId}-name`}>
					{t('threads.label')}
				</span>
			) : null}
			{threads.length > 0 ? (
				<ul className="thread-list">
					{threads.map((thread) => (
						<Thread key={thread.id} reportId={reportId} thread={thread} canModerate={canModerate} />
					))}
				</ul>
			) : null}
			{canStart ? (
				<details className="thread-new">
					<summary>{questionId ? t('threads.comment') : t('threads.commentReport')}</summary>
					<fetcher.Form
						method="post"
						action={`/reports/${reportId}/threads`}
						className="stack"
						ref={form}
					>
						<input type="hidden" name="intent" value="create" />
						<input type="hidden" name="questionId" value={questionId ?? ''} />
						<input type="hidden" name="redirectTo" value={back} />
						<FormError
							failure={fetcher.data && 'fieldErrors' in fetcher.data ? fetcher.data : undefined}
						/>
						<div className="field">
							<label htmlFor={`${fieldId}-body`}>{t('threads.newComment')}</label>
							<textarea
								id={`${fieldId}-body`}
								name="body"
								rows={3}
								maxLength={4000}
								required
								dir="auto"
							/>
						</div>
						<div className="field">
							<label htmlFor={`${fieldId}-visibility`}>{t('threads.visibility')}</label>
							<select id={`${fieldId}-visibility`} name="visibility" defaultValue="shared">
								<option value="shared">{t('threads.shared')}</option>
								<option value="secretariat">{t('threads.secretariatOnly')}</option>
							</select>
						</div>
						<button
							type="submit"
							className="button button--secondary"
							disabled={fetcher.state !== 'idle'}
						>
							{t('threads.post')}
						</button>
					</fetcher.Form>
				</details>
			) : null}
		</section>
	)
}
