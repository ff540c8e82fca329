/**
 * Meta-schema of form definitions.
 *
 * `FormDefinitionSchema` (zod) checks the shape of a definition and, in one `superRefine`, its
 * integrity. Every integrity problem carries a named code (`DefinitionErrorCode`) so tests and
 * tooling never match on message text:
 *
 * | code                   | raised when                                                           |
 * |------------------------|-----------------------------------------------------------------------|
 * | `invalid_shape`        | the structure does not match the types (zod's own issues)             |
 * | `duplicate_id`         | a part, section or question id repeats (one namespace per definition) |
 * | `duplicate_column`     | a column id repeats within a table                                    |
 * | `duplicate_field`      | a contact field id repeats within a contact block                     |
 * | `duplicate_option`     | an inline option code repeats                                         |
 * | `duplicate_rule`       | a rule id repeats                                                     |
 * | `invalid_options`      | a choice has both or neither of `options` and `codeList`              |
 * | `unknown_question`     | a condition, operand or rule references a missing question            |
 * | `unknown_column`       | … a missing table column                                              |
 * | `unknown_field`        | … a missing contact field                                             |
 * | `invalid_reference`    | a reference of the wrong kind (row aggregate over a non-table, `cell` |
 * |                        | outside a row, `sum` over a non-numeric column, …)                    |
 * | `unknown_option`       | a comparison uses a code that the referenced choice does not offer    |
 * | `invalid_comparison`   | operator and right-hand side do not fit (`in` without a list, …)      |
 * | `condition_cycle`      | visibility conditions depend on each other in a cycle                 |
 * | `unknown_code_list`    | a code list id is not in `forms/codelists`                            |
 * | `undeclared_code_list` | a code list is used but not declared in `codeLists`                   |
 * | `unknown_concept`      | a concept id is not in `forms/concepts.ts`                            |
 * | `unknown_unit`         | a unit is not in the `units` code list                                |
 * | `invalid_fixed_rows`   | a fixed-row dimension names a missing or non-read-only column, twice, |
 * |                        | or `inForceFor` names no earlier chemical dimension                   |
 * | `invalid_fill`         | a `fillEmpty` value or marker fits no editable column of the table    |
 * | `invalid_rule_target`  | a rule's kind does not fit its target (range on text, …)              |
 * | `invalid_bounds`       | `min` greater than `max`                                              |
 * | `missing_english`      | `languages` does not include `en` (the fallback language)             |
 * | `unknown_variant`      | a part, section or question is limited to a variant the definition    |
 * |                        | does not declare in `variants`, or a declared variant id repeats      |
 */
import { z } from 'zod'
import { getCodeList, UNITS } from './codelists/index.ts'
import { isConceptId } from './concepts.ts'
import type {
	Condition,
	ContactQuestion,
	FormDefinition,
	Operand,
	Question,
	Rule,
	RuleTarget,
	TableColumn,
	TableQuestion,
} from './types.ts'
import { DEFINITION_SCHEMA_VERSION, LANGUAGES, MARKERS } from './types.ts'
import { YES_NO, YES_NO_STATUS } from './vocabulary.ts'

export type DefinitionErrorCode =
	| 'invalid_shape'
	| 'duplicate_id'
	| 'duplicate_column'
	| 'duplicate_field'
	| 'duplicate_option'
	| 'duplicate_rule'
	| 'invalid_options'
	| 'unknown_question'
	| 'unknown_column'
	| 'unknown_field'
	| 'invalid_reference'
	| 'unknown_option'
	| 'invalid_comparison'
	| 'condition_cycle'
	| 'unknown_code_list'
	| 'undeclared_code_list'
	| 'unknown_concept'
	| 'unknown_unit'
	| 'invalid_fixed_rows'
	| 'invalid_fill'
	| 'invalid_rule_target'
	| 'invalid_bounds'
	| 'missing_english'
	| 'unknown_variant'

export interface DefinitionError {
	code: DefinitionErrorCode
	path: (string | number)[]
	message: string
}

// ---------------------------------------------------------------------------------------------
// Shape
// ---------------------------------------------------------------------------------------------

/** Ids of parts, sections, questions, columns and fields: lower snake case (safe as i18n and form keys). */
const Id = z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower snake case id expected')
/** Option and code-list codes. */
const Code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'code expected')
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD expected')
const Literal = z.union([z.string(), z.number(), z.boolean()])
const MarkerSchema = z.enum(MARKERS as [string, ...string[]])
const ContextValueSchema = z.enum(['partyCode', 'periodStartYear', 'periodEndYear'])

const OperandSchema: z.ZodType<Operand> = z.lazy(() =>
	z.union([
		z.strictObject({ question: Id, field: Id.optional() }),
		z.strictObject({ cell: Id }),
		z.strictObject({ context: ContextValueSchema }),
		z.strictObject({
			sum: z.strictObject({ table: Id, column: Id, where: ConditionSchema.optional() }),
		}),
		z.strictObject({ count: z.strictObject({ table: Id, where: ConditionSchema.optional() }) }),
		z.strictObject({
			lookup: z.strictObject({ table: Id, key: z.array(Id).min(1), column: Id }),
		}),
	]),
)

const ComparisonOpSchema = z.enum([
	'equals',
	'notEquals',
	'in',
	'notIn',
	'includes',
	'gt',
	'gte',
	'lt',
	'lte',
	'answered',
	'unanswered',
	'marked',
])

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ all: z.array(ConditionSchema) }),
		z.strictObject({ any: z.array(ConditionSchema) }),
		z.strictObject({ not: ConditionSchema }),
		z.strictObject({ anyRow: Id, where: ConditionSchema }),
		z.strictObject({ allRows: Id, where: ConditionSchema }),
		z.strictObject({
			left: OperandSchema,
			op: ComparisonOpSchema,
			right: z.union([Literal, z.array(Literal), OperandSchema]).optional(),
		}),
	]),
)

const CodeListFilterSchema = z.strictObject({
	where: z.record(z.string(), z.union([Literal, z.array(Literal)])).optional(),
	adoptedOnOrBefore: IsoDate.optional(),
	inForceForParty: z.boolean().optional(),
})

const itemCommon = {
	id: Id,
	concept: z.string().optional(),
	markers: z.array(MarkerSchema).optional(),
	required: z.union([z.boolean(), ConditionSchema]).optional(),
	visibleIf: ConditionSchema.optional(),
	textKey: Id.optional(),
	reconstructed: z.string().optional(),
	periodBound: z.boolean().optional(),
	variants: z.array(Id).min(1).optional(),
}

const choiceShape = {
	options: z.array(Code).min(1).optional(),
	codeList: z.string().optional(),
	filter: CodeListFilterSchema.optional(),
}
const numberShape = {
	min: z.number().optional(),
	max: z.number().optional(),
	unit: z.string().optional(),
}

/** Scalar type shapes shared by questions and table columns. */
const scalarShapes = {
	yes_no: {},
	yes_no_status: {},
	single_choice: choiceShape,
	multiple_choice: choiceShape,
	text: { maxLength: z.number().int().positive().optional() },
	long_text: { maxLength: z.number().int().positive().optional() },
	integer: numberShape,
	decimal: numberShape,
	year: {
		min: z.number().int().optional(),
		max: z.number().int().optional(),
		withinPeriod: z.boolean().optional(),
	},
	date: { min: IsoDate.optional(), max: IsoDate.optional() },
	email: {},
	url: {},
	country: { multiple: z.boolean().optional() },
	chemical: { multiple: z.boolean().optional(), filter: CodeListFilterSchema.optional() },
} as const

type ScalarTypeName = keyof typeof scalarShapes
const scalarTypeNames = Object.keys(scalarShapes) as ScalarTypeName[]

const scalarQuestionSchemas = scalarTypeNames.map((type) =>
	z.strictObject({
		...itemCommon,
		...scalarShapes[type],
		type: z.literal(type),
		prefill: ContextValueSchema.optional(),
		readOnly: z.boolean().optional(),
	}),
)

/** A table column has what a question has, and may be read-only (filled by the system). */
const { variants: _variants, ...columnItemCommon } = itemCommon
const columnCommon = {
	...columnItemCommon,
	readOnly: z.boolean().optional(),
}

const TableColumnSchema = z.discriminatedUnion('type', [
	...scalarTypeNames.map((type) =>
		z.strictObject({ ...columnCommon, ...scalarShapes[type], type: z.literal(type) }),
	),
	z.strictObject({ ...columnCommon, type: z.literal('checkbox') }),
] as unknown as [z.ZodObject<{ type: z.ZodLiteral<string> }>])

const RowDimensionSchema = z.union([
	z.strictObject({ column: Id, codeList: z.string(), filter: CodeListFilterSchema.optional() }),
	z.strictObject({ column: Id, periodYears: z.literal(true), inForceFor: Id.optional() }),
	z.strictObject({ column: Id, codes: z.array(Code).min(1) }),
])

const TableRowsSchema = z.discriminatedUnion('kind', [
	z.strictObject({
		kind: z.literal('fixed'),
		dimensions: z.array(RowDimensionSchema).min(1),
		visibleIf: ConditionSchema.optional(),
	}),
	z.strictObject({
		kind: z.literal('open'),
		minRows: z.number().int().nonnegative().optional(),
		maxRows: z.number().int().positive().optional(),
	}),
])

const QuestionSchema = z.discriminatedUnion('type', [
	...scalarQuestionSchemas,
	z.strictObject({
		...itemCommon,
		type: z.literal('contact'),
		fields: z
			.array(
				z.strictObject({
					id: Id,
					type: z.enum(['text', 'long_text', 'email', 'url', 'phone']),
					required: z.boolean().optional(),
				}),
			)
			.min(1),
	}),
	z.strictObject({
		...itemCommon,
		type: z.literal('attachment'),
		multiple: z.boolean().optional(),
	}),
	z.strictObject({
		...itemCommon,
		type: z.literal('table'),
		rows: TableRowsSchema,
		columns: z.array(TableColumnSchema).min(1),
		fillEmpty: z
			.array(
				z.union([z.strictObject({ value: Literal }), z.strictObject({ marker: MarkerSchema })]),
			)
			.min(1)
			.optional(),
	}),
] as unknown as [z.ZodObject<{ type: z.ZodLiteral<string> }>])

const RuleTargetSchema = z.strictObject({
	question: Id,
	column: Id.optional(),
	field: Id.optional(),
})
const ruleCommon = {
	id: Id,
	severity: z.enum(['error', 'warning']),
	messageKey: z.string().regex(/^[a-z][a-z0-9_]*$/),
	when: ConditionSchema.optional(),
}
const RuleSchema = z.discriminatedUnion('kind', [
	z.strictObject({ ...ruleCommon, kind: z.literal('required'), target: RuleTargetSchema }),
	z.strictObject({
		...ruleCommon,
		kind: z.literal('range'),
		target: RuleTargetSchema,
		min: z.number().optional(),
		max: z.number().optional(),
	}),
	z.strictObject({
		...ruleCommon,
		kind: z.literal('pattern'),
		target: RuleTargetSchema,
		pattern: z.enum(['cas', 'email', 'url', 'phone', 'iso_date']),
	}),
	z.strictObject({
		...ruleCommon,
		kind: z.literal('compare'),
		target: RuleTargetSchema,
		op: z.enum(['equals', 'notEquals', 'gt', 'gte', 'lt', 'lte']),
		other: OperandSchema,
	}),
	z.strictObject({
		...ruleCommon,
		kind: z.literal('aggregate'),
		source: z.strictObject({ table: Id, column: Id, groupBy: z.array(Id) }),
		op: z.enum(['lte', 'gte', 'equals']),
		reference: z.strictObject({ table: Id, column: Id, groupBy: z.array(Id) }),
	}),
	z.strictObject({
		...ruleCommon,
		kind: z.literal('assert'),
		target: RuleTargetSchema,
		assert: ConditionSchema,
	}),
])

const SectionSchema = z.strictObject({
	id: Id,
	visibleIf: ConditionSchema.optional(),
	variants: z.array(Id).min(1).optional(),
	questions: z.array(QuestionSchema).min(1),
	reconstructed: z.string().optional(),
})

const PartSchema = z.strictObject({
	id: Id,
	visibleIf: ConditionSchema.optional(),
	variants: z.array(Id).min(1).optional(),
	sections: z.array(SectionSchema).min(1),
	reconstructed: z.string().optional(),
})

const FormDefinitionShape = z.strictObject({
	schemaVersion: z.literal(DEFINITION_SCHEMA_VERSION),
	formId: z.string().regex(/^[a-z][a-z0-9-]*$/),
	version: z.number().int().positive(),
	convention: z.enum(['stockholm', 'basel', 'rotterdam', 'minamata']),
	reportingPeriod: z.strictObject({
		startYear: z.number().int(),
		endYear: z.number().int(),
		rule: z.string().min(1),
		reconstructed: z.string().optional(),
	}),
	deadline: IsoDate,
	languages: z.array(z.enum(LANGUAGES)).min(1),
	codeLists: z.record(z.string(), z.string()),
	variants: z
		.array(z.strictObject({ id: Id, reconstructed: z.string().optional() }))
		.min(2)
		.optional(),
	parts: z.array(PartSchema).min(1),
	rules: z.array(RuleSchema),
	reconstructed: z.string().optional(),
})

/** The meta-schema: shape plus integrity (each integrity issue has `params.code`). */
export const FormDefinitionSchema = FormDefinitionShape.superRefine((def, ctx) => {
	for (const error of checkDefinitionIntegrity(def as unknown as FormDefinition)) {
		ctx.addIssue({
			code: 'custom',
			message: error.message,
			path: error.path,
			params: { code: error.code },
		})
	}
}) as unknown as z.ZodType<FormDefinition>

/**
 * Validates an unknown value as a form definition. Never throws.
 * `errors` lists shape problems (`invalid_shape`) or, when the shape is right, integrity problems.
 */
export function validateDefinition(
	value: unknown,
): { ok: true; definition: FormDefinition; errors: [] } | { ok: false; errors: DefinitionError[] } {
	const result = FormDefinitionSchema.safeParse(value)
	if (result.success) return { ok: true, definition: result.data, errors: [] }
	return {
		ok: false,
		errors: result.error.issues.map((issue) => {
			const params = (issue as { params?: { code?: DefinitionErrorCode } }).params
			return {
				code: params?.code ?? 'invalid_shape',
				path: issue.path.map((segment) =>
					typeof segment === 'symbol' ? String(segment) : segment,
				),
				message: issue.message,
			}
		}),
	}
}

// ---------------------------------------------------------------------------------------------
// Integrity
// ---------------------------------------------------------------------------------------------

const NUMERIC_TYPES = new Set(['integer', 'decimal', 'year'])
const TEXT_TYPES = new Set(['text', 'long_text', 'email', 'url'])

type Path = (string | number)[]
type Typed = { type: string; options?: string[] }

/** Codes a choice-like item offers, or `undefined` when it is not restricted to inline codes. */
function offeredCodes(item: Typed): string[] | undefined {
	if (item.type === 'yes_no') return [...YES_NO]
	if (item.type === 'yes_no_status') return [...YES_NO_STATUS]
	if ((item.type === 'single_choice' || item.type === 'multiple_choice') && item.options)
		return item.options
	return undefined
}

/** Whether a fill value has the type of a column (options and bounds are checked on use). */
function fillValueFits(column: TableColumn, value: string | number | boolean): boolean {
	if (column.type === 'checkbox') return typeof value === 'boolean'
	if (NUMERIC_TYPES.has(column.type)) return typeof value === 'number'
	const codes = offeredCodes(column as Typed)
	if (codes) return typeof value === 'string' && codes.includes(value)
	return typeof value === 'string'
}

/** What every integrity checker reads and where it reports. */
interface IntegrityContext {
	def: FormDefinition
	errors: DefinitionError[]
	/** Each question id with the first question that claims it and where it is. */
	questions: Map<string, { question: Question; path: Path }>
}

function report(ctx: IntegrityContext, code: DefinitionErrorCode, path: Path, message: string) {
	ctx.errors.push({ code, path, message })
}

function checkLanguages(ctx: IntegrityContext): void {
	if (!ctx.def.languages.includes('en')) {
		report(
			ctx,
			'missing_english',
			['languages'],
			'English is the fallback language and must be offered',
		)
	}
}

/** Ids are unique across parts, sections and questions; indexes where each question lives. */
function checkIds(ctx: IntegrityContext): void {
	const seenIds = new Set<string>()
	const claim = (id: string, path: Path) => {
		if (seenIds.has(id)) report(ctx, 'duplicate_id', path, `id "${id}" is used more than once`)
		seenIds.add(id)
	}
	ctx.def.parts.forEach((part, p) => {
		claim(part.id, ['parts', p, 'id'])
		part.sections.forEach((section, s) => {
			claim(section.id, ['parts', p, 'sections', s, 'id'])
			section.questions.forEach((question, q) => {
				const path: Path = ['parts', p, 'sections', s, 'questions', q]
				claim(question.id, [...path, 'id'])
				if (!ctx.questions.has(question.id)) ctx.questions.set(question.id, { question, path })
			})
		})
	})
}

function checkDeclaredCodeLists(ctx: IntegrityContext): void {
	for (const listId of Object.keys(ctx.def.codeLists)) {
		if (!getCodeList(listId))
			report(ctx, 'unknown_code_list', ['codeLists', listId], `unknown code list "${listId}"`)
	}
}

/** A code list used by an item exists and is declared in `codeLists`. */
function checkListUse(ctx: IntegrityContext, listId: string, path: Path): void {
	if (!getCodeList(listId)) report(ctx, 'unknown_code_list', path, `unknown code list "${listId}"`)
	else if (!(listId in ctx.def.codeLists)) {
		report(ctx, 'undeclared_code_list', path, `code list "${listId}" is not declared in codeLists`)
	}
}

function checkConcept(ctx: IntegrityContext, concept: string | undefined, path: Path): void {
	if (concept !== undefined && !isConceptId(concept)) {
		report(ctx, 'unknown_concept', [...path, 'concept'], `unknown concept "${concept}"`)
	}
}

const UNIT_CODES = new Set(UNITS.entries.map((entry) => entry.code))

/** Checks of a scalar type shared by questions and columns. */
function checkScalar(
	ctx: IntegrityContext,
	item: Record<string, unknown> & { type: string },
	path: Path,
): void {
	if (item.type === 'single_choice' || item.type === 'multiple_choice') {
		const hasOptions = Array.isArray(item.options)
		const hasList = typeof item.codeList === 'string'
		if (hasOptions === hasList) {
			report(ctx, 'invalid_options', path, 'a choice needs exactly one of "options" or "codeList"')
		}
		if (hasList) checkListUse(ctx, item.codeList as string, [...path, 'codeList'])
		if (hasOptions) {
			const seen = new Set<string>()
			;(item.options as string[]).forEach((code, i) => {
				if (seen.has(code))
					report(ctx, 'duplicate_option', [...path, 'options', i], `option "${code}" repeats`)
				seen.add(code)
			})
		}
	}
	if (item.type === 'country') checkListUse(ctx, 'countries', [...path, 'type'])
	if (item.type === 'chemical') checkListUse(ctx, 'sc-chemicals', [...path, 'type'])
	if (typeof item.unit === 'string' && !UNIT_CODES.has(item.unit)) {
		report(ctx, 'unknown_unit', [...path, 'unit'], `unknown unit "${item.unit}"`)
	}
	if (
		item.min !== undefined &&
		item.max !== undefined &&
		(item.min as number | string) > (item.max as number | string)
	) {
		report(ctx, 'invalid_bounds', path, 'min is greater than max')
	}
}

function checkContactFields(ctx: IntegrityContext, question: ContactQuestion, path: Path): void {
	const seen = new Set<string>()
	question.fields.forEach((field, i) => {
		if (seen.has(field.id))
			report(ctx, 'duplicate_field', [...path, 'fields', i], `field "${field.id}" repeats`)
		seen.add(field.id)
	})
}

function checkColumns(ctx: IntegrityContext, question: TableQuestion, path: Path): void {
	const seen = new Set<string>()
	question.columns.forEach((column, i) => {
		const columnPath = [...path, 'columns', i]
		if (seen.has(column.id))
			report(ctx, 'duplicate_column', columnPath, `column "${column.id}" repeats`)
		seen.add(column.id)
		checkConcept(ctx, column.concept, columnPath)
		checkScalar(ctx, column as unknown as Record<string, unknown> & { type: string }, columnPath)
	})
}

/** Dimensions are distinct read-only columns; `inForceFor` names an earlier chemical dimension. */
function checkFixedRows(ctx: IntegrityContext, question: TableQuestion, path: Path): void {
	if (question.rows.kind !== 'fixed') return
	const dimensions = question.rows.dimensions
	const dimensionColumns = new Set<string>()
	dimensions.forEach((dimension, i) => {
		const dimPath = [...path, 'rows', 'dimensions', i]
		const column = question.columns.find((candidate) => candidate.id === dimension.column)
		if (!column || !column.readOnly || dimensionColumns.has(dimension.column)) {
			report(
				ctx,
				'invalid_fixed_rows',
				dimPath,
				`dimension column "${dimension.column}" must be a distinct read-only column of the table`,
			)
		}
		if ('codeList' in dimension) checkListUse(ctx, dimension.codeList, [...dimPath, 'codeList'])
		if ('inForceFor' in dimension && dimension.inForceFor !== undefined) {
			const chemical = dimensions.find((other) => other.column === dimension.inForceFor)
			if (
				!dimensionColumns.has(dimension.inForceFor) ||
				!chemical ||
				!('codeList' in chemical) ||
				chemical.codeList !== 'sc-chemicals'
			) {
				report(
					ctx,
					'invalid_fixed_rows',
					[...dimPath, 'inForceFor'],
					`"inForceFor" must name an earlier chemical dimension of the table`,
				)
			}
		}
		dimensionColumns.add(dimension.column)
	})
}

function checkFillEmpty(ctx: IntegrityContext, question: TableQuestion, path: Path): void {
	question.fillEmpty?.forEach((fill, i) => {
		const answerColumns = question.columns.filter((column) => !column.readOnly)
		const fits =
			'marker' in fill
				? answerColumns.some((column) => column.markers?.includes(fill.marker))
				: answerColumns.some((column) => fillValueFits(column, fill.value))
		if (!fits) {
			report(
				ctx,
				'invalid_fill',
				[...path, 'fillEmpty', i],
				`no editable column of "${question.id}" accepts this fill value`,
			)
		}
	})
}

/** The structure of each question: concept, fields, columns, rows, fill values, scalar settings. */
function checkQuestionStructure(ctx: IntegrityContext): void {
	for (const { question, path } of ctx.questions.values()) {
		checkConcept(ctx, question.concept, path)
		if (question.type === 'contact') checkContactFields(ctx, question, path)
		else if (question.type === 'table') {
			checkColumns(ctx, question, path)
			checkFixedRows(ctx, question, path)
			checkFillEmpty(ctx, question, path)
		} else if (question.type !== 'attachment') {
			checkScalar(ctx, question as unknown as Record<string, unknown> & { type: string }, path)
		}
	}
}

function getTable(ctx: IntegrityContext, id: string, path: Path): TableQuestion | undefined {
	const entry = ctx.questions.get(id)
	if (!entry) {
		report(ctx, 'unknown_question', path, `unknown question "${id}"`)
		return undefined
	}
	if (entry.question.type !== 'table') {
		report(ctx, 'invalid_reference', path, `"${id}" is not a table`)
		return undefined
	}
	return entry.question
}

function getColumn(
	ctx: IntegrityContext,
	table: TableQuestion,
	id: string,
	path: Path,
): TableColumn | undefined {
	const column = table.columns.find((candidate) => candidate.id === id)
	if (!column) report(ctx, 'unknown_column', path, `table "${table.id}" has no column "${id}"`)
	return column
}

function isCompound(item: Typed): boolean {
	return item.type === 'table' || item.type === 'contact' || item.type === 'attachment'
}

function checkQuestionOperand(
	ctx: IntegrityContext,
	operand: Extract<Operand, { question: string }>,
	path: Path,
): Typed | undefined {
	const entry = ctx.questions.get(operand.question)
	if (!entry) {
		report(ctx, 'unknown_question', path, `unknown question "${operand.question}"`)
		return undefined
	}
	const target = entry.question
	if (operand.field !== undefined) {
		if (target.type !== 'contact') {
			report(ctx, 'invalid_reference', path, `"${target.id}" is not a contact block`)
		} else if (!target.fields.some((field) => field.id === operand.field)) {
			report(ctx, 'unknown_field', path, `contact "${target.id}" has no field "${operand.field}"`)
		}
		return undefined
	}
	// answered/unanswered are the only meaningful comparisons of compound items; checked by the caller.
	if (isCompound(target)) return { type: target.type }
	return target as Typed
}

function checkSumOperand(
	ctx: IntegrityContext,
	operand: Extract<Operand, { sum: unknown }>,
	path: Path,
): Typed {
	const table = getTable(ctx, operand.sum.table, [...path, 'sum', 'table'])
	if (table) {
		const column = getColumn(ctx, table, operand.sum.column, [...path, 'sum', 'column'])
		if (column && !NUMERIC_TYPES.has(column.type)) {
			report(
				ctx,
				'invalid_reference',
				[...path, 'sum', 'column'],
				`column "${column.id}" is not numeric`,
			)
		}
		if (operand.sum.where) checkCondition(ctx, operand.sum.where, [...path, 'sum', 'where'], table)
	}
	return { type: 'decimal' }
}

function checkLookupOperand(
	ctx: IntegrityContext,
	operand: Extract<Operand, { lookup: unknown }>,
	path: Path,
	row: TableQuestion | undefined,
): Typed | undefined {
	if (!row) {
		report(ctx, 'invalid_reference', path, '"lookup" can only be used inside a table row')
		return undefined
	}
	const { lookup } = operand
	lookup.key.forEach((id, i) => getColumn(ctx, row, id, [...path, 'lookup', 'key', i]))
	const table = getTable(ctx, lookup.table, [...path, 'lookup', 'table'])
	if (!table) return undefined
	if (table.rows.kind !== 'fixed' || table.rows.dimensions.length !== lookup.key.length) {
		report(
			ctx,
			'invalid_reference',
			[...path, 'lookup'],
			`"lookup" needs a fixed-row table keyed by ${lookup.key.length} dimension(s)`,
		)
	}
	return getColumn(ctx, table, lookup.column, [...path, 'lookup', 'column']) as Typed | undefined
}

/** Returns the item the operand reads (for option checks), after checking it exists. */
function checkOperand(
	ctx: IntegrityContext,
	operand: Operand,
	path: Path,
	row: TableQuestion | undefined,
): Typed | undefined {
	if ('question' in operand) return checkQuestionOperand(ctx, operand, path)
	if ('cell' in operand) {
		if (!row) {
			report(ctx, 'invalid_reference', path, '"cell" can only be used inside a table row')
			return undefined
		}
		return getColumn(ctx, row, operand.cell, path) as Typed | undefined
	}
	if ('sum' in operand) return checkSumOperand(ctx, operand, path)
	if ('count' in operand) {
		const table = getTable(ctx, operand.count.table, [...path, 'count', 'table'])
		if (table && operand.count.where)
			checkCondition(ctx, operand.count.where, [...path, 'count', 'where'], table)
		return { type: 'integer' }
	}
	if ('lookup' in operand) return checkLookupOperand(ctx, operand, path, row)
	return operand.context === 'partyCode' ? { type: 'country' } : { type: 'year' }
}

type Comparison = Extract<Condition, { op: unknown }>

/**
 * Whether the operator fits the compared item and the right-hand side, reported with the first
 * misfit; `undefined` when the comparison goes on to its options and bounds.
 */
function comparisonMisfit(
	left: Typed | undefined,
	op: Comparison['op'],
	right: Comparison['right'],
): string | undefined {
	if (op === 'marked') {
		const isMarker = typeof right === 'string' && (MARKERS as string[]).includes(right)
		return right !== undefined && !isMarker ? '"marked" takes no value or a marker' : undefined
	}
	if (left && isCompound(left)) return `a ${left.type} can only be tested with answered/unanswered`
	if (right === undefined) return `"${op}" needs a right-hand side`
	if ((op === 'in' || op === 'notIn') && !Array.isArray(right)) return `"${op}" needs a list`
	if (op !== 'in' && op !== 'notIn' && Array.isArray(right)) return `"${op}" does not take a list`
	return undefined
}

function checkComparison(
	ctx: IntegrityContext,
	condition: Comparison,
	path: Path,
	row: TableQuestion | undefined,
): void {
	const left = checkOperand(ctx, condition.left, [...path, 'left'], row)
	const { op, right } = condition
	const rightIsOperand = typeof right === 'object' && right !== null && !Array.isArray(right)
	if (rightIsOperand) checkOperand(ctx, right, [...path, 'right'], row)
	if (op === 'answered' || op === 'unanswered') return
	const misfit = comparisonMisfit(left, op, right)
	if (misfit !== undefined) {
		report(ctx, 'invalid_comparison', path, misfit)
		return
	}
	if (op === 'marked') return
	const multiple =
		left?.type === 'multiple_choice' ||
		(left as { multiple?: boolean } | undefined)?.multiple === true
	if (op === 'includes' && left && !multiple) {
		report(ctx, 'invalid_comparison', path, '"includes" applies to multiple choices')
	}
	const codes = left ? offeredCodes(left) : undefined
	if (codes && !rightIsOperand && ['equals', 'notEquals', 'in', 'notIn', 'includes'].includes(op)) {
		const values = Array.isArray(right) ? right : [right]
		for (const value of values) {
			if (!codes.includes(String(value))) {
				report(
					ctx,
					'unknown_option',
					[...path, 'right'],
					`"${String(value)}" is not an option of the compared item`,
				)
			}
		}
	}
	if (
		['gt', 'gte', 'lt', 'lte'].includes(op) &&
		!rightIsOperand &&
		typeof right !== 'number' &&
		typeof right !== 'string'
	) {
		report(ctx, 'invalid_comparison', path, `"${op}" compares numbers or dates`)
	}
}

/** `row`: the table whose row the condition is evaluated in (`cell` and `lookup` read it). */
function checkCondition(
	ctx: IntegrityContext,
	condition: Condition,
	path: Path,
	row: TableQuestion | undefined,
): void {
	if ('all' in condition)
		condition.all.forEach((c, i) => checkCondition(ctx, c, [...path, 'all', i], row))
	else if ('any' in condition)
		condition.any.forEach((c, i) => checkCondition(ctx, c, [...path, 'any', i], row))
	else if ('not' in condition) checkCondition(ctx, condition.not, [...path, 'not'], row)
	else if ('anyRow' in condition || 'allRows' in condition) {
		const tableId = 'anyRow' in condition ? condition.anyRow : condition.allRows
		const table = getTable(ctx, tableId, path)
		if (table) checkCondition(ctx, condition.where, [...path, 'where'], table)
	} else checkComparison(ctx, condition, path, row)
}

/** The visibility and requirement conditions of parts, sections, questions, rows and columns. */
function checkItemConditions(ctx: IntegrityContext): void {
	ctx.def.parts.forEach((part, p) => {
		if (part.visibleIf) checkCondition(ctx, part.visibleIf, ['parts', p, 'visibleIf'], undefined)
		part.sections.forEach((section, s) => {
			if (section.visibleIf)
				checkCondition(ctx, section.visibleIf, ['parts', p, 'sections', s, 'visibleIf'], undefined)
		})
	})
	for (const { question, path } of ctx.questions.values()) {
		if (question.visibleIf)
			checkCondition(ctx, question.visibleIf, [...path, 'visibleIf'], undefined)
		if (typeof question.required === 'object')
			checkCondition(ctx, question.required, [...path, 'required'], undefined)
		if (question.type !== 'table') continue
		if (question.rows.kind === 'fixed' && question.rows.visibleIf)
			checkCondition(ctx, question.rows.visibleIf, [...path, 'rows', 'visibleIf'], question)
		question.columns.forEach((column, i) => {
			if (column.visibleIf)
				checkCondition(ctx, column.visibleIf, [...path, 'columns', i, 'visibleIf'], question)
			if (typeof column.required === 'object') {
				checkCondition(ctx, column.required, [...path, 'columns', i, 'required'], question)
			}
		})
	}
}

/** The table (for a column target) and the item a rule checks, after checking they exist. */
function checkRuleTarget(
	ctx: IntegrityContext,
	target: RuleTarget,
	path: Path,
): { table?: TableQuestion; item?: Typed } {
	const entry = ctx.questions.get(target.question)
	if (!entry) {
		report(ctx, 'unknown_question', [...path, 'question'], `unknown question "${target.question}"`)
		return {}
	}
	const question = entry.question
	if (target.column !== undefined) {
		if (question.type !== 'table') {
			report(ctx, 'invalid_reference', [...path, 'column'], `"${question.id}" is not a table`)
			return {}
		}
		const column = getColumn(ctx, question, target.column, [...path, 'column'])
		return { table: question, item: column as Typed | undefined }
	}
	if (target.field !== undefined) {
		if (question.type !== 'contact') {
			report(
				ctx,
				'invalid_reference',
				[...path, 'field'],
				`"${question.id}" is not a contact block`,
			)
		} else if (!question.fields.some((field) => field.id === target.field)) {
			report(
				ctx,
				'unknown_field',
				[...path, 'field'],
				`contact "${question.id}" has no field "${target.field}"`,
			)
		}
		return { item: { type: 'text' } }
	}
	return { item: question as Typed }
}

function checkAggregateRule(
	ctx: IntegrityContext,
	rule: Extract<Rule, { kind: 'aggregate' }>,
	path: Path,
): void {
	for (const side of ['source', 'reference'] as const) {
		const spec = rule[side]
		const table = getTable(ctx, spec.table, [...path, side, 'table'])
		if (!table) continue
		const column = getColumn(ctx, table, spec.column, [...path, side, 'column'])
		if (column && !NUMERIC_TYPES.has(column.type)) {
			report(
				ctx,
				'invalid_rule_target',
				[...path, side, 'column'],
				`column "${column.id}" is not numeric`,
			)
		}
		spec.groupBy.forEach((id, i) => getColumn(ctx, table, id, [...path, side, 'groupBy', i]))
	}
	if (rule.source.groupBy.length !== rule.reference.groupBy.length) {
		report(
			ctx,
			'invalid_rule_target',
			path,
			'source and reference must group by the same number of columns',
		)
	}
	if (rule.when) checkCondition(ctx, rule.when, [...path, 'when'], undefined)
}

function checkTargetedRule(
	ctx: IntegrityContext,
	rule: Exclude<Rule, { kind: 'aggregate' }>,
	path: Path,
): void {
	const { table, item } = checkRuleTarget(ctx, rule.target, [...path, 'target'])
	if (rule.when) checkCondition(ctx, rule.when, [...path, 'when'], table)
	if (rule.kind === 'range' && item && !NUMERIC_TYPES.has(item.type)) {
		report(ctx, 'invalid_rule_target', [...path, 'target'], 'range rules apply to numeric items')
	}
	if (
		rule.kind === 'range' &&
		rule.min !== undefined &&
		rule.max !== undefined &&
		rule.min > rule.max
	) {
		report(ctx, 'invalid_bounds', path, 'min is greater than max')
	}
	if (rule.kind === 'pattern' && item && !TEXT_TYPES.has(item.type)) {
		report(ctx, 'invalid_rule_target', [...path, 'target'], 'pattern rules apply to text items')
	}
	if (rule.kind === 'compare') {
		const other = checkOperand(ctx, rule.other, [...path, 'other'], table)
		if (item && isCompound(item)) {
			report(ctx, 'invalid_rule_target', [...path, 'target'], 'compare rules apply to scalar items')
		}
		if (other && isCompound(other)) {
			report(ctx, 'invalid_rule_target', [...path, 'other'], 'compare rules compare scalar values')
		}
	}
	if (rule.kind === 'assert') checkCondition(ctx, rule.assert, [...path, 'assert'], table)
}

function checkRules(ctx: IntegrityContext): void {
	const ruleIds = new Set<string>()
	ctx.def.rules.forEach((rule, r) => {
		const path: Path = ['rules', r]
		if (ruleIds.has(rule.id))
			report(ctx, 'duplicate_rule', [...path, 'id'], `rule "${rule.id}" repeats`)
		ruleIds.add(rule.id)
		if (rule.kind === 'aggregate') checkAggregateRule(ctx, rule, path)
		else checkTargetedRule(ctx, rule, path)
	})
}

/** Adds the questions (and tables) a condition reads. */
function collectQuestions(condition: Condition | undefined, into: Set<string>): void {
	if (!condition) return
	if ('all' in condition) condition.all.forEach((c) => collectQuestions(c, into))
	else if ('any' in condition) condition.any.forEach((c) => collectQuestions(c, into))
	else if ('not' in condition) collectQuestions(condition.not, into)
	else if ('anyRow' in condition) into.add(condition.anyRow)
	else if ('allRows' in condition) into.add(condition.allRows)
	else {
		for (const operand of [condition.left, condition.right]) {
			if (typeof operand !== 'object' || operand === null || Array.isArray(operand)) continue
			if ('question' in operand) into.add(operand.question)
			else if ('lookup' in operand) into.add(operand.lookup.table)
			else if ('sum' in operand) into.add(operand.sum.table)
			else if ('count' in operand) into.add(operand.count.table)
		}
	}
}

/** Part, section or question id → the ids its visibility depends on. */
function visibilityDependencies(def: FormDefinition): Map<string, Set<string>> {
	const dependencies = new Map<string, Set<string>>()
	for (const part of def.parts) {
		const partDeps = new Set<string>()
		collectQuestions(part.visibleIf, partDeps)
		dependencies.set(part.id, partDeps)
		for (const section of part.sections) {
			const sectionDeps = new Set<string>([part.id])
			collectQuestions(section.visibleIf, sectionDeps)
			dependencies.set(section.id, sectionDeps)
			for (const question of section.questions) {
				const questionDeps = new Set<string>([section.id])
				collectQuestions(question.visibleIf, questionDeps)
				// Reading a table's rows evaluates its rows' condition.
				if (question.type === 'table' && question.rows.kind === 'fixed')
					collectQuestions(question.rows.visibleIf, questionDeps)
				dependencies.set(question.id, questionDeps)
			}
		}
	}
	return dependencies
}

/**
 * A hidden question reads as unanswered, so visibility depends on the visibility of every
 * question a visibility condition reads: these dependencies must not form a cycle.
 */
function checkVisibilityCycles(ctx: IntegrityContext): void {
	const dependencies = visibilityDependencies(ctx.def)
	const state = new Map<string, 'visiting' | 'done'>()
	const visit = (id: string, trail: string[]): void => {
		const current = state.get(id)
		if (current === 'done') return
		if (current === 'visiting') {
			const cycle = [...trail.slice(trail.indexOf(id)), id]
			const origin = ctx.questions.get(id)?.path ?? []
			report(
				ctx,
				'condition_cycle',
				origin,
				`visibility conditions form a cycle: ${cycle.join(' → ')}`,
			)
			return
		}
		state.set(id, 'visiting')
		for (const dependency of dependencies.get(id) ?? []) visit(dependency, [...trail, id])
		state.set(id, 'done')
	}
	for (const id of dependencies.keys()) visit(id, [])
}

/** Adds the cells of the same row a condition reads. */
function collectCells(condition: Condition | undefined, into: Set<string>): void {
	if (!condition) return
	if ('all' in condition) condition.all.forEach((c) => collectCells(c, into))
	else if ('any' in condition) condition.any.forEach((c) => collectCells(c, into))
	else if ('not' in condition) collectCells(condition.not, into)
	else if ('left' in condition) {
		for (const operand of [condition.left, condition.right]) {
			if (
				typeof operand === 'object' &&
				operand !== null &&
				!Array.isArray(operand) &&
				'cell' in operand
			) {
				into.add(operand.cell)
			}
		}
	}
}

function hasColumnVisibilityCycle(table: TableQuestion): boolean {
	const columnDeps = new Map<string, Set<string>>()
	for (const column of table.columns) {
		const deps = new Set<string>()
		collectCells(column.visibleIf, deps)
		columnDeps.set(column.id, deps)
	}
	const columnState = new Map<string, 'visiting' | 'done'>()
	const visitColumn = (id: string): boolean => {
		if (columnState.get(id) === 'done') return false
		if (columnState.get(id) === 'visiting') return true
		columnState.set(id, 'visiting')
		for (const dependency of columnDeps.get(id) ?? []) {
			if (visitColumn(dependency)) return true
		}
		columnState.set(id, 'done')
		return false
	}
	return table.columns.some((column) => visitColumn(column.id))
}

/** Column visibility cycles within a row. */
function checkColumnVisibilityCycles(ctx: IntegrityContext): void {
	for (const { question, path } of ctx.questions.values()) {
		if (question.type === 'table' && hasColumnVisibilityCycle(question)) {
			report(
				ctx,
				'condition_cycle',
				[...path, 'columns'],
				`column visibility conditions of "${question.id}" form a cycle`,
			)
		}
	}
}

/**
 * Variants: declared ids are unique, and every part, section and question limited to variants
 * names declared ones (a definition without `variants` may not limit any item).
 */
function checkVariants(ctx: IntegrityContext): void {
	const declared = new Set<string>()
	ctx.def.variants?.forEach((variant, i) => {
		if (declared.has(variant.id))
			report(ctx, 'unknown_variant', ['variants', i, 'id'], `variant "${variant.id}" repeats`)
		declared.add(variant.id)
	})
	const checkItem = (variants: string[] | undefined, path: Path) =>
		variants?.forEach((id, i) => {
			if (!declared.has(id))
				report(ctx, 'unknown_variant', [...path, 'variants', i], `unknown variant "${id}"`)
		})
	ctx.def.parts.forEach((part, p) => {
		checkItem(part.variants, ['parts', p])
		part.sections.forEach((section, s) => {
			checkItem(section.variants, ['parts', p, 'sections', s])
			section.questions.forEach((question, q) =>
				checkItem(question.variants, ['parts', p, 'sections', s, 'questions', q]),
			)
		})
	})
}

/** Checks that never depend on answers: uniqueness, references, code lists, concepts, cycles. */
export function checkDefinitionIntegrity(def: FormDefinition): DefinitionError[] {
	const ctx: IntegrityContext = { def, errors: [], questions: new Map() }
	checkLanguages(ctx)
	checkIds(ctx)
	checkDeclaredCodeLists(ctx)
	checkQuestionStructure(ctx)
	checkItemConditions(ctx)
	checkRules(ctx)
	checkVisibilityCycles(ctx)
	checkColumnVisibilityCycles(ctx)
	checkVariants(ctx)
	return ctx.errors
}
