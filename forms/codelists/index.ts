import type { CodeListFilter, FormContext, Literal } from '../types.ts'
import { isChemicalApplicable } from './applicability.ts'
import { CHEMICALS } from './chemicals.ts'
import { COUNTRIES } from './countries.ts'
import {
	DDT_APPLICATION_METHODS,
	DDT_DISEASES,
	DDT_LEGAL_MEASURES,
	DDT_VECTORS,
	INSECTICIDE_CLASSES,
} from './ddt.ts'
import { RELEASE_VECTORS, TOOLKIT_SOURCE_GROUPS } from './releases.ts'
import type { CodeList, CodeListEntry } from './types.ts'
import { UNITS } from './units.ts'

export type { CodeList, CodeListEntry, Labels } from './types.ts'
export type { ChemicalEntry, Annex } from './chemicals.ts'
export type { CountryEntry } from './countries.ts'
export type { UnitEntry } from './units.ts'
export type { Amendment, AmendmentId } from './amendments.ts'
export type { ApplicabilityOverride, Applicability } from './applicability.ts'
export { AMENDMENTS } from './amendments.ts'
export {
	APPLICABILITY_OVERRIDES,
	ART_25_4_DECLARATIONS,
	chemicalApplicability,
	isChemicalApplicable,
} from './applicability.ts'
export { CHEMICALS, getChemical } from './chemicals.ts'
export { COUNTRIES } from './countries.ts'
export { UNITS } from './units.ts'

/** The code list a chemical question/column uses. */
export const CHEMICAL_LIST_ID = CHEMICALS.id
/** The code list a country question/column uses. */
export const COUNTRY_LIST_ID = COUNTRIES.id

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
]
const byId = new Map(CODE_LISTS.map((list) => [list.id, list]))

export function getCodeList(id: string): CodeList | undefined {
	return byId.get(id)
}

export function listCodeLists(): readonly CodeList[] {
	return CODE_LISTS
}

/** The reference date for applicability: `ctx.asOf`, else the end of the reporting period. */
export function referenceDate(ctx: FormContext): string {
	return ctx.asOf ?? ctx.periodEnd
}

function matches(value: unknown, allowed: Literal | Literal[]): boolean {
	const allowedList: unknown[] = Array.isArray(allowed) ? allowed : [allowed]
	if (Array.isArray(value)) return value.some((item) => allowedList.includes(item))
	return allowedList.includes(value)
}

/**
 * Entries of a code list that pass a filter, in list order. `inForceForParty` needs a context;
 * without one it keeps every entry (used where no Party is known, e.g. definition checks).
 */
export function filterCodeList(
	listId: string,
	filter: CodeListFilter | undefined,
	ctx?: FormContext,
): CodeListEntry[] {
	const list = byId.get(listId)
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
		if (filter.inForceForParty && ctx && listId === CHEMICALS.id) {
			if (!isChemicalApplicable(entry.code, ctx.partyCode, referenceDate(ctx))) return false
		}
		return true
	})
}
