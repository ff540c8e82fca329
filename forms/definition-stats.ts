/**
 * What a definition holds, counted (`npm run forms:check` prints it): questions, tables, columns,
 * conditions, rules, concepts, and how many questions are marked reconstructed.
 */
import type { Condition, FormDefinition } from './types.ts'

export interface DefinitionStats {
	questions: number
	tables: number
	columns: number
	conditions: number
	rules: number
	concepts: Set<string>
	conceptItems: number
	/**
	 * Questions whose content is marked reconstructed (`reconstructed` notes): `own` on the
	 * question or one of its columns, `inherited` only through their section or part; `total`
	 * is both. The form-level note is not counted: it covers the wording of every question.
	 */
	reconstructed: { total: number; own: number; inherited: number }
}

export function definitionStats(def: FormDefinition): DefinitionStats {
	const result: DefinitionStats = {
		questions: 0,
		tables: 0,
		columns: 0,
		conditions: 0,
		rules: def.rules.length,
		concepts: new Set(),
		conceptItems: 0,
		reconstructed: { total: 0, own: 0, inherited: 0 },
	}
	const countCondition = (condition: Condition | boolean | undefined) => {
		if (condition !== undefined && typeof condition === 'object') result.conditions++
	}
	const countConcept = (concept: string | undefined) => {
		if (!concept) return
		result.concepts.add(concept)
		result.conceptItems++
	}
	for (const part of def.parts) {
		countCondition(part.visibleIf)
		for (const section of part.sections) {
			countCondition(section.visibleIf)
			const sectionMarked = Boolean(part.reconstructed || section.reconstructed)
			for (const question of section.questions) {
				result.questions++
				countCondition(question.visibleIf)
				countCondition(question.required)
				countConcept(question.concept)
				const columns = question.type === 'table' ? question.columns : []
				const own = Boolean(question.reconstructed || columns.some((c) => c.reconstructed))
				if (own) result.reconstructed.own++
				else if (sectionMarked) result.reconstructed.inherited++
				if (question.type === 'table') {
					result.tables++
					result.columns += question.columns.length
					for (const column of question.columns) {
						countCondition(column.visibleIf)
						countCondition(column.required)
						countConcept(column.concept)
					}
				}
			}
		}
	}
	result.reconstructed.total = result.reconstructed.own + result.reconstructed.inherited
	for (const rule of def.rules) {
		countCondition(rule.when)
		if (rule.kind === 'assert') countCondition(rule.assert)
	}
	return result
}
