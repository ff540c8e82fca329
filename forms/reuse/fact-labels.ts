import { codeLabel } from '../codelists/labels.ts'
import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID, listCodeLists } from '../codelists/index.ts'
import type { Language } from '../types.ts'

/**
 * The classification of a fact (`Fact.dims`, see `facts.ts`) as people read it, in their language:
 * a chemical by its name (`cas:50-29-3` → "DDT"; `<list>:<code>` → the code's label), a partner
 * country by its name, a code of a list (`code:<list>`) by its label; years and periods as they are.
 */

/** The code list and code a chemical identity names, the Stockholm list first. */
function chemicalEntry(identity: string): { listId: string; code: string } | undefined {
	if (identity.startsWith('cas:')) {
		const cas = identity.slice('cas:'.length)
		const lists = [...listCodeLists()].sort((a, b) =>
			a.id === CHEMICAL_LIST_ID ? -1 : b.id === CHEMICAL_LIST_ID ? 1 : 0,
		)
		for (const list of lists) {
			const entry = list.entries.find((candidate) => {
				const numbers = (candidate as { cas?: unknown }).cas
				return Array.isArray(numbers) && numbers.length === 1 && numbers[0] === cas
			})
			if (entry) return { listId: list.id, code: entry.code }
		}
		return undefined
	}
	const separator = identity.indexOf(':')
	return separator > 0
		? { listId: identity.slice(0, separator), code: identity.slice(separator + 1) }
		: undefined
}

/** A chemical identity's name; the identity itself when no code list knows it. */
export function chemicalName(identity: string, lang: Language): string {
	const entry = chemicalEntry(identity)
	return entry ? codeLabel(entry.listId, entry.code, lang) : identity
}

/** One classification value (`dims[name]`) as text. */
export function dimensionValueLabel(name: string, value: string, lang: Language): string {
	if (name === 'chemical') return chemicalName(value, lang)
	if (name === 'country') return codeLabel(COUNTRY_LIST_ID, value, lang)
	if (name.startsWith('code:')) return codeLabel(name.slice('code:'.length), value, lang)
	return value
}

/** Every classification value of a fact as text, by name. */
export function dimensionLabels(
	dims: Readonly<Record<string, string>>,
	lang: Language,
): Record<string, string> {
	return Object.fromEntries(
		Object.entries(dims).map(([name, value]) => [name, dimensionValueLabel(name, value, lang)]),
	)
}
