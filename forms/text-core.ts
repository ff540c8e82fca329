/**
 * Core of the text resolver, without the form registry, so a browser bundle can resolve texts
 * passed down from a loader without importing every definition. On the server and in exports,
 * use `formText` from `forms/text.ts`, which reads the registered language files.
 *
 * Definitions carry no label strings: texts live in `forms/<form>/i18n/<lang>.json` (keyed by
 * stable ids) and `forms/i18n/<lang>.json` (engine messages, yes/no options, markers, contact
 * fields). A text missing in the requested language falls back to English, then to the id.
 */
import commonEn from './i18n/en.json' with { type: 'json' }
import type { FormDefinition, Issue, Language, Marker, Question, TableColumn } from './types.ts'

/** Texts of one item (part, section, question, column, contact field). */
export interface ItemTexts {
	label?: string
	help?: string
	/** Inline option code → label. */
	options?: Record<string, string>
	/** Table column id → texts. */
	columns?: Record<string, ItemTexts>
	/** Contact field id → texts (falls back to the engine's common field labels). */
	fields?: Record<string, ItemTexts>
}

/**
 * One language file of a form (`forms/<form>/i18n/<lang>.json`), keyed by stable ids: parts and
 * sections by id, questions by `textKey ?? id`, columns and inline options nested in their
 * question, and rule messages by message key. Interpolation: `{{param}}`.
 */
export interface FormTexts {
	/**
	 * The state of a translation: `draft` for texts no translator has reviewed against the official
	 * wording (every language but English starts as one), `reviewed` once one has. Absent: not
	 * recorded. Not user-facing by itself.
	 */
	translation?: { status: string; note?: string }
	form?: { title?: string; description?: string }
	/** Names of the form's variants (`FormDefinition.variants`), by variant id. */
	variants?: Record<string, string>
	parts?: Record<string, ItemTexts>
	sections?: Record<string, ItemTexts>
	questions?: Record<string, ItemTexts>
	messages?: Record<string, string>
}

/** The engine's own texts (`forms/i18n/<lang>.json`): structural messages, shared options, contact fields. */
export interface CommonTexts {
	messages: Record<string, string>
	options: Record<string, Record<string, string>>
	fields: Record<string, string>
}

/** The engine's own texts per language (structural messages, shared options, contact fields). */
/** The engine's own English texts (the fallback); other languages arrive through `TextExtras`. */
export const COMMON_EN: CommonTexts = commonEn

/**
 * Texts that do not travel with a form's language files: the engine's texts in the requested
 * language and the labels of code-list entries in it. The server has them all; a page gets those
 * of its language (and the labels of the code lists its form reads) from its loader, so the
 * browser bundle carries neither the code lists nor texts other than the engine's English ones.
 */
export interface TextExtras {
	common?: CommonTexts
	/**
	 * Code-list id → entry code → label in the requested language (English where it has none:
	 * `codeListLabelsIn`, `forms/codelists/labels.ts`). An entry without a label reads as its code.
	 */
	codeListLabels?: Record<string, Record<string, string>>
}

export interface FormText {
	lang: Language
	title(): string
	description(): string | undefined
	/** Name of one of the form's variants (e.g. "Short report"); the id when it has none. */
	variant(id: string): string
	/**
	 * Label of a question (`id`), a table column (`tableId.columnId`), a contact field
	 * (`contactId.fieldId`), a section or a part.
	 */
	label(id: string): string
	/** Help text of the same kinds of ids, if any. */
	help(id: string): string | undefined
	/**
	 * Label of an option code. `listOrQuestionId` is a code-list id (e.g. `sc-chemicals`), a
	 * question id, a column (`tableId.columnId`), or `yes_no`, `yes_no_status`, `markers`, `checkbox`.
	 */
	option(listOrQuestionId: string, code: string): string
	/** Title of a section or part. */
	section(id: string): string
	marker(marker: Marker): string
	/** Label of a unit code from the `units` code list. */
	unit(code: string): string
	/** The issue's message with its params interpolated (groups of aggregate rules labelled). */
	message(issue: Issue): string
}

type Item = { kind: 'question'; question: Question } | { kind: 'section' } | { kind: 'part' }

interface Index {
	items: Map<string, Item>
	groupColumns: Map<string, { table: string; columns: string[] }>
}

const indexCache = new WeakMap<FormDefinition, Index>()

function indexOf(def: FormDefinition): Index {
	let index = indexCache.get(def)
	if (index) return index
	const items = new Map<string, Item>()
	for (const part of def.parts) {
		items.set(part.id, { kind: 'part' })
		for (const section of part.sections) {
			items.set(section.id, { kind: 'section' })
			for (const question of section.questions)
				items.set(question.id, { kind: 'question', question })
		}
	}
	const groupColumns = new Map<string, { table: string; columns: string[] }>()
	for (const rule of def.rules) {
		if (rule.kind === 'aggregate') {
			groupColumns.set(rule.id, { table: rule.source.table, columns: rule.source.groupBy })
		}
	}
	index = { items, groupColumns }
	indexCache.set(def, index)
	return index
}

/** `{{param}}` in a text replaced by its value (form texts and exported documents' own words). */
export function interpolate(
	template: string,
	params: Record<string, string | number> | undefined,
): string {
	if (!params) return template
	return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
		params[name] === undefined ? whole : String(params[name]),
	)
}

const COMMON_OPTION_SETS = new Set(['yes_no', 'yes_no_status', 'markers', 'checkbox'])

/**
 * Text accessors for a definition in a language, from the given language files of the form
 * (at least English, the fallback, and the requested language).
 */
export function formTextFrom(
	def: FormDefinition,
	lang: Language,
	texts: Partial<Record<Language, FormTexts>>,
	extras: TextExtras = {},
): FormText {
	const index = indexOf(def)
	const codeListLabels = extras.codeListLabels ?? {}
	const commonOf = (language: Language) => (language === 'en' ? COMMON_EN : extras.common)
	const languages: Language[] = lang === 'en' ? ['en'] : [lang, 'en']

	/** First non-empty value a reader returns across the requested language and English. */
	const pick = <T>(
		read: (formLangTexts: FormTexts | undefined, common: CommonTexts | undefined) => T | undefined,
	) => {
		for (const language of languages) {
			const value = read(texts[language], commonOf(language))
			if (value !== undefined && value !== '') return value
		}
		return undefined
	}

	const questionKey = (question: Question) => question.textKey ?? question.id
	const columnOf = (question: Question, columnId: string): TableColumn | undefined =>
		question.type === 'table'
			? question.columns.find((column) => column.id === columnId)
			: undefined

	/** Texts of an id in one language file. */
	const itemTexts = (t: FormTexts | undefined, id: string): ItemTexts | undefined => {
		if (!t) return undefined
		const [head, sub] = id.split('.', 2) as [string, string | undefined]
		const item = index.items.get(head)
		if (!item) return undefined
		if (item.kind === 'part') return sub ? undefined : t.parts?.[head]
		if (item.kind === 'section') return sub ? undefined : t.sections?.[head]
		const questionTexts = t.questions?.[questionKey(item.question)]
		if (sub === undefined) return questionTexts
		if (item.question.type === 'table') {
			const column = columnOf(item.question, sub)
			return column ? questionTexts?.columns?.[column.textKey ?? column.id] : undefined
		}
		if (item.question.type === 'contact') return questionTexts?.fields?.[sub]
		return undefined
	}

	const commonFieldLabel = (id: string, common: CommonTexts | undefined) => {
		const [head, sub] = id.split('.', 2) as [string, string | undefined]
		const item = index.items.get(head)
		if (sub && item?.kind === 'question' && item.question.type === 'contact')
			return common?.fields[sub]
		return undefined
	}

	const codeListLabel = (listId: string, code: string): string | undefined =>
		codeListLabels[listId]?.[code]

	const option = (listOrQuestionId: string, code: string): string => {
		if (COMMON_OPTION_SETS.has(listOrQuestionId)) {
			return pick((_t, common) => common?.options[listOrQuestionId]?.[code]) ?? code
		}
		const [head, sub] = listOrQuestionId.split('.', 2) as [string, string | undefined]
		const item = index.items.get(head)
		if (item?.kind !== 'question') return codeListLabel(listOrQuestionId, code) ?? code
		const target: Question | TableColumn | undefined = sub
			? columnOf(item.question, sub)
			: item.question
		if (!target) return code
		switch (target.type) {
			case 'yes_no':
			case 'yes_no_status':
				return option(target.type, code)
			case 'checkbox':
				return option('checkbox', code)
			case 'country':
				return codeListLabel('countries', code) ?? code
			case 'chemical':
				return codeListLabel('sc-chemicals', code) ?? code
			case 'single_choice':
			case 'multiple_choice':
				if ('codeList' in target && target.codeList)
					return codeListLabel(target.codeList, code) ?? code
				return pick((t) => itemTexts(t, listOrQuestionId)?.options?.[code]) ?? code
			default:
				return code
		}
	}

	const text: FormText = {
		lang,
		title: () => pick((t) => t?.form?.title) ?? def.formId,
		description: () => pick((t) => t?.form?.description),
		variant: (id) => pick((t) => t?.variants?.[id]) ?? id,
		label: (id) =>
			pick((t, common) => itemTexts(t, id)?.label ?? commonFieldLabel(id, common)) ?? id,
		help: (id) => pick((t) => itemTexts(t, id)?.help),
		option,
		section: (id) => pick((t) => itemTexts(t, id)?.label) ?? id,
		marker: (marker) => option('markers', marker),
		unit: (code) => codeListLabel('units', code) ?? code,
		message: (issue) => {
			const template =
				pick(
					(t, common) => t?.messages?.[issue.messageKey] ?? common?.messages[issue.messageKey],
				) ?? issue.messageKey
			let params = issue.params
			if (params) {
				params = { ...params }
				if (typeof params.marker === 'string') params.marker = text.marker(params.marker as Marker)
				const grouping = issue.ruleId ? index.groupColumns.get(issue.ruleId) : undefined
				if (grouping && typeof params.group === 'string') {
					const codes = params.group.split('|')
					params.group = grouping.columns
						.map((column, i) => option(`${grouping.table}.${column}`, codes[i] ?? ''))
						.join(', ')
				}
			}
			return interpolate(template, params)
		},
	}
	return text
}
