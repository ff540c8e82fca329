/**
 * Declarative migrations of answers from version N of a form to version N+1.
 *
 * A spec lists what changed; everything it does not mention is carried over when the target has
 * a question (or column) with the same id and type. Every source answer ends up in the report:
 * carried, renamed, transformed, split, merged, dropped (with the spec's reason), failed (with the
 * reason it could not be carried) or offered for confirmation (answers and columns the target marks
 * `periodBound`: they describe the previous period, so they are not copied; the report keeps the
 * previous value to show). Nothing is dropped or carried silently. Answers the system fills in
 * (`isSystemFilled`: the Party, the period years, the date of submission) are never carried: they
 * are recomputed for the target's context (`recomputed`), or left for the system to set later.
 */
import type { Answer, CellValue, Literal } from '../types.ts'

/**
 * A value transform. Markers (`{ marker }`) pass through every transform unchanged.
 * - `map`: code → code; a code mapped to `null` cannot be represented (fails with the reason).
 * - `multiply` / `add`: numeric (unit conversion, year shift).
 * - `toList`: a single code → a one-element list; `first`: a one-element list → its element.
 * - `field`: a contact block → one of its fields.
 * - `includes`: a list → `then` if it contains the code, else `else` (multiple → yes/no).
 * - `remove`: a list → the list without these codes (codes the target no longer offers there).
 * - `toText`: a number or code → its string.
 * - `chain`: apply in order.
 */
export type ValueTransform =
	| { map: Record<string, string | null>; reason?: string }
	| { multiply: number }
	| { add: number }
	| { toList: true }
	| { first: true }
	| { field: string }
	| { includes: string; then: Literal; else: Literal }
	| { remove: string[] }
	| { toText: true }
	| { chain: ValueTransform[] }

/**
 * How several source values become one.
 * - `join`: texts joined with the separator (blank ones skipped).
 * - `sum`: numbers added.
 * - `union`: lists combined without duplicates.
 * - `contact`: source id → contact field id of the target block.
 * - `firstAnswered`: the first answered source in the listed order.
 */
export type MergeStrategy =
	| { join: string }
	| { sum: true }
	| { union: true }
	| { contact: Record<string, string> }
	| { firstAnswered: true }

export type ColumnMapping =
	| { kind: 'rename'; from: string; to: string; transform?: ValueTransform }
	| { kind: 'transform'; column: string; transform: ValueTransform }
	| { kind: 'split'; from: string; into: { to: string; transform?: ValueTransform }[] }
	| { kind: 'merge'; from: string[]; to: string; combine: MergeStrategy }
	| { kind: 'drop'; from: string; reason: string }

/**
 * Row mapping of a table.
 * - `keys`: fixed-row key → new key (`null` drops the row with `dropReason`).
 * - `codes`: per dimension column, code → new code (`null` drops the row with `dropReason`).
 * - `dropOutsideTarget`: drop fixed rows the target does not expect for the context (not in
 *   `rowsFor(target)`, e.g. a chemical not listed for the Party).
 *
 * Whatever the mapping, rows for a year outside the target's period are not carried: fixed rows
 * whose period-year dimension is outside it, and open rows whose `withinPeriod` year column is.
 */
export interface RowMapping {
	keys?: Record<string, string | null>
	codes?: Record<string, Record<string, string | null>>
	dropReason?: string
	dropOutsideTarget?: { reason: string }
}

export type QuestionMapping =
	| { kind: 'rename'; from: string; to: string; transform?: ValueTransform }
	| { kind: 'transform'; question: string; transform: ValueTransform }
	| { kind: 'split'; from: string; into: { to: string; transform?: ValueTransform }[] }
	| { kind: 'merge'; from: string[]; to: string; combine: MergeStrategy }
	| {
			kind: 'drop'
			from: string
			reason: string
			/** Why, for people (`period_bound`, or `replaced` with the question that replaces it). */
			because?: { code: 'period_bound' } | { code: 'replaced'; by: string }
	  }
	| { kind: 'table'; from: string; to?: string; columns?: ColumnMapping[]; rows?: RowMapping }

export interface MigrationSpec {
	formId: string
	from: number
	to: number
	questions: QuestionMapping[]
	/** Why the version changed (for the record). */
	note?: string
}

/**
 * `recomputed`: a value the system fills in (the Party, a period year) set again for the target's
 * context instead of being carried. `to_confirm`: a value of the previous period (the target
 * marks the item `periodBound`), not copied but offered for confirmation (`previous`).
 */
export type MigrationOutcome =
	| 'carried'
	| 'renamed'
	| 'transformed'
	| 'split'
	| 'merged'
	| 'recomputed'
	| 'to_confirm'
	| 'dropped'
	| 'failed'

/**
 * Why an answer was recomputed, dropped or failed, as a code the application words in the user's
 * language (`reason` keeps the detail in English for the record):
 * - `system_filled`: the system fills it in for each report (`params.value`: the new value);
 * - `set_on_submission`: the system sets it when the report is submitted (date of submission);
 * - `outside_period`: a row for a year outside the target's period (`params.year`);
 * - `not_in_target`: a fixed row the target does not ask for (e.g. a chemical no longer listed);
 * - `period_bound`: the answer describes the previous period only (dropped, or `to_confirm`);
 * - `replaced`: another question replaces it (`params.question`);
 * - `no_longer_asked`: the target has no such question or column;
 * - `incompatible`: the value does not fit the target (type, options, transform);
 * - `conflict`: another answer was already carried there.
 */
export type MigrationReasonCode =
	| 'system_filled'
	| 'set_on_submission'
	| 'outside_period'
	| 'not_in_target'
	| 'period_bound'
	| 'replaced'
	| 'no_longer_asked'
	| 'incompatible'
	| 'conflict'

export interface AnswerLocation {
	questionId: string
	columnId?: string
	rowId?: string
}

/**
 * One line of the migration report, per source question (tables: per source column, and per
 * dropped or failed row/cell).
 */
export interface MigrationReportEntry {
	source: AnswerLocation
	outcome: MigrationOutcome
	targets?: AnswerLocation[]
	reason?: string
	code?: MigrationReasonCode
	/**
	 * `to_confirm` of a whole table: `rows` (how many the previous report had); of a cell of an
	 * open table: `about`, the row's first cell (what the row is about, e.g. its chemical).
	 */
	params?: Record<string, string | number>
	/** `to_confirm`: the previous answer (or cell), converted for the target, to show. */
	previous?: Answer | CellValue
}

/**
 * What a migration does with answers of the target's `periodBound` items: `offer` (starting a
 * report from another one) leaves them out and reports them `to_confirm`; `keep` (comparing two
 * reports) writes them too, still reported `to_confirm`, so they can be compared.
 */
export type PeriodBoundValues = 'offer' | 'keep'
