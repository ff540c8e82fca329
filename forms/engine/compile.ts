import type {
	Condition,
	ContactField,
	FixedRow,
	FormContext,
	FormDefinition,
	Question,
	TableColumn,
	TableQuestion,
} from '../types.ts'
import type { CodeListPins } from '../codelists/index.ts'
import type { ValueCheck } from './checks.ts'
import { compileValueCheck } from './checks.ts'
import { cellDependencies, compileCondition, conditionDependencies } from './conditions.ts'
import { buildDependencyIndex, type DependencyIndex } from './dependencies.ts'
import type { CompiledTableShape, CondFn, Env } from './env.ts'
import { isEmail, isPhone, isUrl } from './patterns.ts'
import type { CompiledRule } from './rules.ts'
import { compileRule } from './rules.ts'
import { computeFixedRows, perContext } from './rows.ts'

export interface CompiledColumn {
	column: TableColumn
	check: ValueCheck
	required: boolean | CondFn
	/** Visibility or requirement depends on the row. */
	conditional: boolean
}

export interface CompiledTable extends CompiledTableShape {
	question: TableQuestion
	fixed: boolean
	dimensionColumns: string[]
	/** Answerable (non-dimension) columns in definition order. */
	answerColumns: CompiledColumn[]
}

export interface CompiledContactField {
	field: ContactField
	check: (value: string) => string | null
}

export interface CompiledQuestion {
	question: Question
	sectionId: string
	partId: string
	required: boolean | CondFn
	check?: ValueCheck
	contactFields?: CompiledContactField[]
	table?: CompiledTable
}

/** A node whose visibility is computed: part, section or question, in dependency order. */
export interface VisibilityNode {
	id: string
	parent?: string
	visible?: CondFn
}

export interface CompiledForm {
	def: FormDefinition
	questions: CompiledQuestion[]
	byId: Map<string, CompiledQuestion>
	visibilityOrder: VisibilityNode[]
	parts: { id: string; sectionIds: string[] }[]
	sections: { id: string; partId: string; questions: CompiledQuestion[] }[]
	tables: Map<string, CompiledTable>
	rules: CompiledRule[]
	/** What each visibility, question and rule reads (see `evaluateChanges`). */
	dependencies: DependencyIndex
	fixedRows(ctx: FormContext): Map<string, FixedRow[]>
	/** Expected fixed rows per table, keyed by row key (cached per context). */
	fixedKeys(ctx: FormContext): Map<string, Map<string, FixedRow>>
}

function compileTable(question: TableQuestion, pins: CodeListPins): CompiledTable {
	const dimensionColumns =
		question.rows.kind === 'fixed' ? question.rows.dimensions.map((d) => d.column) : []
	const columns = new Map(question.columns.map((column) => [column.id, column]))

	// Conditional columns in dependency order (cycles are rejected by the meta-schema).
	const conditional = question.columns.filter((column) => column.visibleIf)
	const ordered: TableColumn[] = []
	const placed = new Set<string>()
	const place = (column: TableColumn, trail: Set<string>) => {
		if (placed.has(column.id) || trail.has(column.id)) return
		trail.add(column.id)
		for (const dependency of cellDependencies(column.visibleIf)) {
			const other = conditional.find((candidate) => candidate.id === dependency)
			if (other) place(other, trail)
		}
		placed.add(column.id)
		ordered.push(column)
	}
	for (const column of conditional) place(column, new Set())

	return {
		id: question.id,
		question,
		columns,
		fixed: question.rows.kind === 'fixed',
		dimensionColumns,
		conditionalColumns: ordered.map((column) => ({
			id: column.id,
			visible: compileCondition(column.visibleIf!),
		})),
		...(question.rows.kind === 'fixed' && question.rows.visibleIf
			? { rowVisible: compileCondition(question.rows.visibleIf) }
			: {}),
		answerColumns: question.columns
			.filter((column) => !dimensionColumns.includes(column.id))
			.map((column) => ({
				column,
				check: compileValueCheck(column, pins),
				required:
					typeof column.required === 'object'
						? compileCondition(column.required)
						: column.required === true,
				conditional: column.visibleIf !== undefined || typeof column.required === 'object',
			})),
	}
}

const contactChecks: Record<ContactField['type'], (value: string) => string | null> = {
	text: () => null,
	long_text: () => null,
	email: (value) => (isEmail(value) ? null : 'invalid_email'),
	url: (value) => (isUrl(value) ? null : 'invalid_url'),
	phone: (value) => (isPhone(value) ? null : 'invalid_phone'),
}

function compileQuestion(
	question: Question,
	sectionId: string,
	partId: string,
	pins: CodeListPins,
): CompiledQuestion {
	const required =
		typeof question.required === 'object'
			? compileCondition(question.required)
			: question.required === true
	const compiled: CompiledQuestion = { question, sectionId, partId, required }
	if (question.type === 'table') compiled.table = compileTable(question, pins)
	else if (question.type === 'contact') {
		compiled.contactFields = question.fields.map((field) => ({
			field,
			check: contactChecks[field.type],
		}))
	} else if (question.type !== 'attachment') compiled.check = compileValueCheck(question, pins)
	return compiled
}

/**
 * A part, section or question's own visibility: its `visibleIf`, and, when it is limited to some
 * `variants`, the report's variant being one of them (no variant in the context: every item is
 * asked). An item outside the report's variant is hidden like any other hidden item.
 */
function visibility(item: { visibleIf?: Condition; variants?: string[] }): { visible?: CondFn } {
	const condition = item.visibleIf ? compileCondition(item.visibleIf) : undefined
	const variants = item.variants
	if (!variants) return condition ? { visible: condition } : {}
	const inVariant = (env: Env) =>
		env.ctx.formVariant === undefined || variants.includes(env.ctx.formVariant)
	return {
		visible: condition ? (env, scope) => inVariant(env) && condition(env, scope) : inVariant,
	}
}

/** Orders parts, sections and questions so every visibility condition's inputs come first. */
function visibilityOrder(def: FormDefinition): VisibilityNode[] {
	const nodes = new Map<string, { node: VisibilityNode; deps: Set<string> }>()
	for (const part of def.parts) {
		nodes.set(part.id, {
			node: {
				id: part.id,
				...visibility(part),
			},
			deps: conditionDependencies(part.visibleIf),
		})
		for (const section of part.sections) {
			nodes.set(section.id, {
				node: {
					id: section.id,
					parent: part.id,
					...visibility(section),
				},
				deps: conditionDependencies(section.visibleIf, new Set([part.id])),
			})
			for (const question of section.questions) {
				const deps = conditionDependencies(question.visibleIf, new Set([section.id]))
				// Reading a table's rows evaluates its rows' condition: order what that reads first.
				if (question.type === 'table' && question.rows.kind === 'fixed')
					conditionDependencies(question.rows.visibleIf, deps)
				nodes.set(question.id, {
					node: {
						id: question.id,
						parent: section.id,
						...visibility(question),
					},
					deps,
				})
			}
		}
	}
	const ordered: VisibilityNode[] = []
	const state = new Map<string, 'visiting' | 'done'>()
	const visit = (id: string) => {
		const entry = nodes.get(id)
		if (!entry || state.get(id)) return
		state.set(id, 'visiting')
		for (const dependency of entry.deps) visit(dependency)
		state.set(id, 'done')
		ordered.push(entry.node)
	}
	for (const id of nodes.keys()) visit(id)
	return ordered
}

const cache = new WeakMap<FormDefinition, CompiledForm>()

/**
 * Compiles a definition once (cached by object identity): conditions become closures, value
 * checks are prepared, visibility is topologically ordered, and fixed rows are cached per context.
 * Definitions are immutable: never mutate one after it has been evaluated.
 */
export function compileForm(def: FormDefinition): CompiledForm {
	const cached = cache.get(def)
	if (cached) return cached

	const questions: CompiledQuestion[] = []
	const sections: CompiledForm['sections'] = []
	const parts: CompiledForm['parts'] = []
	for (const part of def.parts) {
		parts.push({ id: part.id, sectionIds: part.sections.map((section) => section.id) })
		for (const section of part.sections) {
			const compiledSection = {
				id: section.id,
				partId: part.id,
				questions: [] as CompiledQuestion[],
			}
			for (const question of section.questions) {
				const compiled = compileQuestion(question, section.id, part.id, def.codeLists)
				questions.push(compiled)
				compiledSection.questions.push(compiled)
			}
			sections.push(compiledSection)
		}
	}
	const byId = new Map(questions.map((compiled) => [compiled.question.id, compiled]))
	const tables = new Map<string, CompiledTable>()
	for (const compiled of questions)
		if (compiled.table) tables.set(compiled.table.id, compiled.table)

	const fixedRows = perContext((ctx) => {
		const rows = new Map<string, FixedRow[]>()
		for (const table of tables.values()) {
			if (table.fixed) rows.set(table.id, computeFixedRows(table.question, ctx, def.codeLists))
		}
		return rows
	})
	const fixedKeys = perContext((ctx) => {
		const keys = new Map<string, Map<string, FixedRow>>()
		for (const [tableId, rows] of fixedRows(ctx))
			keys.set(tableId, new Map(rows.map((row) => [row.key, row])))
		return keys
	})

	const order = visibilityOrder(def)
	const form: CompiledForm = {
		def,
		questions,
		byId,
		visibilityOrder: order,
		parts,
		sections,
		tables,
		rules: [],
		dependencies: buildDependencyIndex(
			def,
			order.map((node) => node.id),
		),
		fixedRows,
		fixedKeys,
	}
	form.rules = def.rules.map((rule) => compileRule(rule, form))
	cache.set(def, form)
	return form
}

/**
 * The fixed rows a Party must see in a table (empty for open tables): the product of the table's
 * dimensions, e.g. each applicable chemical × each year of the period. Cached per context.
 */
export function rowsFor(
	def: FormDefinition,
	table: TableQuestion | string,
	ctx: FormContext,
): FixedRow[] {
	const id = typeof table === 'string' ? table : table.id
	return compileForm(def).fixedRows(ctx).get(id) ?? []
}
