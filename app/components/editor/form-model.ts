import { filterCodeList } from '#forms/codelists/index.ts'
import type { FormText } from '#forms/text-core.ts'
import type {
	Evaluation,
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

export function sectionOfQuestion(definition: FormDefinition, questionId: string) {
	return sectionsOf(definition).find((s) => s.questions.some((q) => q.id === questionId))?.sectionId
}

export function findQuestion(definition: FormDefinition, questionId: string) {
	for (const part of definition.parts) {
		for (const section of part.sections) {
			const question = section.questions.find((q) => q.id === questionId)
			if (question) return question
		}
	}
	return undefined
}

export type Option = { code: string; label: string }

/**
 * The options of a choice question or column, in the order the definition or code list gives,
 * labelled in the user's language. `textId` is the question id or `tableId.columnId`.
 */
export function optionsFor(
	item: Question | TableColumn,
	textId: string,
	text: FormText,
	ctx: FormContext,
): Option[] {
	switch (item.type) {
		case 'yes_no':
			return ['yes', 'no'].map((code) => ({ code, label: text.option('yes_no', code) }))
		case 'yes_no_status':
			return ['yes', 'no', 'not_applicable', 'under_development'].map((code) => ({
				code,
				label: text.option('yes_no_status', code),
			}))
		case 'country':
			return filterCodeList('countries', undefined).map((e) => ({
				code: e.code,
				label: text.option('countries', e.code),
			}))
		case 'chemical':
			return filterCodeList('sc-chemicals', item.filter, ctx).map((e) => ({
				code: e.code,
				label: text.option('sc-chemicals', e.code),
			}))
		case 'single_choice':
		case 'multiple_choice':
			if ('codeList' in item && item.codeList) {
				return filterCodeList(item.codeList, item.filter, ctx).map((e) => ({
					code: e.code,
					label: text.option(item.codeList, e.code),
				}))
			}
			return ('options' in item ? item.options : []).map((code) => ({
				code,
				label: text.option(textId, code),
			}))
		default:
			return []
	}
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
 * Issues per section (errors other than "required", warnings, missing required answers) with
 * completeness, rounded so that a keystroke which changes nothing visible yields an equal summary.
 */
export function summarizeProgress(
	definition: FormDefinition,
	evaluation: Evaluation,
): ProgressSummary {
	const sectionOf = new Map<string, string>()
	for (const s of sectionsOf(definition))
		for (const q of s.questions) sectionOf.set(q.id, s.sectionId)
	const summary: ProgressSummary = {
		percent: Math.round(evaluation.overall.completeness * 100),
		totals: { errors: 0, warnings: 0, missing: 0 },
		parts: {},
		sections: {},
	}
	for (const part of definition.parts) {
		summary.parts[part.id] = { visible: evaluation.parts[part.id]?.visible !== false }
		for (const section of part.sections) {
			const progress = evaluation.sections[section.id]
			summary.sections[section.id] = {
				visible: progress?.visible !== false,
				percent: Math.round((progress?.completeness ?? 0) * 100),
				counts: { errors: 0, warnings: 0, missing: 0 },
			}
		}
	}
	for (const issue of evaluation.issues) {
		const sectionId = sectionOf.get(issue.questionId)
		const section = sectionId ? summary.sections[sectionId] : undefined
		if (!section) continue
		const kind =
			issue.messageKey === 'required'
				? 'missing'
				: issue.severity === 'error'
					? 'errors'
					: 'warnings'
		section.counts[kind]++
		summary.totals[kind]++
	}
	return summary
}
