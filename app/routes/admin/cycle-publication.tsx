import { useTranslation } from '../../utils/use-translation.tsx'
import { Form, Link } from 'react-router'
import { Field, FormError, valueOf, type FormFailureData } from '../../components/forms.tsx'
import type { PublicationState } from '../../domain/publication.ts'
import { formatDate } from '#forms/locale-format.ts'

export type PublicationEvent = {
	id: number
	at: string
	kind: 'published' | 'withdrawn'
	publishedFrom: string | null
	actor: string | null
}

/**
 * The cycle page's publication control: whether the cycle is public on the portal (and since or
 * from when), a form to publish it from a date (or move that date) and one to withdraw it, and the
 * decisions taken so far (from the audit log).
 */
export function CyclePublication({
	cycleCode,
	publication,
	today,
	history,
	failure,
}: {
	cycleCode: string
	publication: PublicationState
	today: string
	history: PublicationEvent[]
	failure?: FormFailureData
}) {
	const { t, i18n } = useTranslation('public')
	const date = (value: string) => formatDate(value, i18n.language)
	return (
		<section aria-labelledby="publication-title" className="stack">
			<h2 id="publication-title">{t('publication.title')}</h2>
			<p>{t('publication.intro')}</p>
			<p data-testid="publication-state">
				{publication.state === 'unpublished'
					? t('publication.unpublished')
					: t(`publication.${publication.state}`, {
							date: date(publication.publishedFrom),
							name: publication.decidedByName ?? '—',
						})}
				{publication.state === 'published' ? (
					<>
						{' '}
						<Link to={`/cycles/${cycleCode}`}>{t('publication.openPublic')}</Link>
					</>
				) : null}
			</p>
			<FormError failure={failure} />
			<Form method="post" className="stack">
				<input type="hidden" name="intent" value="publication" />
				<input type="hidden" name="decision" value="publish" />
				<Field
					label={t('publication.publishedFrom')}
					help={t('publication.publishedFromHelp')}
					name="publishedFrom"
					type="date"
					required
					defaultValue={valueOf(
						failure,
						'publishedFrom',
						publication.state === 'unpublished' ? today : publication.publishedFrom,
					)}
					errors={failure?.fieldErrors?.publishedFrom}
				/>
				<button type="submit" className="button">
					{publication.state === 'unpublished' ? t('publication.publish') : t('publication.move')}
				</button>
			</Form>
			{publication.state === 'unpublished' ? null : (
				<Form method="post">
					<input type="hidden" name="intent" value="publication" />
					<input type="hidden" name="decision" value="withdraw" />
					<button type="submit" className="button button--quiet">
						{t('publication.withdraw')}
					</button>
				</Form>
			)}
			{history.length > 0 ? (
				<>
					<h3>{t('publication.history')}</h3>
					<ul>
						{history.map((event) => (
							<li key={event.id}>
								{t(`publication.events.${event.kind}`, {
									at: date(event.at),
									date: event.publishedFrom ? date(event.publishedFrom) : '',
									name: event.actor ?? '—',
								})}
							</li>
						))}
					</ul>
				</>
			) : null}
		</section>
	)
}
