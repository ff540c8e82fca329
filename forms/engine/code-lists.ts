import { canonicalJson } from '../canonical.ts'
import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID } from '../codelists/ids.ts'
import type {
	CodeListFilter,
	CodeListSource,
	FormContext,
	FormDefinition,
	Question,
	TableColumn,
} from '../types.ts'
import { questionsOf } from '../question-index.ts'
import { contextKey } from './rows.ts'

/** A context as data, as a loader or a message to a worker thread carries it: no code lists. */
export type FormContextData = Omit<FormContext, 'codeLists'>

/** The context without its code-list source (see `FormContext.codeLists`). */
export function contextData(ctx: FormContext): FormContextData {
	const { codeLists: _source, ...data } = ctx
	return data
}

/** A code list as a definition reads it: through a filter, or whole. */
export interface CodeListReference {
	listId: string
	filter?: CodeListFilter
}

/** What names a reference in `ResolvedCodeLists.codes`: the list id, and its filter if any. */
export function codeListKey(listId: string, filter?: CodeListFilter): string {
	return filter ? `${listId} ${canonicalJson(filter)}` : listId
}

function referenceOf(item: Question | TableColumn): CodeListReference | undefined {
	switch (item.type) {
		case 'country':
			return { listId: COUNTRY_LIST_ID }
		case 'chemical':
			return { listId: CHEMICAL_LIST_ID, ...(item.filter ? { filter: item.filter } : {}) }
		case 'single_choice':
		case 'multiple_choice':
			return 'codeList' in item && item.codeList
				? { listId: item.codeList, ...(item.filter ? { filter: item.filter } : {}) }
				: undefined
		default:
			return undefined
	}
}

/**
 * Every code list a definition reads, once per filter: the options of its choices (questions and
 * table columns) and the code-list dimensions of its fixed tables.
 */
export function codeListReferences(def: FormDefinition): CodeListReference[] {
	const references = new Map<string, CodeListReference>()
	const add = (reference: CodeListReference | undefined) => {
		if (reference) references.set(codeListKey(reference.listId, reference.filter), reference)
	}
	for (const question of questionsOf(def)) {
		add(referenceOf(question))
		if (question.type !== 'table') continue
		for (const column of question.columns) add(referenceOf(column))
		if (question.rows.kind !== 'fixed') continue
		for (const dimension of question.rows.dimensions) {
			if ('codeList' in dimension)
				add({
					listId: dimension.codeList,
					...(dimension.filter ? { filter: dimension.filter } : {}),
				})
		}
	}
	return [...references.values()]
}

/**
 * The code lists one definition reads in one context, as the server resolved them for a page
 * (`resolveCodeLists`, `forms/codelists/source.ts`): plain data a loader can send.
 */
export interface ResolvedCodeLists {
	/** The `contextKey` of the context they were resolved for. */
	context: string
	/** The codes of each reference (`codeListKey`), in list order. */
	codes: Record<string, string[]>
	/** The first day each chemical's listing binds the Party; absent while it does not. */
	chemicalsInForceFrom: Record<string, string>
}

/**
 * The engine's code lists in the browser: what the page's loader resolved. Asked for another
 * context, or for a list the definition does not read, it throws (a programming error: the page
 * would otherwise check answers against lists it was never given).
 */
export function resolvedCodeListSource(resolved: ResolvedCodeLists): CodeListSource {
	const sameContext = (ctx: FormContext) => {
		if (contextKey(ctx) !== resolved.context)
			throw new Error(`Code lists resolved for ${resolved.context}, not ${contextKey(ctx)}`)
	}
	return {
		codes(listId, filter, ctx) {
			sameContext(ctx)
			const key = codeListKey(listId, filter)
			const codes = Object.hasOwn(resolved.codes, key) ? resolved.codes[key] : undefined
			if (!codes) throw new Error(`Code list ${key} was not resolved`)
			return codes
		},
		chemicalInForceFrom(chemicalCode, ctx) {
			sameContext(ctx)
			const from = resolved.chemicalsInForceFrom
			return Object.hasOwn(from, chemicalCode) ? from[chemicalCode]! : null
		},
	}
}
