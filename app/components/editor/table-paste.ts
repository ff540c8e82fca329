import { exactOption, normaliseForSearch } from '#forms/codelists/search.ts'
import type { CellValue, TableColumn } from '#forms/types.ts'
import { parseNumber, type Option } from './form-model.ts'

/** Tab-separated rows as copied from a spreadsheet (quoted cells with tabs/newlines supported). */
export function parseTsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let cell = ''
	let quoted = false
	const input = text.replace(/\r\n?/g, '\n')
	for (let i = 0; i < input.length; i++) {
		const ch = input[i]!
		if (quoted) {
			if (ch === '"' && input[i + 1] === '"') {
				cell += '"'
				i++
			} else if (ch === '"') quoted = false
			else cell += ch
		} else if (ch === '"' && cell === '') quoted = true
		else if (ch === '\t') {
			row.push(cell)
			cell = ''
		} else if (ch === '\n') {
			row.push(cell)
			rows.push(row)
			row = []
			cell = ''
		} else cell += ch
	}
	if (cell !== '' || row.length > 0) {
		row.push(cell)
		rows.push(row)
	}
	return rows
}

const TRUE = new Set(['x', 'yes', 'y', 'true', '1', 'oui', 'si', 'да', '是', 'نعم'])
const FALSE = new Set(['', 'no', 'n', 'false', '0', 'non', 'нет', '否', 'لا'])

/**
 * A pasted cell as the column's value: numbers with local separators, codes or their labels, yes/no
 * words in the UN languages. `null` clears the cell; 'invalid' leaves it unchanged.
 */
export function parsePastedCell(
	raw: string,
	column: TableColumn,
	options: Option[],
): CellValue | null | 'invalid' {
	const text = raw.trim()
	switch (column.type) {
		case 'integer':
		case 'year':
		case 'decimal':
			return parseNumber(text, column.type !== 'decimal')
		case 'checkbox': {
			const key = normaliseForSearch(text)
			if (TRUE.has(key)) return true
			if (FALSE.has(key)) return null
			return 'invalid'
		}
		case 'multiple_choice': {
			if (text === '') return null
			const codes = text.split(/[;,]/).map((part) => matchOption(part, options))
			return codes.every((c) => c !== undefined) ? (codes as string[]) : 'invalid'
		}
		case 'country':
		case 'chemical':
		case 'single_choice':
		case 'yes_no':
		case 'yes_no_status': {
			if (text === '') return null
			if (column.type === 'country' || column.type === 'chemical') {
				if (column.multiple) {
					const codes = text.split(/[;,]/).map((part) => matchOption(part, options))
					return codes.every((c) => c !== undefined) ? (codes as string[]) : 'invalid'
				}
			}
			return matchOption(text, options) ?? 'invalid'
		}
		case 'date':
			if (text === '') return null
			return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : 'invalid'
		default:
			return text === '' ? null : text
	}
}

/** A code, label or other name (alias, CAS number) in full, and only one option's. */
function matchOption(raw: string, options: Option[]) {
	return exactOption(options, raw)?.code
}
