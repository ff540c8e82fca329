import { isRouteErrorResponse, type MetaDescriptor } from 'react-router'
import type { RootData } from './root-data.ts'
import { createTranslator, type TFunction, type Translator } from './translator.ts'

type MetaMatch = { id: string; loaderData?: unknown; error?: unknown } | undefined

const FALLBACK_NAME = 'National reporting'

const translators = new WeakMap<object, Translator>()

function rootTranslator(matches: readonly MetaMatch[]) {
	const root = matches.find((match) => match?.id === 'root')?.loaderData as RootData | undefined
	if (!root) return undefined
	let translator = translators.get(root.resources)
	if (!translator) {
		translator = createTranslator(root.language, root.resources)
		translators.set(root.resources, translator)
	}
	return translator
}

/**
 * A page's `<title>`, in the page's language (the root loader's strings): what the page shows, most
 * specific first, then the application's name, joined by " · ". Every page has its own, so tabs,
 * history, bookmarks and screen readers tell pages apart (WCAG 2.4.2). `parts` gets `t` for keys
 * of `common` (`ns:key` for others); empty parts are left out. A page that failed is titled by its
 * error instead ("Error 404").
 */
export function pageTitle(
	matches: readonly MetaMatch[],
	parts: (t: TFunction) => readonly (string | null | undefined)[] = () => [],
): MetaDescriptor[] {
	const translator = rootTranslator(matches)
	// Without the root's data (it failed) there are no strings: the name alone, in English.
	if (!translator) return [{ title: FALLBACK_NAME }]
	const { t } = translator
	const appName = t('shell.appName', { defaultValue: FALLBACK_NAME })
	// A page that failed (not found, forbidden) is titled as the error its boundary shows. React
	// Router gives the matches that did not fail `error: null`.
	const error = matches.find((match) => match?.error != null)?.error
	const shown =
		error == null
			? parts(t)
			: [
					isRouteErrorResponse(error)
						? t('errors.title', { status: error.status })
						: t('errors.unexpected'),
				]
	const title = [...shown, appName].filter((part) => part && part.trim() !== '').join(' · ')
	return [{ title }]
}

/**
 * The report a page under `/reports/:reportId` belongs to, as its title names it after the page:
 * the Party, then the cycle (from the report layout's data).
 */
export function reportTitleParts(matches: readonly MetaMatch[]): string[] {
	const layout = matches.find((match) => match?.id === 'routes/reports/layout')?.loaderData as
		{ report?: { partyName: string; cycleTitle: string } } | undefined
	return layout?.report ? [layout.report.partyName, layout.report.cycleTitle] : []
}
