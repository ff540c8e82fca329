import type { CodeList, CodeListEntry } from './types.ts'

/**
 * Entry fields a pinned release leaves out: labels (presentation, like the form texts), and the
 * generic entry into force the chemicals list copies from the amendments, which is a dated fact
 * evaluated at runtime like the rest of applicability (docs/decisions/011).
 */
const UNPINNED_ENTRY_FIELDS: ReadonlySet<string> = new Set(['labels', 'entryIntoForce'])

/**
 * Lists whose codes are only ever added, never withdrawn or given another meaning, and that no
 * definition filters: the countries (ISO 3166-1 and the organisations that are Parties). A form
 * version uses their current release as long as it still has every code of the release the
 * version pins, so a Party or partner added later (the European Union) can be named in an older
 * form version; the frozen release still records what the version was published with.
 */
const APPEND_ONLY_LISTS: ReadonlySet<string> = new Set(['countries'])

/** One entry of a pinned release: its code and metadata, without labels. */
export type PinnedEntry = { code: string } & Record<string, unknown>

/** A code-list release as a frozen form version holds it. */
export interface PinnedCodeList {
	version: string
	date: string
	entries: PinnedEntry[]
}

/** The release of a list as a form version pins it. */
export function pinRelease(list: CodeList): PinnedCodeList {
	return {
		version: list.version,
		date: list.date,
		entries: list.entries.map(
			(entry) =>
				Object.fromEntries(
					Object.entries(entry).filter(([field]) => !UNPINNED_ENTRY_FIELDS.has(field)),
				) as PinnedEntry,
		),
	}
}

/** Every release in `pins` (one per list id and version; the first one found wins). */
export function collectReleases(
	pins: Iterable<Readonly<Record<string, PinnedCodeList>>>,
): Map<string, Map<string, PinnedCodeList>> {
	const releases = new Map<string, Map<string, PinnedCodeList>>()
	for (const lists of pins) {
		for (const [listId, release] of Object.entries(lists)) {
			let versions = releases.get(listId)
			if (!versions) releases.set(listId, (versions = new Map()))
			if (!versions.has(release.version)) versions.set(release.version, release)
		}
	}
	return releases
}

/**
 * Whether a form version pinning `release` uses the current list as it is: an append-only list
 * that still has every pinned code.
 */
export function currentServesRelease(
	listId: string,
	release: PinnedCodeList,
	current: CodeList | undefined,
): boolean {
	if (!current || !APPEND_ONLY_LISTS.has(listId)) return false
	const codes = new Set(current.entries.map((entry) => entry.code))
	return release.entries.every((entry) => codes.has(entry.code))
}

/**
 * A pinned release as a code list again: entries keep their pinned code and metadata and take
 * their unpinned fields (labels) from the current list, by code; a code the current list no
 * longer has is labelled with itself.
 */
export function restoreRelease(
	listId: string,
	release: PinnedCodeList,
	current: CodeList | undefined,
): CodeList {
	const currentByCode = new Map(current?.entries.map((entry) => [entry.code, entry]))
	return {
		id: listId,
		version: release.version,
		date: release.date,
		source: current?.source ?? '',
		entries: release.entries.map((entry) => {
			const now = currentByCode.get(entry.code) as Record<string, unknown> | undefined
			const unpinned = now
				? Object.fromEntries(
						Object.entries(now).filter(([field]) => UNPINNED_ENTRY_FIELDS.has(field)),
					)
				: { labels: { en: entry.code } }
			return { ...unpinned, ...entry } as unknown as CodeListEntry
		}),
	}
}
