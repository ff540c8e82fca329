/**
 * Where a cycle stands on the public portal on a day: not published, published (public since
 * `publishedFrom`), or scheduled (public from `publishedFrom`, a day still ahead).
 */
export type PublicationState =
	| { state: 'unpublished' }
	| { state: 'scheduled' | 'published'; publishedFrom: string; decidedByName: string | null }

export function publicationState(
	publication: { publishedFrom: string; decidedByName: string | null } | undefined,
	today: string,
): PublicationState {
	if (!publication) return { state: 'unpublished' }
	return {
		state: publication.publishedFrom <= today ? 'published' : 'scheduled',
		publishedFrom: publication.publishedFrom,
		decidedByName: publication.decidedByName,
	}
}

/** The audit actions of publication decisions, and how the cycle page names them. */
export const PUBLICATION_EVENTS = {
	'cycle.published': 'published',
	'cycle.publication_withdrawn': 'withdrawn',
} as const
