import { listFormDefinitions } from '#forms/registry.ts'
import type { FormDefinition, Question, Section } from '#forms/types.ts'

/**
 * What a section shows a person, as far as the editor renders it differently: each question type,
 * each table kind (fixed or open rows) and cell type, markers, read-only values, conditional
 * questions and cells, "fill the empty cells", multiple pickers.
 */
function kindsOf(question: Question): string[] {
	const kinds = [`question:${question.type}`]
	if (question.visibleIf) kinds.push('conditional')
	if (question.markers?.length) kinds.push('markers')
	if ('readOnly' in question && question.readOnly) kinds.push('read-only')
	if ('multiple' in question && question.multiple) kinds.push(`multiple:${question.type}`)
	if (question.type === 'table') {
		kinds.push(`table:${question.rows.kind}`)
		if (question.fillEmpty?.length) kinds.push('fill-empty')
		for (const column of question.columns) {
			kinds.push(`cell:${column.type}`)
			if (column.markers?.length) kinds.push('cell-markers')
			if (column.visibleIf) kinds.push('conditional-cell')
		}
	}
	return kinds
}

/**
 * The fewest sections (chosen greedily) that together show every kind of question the form has:
 * scanning these covers what scanning every section would, in a fraction of the time.
 */
export function sectionsShowingEveryKind(definition: FormDefinition): string[] {
	const sections: Section[] = definition.parts.flatMap((part) => part.sections)
	const kinds = new Map(sections.map((s) => [s.id, new Set(s.questions.flatMap(kindsOf))]))
	const missing = new Set([...kinds.values()].flatMap((k) => [...k]))
	const chosen: string[] = []
	while (missing.size > 0) {
		let best = ''
		let bestCount = 0
		for (const [id, shown] of kinds) {
			const count = [...shown].filter((k) => missing.has(k)).length
			if (count > bestCount) [best, bestCount] = [id, count]
		}
		chosen.push(best)
		for (const kind of kinds.get(best)!) missing.delete(kind)
	}
	return chosen
}

/** For every form version the system serves: the sections that show every kind of question. */
export const SECTIONS_SHOWING_EVERY_KIND = new Set(
	listFormDefinitions().flatMap(sectionsShowingEveryKind),
)
