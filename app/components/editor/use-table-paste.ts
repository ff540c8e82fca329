import { useState } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import type { TableColumn, TableQuestion, TableRow } from '#forms/types.ts'
import { useEditor } from './editor-context.tsx'
import type { Option } from './form-model.ts'
import type { parsePastedCell } from './table-paste.ts'

/** Reading what was pasted (`table-paste.ts`), loaded when a table is first focused. */
function loadPasteParser() {
	return import('./table-paste.ts')
}

/** Starts loading what reads a paste: a table takes focus before anything is pasted into it. */
export function preloadPasteParser() {
	void loadPasteParser()
}

export function newRowId() {
	return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/**
 * Pasting tab-separated rows from a spreadsheet into a table: cells are filled from the focused
 * one, open tables get the rows they need (up to their maximum), and `status` says how many cells
 * were filled, could not be read or did not fit. The pasted text is read once the parser has
 * loaded (`preloadPasteParser` starts loading it when the table takes focus).
 */
export function useTablePaste({
	question,
	editableColumns,
	options,
	hiddenRows,
}: {
	question: TableQuestion
	editableColumns: TableColumn[]
	options: Record<string, Option[]>
	/** Rows not asked: not rendered, so pasted lines go to the next row shown. */
	hiddenRows: ReadonlySet<string>
}) {
	const { t } = useTranslation('editor')
	const { editable, getAnswer, setAnswer } = useEditor()
	const [status, setStatus] = useState<string | null>(null)
	const open = question.rows.kind === 'open'
	const maxRows = question.rows.kind === 'open' ? question.rows.maxRows : undefined

	const onPaste = (event: React.ClipboardEvent<HTMLElement>) => {
		const target = event.target as HTMLElement
		const td = target.closest('td[data-row]') as HTMLElement | null
		const pasted = event.clipboardData.getData('text/plain')
		if (!td || !editable || !/[\t\n]/.test(pasted.trim())) return
		const startColumn = editableColumns.findIndex((c) => c.id === td.dataset.column)
		if (startColumn < 0) return
		event.preventDefault()
		const startRow = Number(td.dataset.row)
		void loadPasteParser().then((parser) =>
			apply(parser.parseTsv(pasted), startRow, startColumn, parser.parsePastedCell),
		)
	}

	const apply = (
		grid: string[][],
		startRow: number,
		startColumn: number,
		parse: typeof parsePastedCell,
	) => {
		const current = (getAnswer(question.id) as { rows?: TableRow[] } | undefined)?.rows ?? []
		const rows = current.map((r) => ({ ...r, cells: { ...r.cells } }))
		// `data-row` counts the rows shown; rows not asked are skipped.
		const shown = rows.flatMap((row, index) => (hiddenRows.has(row.id) ? [] : [index]))
		let filled = 0
		let unreadable = 0
		let skippedRows = 0
		grid.forEach((cells, r) => {
			const position = startRow + r
			if (position >= shown.length) {
				if (!open || (maxRows !== undefined && rows.length >= maxRows)) {
					skippedRows++
					return
				}
				rows.push({ id: newRowId(), cells: {} })
				shown.push(rows.length - 1)
			}
			const row = rows[shown[position]!]!
			cells.forEach((raw, c) => {
				const column = editableColumns[startColumn + c]
				if (!column) return
				const parsed = parse(raw, column, options[column.id] ?? [])
				if (parsed === 'invalid') {
					unreadable++
					return
				}
				if (parsed === null) delete row.cells[column.id]
				else row.cells[column.id] = parsed
				filled++
			})
		})
		setAnswer(question.id, { rows })
		setStatus(t('table.pasted', { count: filled, unreadable, skippedRows }))
	}

	return { onPaste, status }
}
