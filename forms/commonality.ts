/**
 * The commonality analysis the Parties asked for ("analyse commonalities of reporting content,
 * format and timing", BRS ad hoc joint working group, 2007; forms-content §6), computed from the
 * served definitions and the concept registry (`forms/concepts.ts`), never from hand-written
 * tables. Pure: definitions, cycles and Party memberships are passed in; nothing here reads a
 * database or the clock, and nothing names a form: a form added to `forms/registry.ts` appears
 * in every part of the analysis.
 *
 * - **Content** (`contentAnalysis`): concepts × forms, each cell the items (questions, or table
 *   columns that carry their own concept) with their texts in a language; per form the share of
 *   its questions that another convention's form also asks; the concepts asked by 3+ conventions.
 * - **Format** (`formatAnalysis`): per concept asked by two forms or more, how each form asks it
 *   (question types, units, code lists, partner-country roles, period) and which of these differ.
 * - **Timing** (`timingCalendar`, `partyTiming`): cycles and deadlines across conventions, the
 *   cycles not yet seeded projected from each form's cadence, and per Party the years with several
 *   reports due and deadlines closer than `CLOSE_DEADLINE_DAYS`.
 *
 * The parts that read what Parties submitted, data consistency and burden, are computed by
 * `forms/reuse/party-analysis.ts` and carried in `CommonalityAnalysis` when the server loads them.
 */
import { convertQuantity } from './codelists/units.ts'
import type { BurdenEstimate, ConsistencyFinding } from './reuse/party-analysis.ts'
import { listConcepts, type Concept } from './concepts.ts'
import { questionsOf } from './question-index.ts'
import {
	formVersionIdentity,
	getFormDefinition,
	latestVersion,
	listFormDefinitions,
	listFormIds,
} from './registry.ts'
import { formText, type FormText } from './text.ts'
import type {
	Convention,
	FormDefinition,
	Language,
	Question,
	TableColumn,
	TableQuestion,
} from './types.ts'

// ---------------------------------------------------------------------------------------------
// Items: where each form asks each concept
// ---------------------------------------------------------------------------------------------

/** A question, or a table column whose concept differs from its table's, that names a concept. */
export interface ConceptItem {
	concept: string
	questionId: string
	/** Set for a column: `itemId` is then `questionId.columnId`. */
	columnId?: string
	itemId: string
	/** The question's type, or the column's. */
	type: string
	/** Unit codes of the item's quantities (its own unit; a table's numeric columns of the concept). */
	units: string[]
	/** Code lists the item classifies its answers by (choices, chemicals, fixed-row dimensions). */
	codeLists: string[]
	/** Roles of its partner-country columns. */
	partners: PartnerRole[]
	/** The item's answers are given per calendar year (a year column or year rows). */
	perYear: boolean
}

export type PartnerRole = 'destination' | 'origin' | 'transit' | 'partner'

/** Lists the partner countries are taken from: not a classification of what is reported. */
const NOT_CLASSIFICATIONS = new Set(['countries', 'units'])
/** Code list of the `chemical` question type (the engine's chemical list). */
const CHEMICAL_LIST = 'sc-chemicals'

function unitOf(item: Question | TableColumn): string | undefined {
	return 'unit' in item && typeof item.unit === 'string' ? item.unit : undefined
}

function codeListsOf(item: Question | TableColumn): string[] {
	if (item.type === 'chemical') return [CHEMICAL_LIST]
	if ('codeList' in item && typeof item.codeList === 'string') return [item.codeList]
	return []
}

/**
 * The role of a partner-country column. Column ids name transit countries `transit…`; any other
 * country column of a trade concept takes the concept's direction (exports: destination, imports:
 * origin), read from the concept id (`….EXPORT.…`, `….IMPORT.…`) so a new trade concept needs no
 * code here.
 */
function partnerRole(column: TableColumn, concept: string): PartnerRole {
	if (column.id.includes('transit')) return 'transit'
	if (column.id.includes('destination') || column.id.includes('importing')) return 'destination'
	if (column.id.includes('origin') || column.id.includes('exporting')) return 'origin'
	if (concept.includes('.EXPORT.')) return 'destination'
	if (concept.includes('.IMPORT.')) return 'origin'
	return 'partner'
}

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)]

function tableItem(table: TableQuestion, concept: string): ConceptItem {
	const own = table.columns.filter((column) => !column.concept || column.concept === concept)
	const dimensionLists = table.rows.kind === 'fixed' ? table.rows.dimensions : []
	return {
		concept,
		questionId: table.id,
		itemId: table.id,
		type: table.type,
		units: unique(own.flatMap((column) => unitOf(column) ?? [])),
		codeLists: unique([
			...table.columns.flatMap(codeListsOf),
			...dimensionLists.flatMap((d) => ('codeList' in d ? [d.codeList] : [])),
		]).filter((list) => !NOT_CLASSIFICATIONS.has(list)),
		partners: unique(
			table.columns
				.filter((column) => column.type === 'country')
				.map((column) => partnerRole(column, concept)),
		),
		perYear:
			table.columns.some((column) => column.type === 'year') ||
			dimensionLists.some((d) => 'periodYears' in d),
	}
}

function columnItem(table: TableQuestion, column: TableColumn, concept: string): ConceptItem {
	const inTable = tableItem(table, concept)
	return {
		...inTable,
		columnId: column.id,
		itemId: `${table.id}.${column.id}`,
		type: column.type,
		units: unique([unitOf(column)].filter((unit): unit is string => unit !== undefined)),
		codeLists: unique([...codeListsOf(column), ...inTable.codeLists]).filter(
			(list) => !NOT_CLASSIFICATIONS.has(list),
		),
	}
}

/** Every item of a definition that names a concept, in form order. */
export function conceptItemsOf(def: FormDefinition): ConceptItem[] {
	const items: ConceptItem[] = []
	for (const question of questionsOf(def)) {
		if (question.type === 'table') {
			if (question.concept) items.push(tableItem(question, question.concept))
			for (const column of question.columns) {
				if (column.concept && column.concept !== question.concept)
					items.push(columnItem(question, column, column.concept))
			}
			continue
		}
		if (!question.concept) continue
		items.push({
			concept: question.concept,
			questionId: question.id,
			itemId: question.id,
			type: question.type,
			units: unique([unitOf(question)].filter((unit): unit is string => unit !== undefined)),
			codeLists: codeListsOf(question).filter((list) => !NOT_CLASSIFICATIONS.has(list)),
			partners: [],
			perYear: question.type === 'year',
		})
	}
	return items
}

/** The concepts a question carries: its own and its columns'. */
function conceptsOfQuestion(question: Question): string[] {
	const own = question.concept ? [question.concept] : []
	if (question.type !== 'table') return own
	return unique([...own, ...question.columns.flatMap((column) => column.concept ?? [])])
}

// ---------------------------------------------------------------------------------------------
// Coverage (npm run forms:check)
// ---------------------------------------------------------------------------------------------

export interface ConceptCoverage {
	/** Per definition: questions with no concept (their own or a column's), and quantity columns without one. */
	unmapped: { formId: string; version: number; questions: string[]; columns: string[] }[]
	/** Registry concepts no given definition uses. */
	unused: string[]
}

/**
 * Which questions name no concept, and which concepts no form uses. Attachments are left out (a
 * file is evidence, not an answer to compare). A quantity column (with a unit) of a table without
 * a concept is listed too: it is what consistency checks would compare.
 */
export function conceptCoverage(definitions: readonly FormDefinition[]): ConceptCoverage {
	const used = new Set<string>()
	const unmapped = definitions.map((def) => {
		const questions: string[] = []
		const columns: string[] = []
		for (const question of questionsOf(def)) {
			const concepts = conceptsOfQuestion(question)
			concepts.forEach((concept) => used.add(concept))
			if (concepts.length === 0 && question.type !== 'attachment') questions.push(question.id)
			if (question.type === 'table' && !question.concept) {
				for (const column of question.columns)
					if (!column.concept && unitOf(column)) columns.push(`${question.id}.${column.id}`)
			}
		}
		return { formId: def.formId, version: def.version, questions, columns }
	})
	const unused = listConcepts()
		.map((concept) => concept.id)
		.filter((id) => !used.has(id))
	return { unmapped, unused }
}

// ---------------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------------

/** A form as the analysis compares it: one version of it (usually its latest), with its status. */
export interface AnalysedForm {
	definition: FormDefinition
	status: 'published' | 'draft'
}

export interface FormColumn {
	formId: string
	version: number
	convention: Convention
	status: 'published' | 'draft'
	title: string
}

export interface MatrixItem {
	itemId: string
	text: string
}

export interface MatrixRow {
	concept: Concept
	/** Items per form id; a form that does not ask the concept has no key. */
	cells: Record<string, MatrixItem[]>
	/** Conventions whose forms ask the concept. */
	conventions: Convention[]
}

export interface FormShare {
	formId: string
	/** Questions of the form (attachments left out). */
	questions: number
	/** Of those, questions whose concept a form of another convention also asks. */
	shared: number
	/** `shared / questions`, 0 for a form without questions. */
	share: number
}

export interface ContentAnalysis {
	forms: FormColumn[]
	rows: MatrixRow[]
	shares: FormShare[]
	/** Concepts asked by forms of three conventions or more. */
	widelyShared: string[]
}

function itemText(text: FormText, item: ConceptItem): string {
	if (!item.columnId) return text.label(item.questionId)
	return `${text.label(item.questionId)}: ${text.label(item.itemId)}`
}

function formShare(def: FormDefinition, rows: readonly MatrixRow[]): FormShare {
	const conventionsOf = new Map(rows.map((row) => [row.concept.id, row.conventions]))
	const questions = questionsOf(def).filter((question) => question.type !== 'attachment')
	const shared = questions.filter((question) =>
		conceptsOfQuestion(question).some((concept) =>
			(conventionsOf.get(concept) ?? []).some((convention) => convention !== def.convention),
		),
	).length
	return {
		formId: def.formId,
		questions: questions.length,
		shared,
		share: questions.length === 0 ? 0 : shared / questions.length,
	}
}

/** The content part: the concept × form matrix in `lang`, the shares, the widely shared concepts. */
export function contentAnalysis(forms: readonly AnalysedForm[], lang: Language): ContentAnalysis {
	const columns = forms.map(({ definition, status }) => ({
		formId: definition.formId,
		version: definition.version,
		convention: definition.convention,
		status,
		title: formText(definition, lang).title(),
	}))
	const cells = new Map<string, Record<string, MatrixItem[]>>()
	for (const { definition } of forms) {
		const text = formText(definition, lang)
		for (const item of conceptItemsOf(definition)) {
			const row = cells.get(item.concept) ?? {}
			;(row[definition.formId] ??= []).push({ itemId: item.itemId, text: itemText(text, item) })
			cells.set(item.concept, row)
		}
	}
	const conventionOf = new Map(columns.map((column) => [column.formId, column.convention]))
	const rows = listConcepts().map((concept) => {
		const row = cells.get(concept.id) ?? {}
		const conventions = unique(Object.keys(row).map((formId) => conventionOf.get(formId)!))
		return { concept, cells: row, conventions }
	})
	return {
		forms: columns,
		rows,
		shares: forms.map(({ definition }) => formShare(definition, rows)),
		widelyShared: rows.filter((row) => row.conventions.length >= 3).map((row) => row.concept.id),
	}
}

// ---------------------------------------------------------------------------------------------
// Format
// ---------------------------------------------------------------------------------------------

export type FormatDimension = 'questionType' | 'unit' | 'classification' | 'partner' | 'period'
export const FORMAT_DIMENSIONS: readonly FormatDimension[] = [
	'questionType',
	'unit',
	'classification',
	'partner',
	'period',
]

/** The time an answer covers: each calendar year, or the whole window of `years` years. */
export interface FormatPeriod {
	kind: 'calendar-year' | 'window'
	years: number
	rule: string
}

export interface FormatCell {
	formId: string
	convention: Convention
	questionTypes: string[]
	units: string[]
	codeLists: string[]
	partners: PartnerRole[]
	period: FormatPeriod
}

/** Whether two units of one concept convert (same dimension, `convertQuantity`) and by what factor. */
export interface UnitComparison {
	from: string
	to: string
	/** `value in from × factor = value in to`; absent when the units measure different things. */
	factor?: number
}

export interface FormatRow {
	conceptId: string
	/** Asked by forms of more than one convention (not only by two forms of one convention). */
	crossConvention: boolean
	cells: FormatCell[]
	differences: FormatDimension[]
	units: UnitComparison[]
}

function formatCell(def: FormDefinition, items: readonly ConceptItem[]): FormatCell {
	const span = def.reportingPeriod.endYear - def.reportingPeriod.startYear + 1
	const perYear = span === 1 || items.some((item) => item.perYear)
	return {
		formId: def.formId,
		convention: def.convention,
		questionTypes: unique(items.map((item) => item.type)).sort(),
		units: unique(items.flatMap((item) => item.units)).sort(),
		codeLists: unique(items.flatMap((item) => item.codeLists)).sort(),
		partners: unique(items.flatMap((item) => item.partners)).sort(),
		period: {
			kind: perYear ? 'calendar-year' : 'window',
			years: perYear ? 1 : span,
			rule: def.reportingPeriod.rule,
		},
	}
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((value) => b.includes(value))

function differencesOf(cells: readonly FormatCell[]): FormatDimension[] {
	const [first, ...rest] = cells
	if (!first) return []
	const values: Record<FormatDimension, (cell: FormatCell) => string[]> = {
		questionType: (cell) => cell.questionTypes,
		unit: (cell) => cell.units,
		classification: (cell) => cell.codeLists,
		partner: (cell) => cell.partners,
		period: (cell) => [`${cell.period.kind}:${cell.period.years}`],
	}
	return FORMAT_DIMENSIONS.filter((dimension) =>
		rest.some((cell) => !sameSet(values[dimension](first), values[dimension](cell))),
	)
}

function unitComparisons(cells: readonly FormatCell[]): UnitComparison[] {
	const units = unique(cells.flatMap((cell) => cell.units)).sort()
	const comparisons: UnitComparison[] = []
	for (const [index, from] of units.entries()) {
		for (const to of units.slice(index + 1)) {
			const factor = convertQuantity(1, from, to)
			comparisons.push(factor === undefined ? { from, to } : { from, to, factor })
		}
	}
	return comparisons
}

/** The format part: for each concept two forms or more ask, how each asks it and what differs. */
export function formatAnalysis(forms: readonly AnalysedForm[]): FormatRow[] {
	const byConcept = new Map<string, { def: FormDefinition; items: ConceptItem[] }[]>()
	for (const { definition } of forms) {
		const items = conceptItemsOf(definition)
		for (const concept of unique(items.map((item) => item.concept))) {
			const list = byConcept.get(concept) ?? []
			list.push({ def: definition, items: items.filter((item) => item.concept === concept) })
			byConcept.set(concept, list)
		}
	}
	const order = listConcepts().map((concept) => concept.id)
	return order
		.filter((id) => (byConcept.get(id)?.length ?? 0) >= 2)
		.map((conceptId) => {
			const cells = byConcept.get(conceptId)!.map(({ def, items }) => formatCell(def, items))
			return {
				conceptId,
				crossConvention: unique(cells.map((cell) => cell.convention)).length > 1,
				cells,
				differences: differencesOf(cells),
				units: unitComparisons(cells),
			}
		})
}

// ---------------------------------------------------------------------------------------------
// Timing
// ---------------------------------------------------------------------------------------------

/** A reporting cycle as the database holds it (`db/queries/cycles.ts`), reduced to what timing needs. */
export interface CycleInput {
	code: string
	formId: string
	formVersion: number
	convention: Convention
	periodStart: string
	periodEnd: string
	deadline: string
}

export interface CalendarEntry {
	formId: string
	convention: Convention
	/** The cycle's code when seeded; absent for definitions and projections. */
	code?: string
	/** The form version the entry uses; absent for a projection (no version exists yet). */
	version?: number
	periodStart: string
	periodEnd: string
	deadline: string
	/**
	 * `cycle`: a seeded reporting cycle; `definition`: a form version's own period and deadline,
	 * not seeded as a cycle; `projected`: computed from the form's cadence, nothing exists yet.
	 */
	source: 'cycle' | 'definition' | 'projected'
}

export const CALENDAR_YEARS = { from: 2024, to: 2032 } as const
export const CLOSE_DEADLINE_DAYS = 60

function shiftYears(isoDate: string, years: number): string {
	const [year, month, day] = isoDate.split('-')
	const shifted = `${String(Number(year) + years).padStart(4, '0')}-${month}-${day}`
	// 29 February of a year that has none: the last day of February.
	return shifted.endsWith('-02-29') && Number.isNaN(Date.parse(`${shifted}T00:00:00Z`))
		? shifted.replace(/-29$/, '-28')
		: shifted
}

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4))

/**
 * The cadence of a form in years: the distance between the periods of its last two known cycles
 * (or versions), else the length of its reporting window (a 4-year window every 4 years, a
 * calendar year every year).
 */
function cadenceYears(known: readonly CalendarEntry[]): number {
	const ends = unique(known.map((entry) => yearOf(entry.periodEnd))).sort((a, b) => a - b)
	if (ends.length >= 2) return ends[ends.length - 1]! - ends[ends.length - 2]!
	const last = known[known.length - 1]!
	return Math.max(1, yearOf(last.periodEnd) - yearOf(last.periodStart) + 1)
}

function knownEntries(def: readonly FormDefinition[], cycles: readonly CycleInput[]) {
	const seeded = new Set(cycles.map((cycle) => cycle.formVersion))
	const fromCycles = cycles.map((cycle): CalendarEntry => ({
		formId: cycle.formId,
		convention: cycle.convention,
		code: cycle.code,
		version: cycle.formVersion,
		periodStart: cycle.periodStart,
		periodEnd: cycle.periodEnd,
		deadline: cycle.deadline,
		source: 'cycle',
	}))
	const fromDefinitions = def
		.filter((version) => !seeded.has(version.version))
		.map((version): CalendarEntry => ({
			formId: version.formId,
			convention: version.convention,
			version: version.version,
			periodStart: `${version.reportingPeriod.startYear}-01-01`,
			periodEnd: `${version.reportingPeriod.endYear}-12-31`,
			deadline: version.deadline,
			source: 'definition',
		}))
	return [...fromCycles, ...fromDefinitions].sort((a, b) => a.deadline.localeCompare(b.deadline))
}

function projected(anchor: CalendarEntry, years: number): CalendarEntry {
	return {
		formId: anchor.formId,
		convention: anchor.convention,
		periodStart: shiftYears(anchor.periodStart, years),
		periodEnd: shiftYears(anchor.periodEnd, years),
		deadline: shiftYears(anchor.deadline, years),
		source: 'projected',
	}
}

/**
 * Every cycle with a deadline in `years` (2024–2032 by default), all forms: the seeded cycles, the
 * form versions not seeded, and the rest projected from each form's cadence, forwards from its
 * latest known cycle and backwards from its earliest. Sorted by deadline.
 */
export function timingCalendar(
	definitions: readonly FormDefinition[],
	cycles: readonly CycleInput[],
	years: { from: number; to: number } = CALENDAR_YEARS,
): CalendarEntry[] {
	const formIds = unique([...definitions.map((d) => d.formId), ...cycles.map((c) => c.formId)])
	const entries = formIds.flatMap((formId) => {
		const known = knownEntries(
			definitions.filter((d) => d.formId === formId),
			cycles.filter((c) => c.formId === formId),
		)
		if (known.length === 0) return []
		const step = cadenceYears(known)
		const more: CalendarEntry[] = []
		const last = known[known.length - 1]!
		for (let n = step; yearOf(last.deadline) + n <= years.to; n += step)
			more.push(projected(last, n))
		const first = known[0]!
		for (let n = step; yearOf(first.deadline) - n >= years.from; n += step)
			more.push(projected(first, -n))
		return [...known, ...more]
	})
	return entries
		.filter((entry) => yearOf(entry.deadline) >= years.from && yearOf(entry.deadline) <= years.to)
		.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.formId.localeCompare(b.formId))
}

/** A Party's standing under a convention: bound from `inForceOn` (null: bound, date not recorded). */
export interface Membership {
	convention: Convention
	inForceOn: string | null
}

export interface CloseDeadlines {
	first: CalendarEntry
	second: CalendarEntry
	days: number
}

export interface TimingClashes {
	/** Calendar years in which two reports or more fall due. */
	busyYears: { year: number; entries: CalendarEntry[] }[]
	/** Pairs of deadlines of different forms fewer than `CLOSE_DEADLINE_DAYS` days apart. */
	closeDeadlines: CloseDeadlines[]
}

const DAY_MS = 86_400_000
const daysBetween = (a: string, b: string) =>
	Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)

/** Busy years and close deadlines among calendar entries (sorted by deadline). */
export function timingClashes(
	entries: readonly CalendarEntry[],
	closeDays = CLOSE_DEADLINE_DAYS,
): TimingClashes {
	const byYear = new Map<number, CalendarEntry[]>()
	for (const entry of entries) {
		const year = yearOf(entry.deadline)
		byYear.set(year, [...(byYear.get(year) ?? []), entry])
	}
	const busyYears = [...byYear.entries()]
		.filter(([, due]) => due.length >= 2)
		.map(([year, due]) => ({ year, entries: due }))
	const closeDeadlines: CloseDeadlines[] = []
	for (const [index, first] of entries.entries()) {
		for (const second of entries.slice(index + 1)) {
			const days = daysBetween(first.deadline, second.deadline)
			if (days >= closeDays) break
			if (second.formId !== first.formId) closeDeadlines.push({ first, second, days })
		}
	}
	return { busyYears, closeDeadlines }
}

/**
 * One Party's calendar: the entries of the conventions it is bound by on the deadline, and their
 * clashes. Which forms of a convention apply beyond that (e.g. the DDT questionnaire, for Parties
 * that produce or use DDT) is not known here: every form of a convention is listed.
 */
export function partyTiming(
	calendar: readonly CalendarEntry[],
	memberships: readonly Membership[],
): { entries: CalendarEntry[] } & TimingClashes {
	const entries = calendar.filter((entry) =>
		memberships.some(
			(membership) =>
				membership.convention === entry.convention &&
				(membership.inForceOn === null || membership.inForceOn <= entry.deadline),
		),
	)
	return { entries, ...timingClashes(entries) }
}

// ---------------------------------------------------------------------------------------------
// The whole analysis, and the extension points built on it
// ---------------------------------------------------------------------------------------------

export type { BurdenEstimate, ConsistencyFinding } from './reuse/party-analysis.ts'

export interface CommonalityAnalysis {
	content: ContentAnalysis
	format: FormatRow[]
	timing: {
		years: { from: number; to: number }
		calendar: CalendarEntry[]
		/** Clashes for a Party bound by every convention listed (the worst case). */
		clashes: TimingClashes
		/** The selected Party's calendar, when one is asked for. */
		party?: { partyCode: string; entries: CalendarEntry[] } & TimingClashes
	}
	consistency?: ConsistencyFinding[]
	burden?: BurdenEstimate[]
}

/** The three parts the mandate asks for, from the forms (one version each), all their versions and the cycles. */
export function commonalityAnalysis(input: {
	forms: readonly AnalysedForm[]
	allVersions: readonly FormDefinition[]
	cycles: readonly CycleInput[]
	lang: Language
	party?: { partyCode: string; memberships: readonly Membership[] }
}): CommonalityAnalysis {
	const calendar = timingCalendar(input.allVersions, input.cycles)
	return {
		content: contentAnalysis(input.forms, input.lang),
		format: formatAnalysis(input.forms),
		timing: {
			years: { ...CALENDAR_YEARS },
			calendar,
			clashes: timingClashes(calendar),
			party: input.party && {
				partyCode: input.party.partyCode,
				...partyTiming(calendar, input.party.memberships),
			},
		},
	}
}

/** The latest version of every registered form (drafts included, marked), and every version. */
export function registeredForms(): { forms: AnalysedForm[]; allVersions: FormDefinition[] } {
	const forms = listFormIds().flatMap((formId) => {
		const version = latestVersion(formId)
		const definition = version === undefined ? undefined : getFormDefinition(formId, version)
		const identity = version === undefined ? undefined : formVersionIdentity(formId, version)
		return definition && identity ? [{ definition, status: identity.status }] : []
	})
	return { forms, allVersions: listFormDefinitions() }
}
