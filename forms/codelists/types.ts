import type { Language } from '../vocabulary.ts'

/** Labels of a code-list entry; English is always present and is the fallback. */
export type Labels = { en: string } & Partial<Record<Language, string>>

/** One entry: a stable `code`, its labels, and list-specific metadata. */
export interface CodeListEntry {
	code: string
	labels: Labels
}

/**
 * A dated, versioned code list. `version` changes whenever entries are added, removed or their
 * metadata change; `date` is the date of the state the list reflects (e.g. the COP that last
 * amended it). Codes are never reused for a different meaning.
 */
export interface CodeList<E extends CodeListEntry = CodeListEntry> {
	id: string
	version: string
	date: string
	/**
	 * Where the entries come from (the Convention, a COP decision, an official document), and how
	 * confident we are: entries not checked against an official source say "reconstructed".
	 */
	source: string
	entries: E[]
}
