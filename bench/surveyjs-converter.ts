/**
 * Converts one of our form definitions (and answers) into an equivalent SurveyJS survey, so the
 * benchmark can run the same work in `survey-core`: the same visibility conditions, required
 * checks and validators, as far as SurveyJS can express them.
 *
 * Mapping: part → page, section → panel, choices → radiogroup/checkbox/dropdown, contact →
 * multipletext, fixed-row table → matrixdropdown (rows = `rowsFor`), open table → matrixdynamic,
 * conditions → expression strings (`{row.x}` for cells, `countInArray`/`sumInArray` with an
 * unquoted row condition for table aggregates), rules → expression validators with their severity (`notificationType`).
 * What SurveyJS cannot express natively is a registered custom function: markers (encoded as
 * `~marker` strings), CAS/URL patterns, cross-field comparisons that skip blanks, and grouped
 * sums (partner quantities per chemical).
 */
import { FunctionFactory } from 'survey-core'
import { COUNTRIES, filterCodeList } from '#forms/codelists/index.ts'
import { rowsFor } from '#forms/engine/compile.ts'
import { PATTERNS } from '#forms/engine/patterns.ts'
import { periodYears } from '#forms/engine/rows.ts'
import { isMarked, isTableAnswer } from '#forms/engine/values.ts'
import type {
	Answers,
	CodeListFilter,
	Condition,
	FormContext,
	FormDefinition,
	Literal,
	Operand,
	Question,
	Rule,
	TableColumn,
	TableQuestion,
} from '#forms/types.ts'

type Json = Record<string, unknown>

const MARKER_PREFIX = '~'
/** SurveyJS reads "a|b" item values as "value|text", so fixed row keys use another separator. */
const surveyRowKey = (key: string) => key.replaceAll('|', '__')
/** SurveyJS expressions have no `null` literal: unbounded sides use huge numbers. */
const NO_BOUND_MIN = -1_000_000_000_000_000
const NO_BOUND_MAX = 1_000_000_000_000_000

// ---------------------------------------------------------------------------------------------
// Custom functions (registered once)
// ---------------------------------------------------------------------------------------------

const isBlank = (value: unknown) =>
	value === undefined ||
	value === null ||
	value === '' ||
	(Array.isArray(value) && value.length === 0)
const isMarkerString = (value: unknown) =>
	typeof value === 'string' && value.startsWith(MARKER_PREFIX)

function rowsOf(value: unknown): Record<string, unknown>[] {
	if (Array.isArray(value)) return value as Record<string, unknown>[]
	if (value && typeof value === 'object')
		return Object.values(value as Record<string, Record<string, unknown>>)
	return []
}

let registered = false
export function registerSurveyFunctions(): void {
	if (registered) return
	registered = true
	const factory = FunctionFactory.Instance
	factory.register(
		'isMarked',
		(params: unknown[]) =>
			isMarkerString(params[0]) &&
			(params[1] === undefined || params[0] === `${MARKER_PREFIX}${String(params[1])}`),
	)
	factory.register('numberOrMarker', (params: unknown[]) => {
		const [value, min, max, integer] = params
		if (isBlank(value) || isMarkerString(value)) return true
		if (typeof value !== 'number' || !Number.isFinite(value)) return false
		if (integer === true && !Number.isInteger(value)) return false
		if (typeof min === 'number' && value < min) return false
		return !(typeof max === 'number' && value > max)
	})
	// Fixed rows are keyed "A__B"; rowKeyPart picks dimension values out of such a key.
	factory.register('rowKeyPart', (params: unknown[]) => {
		const [key, ...indexes] = params
		const parts = String(key).split('__')
		return indexes.map((index) => parts[Number(index)]).join('__')
	})
	factory.register('lookupCell', (params: unknown[]) => {
		const [matrix, key, column] = params
		if (!matrix || typeof matrix !== 'object') return undefined
		const row = (matrix as Record<string, Record<string, unknown> | undefined>)[String(key)]
		return row?.[String(column)]
	})
	factory.register('matchesPattern', (params: unknown[]) => {
		const [value, pattern] = params
		if (isBlank(value) || isMarkerString(value)) return true
		return typeof value === 'string' && PATTERNS[pattern as keyof typeof PATTERNS](value)
	})
	factory.register('compareValues', (params: unknown[]) => {
		const [left, op, right] = params
		if (isBlank(left) || isBlank(right) || isMarkerString(left) || isMarkerString(right))
			return true
		const a = left as number | string
		const b = right as number | string
		switch (op) {
			case 'lte':
				return a <= b
			case 'lt':
				return a < b
			case 'gte':
				return a >= b
			case 'gt':
				return a > b
			case 'equals':
				return a === b
			default:
				return a !== b
		}
	})
	factory.register('groupSumsWithin', (params: unknown[]) => {
		const [source, sourceColumn, sourceGroup, reference, referenceColumn, referenceGroup, op] =
			params as [unknown, string, string, unknown, string, string, string]
		const sums = (value: unknown, column: string, group: string) => {
			const totals = new Map<string, { total: number; numeric: boolean }>()
			for (const row of rowsOf(value)) {
				const key = String(row[group] ?? '')
				const entry = totals.get(key) ?? { total: 0, numeric: false }
				const cell = row[column]
				if (typeof cell === 'number') {
					entry.total += cell
					entry.numeric = true
				}
				totals.set(key, entry)
			}
			return totals
		}
		const referenceSums = sums(reference, referenceColumn, referenceGroup)
		for (const [group, { total, numeric }] of sums(source, sourceColumn, sourceGroup)) {
			const ref = referenceSums.get(group)
			if (!numeric || !ref?.numeric) continue
			if (op === 'lte' ? total > ref.total : op === 'gte' ? total < ref.total : total !== ref.total)
				return false
		}
		return true
	})
}

// ---------------------------------------------------------------------------------------------
// Conditions → expressions
// ---------------------------------------------------------------------------------------------

interface ExpressionScope {
	ctx: FormContext
	/** How `{ cell }` operands are written: `{row.x}` in matrix columns, `{x}` inside *InArray. */
	cellPrefix: 'row.' | ''
	/** Fixed tables are keyed by row (matrixdropdown), so `{question}` of one is an object. */
	def: FormDefinition
	/**
	 * Inside a matrixdropdown's `rowsVisibleIf`, the row is only its key `{item}`: `{ cell }` and
	 * `{ lookup }` operands read dimension values out of it, by position.
	 */
	rowDimensions?: string[]
}

function literal(value: Literal): string {
	return typeof value === 'string' ? `'${value.replace(/'/g, "\\'")}'` : String(value)
}

function operand(op: Operand, scope: ExpressionScope): string {
	if ('question' in op) return op.field ? `{${op.question}.${op.field}}` : `{${op.question}}`
	if ('cell' in op) {
		if (scope.rowDimensions) return `rowKeyPart({item}, ${dimensionIndex(scope, op.cell)})`
		return `{${scope.cellPrefix}${op.cell}}`
	}
	if ('lookup' in op) {
		if (!scope.rowDimensions) throw new Error('lookup operands are only converted in rowsVisibleIf')
		const indexes = op.lookup.key.map((column) => dimensionIndex(scope, column)).join(', ')
		return `lookupCell({${op.lookup.table}}, rowKeyPart({item}, ${indexes}), '${op.lookup.column}')`
	}
	if ('context' in op) {
		if (op.context === 'partyCode') return literal(scope.ctx.partyCode)
		const years = periodYears(scope.ctx)
		return String(op.context === 'periodStartYear' ? years[0] : years[years.length - 1])
	}
	if ('sum' in op) {
		const where = op.sum.where ? `, ${expression(op.sum.where, { ...scope, cellPrefix: '' })}` : ''
		return `sumInArray({${op.sum.table}}, '${op.sum.column}'${where})`
	}
	const where = op.count.where
		? `, ${expression(op.count.where, { ...scope, cellPrefix: '' })}`
		: ''
	return `countInArray({${op.count.table}}, '${firstColumn(scope.def, op.count.table)}'${where})`
}

function dimensionIndex(scope: ExpressionScope, column: string): number {
	const index = scope.rowDimensions!.indexOf(column)
	if (index < 0) throw new Error(`rowsVisibleIf reads "${column}", which is not a dimension`)
	return index
}

function firstColumn(def: FormDefinition, tableId: string): string {
	const table = findQuestion(def, tableId) as TableQuestion | undefined
	return table?.columns[0]?.id ?? 'id'
}

function referencedCells(condition: Condition, into: Set<string> = new Set()): Set<string> {
	if ('all' in condition) condition.all.forEach((c) => referencedCells(c, into))
	else if ('any' in condition) condition.any.forEach((c) => referencedCells(c, into))
	else if ('not' in condition) referencedCells(condition.not, into)
	else if ('left' in condition) {
		for (const side of [condition.left, condition.right]) {
			if (side && typeof side === 'object' && !Array.isArray(side) && 'cell' in side)
				into.add(side.cell)
		}
	}
	return into
}

/** Renders a condition as a SurveyJS expression. */
export function expression(condition: Condition, scope: ExpressionScope): string {
	if ('all' in condition)
		return condition.all.length
			? `(${condition.all.map((c) => expression(c, scope)).join(' and ')})`
			: 'true'
	if ('any' in condition)
		return condition.any.length
			? `(${condition.any.map((c) => expression(c, scope)).join(' or ')})`
			: 'false'
	if ('not' in condition) return `!(${expression(condition.not, scope)})`
	if ('anyRow' in condition || 'allRows' in condition) {
		const table = 'anyRow' in condition ? condition.anyRow : condition.allRows
		const inner = expression(condition.where, { ...scope, cellPrefix: '' })
		const column = [...referencedCells(condition.where)][0] ?? firstColumn(scope.def, table)
		return 'anyRow' in condition
			? `countInArray({${table}}, '${column}', ${inner}) > 0`
			: `countInArray({${table}}, '${column}', !(${inner})) = 0`
	}
	const left = operand(condition.left, scope)
	const right = condition.right
	const rightText = (value: typeof right): string =>
		value === undefined
			? ''
			: Array.isArray(value)
				? `[${value.map(literal).join(', ')}]`
				: typeof value === 'object'
					? operand(value, scope)
					: literal(value)
	switch (condition.op) {
		case 'answered':
			return `${left} notempty`
		case 'unanswered':
			return `${left} empty`
		case 'marked':
			return right === undefined
				? `isMarked(${left})`
				: `isMarked(${left}, ${literal(right as Literal)})`
		case 'equals':
			return `${left} = ${rightText(right)}`
		case 'notEquals':
			return `${left} <> ${rightText(right)}`
		case 'in':
			return `(${(right as Literal[]).map((value) => `${left} = ${literal(value)}`).join(' or ')})`
		case 'notIn':
			return `!(${(right as Literal[]).map((value) => `${left} = ${literal(value)}`).join(' or ')})`
		case 'includes':
			return `${left} contains ${rightText(right)}`
		case 'gt':
			return `${left} > ${rightText(right)}`
		case 'gte':
			return `${left} >= ${rightText(right)}`
		case 'lt':
			return `${left} < ${rightText(right)}`
		case 'lte':
			return `${left} <= ${rightText(right)}`
	}
}

// ---------------------------------------------------------------------------------------------
// Definition → survey JSON
// ---------------------------------------------------------------------------------------------

function findQuestion(def: FormDefinition, id: string): Question | undefined {
	for (const part of def.parts) {
		for (const section of part.sections) {
			const found = section.questions.find((question) => question.id === id)
			if (found) return found
		}
	}
	return undefined
}

function choices(item: Question | TableColumn, ctx: FormContext): string[] | undefined {
	switch (item.type) {
		case 'yes_no':
			return ['yes', 'no']
		case 'yes_no_status':
			return ['yes', 'no', 'not_applicable', 'under_development']
		case 'single_choice':
		case 'multiple_choice':
			return 'options' in item && item.options
				? item.options
				: filterCodeList(
						(item as { codeList: string }).codeList,
						(item as { filter?: CodeListFilter }).filter,
						ctx,
					).map((entry) => entry.code)
		case 'country':
			return COUNTRIES.entries.map((entry) => entry.code)
		case 'chemical':
			return filterCodeList('sc-chemicals', item.filter, ctx).map((entry) => entry.code)
		default:
			return undefined
	}
}

function numericValidator(
	item: Question | TableColumn,
	ctx: FormContext,
	ref: string,
): Json | undefined {
	if (item.type !== 'integer' && item.type !== 'decimal' && item.type !== 'year') return undefined
	let min = 'min' in item ? item.min : undefined
	let max = 'max' in item ? item.max : undefined
	if (item.type === 'year' && item.withinPeriod) {
		const years = periodYears(ctx)
		min = years[0]
		max = years[years.length - 1]
	}
	return {
		type: 'expression',
		expression: `numberOrMarker(${ref}, ${min ?? NO_BOUND_MIN}, ${max ?? NO_BOUND_MAX}, ${item.type !== 'decimal'})`,
	}
}

/** Element properties shared by questions and matrix columns. */
function fieldJson(
	item: Question | TableColumn,
	def: FormDefinition,
	ctx: FormContext,
	ref: string,
	cellPrefix: 'row.' | '',
): Json {
	const scope: ExpressionScope = { ctx, cellPrefix, def }
	const json: Json = {}
	const options = choices(item, ctx)
	const multiple = item.type === 'multiple_choice' || ('multiple' in item && item.multiple === true)
	switch (item.type) {
		case 'yes_no':
		case 'yes_no_status':
		case 'single_choice':
			Object.assign(json, {
				type: options && options.length > 12 ? 'dropdown' : 'radiogroup',
				choices: options,
			})
			break
		case 'multiple_choice':
			Object.assign(json, { type: 'checkbox', choices: options })
			break
		case 'country':
		case 'chemical':
			Object.assign(json, { type: multiple ? 'tagbox' : 'dropdown', choices: options })
			break
		case 'long_text':
			json.type = 'comment'
			break
		case 'date':
			Object.assign(json, { type: 'text', inputType: 'date' })
			break
		case 'email':
			Object.assign(json, { type: 'text', inputType: 'email', validators: [{ type: 'email' }] })
			break
		case 'url':
			Object.assign(json, {
				type: 'text',
				inputType: 'url',
				validators: [{ type: 'expression', expression: `matchesPattern(${ref}, 'url')` }],
			})
			break
		case 'integer':
		case 'decimal':
		case 'year':
			// A number input would drop the `~marker` strings, so items that accept markers stay text.
			Object.assign(json, {
				type: 'text',
				...(item.markers?.length ? {} : { inputType: 'number' }),
				validators: [numericValidator(item, ctx, ref)],
			})
			break
		case 'checkbox':
			json.type = 'boolean'
			break
		default:
			json.type = 'text'
	}
	if ('maxLength' in item && item.maxLength) json.maxLength = item.maxLength
	if (item.required === true) json.isRequired = true
	else if (item.required && typeof item.required === 'object')
		json.requiredIf = expression(item.required, scope)
	if (item.visibleIf) json.visibleIf = expression(item.visibleIf, scope)
	return json
}

function questionJson(question: Question, def: FormDefinition, ctx: FormContext): Json {
	const ref = `{${question.id}}`
	if (question.type === 'contact') {
		return {
			type: 'multipletext',
			name: question.id,
			...(question.required === true ? { isRequired: true } : {}),
			...(question.visibleIf
				? { visibleIf: expression(question.visibleIf, { ctx, cellPrefix: '', def }) }
				: {}),
			items: question.fields.map((field) => ({
				name: field.id,
				...(field.required ? { isRequired: true } : {}),
				...(field.type === 'email' ? { validators: [{ type: 'email' }] } : {}),
				...(field.type === 'url'
					? {
							validators: [
								{
									type: 'expression',
									expression: `matchesPattern({${question.id}.${field.id}}, 'url')`,
								},
							],
						}
					: {}),
				...(field.type === 'phone'
					? {
							validators: [
								{
									type: 'expression',
									expression: `matchesPattern({${question.id}.${field.id}}, 'phone')`,
								},
							],
						}
					: {}),
			})),
		}
	}
	if (question.type === 'attachment') {
		return {
			type: 'file',
			name: question.id,
			allowMultiple: question.multiple === true,
			storeDataAsText: false,
		}
	}
	if (question.type === 'table') {
		const dims = question.rows.kind === 'fixed' ? question.rows.dimensions.map((d) => d.column) : []
		const columns = question.columns
			.filter((column) => !dims.includes(column.id))
			.map((column) => {
				const { type, ...rest } = fieldJson(column, def, ctx, `{row.${column.id}}`, 'row.')
				return { name: column.id, cellType: type, ...rest }
			})
		const common = {
			name: question.id,
			columns,
			...(question.required === true ? { isRequired: true } : {}),
			...(question.visibleIf
				? { visibleIf: expression(question.visibleIf, { ctx, cellPrefix: '', def }) }
				: {}),
		}
		if (question.rows.kind === 'fixed') {
			const rows = rowsFor(def, question, ctx).map((row) => surveyRowKey(row.key))
			const rowsVisibleIf = question.rows.visibleIf
				? expression(question.rows.visibleIf, { ctx, cellPrefix: '', def, rowDimensions: dims })
				: undefined
			return {
				type: 'matrixdropdown',
				...common,
				rows,
				...(rowsVisibleIf ? { rowsVisibleIf } : {}),
			}
		}
		return {
			type: 'matrixdynamic',
			...common,
			rowCount: 0,
			...(question.rows.minRows ? { minRowCount: question.rows.minRows } : {}),
			...(question.rows.maxRows ? { maxRowCount: question.rows.maxRows } : {}),
		}
	}
	const json: Json = { name: question.id, ...fieldJson(question, def, ctx, ref, '') }
	if (question.readOnly) json.readOnly = true
	if (question.prefill && question.readOnly) {
		const expected =
			question.prefill === 'partyCode'
				? literal(ctx.partyCode)
				: String(
						periodYears(ctx)[
							question.prefill === 'periodStartYear' ? 0 : periodYears(ctx).length - 1
						],
					)
		json.validators = [
			...((json.validators as Json[] | undefined) ?? []),
			{ type: 'expression', expression: `${ref} empty or ${ref} = ${expected}` },
		]
	}
	return json
}

function ruleValidator(
	rule: Exclude<Rule, { kind: 'aggregate' }>,
	def: FormDefinition,
	ctx: FormContext,
): Json {
	const inRow = rule.target.column !== undefined
	const scope: ExpressionScope = { ctx, cellPrefix: inRow ? 'row.' : '', def }
	const ref = inRow
		? `{row.${rule.target.column}}`
		: rule.target.field
			? `{${rule.target.question}.${rule.target.field}}`
			: `{${rule.target.question}}`
	let check: string
	switch (rule.kind) {
		case 'required':
			check = `${ref} notempty`
			break
		case 'range':
			check = `numberOrMarker(${ref}, ${rule.min ?? NO_BOUND_MIN}, ${rule.max ?? NO_BOUND_MAX}, false)`
			break
		case 'pattern':
			check = `matchesPattern(${ref}, '${rule.pattern}')`
			break
		case 'compare':
			check = `compareValues(${ref}, '${rule.op}', ${operand(rule.other, scope)})`
			break
		case 'assert':
			check = expression(rule.assert, scope)
			break
	}
	const guarded = rule.when ? `!(${expression(rule.when, scope)}) or (${check})` : check
	return {
		type: 'expression',
		expression: guarded,
		text: rule.messageKey,
		notificationType: rule.severity,
	}
}

/** Builds the SurveyJS JSON for a definition and a reporting context. */
export function toSurveyJson(def: FormDefinition, ctx: FormContext): Json {
	registerSurveyFunctions()
	const elements = new Map<string, Json>()
	const pages = def.parts.map((part) => ({
		name: part.id,
		...(part.visibleIf
			? { visibleIf: expression(part.visibleIf, { ctx, cellPrefix: '', def }) }
			: {}),
		elements: part.sections.map((section) => ({
			type: 'panel',
			name: section.id,
			...(section.visibleIf
				? { visibleIf: expression(section.visibleIf, { ctx, cellPrefix: '', def }) }
				: {}),
			elements: section.questions.map((question) => {
				const json = questionJson(question, def, ctx)
				elements.set(question.id, json)
				return json
			}),
		})),
	}))
	for (const rule of def.rules) {
		if (rule.kind === 'aggregate') {
			const target = elements.get(rule.source.table)!
			const validator = {
				type: 'expression',
				expression: `groupSumsWithin({${rule.source.table}}, '${rule.source.column}', '${rule.source.groupBy[0]}', {${rule.reference.table}}, '${rule.reference.column}', '${rule.reference.groupBy[0]}', '${rule.op}')`,
				text: rule.messageKey,
				notificationType: rule.severity,
			}
			target.validators = [...((target.validators as Json[] | undefined) ?? []), validator]
			continue
		}
		const target = elements.get(rule.target.question)!
		const validator = ruleValidator(rule, def, ctx)
		if (rule.target.column !== undefined) {
			const column = (target.columns as Json[]).find(
				(candidate) => candidate.name === rule.target.column,
			)!
			column.validators = [...((column.validators as Json[] | undefined) ?? []), validator]
		} else {
			target.validators = [...((target.validators as Json[] | undefined) ?? []), validator]
		}
	}
	return { pages, clearInvisibleValues: 'none', checkErrorsMode: 'onComplete' }
}

// ---------------------------------------------------------------------------------------------
// Answers → survey data
// ---------------------------------------------------------------------------------------------

function cellValue(value: unknown): unknown {
	return isMarked(value) ? `${MARKER_PREFIX}${value.marker}` : value
}

/** Converts our answers to SurveyJS data (markers become `~marker` strings). */
export function toSurveyData(def: FormDefinition, answers: Answers): Json {
	const data: Json = {}
	for (const [id, value] of Object.entries(answers)) {
		const question = findQuestion(def, id)
		if (!question || value === undefined) continue
		if (question.type === 'table' && isTableAnswer(value)) {
			const dims =
				question.rows.kind === 'fixed' ? question.rows.dimensions.map((d) => d.column) : []
			const rows = value.rows.map((row) => {
				const cells: Json = {}
				for (const [column, cell] of Object.entries(row.cells))
					if (!dims.includes(column)) cells[column] = cellValue(cell)
				return { id: row.id, cells }
			})
			data[id] =
				question.rows.kind === 'fixed'
					? Object.fromEntries(rows.map((row) => [surveyRowKey(row.id), row.cells]))
					: rows.map((row) => row.cells)
		} else if (question.type === 'attachment' && Array.isArray(value)) {
			data[id] = (value as { attachmentId: string; name: string }[]).map((file) => ({
				name: file.name,
				type: 'application/pdf',
				content: file.attachmentId,
			}))
		} else {
			data[id] = cellValue(value)
		}
	}
	return data
}
