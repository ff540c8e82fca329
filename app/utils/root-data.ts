import { useRouteLoaderData } from 'react-router'
import type { Role } from '#db/types.ts'
import type { Language, Resources } from './i18n.ts'
import type { NavItem } from './permissions.ts'

/** What the root route's loader gives every page: language, texts, who is signed in, navigation. */
export type RootData = {
	language: Language
	resources: Resources
	/** Nobody has reviewed (all of) this language's translation yet: the footer says so. */
	draftTranslation: boolean
	user: { name: string; email: string; roles: Role[]; partyCodes: string[] } | null
	navigation: NavItem[]
	/** Names of the signed-in user's countries, in the page's language. */
	partyNames: Record<string, string>
}

/** The root loader's data, from any component (undefined while the root itself errors). */
export function useRootData(): RootData | undefined {
	return useRouteLoaderData('root') as RootData | undefined
}
