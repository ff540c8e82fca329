/**
 * Tiny helpers to write conditions (and rules every trade form shares) in definitions. They only
 * build plain data (the same JSON a definition could be stored as); nothing here is evaluated.
 */
import type { Comparison, ComparisonOp, Condition, Literal, Operand, Rule } from './types.ts'

/** A string left-hand side means "the answer of that question". */
type Left = string | Operand

function operand(left: Left): Operand {
	return typeof left === 'string' ? { question: left } : left
}

function compare(left: Left, op: ComparisonOp, right?: Literal | Literal[] | Operand): Comparison {
	return right === undefined ? { left: operand(left), op } : { left: operand(left), op, right }
}

export const question = (id: string, field?: string): Operand =>
	field === undefined ? { question: id } : { question: id, field }
export const cell = (column: string): Operand => ({ cell: column })
export const sum = (table: string, column: string, where?: Condition): Operand => ({
	sum: where ? { table, column, where } : { table, column },
})
export const count = (table: string, where?: Condition): Operand => ({
	count: where ? { table, where } : { table },
})
/** Inside a row: the `column` cell of the `table` row keyed by this row's `key` cells. */
export const lookup = (table: string, key: string[], column: string): Operand => ({
	lookup: { table, key, column },
})

export const eq = (left: Left, right: Literal | Operand) => compare(left, 'equals', right)
export const ne = (left: Left, right: Literal | Operand) => compare(left, 'notEquals', right)
export const oneOf = (left: Left, right: Literal[]) => compare(left, 'in', right)
export const noneOf = (left: Left, right: Literal[]) => compare(left, 'notIn', right)
export const includes = (left: Left, right: Literal) => compare(left, 'includes', right)
export const gt = (left: Left, right: Literal | Operand) => compare(left, 'gt', right)
export const gte = (left: Left, right: Literal | Operand) => compare(left, 'gte', right)
export const lt = (left: Left, right: Literal | Operand) => compare(left, 'lt', right)
export const lte = (left: Left, right: Literal | Operand) => compare(left, 'lte', right)
export const answered = (left: Left) => compare(left, 'answered')
export const unanswered = (left: Left) => compare(left, 'unanswered')
export const marked = (left: Left, marker?: string) => compare(left, 'marked', marker)

export const all = (...conditions: Condition[]): Condition => ({ all: conditions })
export const any = (...conditions: Condition[]): Condition => ({ any: conditions })
export const not = (condition: Condition): Condition => ({ not: condition })
export const anyRow = (table: string, where: Condition): Condition => ({ anyRow: table, where })
export const allRows = (table: string, where: Condition): Condition => ({ allRows: table, where })

/** "Answer is yes" for yes/no and yes/no/status questions. */
export const isYes = (left: Left) => eq(left, 'yes')

/** A trade row's partner country is never the reporting Party itself (an error). */
export const partnerNotReportingParty = (table: string, column: string): Rule => ({
	id: `${table}_partner_not_reporting_party`,
	kind: 'compare',
	severity: 'error',
	messageKey: 'partner_is_reporting_party',
	target: { question: table, column },
	op: 'notEquals',
	other: { context: 'partyCode' },
})
