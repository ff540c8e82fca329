import { CHEMICAL_ALIASES } from './chemical-aliases.ts'
import { CHEMICALS } from './chemicals.ts'
import { COUNTRY_ALIASES } from './country-aliases.ts'
import { COUNTRIES } from './countries.ts'
import type { CodeListAliases } from './search.ts'

/**
 * The other names pickers search code lists by (see `searchTermsOf`). Server side: pages that
 * search send them with their data, so the editor's JavaScript does not carry them.
 */
export const CODE_LIST_ALIASES: CodeListAliases = {
	[COUNTRIES.id]: COUNTRY_ALIASES,
	[CHEMICALS.id]: CHEMICAL_ALIASES,
}
