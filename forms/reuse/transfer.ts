import { convertQuantity } from '../codelists/units.ts'
import { rowKey } from '../engine/rows.ts'
import { isMarked, isTableAnswer, tableRows } from '../engine/values.ts'
import { YES_NO } from '../vocabulary.ts'
import type {
	Answer,
	CellValue,
	ContactAnswer,
	ContactQuestion,
	Question,
	TableColumn,
	TableQuestion,
	TableRow,
} from '../types.ts'

/**
 * How an answer given to one form's question becomes an answer to another form's question of the
 * same concept ("report once", docs/decisions/014). A value moves only when both items ask it in a
 * compatible way, and arrives exactly as the target item would accept it typed by hand:
 *
 * - the same kind of answer: free text to free text (within the target's length), yes/no to
 *   yes/no (a yes/no answer also answers a yes/no/"under development" question), dates, years,
 *   e-mail, web address, countries, chemicals;
 * - choices only when every chosen code is an option of the target;
 * - quantities converted between units of one dimension (tonnes → kg); never across dimensions
 *   (kg of active ingredient is not kg of product);
 * - contact blocks field by field (the fields both ask);
 * - tables column by column (same concept, else same column id, and a compatible type); rows of an
 *   open table are copied, rows of a fixed table fill the target's rows with the same key; rows
 *   moved into an open table that are the same in every column it asks arrive once.
 *
 * Markers ("not available", "confidential"…) never move: they say something about one report.
 */

/** A unit conversion applied on the way. */
export type Conversion = { from: string; to: string }

export type Transferred = { value: Answer; conversions: Conversion[] }

type Scalar = Exclude<Question, ContactQuestion | TableQuestion | { type: 'attachment' }>
type ValueItem = Scalar | TableColumn

const TEXT_TYPES = new Set(['text', 'long_text'])
const SAME_TYPE_ONLY = new Set(['date', 'year', 'email', 'url', 'country', 'chemical', 'checkbox'])
const YES_NO_CODES = new Set<string>(YES_NO)

function optionsOf(item: ValueItem): { options?: string[]; codeList?: string } {
	if (item.type !== 'single_choice' && item.type !== 'multiple_choice') return {}
	return 'options' in item ? { options: item.options } : { codeList: item.codeList }
}

function choicesFit(target: ValueItem, source: ValueItem, value: unknown): boolean {
	const to = optionsOf(target)
	const from = optionsOf(source)
	const codes = Array.isArray(value) ? value : [value]
	if (!codes.every((code) => typeof code === 'string')) return false
	if (to.codeList) return to.codeList === from.codeList
	return codes.every((code) => to.options?.includes(code as string))
}

function numberOf(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function unitOf(item: ValueItem): string | undefined {
	return item.type === 'decimal' || item.type === 'integer' ? item.unit : undefined
}

/** One value (a scalar answer or a cell) from `source`'s shape into `target`'s, or undefined. */
export function transferScalar(
	target: ValueItem,
	source: ValueItem,
	value: unknown,
): { value: CellValue; conversion?: Conversion } | undefined {
	if (value === undefined || value === null || value === '' || isMarked(value)) return undefined
	if (TEXT_TYPES.has(target.type) && TEXT_TYPES.has(source.type)) {
		if (typeof value !== 'string') return undefined
		const max = 'maxLength' in target ? target.maxLength : undefined
		return max !== undefined && value.length > max ? undefined : { value }
	}
	if (target.type === 'yes_no' || target.type === 'yes_no_status') {
		if (source.type === target.type) return typeof value === 'string' ? { value } : undefined
		const fits = source.type === 'yes_no' && target.type === 'yes_no_status'
		return fits && YES_NO_CODES.has(value as string) ? { value: value as string } : undefined
	}
	if (target.type === 'single_choice' || target.type === 'multiple_choice') {
		if (source.type !== target.type || !choicesFit(target, source, value)) return undefined
		return { value: value as string | string[] }
	}
	if (target.type === 'decimal' || target.type === 'integer') {
		return transferQuantity(target, source, value)
	}
	if (SAME_TYPE_ONLY.has(target.type) && source.type === target.type) {
		if (target.type === 'country' || target.type === 'chemical') {
			const multiple = (item: ValueItem) => 'multiple' in item && item.multiple === true
			if (multiple(target) !== multiple(source)) return undefined
		}
		return { value: value as CellValue }
	}
	return undefined
}

function transferQuantity(
	target: ValueItem,
	source: ValueItem,
	value: unknown,
): { value: CellValue; conversion?: Conversion } | undefined {
	if (source.type !== 'decimal' && source.type !== 'integer') return undefined
	const amount = numberOf(value)
	if (amount === undefined) return undefined
	const to = unitOf(target)
	const from = unitOf(source)
	let converted = amount
	let conversion: Conversion | undefined
	if (to !== from) {
		if (!to || !from) return undefined
		const result = convertQuantity(amount, from, to)
		if (result === undefined) return undefined
		converted = result
		conversion = { from, to }
	}
	if (target.type === 'integer' && !Number.isInteger(converted)) return undefined
	// Decimal noise from the conversion (0.1 t → 100.00000000000001 kg) is not a quantity anyone gave.
	const rounded = Number(converted.toPrecision(12))
	return conversion ? { value: rounded, conversion } : { value: rounded }
}

function transferContact(
	target: ContactQuestion,
	source: ContactQuestion,
	value: unknown,
): Transferred | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value) || isMarked(value))
		return undefined
	const stored = value as ContactAnswer
	const sourceFields = new Set(source.fields.map((field) => field.id))
	const out: ContactAnswer = {}
	for (const field of target.fields) {
		const fieldValue = stored[field.id]
		if (sourceFields.has(field.id) && typeof fieldValue === 'string' && fieldValue.trim() !== '')
			out[field.id] = fieldValue
	}
	return Object.keys(out).length > 0 ? { value: out, conversions: [] } : undefined
}

/** Target column → source column: the same concept when both name one, else the same id. */
export function matchColumns(
	target: TableQuestion,
	source: TableQuestion,
): Map<string, TableColumn> {
	const matched = new Map<string, TableColumn>()
	for (const column of target.columns) {
		const byConcept = column.concept
			? source.columns.filter((c) => c.concept === column.concept && c.type === column.type)
			: []
		const candidate =
			byConcept.length === 1 ? byConcept[0] : source.columns.find((c) => c.id === column.id)
		if (candidate && transferableTypes(column, candidate)) matched.set(column.id, candidate)
	}
	return matched
}

function transferableTypes(target: TableColumn, source: TableColumn): boolean {
	if (target.type === source.type) return true
	const numeric = (type: string) => type === 'decimal' || type === 'integer'
	if (numeric(target.type) && numeric(source.type)) return true
	if (TEXT_TYPES.has(target.type) && TEXT_TYPES.has(source.type)) return true
	return target.type === 'yes_no_status' && source.type === 'yes_no'
}

function dimensionColumns(table: TableQuestion): string[] {
	return table.rows.kind === 'fixed' ? table.rows.dimensions.map((d) => d.column) : []
}

function transferRow(
	target: TableQuestion,
	columns: Map<string, TableColumn>,
	row: TableRow,
	conversions: Conversion[],
): Record<string, CellValue> {
	const cells: Record<string, CellValue> = {}
	for (const column of target.columns) {
		const from = columns.get(column.id)
		if (!from) continue
		const moved = transferScalar(column, from, row.cells[from.id])
		if (!moved) continue
		cells[column.id] = moved.value
		if (moved.conversion) conversions.push(moved.conversion)
	}
	return cells
}

/**
 * Rows keep their key in a fixed table (the key is made of the dimension cells, so a row moves
 * only when every dimension column was matched) and get a new id in an open one.
 */
function transferTable(
	target: TableQuestion,
	source: TableQuestion,
	value: unknown,
	expectedKeys: ReadonlySet<string> | undefined,
): Transferred | undefined {
	if (!isTableAnswer(value)) return undefined
	const columns = matchColumns(target, source)
	const dimensions = dimensionColumns(target)
	const answerable = target.columns.filter((c) => !c.readOnly && !dimensions.includes(c.id))
	if (!answerable.some((column) => columns.has(column.id))) return undefined
	if (dimensions.some((column) => !columns.has(column))) return undefined
	const conversions: Conversion[] = []
	const rows: TableRow[] = []
	const moved = new Set<string>()
	for (const row of tableRows(value)) {
		const cells = transferRow(target, columns, row, conversions)
		if (!answerable.some((column) => cells[column.id] !== undefined)) continue
		if (dimensions.length === 0) {
			// Rows that differed only in columns the target does not ask (a measure named once
			// per chemical) arrive once.
			const fingerprint = JSON.stringify(target.columns.map((column) => cells[column.id] ?? null))
			if (moved.has(fingerprint)) continue
			moved.add(fingerprint)
			rows.push({ id: `reused-${rows.length + 1}`, cells })
			continue
		}
		const key = rowKey(dimensions.map((column) => cells[column] as string | number))
		if (expectedKeys && !expectedKeys.has(key)) continue
		rows.push({ id: key, key, cells })
	}
	if (rows.length === 0) return undefined
	return { value: { rows }, conversions: dedupe(conversions) }
}

function dedupe(conversions: Conversion[]): Conversion[] {
	const seen = new Map(conversions.map((c) => [`${c.from}>${c.to}`, c]))
	return [...seen.values()]
}

/**
 * `value`, the answer to `source`, as an answer to `target`; undefined when the two questions do
 * not ask the same thing in a way one answer can serve (see above). `expectedKeys`: the keys of a
 * fixed target table's rows for the report's Party and period (rows outside them are not offered).
 */
export function transferAnswer(
	target: Question,
	source: Question,
	value: unknown,
	expectedKeys?: ReadonlySet<string>,
): Transferred | undefined {
	if (target.type === 'attachment' || source.type === 'attachment') return undefined
	if (target.type === 'contact' || source.type === 'contact') {
		return target.type === 'contact' && source.type === 'contact'
			? transferContact(target, source, value)
			: undefined
	}
	if (target.type === 'table' || source.type === 'table') {
		return target.type === 'table' && source.type === 'table'
			? transferTable(target, source, value, expectedKeys)
			: undefined
	}
	const moved = transferScalar(target, source, value)
	return moved
		? { value: moved.value, conversions: moved.conversion ? [moved.conversion] : [] }
		: undefined
}
