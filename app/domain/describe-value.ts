import type { FormText } from '#forms/text-core.ts'
import type { Question, TableAnswer } from '#forms/types.ts'

function isMarker(
	value: unknown,
): value is { marker: 'not_available' | 'not_applicable' | 'confidential' } {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'marker' in value
}

/** A stored answer as short readable text (history, diffs, conflicts): labels, not codes. */
export function describeValue(question: Question, value: unknown, text: FormText): string {
	if (value === null || value === undefined) return '—'
	if (isMarker(value)) return text.marker(value.marker)
	switch (question.type) {
		case 'table': {
			const rows = (value as TableAnswer).rows ?? []
			return rows
				.map((row) =>
					question.columns
						.filter((c) => row.cells[c.id] !== undefined)
						.map((c) => {
							const cell = row.cells[c.id]
							const shown = isMarker(cell)
								? text.marker(cell.marker)
								: typeof cell === 'string'
									? text.option(`${question.id}.${c.id}`, cell)
									: Array.isArray(cell)
										? cell.map((code) => text.option(`${question.id}.${c.id}`, code)).join(', ')
										: String(cell)
							return `${text.label(`${question.id}.${c.id}`)}: ${shown}`
						})
						.join('; '),
				)
				.join('\n')
		}
		case 'contact':
			return Object.entries(value as Record<string, string>)
				.map(([field, v]) => `${text.label(`${question.id}.${field}`)}: ${v}`)
				.join('\n')
		case 'attachment':
			return (value as { name: string }[]).map((a) => a.name).join(', ')
		default:
			if (Array.isArray(value))
				return value.map((code) => text.option(question.id, String(code))).join(', ')
			if (typeof value === 'string') return text.option(question.id, value)
			return String(value)
	}
}
