import { CHEMICAL_LIST_ID, COUNTRY_LIST_ID } from '#forms/codelists/ids.ts'
import type { CodeListPins } from '#forms/codelists/index.ts'
import type { CodeListSearchTerms, Searchable } from '#forms/codelists/search.ts'
import { percentOf } from '#forms/engine/progress.ts'
import type { FormText } from '#forms/text-core.ts'
import { YES_NO, YES_NO_STATUS } from '#forms/vocabulary.ts'
import type {
	CodeListFilter,
	Evaluation,
	Progress,
	FormContext,
	FormDefinition,
	Question,
	TableColumn,
} from '#forms/types.ts'

export type SectionRef = { partId: string; sectionId: string; questions: Question[] }

export function sectionsOf(definition: FormDefinition): SectionRef[] {
	return definition.parts.flatMap((part) =>
		part.sections.map((section) => ({
			partId: part.id,
			sectionId: section.id,
			questions: section.questions,
		})),
	)
}

/** An option of a choice; code-list options also carry what pickers search besides the label. */
export type Option = Searchable

/**
 * The options of a choice question or column, in the order the definition or code list gives
 * (countries by name), labelled in the user's language, with what pickers search them by
 * (`searchTerms`, sent by the server). `textId` is the question id or `tableId.columnId`; `pins`
 * are the definition's `codeLists` (the code-list releases the form version uses).
 */
export function optionsFor(
	item: Question | TableColumn,
	textId: string,
	text: FormText,
	ctx: FormContext,
	pins: CodeListPins,
	searchTerms: CodeListSearchTerms = {},
): Option[] {
	const fromList = (listId: string, filter?: CodeListFilter): Option[] =>
		ctx.codeLists.codes(listId, filter, ctx, pins).map((code) => ({
			code,
			label: text.option(listId, code),
			...searchTerms[listId]?.[code],
		}))
	switch (item.type) {
		case 'yes_no':
			return YES_NO.map((code) => ({ code, label: text.option('yes_no', code) }))
		case 'yes_no_status':
			return YES_NO_STATUS.map((code) => ({
				code,
				label: text.option('yes_no_status', code),
			}))
		case 'country':
			return alphabetical(fromList(COUNTRY_LIST_ID), text.lang)
		case 'chemical':
			return fromList(CHEMICAL_LIST_ID, item.filter)
		case 'single_choice':
		case 'multiple_choice':
			if ('codeList' in item && item.codeList) return fromList(item.codeList, item.filter)
			return ('options' in item ? item.options : []).map((code) => ({
				code,
				label: text.option(textId, code),
			}))
		default:
			return []
	}
}

/** Countries are listed by name in the user's language, not by code. */
function alphabetical(options: Option[], lang: string): Option[] {
	const collator = new Intl.Collator(lang, { sensitivity: 'base' })
	return options.sort((a, b) => collator.compare(a.label, b.label))
}

export function domId(...parts: (string | number | undefined)[]) {
	return parts
		.filter((p) => p !== undefined)
		.join('-')
		.replace(/[^A-Za-z0-9_-]/g, '_')
}

/**
 * Parses what someone typed into a number field: spaces, apostrophes and non-breaking spaces as
 * thousands separators; a comma as the decimal separator when there is no dot.
 */
export function parseNumber(raw: string, integer: boolean): number | null | 'invalid' {
	const trimmed = raw.trim()
	if (trimmed === '') return null
	let normalised = trimmed.replace(/[\s\u00a0\u202f']/g, '')
	if (!normalised.includes('.') && /^-?\d+,\d+$/.test(normalised))
		normalised = normalised.replace(',', '.')
	else normalised = normalised.replace(/,(?=\d{3}(\D|$))/g, '')
	if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(normalised)) return 'invalid'
	const value = Number(normalised)
	if (!Number.isFinite(value) || (integer && !Number.isInteger(value))) return 'invalid'
	return value
}

export type SectionCounts = { errors: number; warnings: number; missing: number }

/** What the navigation shows: visibility, completeness (whole percent) and issue counts. */
export type ProgressSummary = {
	percent: number
	totals: SectionCounts
	parts: Record<string, { visible: boolean }>
	sections: Record<string, { visible: boolean; percent: number; counts: SectionCounts }>
}

/**
 * The navigation's figures: completeness and counts as the engine defines them (`Progress`), so
 * the editor shows the same numbers as the checks page, the country home and the dashboards.
 */
export function summarizeProgress(
	definition: FormDefinition,
	evaluation: Evaluation,
): ProgressSummary {
	const counts = (progress: Progress | undefined): SectionCounts => ({
		errors: progress?.errors ?? 0,
		warnings: progress?.warnings ?? 0,
		missing: progress?.missing ?? 0,
	})
	const summary: ProgressSummary = {
		percent: percentOf(evaluation.overall),
		totals: counts(evaluation.overall),
		parts: {},
		sections: {},
	}
	for (const part of definition.parts) {
		summary.parts[part.id] = { visible: evaluation.parts[part.id]?.visible !== false }
		for (const section of part.sections) {
			const progress = evaluation.sections[section.id]
			summary.sections[section.id] = {
				visible: progress?.visible !== false,
				percent: progress ? percentOf(progress) : 0,
				counts: counts(progress),
			}
		}
	}
	return summary
}
