import type { ChemicalEntry } from './chemicals.ts'
import type { CountryEntry } from './countries.ts'
import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID } from './ids.ts'
import type { CodeListEntry } from './types.ts'

/** A code-list option as the pickers search it. */
export interface Searchable {
	code: string
	/** What the user sees, in their language. */
	label: string
	/** Other codes, found only when typed in full (ISO alpha-2 country codes). */
	codes?: readonly string[]
	/** Other names, searched like the label (English name, aliases, CAS numbers). */
	keywords?: readonly string[]
}

/** Lower case, without accents, punctuation as spaces: "Côte d’Ivoire" → "cote d ivoire". */
export function normaliseForSearch(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{Diacritic}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
}

type Text = { spaced: string; compact: string; words: string[] }

function prepare(text: string): Text {
	const spaced = normaliseForSearch(text)
	return { spaced, compact: spaced.replaceAll(' ', ''), words: spaced.split(' ') }
}

const EXACT = 0
const PREFIX = 1
const WORD_PREFIX = 2
const SUBSTRING = 3

/** How well one text matches the query: a tier above, or undefined. */
function tierOf(text: Text, query: Text): number | undefined {
	if (text.spaced === query.spaced || text.compact === query.compact) return EXACT
	if (text.spaced.startsWith(query.spaced) || text.compact.startsWith(query.compact)) return PREFIX
	if (query.words.every((word) => text.words.some((candidate) => candidate.startsWith(word))))
		return WORD_PREFIX
	if (text.spaced.includes(query.spaced) || text.compact.includes(query.compact)) return SUBSTRING
	return undefined
}

type Prepared = { codes: string[]; label: Text; keywords: Text[] }

const prepared = new WeakMap<readonly Searchable[], Prepared[]>()

function preparedOf(options: readonly Searchable[]): Prepared[] {
	let entries = prepared.get(options)
	if (!entries) {
		entries = options.map((option) => ({
			codes: [option.code, ...(option.codes ?? [])].map((code) => prepare(code).compact),
			label: prepare(option.label),
			keywords: (option.keywords ?? []).map(prepare),
		}))
		prepared.set(options, entries)
	}
	return entries
}

/**
 * The rank of an option (lower is better), or undefined when it does not match: by tier (exact
 * code, label or other name; prefix of the label or a name; every typed word starting a word;
 * anywhere), and within a tier matches on the label before matches on other names.
 */
function rankOf(entry: Prepared, query: Text): number | undefined {
	if (entry.codes.includes(query.compact)) return 0
	const label = tierOf(entry.label, query)
	let best = label === undefined ? undefined : label * 2
	for (const keyword of entry.keywords) {
		const tier = tierOf(keyword, query)
		if (tier !== undefined && (best === undefined || tier * 2 + 1 < best)) best = tier * 2 + 1
	}
	return best
}

/**
 * The options matching what someone typed, best first: exact code or name match, then names
 * starting with it, then names with words starting with each typed word, then names containing
 * it. Accents, case and punctuation are ignored; ties keep alphabetical order of the labels.
 * An empty query returns the options as given.
 */
export function searchOptions<T extends Searchable>(
	options: readonly T[],
	query: string,
	limit = Infinity,
): T[] {
	const typed = prepare(query)
	if (typed.spaced === '') return options.slice(0, limit)
	const entries = preparedOf(options)
	const ranked: { option: T; rank: number; label: string }[] = []
	options.forEach((option, index) => {
		const entry = entries[index]!
		const rank = rankOf(entry, typed)
		if (rank !== undefined) ranked.push({ option, rank, label: entry.label.spaced })
	})
	ranked.sort((a, b) => a.rank - b.rank || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0))
	return ranked.slice(0, limit).map((match) => match.option)
}

/**
 * The one option whose code, label or other name is exactly `text` (pasted or imported values),
 * or undefined when none or several are.
 */
export function exactOption<T extends Searchable>(
	options: readonly T[],
	text: string,
): T | undefined {
	const typed = prepare(text)
	if (typed.spaced === '') return undefined
	const entries = preparedOf(options)
	const exact = options.filter((_option, index) => (rankOf(entries[index]!, typed) ?? 2) < 2)
	return exact.length === 1 ? exact[0] : undefined
}

/** Other names of code-list entries: list id → code → names (see `aliases.ts`, server side). */
export type CodeListAliases = Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>

/** Code-list id → entry code → what pickers search the entry by besides its label. */
export type CodeListSearchTerms = Record<
	string,
	Record<string, Pick<Searchable, 'codes' | 'keywords'>>
>

/**
 * What a code-list entry is found by besides its label in the user's language: its English name,
 * other codes (ISO alpha-2 of countries), CAS numbers of chemicals, and its aliases.
 */
export function searchTermsOf(
	listId: string,
	entry: CodeListEntry,
	aliases: CodeListAliases = {},
): Pick<Searchable, 'codes' | 'keywords'> {
	const keywords = [entry.labels.en, ...(aliases[listId]?.[entry.code] ?? [])]
	if (listId === COUNTRY_LIST_ID) return { codes: [(entry as CountryEntry).alpha2], keywords }
	if (listId === CHEMICAL_LIST_ID)
		return { keywords: [...keywords, ...(entry as ChemicalEntry).cas] }
	return { keywords }
}
