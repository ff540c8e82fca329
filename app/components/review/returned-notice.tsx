import { useId } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { Link } from 'react-router'
import type { ReturnedNotice as Notice } from '../../domain/returned-notice.server.ts'
import { useFormat } from '../../utils/use-format.ts'
import { useSentence } from '../sentence.tsx'

/**
 * A returned report's banner: who returned it and when, the secretariat's message, and the open
 * comment threads with links to their questions, so the country knows what to answer.
 */
export function ReturnedNotice({
	notice,
	headingLevel = 2,
}: {
	notice: Notice
	headingLevel?: 2 | 3 | 4
}) {
	const { t } = useTranslation('review')
	const sentence = useSentence('review')
	const format = useFormat()
	const when = <time dateTime={notice.returnedAt}>{format.dateTime(notice.returnedAt)}</time>
	const id = useId()
	const Heading = `h${headingLevel}` as const
	const Subheading = `h${headingLevel + 1}` as 'h3' | 'h4' | 'h5'
	return (
		<section className="alert alert--warning returned-notice" aria-labelledby={`${id}-title`}>
			<Heading id={`${id}-title`} className="returned-notice__title">
				{t('returnedNotice.title')}
			</Heading>
			<p>
				{notice.returnedBy
					? sentence('returnedNotice.byWhom', { name: notice.returnedBy, when })
					: sentence('returnedNotice.when', { when })}
			</p>
			{notice.message ? (
				<figure className="returned-notice__message">
					<figcaption>{t('returnedNotice.message')}</figcaption>
					<blockquote dir="auto">{notice.message}</blockquote>
				</figure>
			) : null}
			{notice.threads.length > 0 ? (
				<>
					<Subheading className="returned-notice__subtitle">
						{t('returnedNotice.threads', { count: notice.threads.length })}
					</Subheading>
					<ul className="returned-notice__threads">
						{notice.threads.map((thread) => (
							<li key={thread.id}>
								{thread.href ? (
									<Link to={thread.href}>{thread.questionLabel}</Link>
								) : (
									<strong>{thread.questionLabel ?? t('returnedNotice.wholeReport')}</strong>
								)}
								<p className="thread__body" dir="auto">
									{thread.latest}
								</p>
							</li>
						))}
					</ul>
				</>
			) : null}
			<p>{t('returnedNotice.next')}</p>
		</section>
	)
}
