import { describe, expect, it } from 'vitest'
import { resourcesFor } from './i18n.server.ts'
import type { Language } from './i18n.ts'
import { pageTitle, reportTitleParts } from './page-title.ts'

/** The matches a page's `meta` gets: the root's data (language, strings), then the page's own. */
function matchesIn(language: Language, ...others: { id: string; loaderData?: unknown }[]) {
	return [{ id: 'root', loaderData: { language, resources: resourcesFor(language) } }, ...others]
}

const reportLayout = {
	id: 'routes/reports/layout',
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

	it('fall back to the English name when the root itself failed (no strings to translate with)', () => {
		expect(pageTitle([{ id: 'root' }], (t) => [t('auth:login.title')])).toEqual([
			{ title: 'National reporting' },
		])
	})
})
