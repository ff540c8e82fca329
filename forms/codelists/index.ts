import heldReleases from '../published/code-list-releases.json' with { type: 'json' }
import type { CodeListFilter, FormContext, Literal } from '../types.ts'
import { isChemicalInForce } from './applicability.ts'
import {
	BASEL_ANNEX_LISTS,
	BASEL_DISPOSAL_OPERATIONS,
	BASEL_HAZARDS,
	BASEL_RECOVERY_OPERATIONS,
	BASEL_WASTE_CATEGORIES,
} from './basel.ts'
import { CHEMICALS } from './chemicals.ts'
import { COUNTRIES } from './countries.ts'
import { CHEMICAL_LIST_ID } from './ids.ts'
import {
	DDT_APPLICATION_METHODS,
	DDT_DISEASES,
	DDT_LEGAL_MEASURES,
	DDT_VECTORS,
	INSECTICIDE_CLASSES,
} from './ddt.ts'
import { ROTTERDAM_ANNEX_III } from './rotterdam.ts'
import { EMISSION_SOURCES, MERCURY_PROCESSES, MERCURY_PRODUCTS } from './minamata.ts'
import { currentServesRelease, restoreRelease, type PinnedCodeList } from './pinned.ts'
import { RELEASE_VECTORS, TOOLKIT_SOURCE_GROUPS } from './releases.ts'
import type { CodeList, CodeListEntry } from './types.ts'
import { UNITS } from './units.ts'

export type { CodeList, CodeListEntry, Labels } from './types.ts'
export type { ChemicalEntry, Annex, LaterChange } from './chemicals.ts'
export type { CountryEntry } from './countries.ts'
export type { UnitDimension, UnitEntry } from './units.ts'
export type { AnnexListEntry, HazardEntry, OperationEntry, WasteCategoryEntry } from './basel.ts'
export type { AnnexIIICategory, AnnexIIIEntry } from './rotterdam.ts'
export type { MercuryProcessEntry, MercuryProductEntry } from './minamata.ts'
export type { Amendment, AmendmentId, Communication } from './amendments.ts'
export type {
	Applicability,
	ApplicabilityBasis,
	AmendmentStatus,
	DepositaryEventKind,
	DepositaryRecord,
	DepositaryRelease,
	LaterChangeStatus,
} from './applicability.ts'
export type { RecordedEvent } from './depositary-events.ts'
export { AMENDMENTS, ANNEX_AMENDMENT_IDS, isAmendmentId } from './amendments.ts'
export { depositaryRecordKey } from './depositary-record-key.ts'
export {
	BUILT_IN_DEPOSITARY_RECORD,
	DEPOSITARY_EVENT_KINDS,
	DEPOSITARY_RECORD_LIST_ID,
	amendmentEntryIntoForce,
	amendmentStatus,
	chemicalApplicability,
	depositaryRecordFor,
	depositaryRecordWith,
	isChemicalInForce,
	isOptInParty,
	laterChangesFor,
} from './applicability.ts'
export { CHEMICALS, getChemical } from './chemicals.ts'
export { COUNTRIES } from './countries.ts'
export { exactOption, normaliseForSearch, searchOptions, searchTermsOf } from './search.ts'
export type { CodeListAliases, Searchable } from './search.ts'
export { convertQuantity, UNITS } from './units.ts'

export { CHEMICAL_LIST_ID, COUNTRY_LIST_ID } from './ids.ts'

/** Explicit registry of all code lists (no registration by import side effect). */
const CODE_LISTS: readonly CodeList[] = [
	CHEMICALS,
	COUNTRIES,
	UNITS,
	DDT_DISEASES,
	DDT_VECTORS,
	DDT_APPLICATION_METHODS,
	INSECTICIDE_CLASSES,
	DDT_LEGAL_MEASURES,
	TOOLKIT_SOURCE_GROUPS,
	RELEASE_VECTORS,
	BASEL_WASTE_CATEGORIES,
	BASEL_HAZARDS,
	BASEL_DISPOSAL_OPERATIONS,
	BASEL_RECOVERY_OPERATIONS,
	BASEL_ANNEX_LISTS,
	ROTTERDAM_ANNEX_III,
	MERCURY_PRODUCTS,
	MERCURY_PROCESSES,
	EMISSION_SOURCES,
]
const byId = new Map(CODE_LISTS.map((list) => [list.id, list]))

export function getCodeList(id: string): CodeList | undefined {
	return byId.get(id)
}

export function listCodeLists(): readonly CodeList[] {
	return CODE_LISTS
}

/** A form version's pins: code-list id → release version (`FormDefinition.codeLists`). */
export type CodeListPins = Readonly<Record<string, string>>

let archive: Map<string, Map<string, CodeList>> | undefined

/**
 * Releases held by frozen form versions (`forms/published/code-list-releases.json`, written by
 * `npm run forms:publish`) that are no longer the current release of their list (or the current
 * list itself, when it serves them: see `currentServesRelease`).
 */
function archivedRelease(listId: string, version: string): CodeList | undefined {
	if (!archive) {
		archive = new Map()
		const held = heldReleases as unknown as Record<string, Record<string, PinnedCodeList>>
		for (const [id, releases] of Object.entries(held)) {
			const current = byId.get(id)
			const restored = new Map<string, CodeList>()
			for (const [release, pinned] of Object.entries(releases)) {
				if (release === current?.version) continue
				restored.set(
					release,
					currentServesRelease(id, pinned, current)
						? current!
						: restoreRelease(id, pinned, current),
				)
			}
			archive.set(id, restored)
		}
	}
	return archive.get(listId)?.get(version)
}

/**
 * The release of a code list a form version uses: the one its `pins` name (the current list, or
 * a release a frozen version holds, with today's labels), so a published version keeps its codes
 * and their metadata when the list moves on; for the countries, the current list while it still
 * has every code of the pinned release. Without a pin: the current list.
 */
export function codeListFor(listId: string, pins?: CodeListPins): CodeList | undefined {
	const current = byId.get(listId)
	const version = pins?.[listId]
	if (version === undefined || version === current?.version) return current
	return archivedRelease(listId, version) ?? current
}

function matches(value: unknown, allowed: Literal | Literal[]): boolean {
	const allowedList: unknown[] = Array.isArray(allowed) ? allowed : [allowed]
	if (Array.isArray(value)) return value.some((item) => allowedList.includes(item))
	return allowedList.includes(value)
}

/**
 * Entries of a code list (the release `pins` name, see `codeListFor`) that pass a filter, in list
 * order. `inForceForParty` needs a context; without one it keeps every entry (used where no Party
 * is known, e.g. definition checks).
 */
export function filterCodeList(
	listId: string,
	filter: CodeListFilter | undefined,
	ctx?: FormContext,
	pins?: CodeListPins,
): CodeListEntry[] {
	const list = codeListFor(listId, pins)
	if (!list) return []
	if (!filter) return list.entries
	return list.entries.filter((entry) => {
		const meta = entry as unknown as Record<string, unknown>
		if (filter.where) {
			for (const [field, allowed] of Object.entries(filter.where)) {
				if (!matches(meta[field], allowed)) return false
			}
		}
		if (filter.adoptedOnOrBefore) {
			const adoptedOn = meta.adoptedOn
			if (typeof adoptedOn === 'string' && adoptedOn > filter.adoptedOnOrBefore) return false
		}
		// In force for the Party on some day of the period; years before it are left out by the
		// year dimension (`yearsInForce`).
		if (filter.inForceForParty && ctx && listId === CHEMICAL_LIST_ID) {
			if (!isChemicalInForce(entry.code, ctx.partyCode, ctx.periodEnd, ctx.depositaryRecord))
				return false
		}
		return true
	})
}
