import {
	codeListReferences,
	codeListKey,
	type FormContextData,
	type ResolvedCodeLists,
} from '../engine/code-lists.ts'
import { contextKey } from '../engine/rows.ts'
import type { CodeListSource, FormContext, FormDefinition, Language } from '../types.ts'
import { CODE_LIST_ALIASES } from './aliases.ts'
import { chemicalApplicability } from './applicability.ts'
import { CHEMICALS } from './chemicals.ts'
import { codeListFor, filterCodeList } from './index.ts'
import { codeListLabelsIn, type CodeListLabels } from './labels.ts'
import { searchTermsOf, type CodeListAliases, type CodeListSearchTerms } from './search.ts'
import { UNITS } from './units.ts'

/**
 * The engine's code lists from the registry: the server, exports, scripts and tests read them
 * this way; a page's browser code reads what `resolveCodeLists` made of them.
 */
export const registeredCodeLists: CodeListSource = {
	codes: (listId, filter, ctx, pins) =>
		filterCodeList(listId, filter, ctx, pins).map((entry) => entry.code),
	chemicalInForceFrom: (chemicalCode, ctx) =>
		chemicalApplicability(chemicalCode, ctx.partyCode, ctx.depositaryRecord)?.inForceFrom ?? null,
}

/** A context received as data (`contextData`) where the registry is at hand: a worker thread. */
export function withRegisteredCodeLists(data: FormContextData): FormContext {
	return { ...data, codeLists: registeredCodeLists }
}

/** What a definition's code lists give in a context, for a page to send to the browser. */
export function resolveCodeLists(def: FormDefinition, ctx: FormContext): ResolvedCodeLists {
	const codes: Record<string, string[]> = {}
	for (const { listId, filter } of codeListReferences(def))
		codes[codeListKey(listId, filter)] = [
			...ctx.codeLists.codes(listId, filter, ctx, def.codeLists),
		]
	const chemicalsInForceFrom: Record<string, string> = {}
	for (const { code } of CHEMICALS.entries) {
		const from = ctx.codeLists.chemicalInForceFrom(code, ctx)
		if (from !== null) chemicalsInForceFrom[code] = from
	}
	return { context: contextKey(ctx), codes, chemicalsInForceFrom }
}

/**
 * What pickers search the entries of the code lists a definition reads by, besides their label in
 * `lang` (`searchTermsOf`: the English name, other codes, CAS numbers and `aliases`), from the
 * releases the definition pins. A name equal to the label is left out: the label is searched first.
 */
export function codeListSearchTerms(
	def: FormDefinition,
	lang: Language,
	aliases: CodeListAliases = CODE_LIST_ALIASES,
): CodeListSearchTerms {
	const labels = codeListLabelsIn(lang)
	const terms: CodeListSearchTerms = {}
	for (const { listId } of codeListReferences(def)) {
		if (terms[listId]) continue
		terms[listId] = Object.fromEntries(
			(codeListFor(listId, def.codeLists)?.entries ?? []).map((entry) => {
				const { codes, keywords } = searchTermsOf(listId, entry, aliases)
				const label = labels[listId]?.[entry.code]
				return [
					entry.code,
					{
						...(codes ? { codes } : {}),
						...(keywords ? { keywords: keywords.filter((name) => name !== label) } : {}),
					},
				]
			}),
		)
	}
	return terms
}

/**
 * The labels in a language of the entries of the code lists a definition reads, and of the units
 * (`TextExtras.codeListLabels` for a page that shows the form).
 */
export function codeListLabelsOf(def: FormDefinition, lang: Language): CodeListLabels {
	const all = codeListLabelsIn(lang)
	const ids = new Set([UNITS.id, ...codeListReferences(def).map((reference) => reference.listId)])
	return Object.fromEntries([...ids].flatMap((id) => (all[id] ? [[id, all[id]]] : [])))
}
