import type { FormText } from '#forms/text-core.ts'
import type { Question, TableAnswer } from '#forms/types.ts'

function isMarker(
	value: unknown,
): value is { marker: 'not_available' | 'not_applicable' | 'confidential' } {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && 'marker' in value
}

/** A table cell as short readable text: a marker, option labels, or the number or text. */
export function describeCell(
	tableId: string,
	columnId: string,
	cell: unknown,
	text: FormText,
): string {
	if (cell === null || cell === undefined) return '—'
	if (isMarker(cell)) return text.marker(cell.marker)
	if (typeof cell === 'string') return text.option(`${tableId}.${columnId}`, cell)
	if (Array.isArray(cell))
		return cell.map((code) => text.option(`${tableId}.${columnId}`, String(code))).join(', ')
	return String(cell)
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
						.map(
							(c) =>
								`${text.label(`${question.id}.${c.id}`)}: ${describeCell(question.id, c.id, row.cells[c.id], text)}`,
						)
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
