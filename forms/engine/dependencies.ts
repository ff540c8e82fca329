import type { Condition, FormDefinition, Question, Rule } from '../types.ts'
import { conditionDependencies, operandDependencies } from './conditions.ts'

/**
 * Which answers each part of an evaluation reads, for `evaluateChanges`: a part must be computed
 * again when an answer it reads changed, or when that answer's question was shown or hidden
 * (conditions read hidden questions as unanswered). Ids are question ids, plus the part or section
 * a visibility depends on.
 */
export interface DependencyIndex {
	/**
	 * Whether evaluating only what changed gives the same result as evaluating everything. Not so
	 * when rule ids repeat (issues are matched to their rule by id) or when a visibility condition
	 * reads a question that comes after it in the visibility order.
	 */
	incremental: boolean
	/** Per part, section and question: what its visibility reads (its parent included). */
	visibility: Map<string, readonly string[]>
	/** Per question: what its required-ness, cells, hidden rows and own issues read. */
	questions: Map<string, readonly string[]>
	/** Per rule, in definition order: what it reads. */
	rules: (readonly string[])[]
}

/**
 * What reading a table reads besides its answer: the conditions that decide which of its rows are
 * asked and which of its cells are shown.
 */
function tableReads(def: FormDefinition): Map<string, Set<string>> {
	const reads = new Map<string, Set<string>>()
	for (const question of allQuestions(def)) {
		if (question.type !== 'table') continue
		const ids = new Set<string>()
		if (question.rows.kind === 'fixed') conditionDependencies(question.rows.visibleIf, ids)
		for (const column of question.columns) conditionDependencies(column.visibleIf, ids)
		reads.set(question.id, ids)
	}
	return reads
}

function allQuestions(def: FormDefinition): Question[] {
	return def.parts.flatMap((part) => part.sections.flatMap((section) => section.questions))
}

/** `ids` and everything reading them reads (tables' row and cell conditions, transitively). */
function closure(ids: Iterable<string>, reads: Map<string, Set<string>>): string[] {
	const all = new Set<string>()
	const visit = (id: string) => {
		if (all.has(id)) return
		all.add(id)
		for (const next of reads.get(id) ?? []) visit(next)
	}
	for (const id of ids) visit(id)
	return [...all]
}

function requiredReads(required: boolean | Condition | undefined, into: Set<string>) {
	if (typeof required === 'object') conditionDependencies(required, into)
}

function questionReads(question: Question): Set<string> {
	const ids = new Set<string>([question.id])
	requiredReads(question.required, ids)
	if (question.type === 'table') {
		for (const column of question.columns) requiredReads(column.required, ids)
	}
	return ids
}

function ruleReads(rule: Rule): Set<string> {
	const ids = conditionDependencies(rule.when)
	if (rule.kind === 'aggregate') {
		ids.add(rule.source.table)
		ids.add(rule.reference.table)
		return ids
	}
	ids.add(rule.target.question)
	if (rule.kind === 'compare') operandDependencies(rule.other, ids)
	if (rule.kind === 'assert') conditionDependencies(rule.assert, ids)
	return ids
}

function visibilityReads(def: FormDefinition, reads: Map<string, Set<string>>) {
	const visibility = new Map<string, readonly string[]>()
	for (const part of def.parts) {
		visibility.set(part.id, closure(conditionDependencies(part.visibleIf), reads))
		for (const section of part.sections) {
			const ids = conditionDependencies(section.visibleIf, new Set([part.id]))
			visibility.set(section.id, closure(ids, reads))
			for (const question of section.questions) {
				const own = conditionDependencies(question.visibleIf, new Set([section.id]))
				visibility.set(question.id, closure(own, reads))
			}
		}
	}
	return visibility
}

/** Every node's visibility reads only nodes placed before it (so their values are final). */
function readsInOrder(visibility: Map<string, readonly string[]>, order: readonly string[]) {
	const position = new Map(order.map((id, index) => [id, index]))
	return order.every((id, index) =>
		(visibility.get(id) ?? []).every((dependency) => (position.get(dependency) ?? -1) < index),
	)
}

/** Builds the index once per definition (see `compileForm`); `order` is the visibility order. */
export function buildDependencyIndex(
	def: FormDefinition,
	order: readonly string[],
): DependencyIndex {
	const reads = tableReads(def)
	const visibility = visibilityReads(def, reads)
	const questions = new Map<string, readonly string[]>()
	for (const question of allQuestions(def))
		questions.set(question.id, closure(questionReads(question), reads))
	const rules = def.rules.map((rule) => closure(ruleReads(rule), reads))
	const ruleIds = new Set(def.rules.map((rule) => rule.id))
	const incremental = ruleIds.size === def.rules.length && readsInOrder(visibility, order)
	return { incremental, visibility, questions, rules }
}
