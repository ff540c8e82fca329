import { describe, expect, it } from 'vitest'
import { resourcesFor } from './i18n.server.ts'
import type { Language } from './i18n.ts'
import { pageTitle, reportTitleParts } from './page-title.ts'

/** The matches a page's `meta` gets: the root's data (language, strings), then the page's own. */
function matchesIn(
	language: Language,
	...others: { id: string; loaderData?: unknown; error?: unknown }[]
) {
	return [{ id: 'root', loaderData: { language, resources: resourcesFor(language) } }, ...others]
}

// React Router gives a match that did not fail `error: null`.
const reportLayout = {
	id: 'routes/reports/layout',
	error: null,
	loaderData: { report: { partyName: 'Kenya', cycleTitle: 'Stockholm Article 15, 6th cycle' } },
}

describe('page titles', () => {
	it('name the page, then the report it belongs to, then the application, in the page’s language', () => {
		expect(
			pageTitle(matchesIn('en', reportLayout), (t) => [
				t('editor:validation.title'),
				...reportTitleParts(matchesIn('en', reportLayout)),
			]),
		).toEqual([
			{
				title:
					'Checks before submission · Kenya · Stockholm Article 15, 6th cycle · Chemicals and waste national reporting',
			},
		])
		expect(pageTitle(matchesIn('fr'), (t) => [t('auth:login.title')])).toEqual([
			{ title: 'Connexion · Rapports nationaux sur les produits chimiques et les déchets' },
		])
		expect(pageTitle(matchesIn('ar'), (t) => [t('editor:submissions.title')])).toEqual([
			{ title: expect.stringMatching(/ · الإبلاغ الوطني عن المواد الكيميائية والنفايات$/) },
		])
	})

	it('leave out parts a page does not have (its data failed to load), and are the name alone without parts', () => {
		expect(pageTitle(matchesIn('en'), () => [undefined, '', 'Kenya'])).toEqual([
			{ title: 'Kenya · Chemicals and waste national reporting' },
		])
		expect(pageTitle(matchesIn('en'))).toEqual([
			{ title: 'Chemicals and waste national reporting' },
		])
		expect(reportTitleParts(matchesIn('en'))).toEqual([])
	})

	it('name the error instead of the page when the page failed', () => {
		// What React Router hands `meta` for a loader that threw `data(…, { status: 404 })`.
		const notFound = { status: 404, statusText: 'Not Found', internal: false, data: {} }
		const failed = { id: 'routes/reports/layout', error: notFound }
		expect(pageTitle(matchesIn('fr', failed), (t) => [t('editor:validation.title')])).toEqual([
			{ title: 'Erreur 404 · Rapports nationaux sur les produits chimiques et les déchets' },
		])
		expect(pageTitle(matchesIn('en', { id: 'x', error: new Error('boom') }))).toEqual([
			{ title: 'Something went wrong · Chemicals and waste national reporting' },
		])
	})

	it('fall back to the English name when the root itself failed (no strings to translate with)', () => {
		expect(pageTitle([{ id: 'root' }], (t) => [t('auth:login.title')])).toEqual([
			{ title: 'National reporting' },
		])
	})
})
