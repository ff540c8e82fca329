/**
 * Declarative migrations of answers from version N of a form to version N+1.
 *
 * A spec lists what changed; everything it does not mention is carried over when the target has
 * a question (or column) with the same id and type. Every source answer ends up in the report:
 * carried, renamed, transformed, split, merged, dropped (with the spec's reason) or failed (with
 * the reason it could not be carried). Nothing is dropped silently.
 */
import type { Literal } from '../types.ts'

/**
 * A value transform. Markers (`{ marker }`) pass through every transform unchanged.
 * - `map`: code → code; a code mapped to `null` cannot be represented (fails with the reason).
 * - `multiply` / `add`: numeric (unit conversion, year shift).
 * - `toList`: a single code → a one-element list; `first`: a one-element list → its element.
 * - `field`: a contact block → one of its fields.
 * - `includes`: a list → `then` if it contains the code, else `else` (multiple → yes/no).
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
 * - `dropOutsideTarget`: drop rows the target does not expect for the context: fixed rows not in
 *   `rowsFor(target)`, or, for open tables, rows whose `periodColumn` year is outside the period.
 */
export interface RowMapping {
	keys?: Record<string, string | null>
	codes?: Record<string, Record<string, string | null>>
	dropReason?: string
	dropOutsideTarget?: { reason: string; periodColumn?: string }
}

export type QuestionMapping =
	| { kind: 'rename'; from: string; to: string; transform?: ValueTransform }
	| { kind: 'transform'; question: string; transform: ValueTransform }
	| { kind: 'split'; from: string; into: { to: string; transform?: ValueTransform }[] }
	| { kind: 'merge'; from: string[]; to: string; combine: MergeStrategy }
	| { kind: 'drop'; from: string; reason: string }
	| { kind: 'table'; from: string; to?: string; columns?: ColumnMapping[]; rows?: RowMapping }

export interface MigrationSpec {
	formId: string
	from: number
	to: number
	questions: QuestionMapping[]
	/** Why the version changed (for the record). */
	note?: string
}

export type MigrationOutcome =
	'carried' | 'renamed' | 'transformed' | 'split' | 'merged' | 'dropped' | 'failed'

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
}
