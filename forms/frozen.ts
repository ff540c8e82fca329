/**
 * Frozen form versions (docs/decisions/011-published-form-versions-are-frozen.md).
 *
 * A form version is frozen into `forms/published/<formId>-v<version>.json` by
 * `npm run forms:publish`: the definition as its TypeScript builder produced it, plus the release
 * of every code list it declares in `codeLists`. The runtime serves that file, never the builder
 * (`forms/registry.ts`), so editing a shared builder cannot change a frozen version: a test
 * (`forms/frozen.test.ts`) fails instead.
 *
 * What a pinned code-list release holds: the list's version, date and every entry's code and
 * metadata, the facts definitions filter on and answers mean (annexes, listing decision and
 * amendment, Art. 15 statistics flag, unit factors, …). Not frozen:
 * - labels (names in the six languages): presentation, like the form texts in
 *   `forms/<form>/i18n/`; a better translation reaches every version;
 * - Party-specific facts evaluated at runtime from dated records: which Parties are bound by an
 *   amendment and from when (entry into force, opt-in ratifications, non-acceptances;
 *   `applicability.ts`, `amendments.ts`), so the generic `entryIntoForce` copied onto chemicals
 *   is left out.
 * The runtime reads a version's lists in the releases it pins (`codeListFor`), so a published
 * version keeps its codes when a list moves on; the countries, whose codes are only ever added,
 * are read in their current release as long as it has every pinned code.
 *
 * `sha256` is the SHA-256 of the canonical JSON (`forms/canonical.ts`) of `content`; it is stored
 * on every report and submission made with the version. `status` says whether the version may
 * still be re-frozen: a `draft` may (with `--replace-draft`), a `published` version never.
 */
import { getCodeList } from './codelists/index.ts'
import { collectReleases, pinRelease, type PinnedCodeList } from './codelists/pinned.ts'
import type { FormDefinition } from './types.ts'

export type { PinnedCodeList, PinnedEntry } from './codelists/pinned.ts'

/** Version of the frozen file format; part of the hashed content. */
export const FROZEN_FORMAT = 1

export type FrozenStatus = 'draft' | 'published'

/** What the hash covers. */
export interface FrozenContent {
	format: typeof FROZEN_FORMAT
	definition: FormDefinition
	/** Code-list id → the release the definition pins, for every list in `definition.codeLists`. */
	codeLists: Record<string, PinnedCodeList>
}

/** The content of `forms/published/<formId>-v<version>.json`. */
export interface FrozenForm {
	formId: string
	version: number
	status: FrozenStatus
	/** SHA-256 (hex) of the canonical JSON of `content`. */
	sha256: string
	content: FrozenContent
}

export function frozenFileName(formId: string, version: number): string {
	return `${formId}-v${version}.json`
}

/** Why a definition's code-list pins cannot be frozen. */
export class UnavailableReleaseError extends Error {}

/**
 * What freezing a definition built from TypeScript gives: the definition (as JSON holds it) and
 * the release of each declared code list. A pin names the current release of the list, or a
 * release one of the `frozen` versions already holds.
 */
export function frozenContent(
	definition: FormDefinition,
	frozen: readonly FrozenForm[] = [],
): FrozenContent {
	const archived = collectReleases(frozen.map((form) => form.content.codeLists))
	const codeLists: Record<string, PinnedCodeList> = {}
	for (const [listId, version] of Object.entries(definition.codeLists)) {
		const current = getCodeList(listId)
		const release =
			current?.version === version ? pinRelease(current) : archived.get(listId)?.get(version)
		if (!release) {
			throw new UnavailableReleaseError(
				`${definition.formId} v${definition.version} pins code list ${listId} ${version}, but the list is at ${current?.version ?? '(no such list)'} and no frozen version holds ${version}: pin the current release.`,
			)
		}
		codeLists[listId] = release
	}
	return {
		format: FROZEN_FORMAT,
		definition: JSON.parse(JSON.stringify(definition)) as FormDefinition,
		codeLists,
	}
}

/**
 * The first place two JSON values differ, as a path (`definition.parts[1].sections[0].id`), or
 * `undefined` when they are equal (member order and `undefined` members do not count).
 */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
	if (a === b) return undefined
	const at = path || '(whole)'
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return at
	if (Array.isArray(a) !== Array.isArray(b)) return at
	if (Array.isArray(a) && Array.isArray(b)) {
		for (let i = 0; i < Math.max(a.length, b.length); i++) {
			const found = firstDifference(a[i], b[i], `${path}[${i}]`)
			if (found) return found
		}
		return undefined
	}
	const left = a as Record<string, unknown>
	const right = b as Record<string, unknown>
	const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()
	for (const key of keys) {
		if (left[key] === undefined && right[key] === undefined) continue
		const found = firstDifference(left[key], right[key], path ? `${path}.${key}` : key)
		if (found) return found
	}
	return undefined
}
