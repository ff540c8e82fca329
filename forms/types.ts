/**
 * Public contract of the `forms/` module: form definitions, answers, conditions, rules and the
 * results the engine returns. Everything here is plain, JSON-serialisable data (no classes, no
 * functions), so a definition can be stored, diffed and validated by the meta-schema in
 * `forms/schema.ts`, and answers can be stored as PostgreSQL `jsonb`; the one exception is the
 * `CodeListSource` a `FormContext` carries (where the engine reads code lists from).
 *
 * Layers (see docs/decisions/004-form-definitions-and-engine.md):
 * - definition (`FormDefinition`, immutable per `formId` + `version`),
 * - answers (`Answers`, keyed by question id),
 * - evaluation (`Evaluation`, computed by `evaluate()` in `forms/engine/`).
 *
 * Labels never live in a definition: every user-facing string is looked up by a stable key in the
 * per-form language files (`forms/<form>/i18n/<lang>.json`) through `formText()` (`forms/text.ts`).
 */

import type { DepositaryRecord } from './codelists/applicability.ts'
import type { CodeListPins } from './codelists/index.ts'

// ---------------------------------------------------------------------------------------------
// Languages
// ---------------------------------------------------------------------------------------------

export { LANGUAGES, type Convention, type Language } from './vocabulary.ts'
import type { Convention, Language } from './vocabulary.ts'

// ---------------------------------------------------------------------------------------------
// Answers (the value model stored per report)
// ---------------------------------------------------------------------------------------------

/**
 * Why a value is missing on purpose. Stored *instead of* a value and always distinct from
 * `0`, `''`, `false` and from an absent answer:
 * - `not_available`: the Party has no information ("information not available", SC-1/22),
 * - `not_applicable`: the item does not apply to the Party,
 * - `confidential`: the value exists but is withheld.
 *
 * A marker is only valid on an item whose definition lists it in `markers`.
 */
export type Marker = 'not_available' | 'not_applicable' | 'confidential'
export const MARKERS: readonly Marker[] = ['not_available', 'not_applicable', 'confidential']

/** A marker stored in place of a value. */
export type MarkedValue = { marker: Marker }

/**
 * A scalar answer. Numbers are JSON numbers; dates are `YYYY-MM-DD` strings; years are integers;
 * yes/no style answers are option codes (`'yes' | 'no' | 'not_applicable' | 'under_development'`),
 * never booleans. `boolean` is used only by `checkbox` table columns (flags such as "estimate").
 * `string[]` holds multiple-choice codes (also multi-country / multi-chemical).
 */
export type Primitive = string | number | boolean | string[]

/** A table cell, or a scalar question's answer. */
export type CellValue = Primitive | MarkedValue

/**
 * One table row. `id` is stable for the life of the row: for fixed rows (rows generated from code
 * lists and the reporting period) `id === key`, where `key` joins the dimension codes with `|`
 * in column order (e.g. `PFHXS|2023`); for open tables `id` is a random id chosen by the client
 * and `key` is absent. Dimension values of fixed rows also appear as (read-only) cells.
 */
export type TableRow = { id: string; key?: string; cells: Record<string, CellValue> }
export type TableAnswer = { rows: TableRow[] }

/** Contact block: field id → text. */
export type ContactAnswer = Record<string, string>

/** Reference to an uploaded file (the file itself lives outside the answers). */
export type AttachmentRef = { attachmentId: string; name: string }

export type Answer = CellValue | TableAnswer | ContactAnswer | AttachmentRef[]

/** All answers of one report, keyed by question id. An absent key means "unanswered". */
export type Answers = Record<string, Answer>

// ---------------------------------------------------------------------------------------------
// Reporting context
// ---------------------------------------------------------------------------------------------

/**
 * Who reports for which period. Fixed table rows (applicable chemicals × years) and
 * context checks (e.g. the Party question must equal `partyCode`) depend on it.
 */
export interface FormContext {
	/** ISO 3166-1 alpha-3 code of the reporting Party, e.g. `KEN`. */
	partyCode: string
	/** First day of the reporting period, `YYYY-MM-DD`. */
	periodStart: string
	/** Last day of the reporting period, `YYYY-MM-DD`. */
	periodEnd: string
	/**
	 * The depositary record (Art. 25(4) declarations, deposits, communications, non-acceptances)
	 * that decides when each chemical's listing binds the Party: runtime data the server loads from
	 * the code-list releases, never part of a definition. Absent: the record built into the code
	 * (release 0), which is what tests and definition checks use.
	 */
	depositaryRecord?: DepositaryRecord
	/**
	 * The variant of the form this report is (one of the definition's `variants`, e.g. `short`),
	 * set by the report's cycle. Absent: every item is asked, whatever variants it is limited to.
	 */
	formVariant?: string
	/**
	 * Where the engine reads code lists from: the registry on the server (`registeredCodeLists`,
	 * `forms/codelists/source.ts`), what the page's loader resolved for this context in the
	 * browser (`resolvedCodeListSource`, `forms/engine/code-lists.ts`). Not data: a loader sends
	 * a context without it.
	 */
	codeLists: CodeListSource
}

/**
 * The code lists as the engine reads them for a context: the codes a choice offers and a fixed
 * table's dimension runs over, and from when a chemical's listing binds the Party.
 */
export interface CodeListSource {
	/**
	 * The codes of a list that pass a filter, in list order, from the release `pins` names (a
	 * definition's `codeLists`); `inForceForParty` is decided for the context's Party on the last
	 * day of its period.
	 */
	codes(
		listId: string,
		filter: CodeListFilter | undefined,
		ctx: FormContext,
		pins: CodeListPins,
	): readonly string[]
	/** The first day a chemical's listing binds the context's Party; `null` while it does not. */
	chemicalInForceFrom(chemicalCode: string, ctx: FormContext): string | null
}

/** Values a question can be pre-filled with (and checked against) from the context. */
export type ContextValue = 'partyCode' | 'periodStartYear' | 'periodEndYear'

// ---------------------------------------------------------------------------------------------
// Conditions (structured data, never expression strings)
// ---------------------------------------------------------------------------------------------

/**
 * What a comparison reads.
 * - `{ question }`: the answer of another (non-table) question; `field` selects a contact field.
 *   A hidden question reads as unanswered.
 * - `{ cell }`: a cell of the current row; only inside a table column's `visibleIf`/`required`,
 *   a row-scoped rule, or the `where` of a row aggregate.
 * - `{ context }`: a value from the `FormContext`.
 * - `{ sum }`: the sum of the numeric cells of `column` over the rows of `table` matching `where`
 *   (markers and blanks count as nothing).
 * - `{ count }`: the number of rows of `table` matching `where`.
 * - `{ lookup }`: inside a row only: the `column` cell of the row of the fixed-row table `table`
 *   whose key is the current row's `key` cells joined in order (see `rowKey`), e.g. the activity
 *   answered for this row's chemical: `{ lookup: { table: 'b3_activity', key: ['chemical'],
 *   column: 'activity' } }`. Reads as unanswered when that table is hidden or has no such row.
 */
export type Operand =
	| { question: string; field?: string }
	| { cell: string }
	| { context: ContextValue }
	| { sum: { table: string; column: string; where?: Condition } }
	| { count: { table: string; where?: Condition } }
	| { lookup: { table: string; key: string[]; column: string } }

/** A literal on the right-hand side of a comparison. */
export type Literal = string | number | boolean

/**
 * Comparison operators. Truth table for a left value `v` (after hiding):
 *
 * | op            | v unanswered | v is a marker          | v present                               |
 * |---------------|--------------|------------------------|-----------------------------------------|
 * | `answered`    | false        | true                   | true                                    |
 * | `unanswered`  | true         | false                  | false                                   |
 * | `marked`      | false        | right absent or = marker | false                                 |
 * | `equals`      | false        | false                  | v === right (arrays: same set)          |
 * | `notEquals`   | true         | true                   | not `equals`                            |
 * | `in`          | false        | false                  | right (array) contains v                |
 * | `notIn`       | true         | true                   | not `in`                                |
 * | `includes`    | false        | false                  | v (array) contains right                |
 * | `gt` `gte` `lt` `lte` | false | false                 | numeric, or `YYYY-MM-DD` string compare |
 *
 * `right` may itself be an `Operand` (cross-field comparison); an unanswered or marked right
 * operand makes every ordering/equality comparison false.
 */
export type ComparisonOp =
	| 'equals'
	| 'notEquals'
	| 'in'
	| 'notIn'
	| 'includes'
	| 'gt'
	| 'gte'
	| 'lt'
	| 'lte'
	| 'answered'
	| 'unanswered'
	| 'marked'

export interface Comparison {
	left: Operand
	op: ComparisonOp
	right?: Literal | Literal[] | Operand
}

/**
 * A condition tree. `all: []` is true, `any: []` is false.
 * `anyRow`/`allRows` evaluate `where` (which may use `{ cell }` operands) for each row of a table
 * question, e.g. "any row has export > 0":
 * `{ anyRow: 'b3_statistics', where: { left: { cell: 'export_kg' }, op: 'gt', right: 0 } }`.
 * `allRows` over an empty (or hidden) table is true.
 */
export type Condition =
	| { all: Condition[] }
	| { any: Condition[] }
	| { not: Condition }
	| { anyRow: string; where: Condition }
	| { allRows: string; where: Condition }
	| Comparison

// ---------------------------------------------------------------------------------------------
// Questions
// ---------------------------------------------------------------------------------------------

/**
 * Filter applied to a code list (options of a choice, or fixed table rows).
 * - `where`: keep entries whose metadata field equals one of the values; when the field is an
 *   array (e.g. `annexes`), keep entries where any element matches.
 * - `adoptedOnOrBefore`: keep entries adopted on or before that date: the state of the list the
 *   form version was prepared against (e.g. the COP that preceded the cycle).
 * - `inForceForParty`: chemical lists only: keep chemicals whose listing binds the Party on some
 *   day of the reporting period (entry into force for the Party on or before `periodEnd`, per the
 *   context's depositary record), see `isChemicalInForce`.
 */
export interface CodeListFilter {
	where?: Record<string, Literal | Literal[]>
	adoptedOnOrBefore?: string
	inForceForParty?: boolean
}

/** Where the options of a choice come from: inline codes (labels in the form's texts) or a code list. */
export type OptionSource = { options: string[] } | { codeList: string; filter?: CodeListFilter }

interface ItemCommon {
	/** Stable id: never changes across form versions while the meaning stays the same. */
	id: string
	/** Concept id from `forms/concepts.ts` (what cross-form analysis and answer reuse join on). */
	concept?: string
	/** Markers this item accepts in place of a value. */
	markers?: Marker[]
	/**
	 * Required when visible: `true`, or a condition (conditional required). A hidden item is
	 * never required. Marked values satisfy "required".
	 */
	required?: boolean | Condition
	/** Shown only when the condition holds (and its section/part is visible). */
	visibleIf?: Condition
	/** Text key when it differs from `id` (only when a version changes the wording, not the meaning). */
	textKey?: string
	/**
	 * Note for the secretariat about what is reconstructed (not official wording/structure).
	 * Not user-facing text; never translated.
	 */
	reconstructed?: string
	/**
	 * The answer describes the reporting period (a quantity in it, or a state at its end), so it
	 * is not copied when a report is started from another one: the previous value is offered for
	 * confirmation instead (migration outcome `to_confirm`). Tables whose rows carry their year
	 * need no flag (rows outside the period are left out anyway).
	 */
	periodBound?: boolean
	/** Asked only in these variants of the definition (see `FormDefinition.variants`). */
	variants?: string[]
}

/** Hard bounds of numeric answers; violations are errors. Soft bounds belong in `Rule` (range). */
export interface NumberBounds {
	min?: number
	max?: number
	/** Unit code from the `units` code list, e.g. `kg`, `t`, `g_teq_per_year`. */
	unit?: string
}

export type ScalarType =
	| { type: 'yes_no' }
	| { type: 'yes_no_status' }
	| ({ type: 'single_choice' } & OptionSource)
	| ({ type: 'multiple_choice' } & OptionSource)
	| { type: 'text'; maxLength?: number }
	| { type: 'long_text'; maxLength?: number }
	| ({ type: 'integer' } & NumberBounds)
	| ({ type: 'decimal' } & NumberBounds)
	| { type: 'year'; min?: number; max?: number; withinPeriod?: boolean }
	| { type: 'date'; min?: string; max?: string }
	| { type: 'email' }
	| { type: 'url' }
	| { type: 'country'; multiple?: boolean }
	| { type: 'chemical'; multiple?: boolean; filter?: CodeListFilter }

/** Question types that hold one `CellValue`. */
export type ScalarQuestion = ItemCommon &
	ScalarType & {
		/** Pre-filled from the context; when also `readOnly`, a different value is an error. */
		prefill?: ContextValue
		readOnly?: boolean
	}

export type ContactFieldType = 'text' | 'long_text' | 'email' | 'url' | 'phone'
export interface ContactField {
	id: string
	type: ContactFieldType
	required?: boolean
}

export type ContactQuestion = ItemCommon & { type: 'contact'; fields: ContactField[] }

export type AttachmentQuestion = ItemCommon & { type: 'attachment'; multiple?: boolean }

/**
 * A table column: a scalar type (plus `checkbox`, a boolean flag) with an id unique in its table.
 * `visibleIf` / `required` conditions of a column are evaluated per row and may read `{ cell }`.
 * `readOnly` columns of fixed-row tables carry the row's dimension codes.
 */
export type TableColumn = Omit<ItemCommon, 'visibleIf' | 'required' | 'variants'> &
	(ScalarType | { type: 'checkbox' }) & {
		visibleIf?: Condition
		required?: boolean | Condition
		readOnly?: boolean
	}

/**
 * A fixed-row dimension: the values of one read-only column, either each code of a (filtered)
 * code list, each calendar year of the reporting period, or inline codes.
 *
 * `inForceFor` (year dimensions only) names an earlier chemical dimension: a row is generated for
 * a year only if that chemical's listing was in force for the Party on some day of the year, so
 * years before the entry into force for the Party are never asked (`yearsInForce`).
 */
export type RowDimension =
	| { column: string; codeList: string; filter?: CodeListFilter }
	| { column: string; periodYears: true; inForceFor?: string }
	| { column: string; codes: string[] }

/**
 * Fixed rows: the product of the dimensions, in order (e.g. chemical × year).
 * `visibleIf` is evaluated per row (it may read the row's dimension cells through `{ cell }` and
 * other tables through `{ lookup }`): rows for which it does not hold are not asked. Like hidden
 * questions, such rows are never required or validated, conditions and rules do not see them,
 * exports leave them out, and their stored cells are kept.
 * Open rows: rows the user adds (`minRows`/`maxRows` bound the count).
 */
export type TableRows =
	| { kind: 'fixed'; dimensions: RowDimension[]; visibleIf?: Condition }
	| { kind: 'open'; minRows?: number; maxRows?: number }

/**
 * What "fill the empty cells" offers for a table: a value or a marker written into every visible,
 * editable, empty cell that accepts it (e.g. `0` and "information not available" for quantities,
 * `'no'` for a yes/no activity column). Nothing already answered is overwritten.
 */
export type FillValue = { value: Literal } | { marker: Marker }

export type TableQuestion = ItemCommon & {
	type: 'table'
	rows: TableRows
	columns: TableColumn[]
	fillEmpty?: FillValue[]
}

/** Discriminated union on `type`. */
export type Question = ScalarQuestion | ContactQuestion | AttachmentQuestion | TableQuestion
export type QuestionType = Question['type']
export type ColumnType = TableColumn['type']

// ---------------------------------------------------------------------------------------------
// Validation rules
// ---------------------------------------------------------------------------------------------

/** `error` blocks submission; `warning` does not, but needs an explanation from the reporter. */
export type Severity = 'error' | 'warning'

/** What a rule checks: a question, a table column (checked in every row), or a contact field. */
export interface RuleTarget {
	question: string
	column?: string
	field?: string
}

/** Named patterns (no free regular expressions in definitions, so every client can run them). */
export type PatternId = 'cas' | 'email' | 'url' | 'phone' | 'iso_date'

interface RuleCommon {
	/** Unique within the definition; issues carry it as `ruleId`. */
	id: string
	severity: Severity
	/** Message key in the form's texts (`messages`), falling back to the engine's messages. */
	messageKey: string
	/** The rule applies only when this holds (row-scoped for column targets). */
	when?: Condition
}

/**
 * Validation rules beyond the structural checks of each question type.
 * - `required`: the target must be answered when `when` holds (conditional required with a
 *   severity, e.g. a warning "should be answered").
 * - `range`: a numeric target should lie within `[min, max]` (plausibility; usually a warning).
 * - `pattern`: a text target must match a named pattern (CAS number, e-mail, …).
 * - `compare`: `target op other` must hold when both are answered (cross-field, e.g. an end
 *   year not before a start year; a partner quantity not above a total).
 * - `aggregate`: per group of `source.groupBy` cells, the sum of `source.column` over the
 *   source table `op` the sum of `reference.column` over the reference table rows with the same
 *   group values (e.g. partner-country exports per chemical ≤ reported exports per chemical).
 *   Empty `groupBy` on both sides compares the sums over the whole tables (one group).
 *   Groups whose reference has no numeric value at all are not checked.
 * - `assert`: the condition must hold (generic cross-field rule).
 *
 * Rules never fire on unanswered inputs. They read `when` and `assert` in three values (see
 * `forms/engine/settled.ts`): a comparison that reads a visible question or cell still
 * unanswered is open, not true or false, and `all`/`any`/`not` combine open results as
 * Kleene's logic does. A rule runs only where its `when` is settled true; an `assert` reports
 * only when its assertion is settled false; and no rule but `required` reports on an unanswered
 * target. So "used DDT, register not notified" waits until the register question is answered
 * "no", while `required` rules report a blank target as before. Hidden questions are not open
 * (they read as unanswered, for good), markers are answers, and an unticked flag (`checkbox`) is
 * "no". Visibility conditions and `required` conditions of questions keep the two-valued table
 * of `ComparisonOp`.
 */
export type Rule =
	| (RuleCommon & { kind: 'required'; target: RuleTarget })
	| (RuleCommon & { kind: 'range'; target: RuleTarget; min?: number; max?: number })
	| (RuleCommon & { kind: 'pattern'; target: RuleTarget; pattern: PatternId })
	| (RuleCommon & {
			kind: 'compare'
			target: RuleTarget
			op: 'equals' | 'notEquals' | 'gt' | 'gte' | 'lt' | 'lte'
			other: Operand
	  })
	| (RuleCommon & {
			kind: 'aggregate'
			source: { table: string; column: string; groupBy: string[] }
			op: 'lte' | 'gte' | 'equals'
			reference: { table: string; column: string; groupBy: string[] }
	  })
	| (RuleCommon & { kind: 'assert'; target: RuleTarget; assert: Condition })
export type RuleKind = Rule['kind']

// ---------------------------------------------------------------------------------------------
// Structure
// ---------------------------------------------------------------------------------------------

export interface Section {
	id: string
	visibleIf?: Condition
	/** Asked only in these variants of the definition (see `FormDefinition.variants`). */
	variants?: string[]
	questions: Question[]
	reconstructed?: string
}

export interface Part {
	id: string
	visibleIf?: Condition
	/** Asked only in these variants of the definition (see `FormDefinition.variants`). */
	variants?: string[]
	sections: Section[]
	reconstructed?: string
}

/** The period a report covers, in calendar years (inclusive). */
export interface ReportingPeriod {
	startYear: number
	endYear: number
	/** How the period is set, e.g. "four calendar years preceding the reporting year". */
	rule: string
	/** Present when the window is a reconstruction to be checked against the official template. */
	reconstructed?: string
}

/**
 * A variant of a definition: a subset of its items asked in some cycles (e.g. the Minamata short
 * report, asked every 2 years, of the full report asked every 4). Its name is the text
 * `variants.<id>` of the form's language files.
 */
export interface FormVariant {
	id: string
	/** Present when the subset is a reconstruction to be checked against the official template. */
	reconstructed?: string
}

/** Schema version of the definition format itself (bumped on breaking format changes). */
export const DEFINITION_SCHEMA_VERSION = 1

export interface FormDefinition {
	schemaVersion: typeof DEFINITION_SCHEMA_VERSION
	/** e.g. `stockholm-art15`, `ddt`. */
	formId: string
	/** Integer, incremented per published version (e.g. 5 = 5th Art. 15 cycle). */
	version: number
	convention: Convention
	reportingPeriod: ReportingPeriod
	/** Submission deadline, `YYYY-MM-DD`. */
	deadline: string
	/** Languages the form is offered in; texts missing in a language fall back to English. */
	languages: Language[]
	/** Code lists used by this version, with the list version it was prepared against. */
	codeLists: Record<string, string>
	/**
	 * Variants of the form, when some cycles ask only part of it. A part, section or question
	 * with `variants` is asked only in a report whose `FormContext.formVariant` is one of them:
	 * outside its variants the engine treats it exactly as a hidden item (not asked, never
	 * required or validated, left out of exports; answers kept). A cycle of a form that declares
	 * variants names one of them; items without `variants` are asked in every variant.
	 */
	variants?: FormVariant[]
	parts: Part[]
	rules: Rule[]
	/** Form-level notes on reconstructed parts (not user-facing). */
	reconstructed?: string
}

// ---------------------------------------------------------------------------------------------
// Evaluation results
// ---------------------------------------------------------------------------------------------

/**
 * One problem found in the answers. `questionId` is always set; `rowId`/`columnId` locate a
 * table cell, `field` a contact field. `messageKey` is rendered by `formText().message(issue)`
 * with `params` interpolated. `ruleId` is set when a `Rule` (not a structural check) raised it.
 */
export interface Issue {
	questionId: string
	rowId?: string
	columnId?: string
	field?: string
	severity: Severity
	messageKey: string
	params?: Record<string, string | number>
	ruleId?: string
}

export interface QuestionState {
	/** Visible: own condition and every ancestor's hold. Hidden answers are kept but ignored. */
	visible: boolean
	/** Required now (visible and the requirement holds). */
	required: boolean
	/**
	 * Answered: a value or marker; contact blocks: their required fields; fixed tables: every
	 * required cell of every asked row; open tables: at least their minimum (1) of complete rows.
	 */
	answered: boolean
	issues: Issue[]
}

/** Per-row state of a column whose visibility or requirement depends on the row. */
export interface CellState {
	visible: boolean
	required: boolean
}

/**
 * Progress of a section, part or the whole report: the one definition of completeness that every
 * screen shows (editor, checks page, submission, country home, dashboards).
 * - `total`: visible required questions; `answered`: those answered (a value or a marker; a
 *   contact block with its required fields; a table whose asked rows have every required cell and
 *   that has its minimum rows); `missing = total - answered`.
 * - `completeness = answered / total` (1 when total is 0). Show it rounded down (`percentOf`), so
 *   "100 %" always means nothing is missing.
 * - `errors`: error issues other than the missing answers of the required questions still to
 *   answer (those are counted once, by their question, in `missing`); `warnings`: warning
 *   issues. Only visible questions count. `canSubmit` holds exactly when `errors` and `missing`
 *   are both 0. Starting a row in an answered table never lowers completeness: its empty cells are
 *   errors to fix.
 */
export interface Progress {
	visible: boolean
	answered: number
	total: number
	missing: number
	completeness: number
	errors: number
	warnings: number
}

export interface Evaluation {
	questions: Record<string, QuestionState>
	sections: Record<string, Progress>
	parts: Record<string, Progress>
	/** `canSubmit`: no error-severity issue. Warnings still need explanations (see `issueKey`). */
	overall: Progress & { canSubmit: boolean }
	/** All issues, in definition order. */
	issues: Issue[]
	/**
	 * tableId → rowId → columnId → state, only for columns with a per-row `visibleIf`/`required`
	 * condition (other columns follow the column definition).
	 */
	cells: Record<string, Record<string, Record<string, CellState>>>
	/** tableId → ids of the fixed rows not asked (rows `visibleIf` false); only such tables appear. */
	hiddenRows: Record<string, string[]>
}

/** A fixed row a Party must see (see `rowsFor`). */
export interface FixedRow {
	id: string
	key: string
	/** Dimension column id → code (string) or year (number). */
	cells: Record<string, string | number>
}
