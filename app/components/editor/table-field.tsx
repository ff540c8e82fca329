import { memo, useCallback, useMemo, useState } from 'react'
import { useFieldArray, type Control, type FieldValues } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { FormText } from '#forms/text-core.ts'
import type {
	CellValue,
	MarkedValue,
	Marker,
	TableColumn,
	TableQuestion,
	TableRow,
} from '#forms/types.ts'
import { ThreadList } from '../review/threads.tsx'
import { useAnswerField } from './answer-field.ts'
import { useCellState, useEditor, useQuestionState, useVisibleIssues } from './editor-context.tsx'
import { domId, optionsFor, type Option } from './form-model.ts'
import { IssueList } from './question-field.tsx'
import { isMarked, MarkerSelect, ScalarInput } from './scalar-input.tsx'
import { tableGridTemplate } from './table-layout.ts'
import { parsePastedCell, parseTsv } from './table-paste.ts'

function newRowId() {
	return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/**
 * A table question: fixed rows (one per applicable chemical × year, say) or rows the user adds.
 * Keyboard: arrow keys move between cells (left/right at the edge of the text), Enter moves down.
 * Pasting tab-separated rows from a spreadsheet fills cells from the focused one, adding rows to
 * open tables as needed.
 */
export function TableField({ question }: { question: TableQuestion }) {
	const { t } = useTranslation('editor')
	const {
		control,
		text,
		editable,
		formContext,
		setAnswer,
		getAnswer,
		reportId,
		threads,
		canModerateThreads,
	} = useEditor()
	const anyControl = control as unknown as Control<FieldValues>
	// Only the marker of the whole table is watched: a keystroke in a cell re-renders that cell alone.
	const tableMarker = useAnswerField<MarkedValue['marker']>(`${question.id}.marker`).value
	const { fields, append, remove } = useFieldArray({
		control: anyControl,
		name: `${question.id}.rows`,
		keyName: '_key',
	})
	const [pasteStatus, setPasteStatus] = useState<string | null>(null)
	const base = domId('q', question.id)
	const open = question.rows.kind === 'open'
	const maxRows = question.rows.kind === 'open' ? question.rows.maxRows : undefined
	const editableColumns = useMemo(() => question.columns.filter((c) => !c.readOnly), [question])
	const dimensionColumns = useMemo(() => question.columns.filter((c) => c.readOnly), [question])
	const options = useMemo(
		() =>
			Object.fromEntries(
				question.columns.map((c) => [
					c.id,
					optionsFor(c, `${question.id}.${c.id}`, text, formContext),
				]),
			) as Record<string, Option[]>,
		[question, text, formContext],
	)
	const grid = useMemo(
		() =>
			tableGridTemplate({
				dimensionColumns,
				editableColumns,
				rowNumbers: open,
				rowActions: open && editable,
				markers: editable,
			}),
		[dimensionColumns, editableColumns, open, editable],
	)
	const questionIssues = useVisibleIssues(question.id).filter((i) => !i.rowId)
	const { required } = useQuestionState(question.id)
	const help = text.help(question.id)
	const markers = question.markers ?? []

	const rowLabel = useCallback(
		(row: TableRow, index: number) =>
			open
				? t('table.row', { number: index + 1 })
				: dimensionColumns
						.map((c) =>
							cellText(row.cells[c.id], c, `${question.id}.${c.id}`, text, options[c.id] ?? []),
						)
						.join(', '),
		[open, dimensionColumns, question.id, text, options, t],
	)

	const onPaste = (event: React.ClipboardEvent<HTMLTableSectionElement>) => {
		const target = event.target as HTMLElement
		const td = target.closest('td[data-row]') as HTMLElement | null
		const pasted = event.clipboardData.getData('text/plain')
		if (!td || !editable || !/[\t\n]/.test(pasted.trim())) return
		event.preventDefault()
		const startRow = Number(td.dataset.row)
		const startColumn = editableColumns.findIndex((c) => c.id === td.dataset.column)
		const grid = parseTsv(pasted)
		const current = (getAnswer(question.id) as { rows?: TableRow[] } | undefined)?.rows ?? []
		const rows = current.map((r) => ({ ...r, cells: { ...r.cells } }))
		let filled = 0
		let unreadable = 0
		let skippedRows = 0
		grid.forEach((cells, r) => {
			const rowIndex = startRow + r
			if (rowIndex >= rows.length) {
				if (!open || (maxRows !== undefined && rows.length >= maxRows)) {
					skippedRows++
					return
				}
				rows.push({ id: newRowId(), cells: {} })
			}
			const row = rows[rowIndex]!
			cells.forEach((raw, c) => {
				const column = editableColumns[startColumn + c]
				if (!column) return
				const parsed = parsePastedCell(raw, column, options[column.id] ?? [])
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
		setPasteStatus(t('table.pasted', { count: filled, unreadable, skippedRows }))
	}

	const onKeyDown = (event: React.KeyboardEvent<HTMLTableSectionElement>) => {
		const target = event.target as HTMLElement
		if (!target.hasAttribute('data-cell-input')) return
		if (
			target.getAttribute('role') === 'combobox' &&
			target.getAttribute('aria-expanded') === 'true'
		)
			return
		const td = target.closest('td[data-row]') as HTMLElement | null
		if (!td) return
		const row = Number(td.dataset.row)
		const column = editableColumns.findIndex((c) => c.id === td.dataset.column)
		const isText = target instanceof HTMLInputElement && target.type === 'text'
		const atStart = !isText || (target as HTMLInputElement).selectionStart === 0
		const atEnd =
			!isText ||
			(target as HTMLInputElement).selectionEnd === (target as HTMLInputElement).value.length
		let next: [number, number] | null = null
		if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) {
			if (!event.altKey) return
		}
		if (event.key === 'ArrowDown' || (event.key === 'Enter' && isText && !event.shiftKey))
			next = [row + 1, column]
		else if (event.key === 'ArrowUp' || (event.key === 'Enter' && isText && event.shiftKey))
			next = [row - 1, column]
		else if (event.key === 'ArrowLeft' && atStart) next = [row, column - 1]
		else if (event.key === 'ArrowRight' && atEnd) next = [row, column + 1]
		if (!next) return
		const tbody = event.currentTarget
		const cell = tbody.querySelector(
			`td[data-row="${next[0]}"][data-column="${editableColumns[next[1]]?.id ?? ''}"] [data-cell-input]`,
		) as HTMLElement | null
		if (cell) {
			event.preventDefault()
			cell.focus()
			if (cell instanceof HTMLInputElement && cell.type === 'text') cell.select()
		}
	}

	const tableValue = tableMarker ? { marker: tableMarker } : undefined
	const marked = isMarked(tableValue)
	return (
		<section className="question question--table" id={base} aria-labelledby={`${base}-label`}>
			<h3 className="question__label" id={`${base}-label`}>
				{text.label(question.id)}
				{required ? <span className="required-mark"> ({t('required')})</span> : null}
			</h3>
			{help ? <p className="field-help">{help}</p> : null}
			{markers.length > 0 ? (
				<div className="field-row">
					<MarkerSelect
						id={`${base}-marker`}
						markers={markers}
						marker={tableMarker ?? null}
						onChange={(marker: Marker | null) => setAnswer(question.id, marker ? { marker } : null)}
						text={text}
						disabled={!editable}
						label={t('marker.label', { question: text.label(question.id) })}
					/>
				</div>
			) : null}
			{marked ? (
				<p className="marker-chip">{text.marker(tableValue.marker)}</p>
			) : (
				<div className="table-scroll" role="region" aria-labelledby={`${base}-label`} tabIndex={0}>
					{/* Rows are laid out as CSS grids (see tableGridTemplate); the roles keep the table's
					    semantics whatever its display. */}
					<table
						role="table"
						className="table table--editor"
						aria-describedby={editable ? `${base}-keys` : undefined}
						style={
							{
								'--table-columns': grid.template,
								'--table-min-width': `${grid.minWidthRem}rem`,
							} as React.CSSProperties
						}
					>
						<thead role="rowgroup">
							<tr role="row">
								{dimensionColumns.map((c) => (
									<th key={c.id} scope="col" role="columnheader">
										{text.label(`${question.id}.${c.id}`)}
									</th>
								))}
								{open ? (
									<th scope="col" role="columnheader">
										<span className="visually-hidden">{t('table.rowNumber')}</span>#
									</th>
								) : null}
								{editableColumns.map((c) => (
									<th key={c.id} scope="col" role="columnheader">
										{text.label(`${question.id}.${c.id}`)}
										{'unit' in c &&
										c.unit &&
										!text.label(`${question.id}.${c.id}`).includes(text.unit(c.unit)) ? (
											<span className="unit"> ({text.unit(c.unit)})</span>
										) : null}
									</th>
								))}
								{open && editable ? (
									<th scope="col" role="columnheader">
										<span className="visually-hidden">{t('table.actions')}</span>
									</th>
								) : null}
							</tr>
						</thead>
						<tbody role="rowgroup" onKeyDown={onKeyDown} onPaste={onPaste}>
							{fields.map((f, index) => {
								const row = f as unknown as TableRow & { _key: string }
								const label = rowLabel(row, index)
								return (
									<TableRowView
										key={row._key}
										question={question}
										index={index}
										rowId={row.id}
										cellsAtRender={row.cells}
										label={label}
										dimensionColumns={dimensionColumns}
										editableColumns={editableColumns}
										options={options}
										onRemove={open && editable ? remove : undefined}
									/>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
			{!marked && fields.length === 0 ? <p className="muted">{t('table.empty')}</p> : null}
			{editable && !marked ? (
				<>
					<p id={`${base}-keys`} className="field-help">
						{t('table.keyboardHelp')}
					</p>
					{open && (maxRows === undefined || fields.length < maxRows) ? (
						<button
							type="button"
							className="button button--secondary"
							onClick={() => append({ id: newRowId(), cells: {} })}
						>
							{t('table.addRow')}
						</button>
					) : null}
				</>
			) : null}
			<p role="status" className="muted">
				{pasteStatus ?? ''}
			</p>
			<IssueList id={`${base}-issues`} issues={questionIssues} />
			<ThreadList
				id={`${base}-threads`}
				reportId={reportId}
				questionId={question.id}
				threads={threads[question.id] ?? []}
				canStart={canModerateThreads}
				canModerate={canModerateThreads}
			/>
		</section>
	)
}

function cellText(
	value: CellValue | undefined,
	column: TableColumn,
	textId: string,
	text: FormText,
	options: Option[],
) {
	if (value === undefined) return ''
	if (isMarked(value)) return text.marker(value.marker)
	if (typeof value === 'string')
		return options.find((o) => o.code === value)?.label ?? text.option(textId, value)
	return String(value)
}

type RowProps = {
	question: TableQuestion
	index: number
	rowId: string
	cellsAtRender: Record<string, CellValue>
	label: string
	dimensionColumns: TableColumn[]
	editableColumns: TableColumn[]
	options: Record<string, Option[]>
	onRemove?: (index: number) => void
}

const TableRowView = memo(function TableRowView(props: RowProps) {
	const { t } = useTranslation('editor')
	const { text } = useEditor()
	const { question, index, label, dimensionColumns, editableColumns, options, rowId } = props
	// Missing cells are marked on the cells themselves; the row lists the other problems.
	const rowIssues = useVisibleIssues(question.id, rowId).filter(
		(i) => i.messageKey !== 'required' || !i.columnId,
	)
	const rowIssueId = domId('q', question.id, rowId, 'issues')
	return (
		<>
			<tr role="row" className={rowIssues.length ? 'row--issues' : undefined}>
				{dimensionColumns.map((c, i) =>
					i === 0 ? (
						<th key={c.id} scope="row" role="rowheader">
							{cellText(
								props.cellsAtRender[c.id],
								c,
								`${question.id}.${c.id}`,
								text,
								options[c.id] ?? [],
							)}
						</th>
					) : (
						<td key={c.id} role="cell">
							{cellText(
								props.cellsAtRender[c.id],
								c,
								`${question.id}.${c.id}`,
								text,
								options[c.id] ?? [],
							)}
						</td>
					),
				)}
				{dimensionColumns.length === 0 ? (
					<th scope="row" role="rowheader">
						{index + 1}
					</th>
				) : null}
				{editableColumns.map((c) => (
					<TableCell
						key={c.id}
						question={question}
						column={c}
						index={index}
						rowId={rowId}
						rowLabel={label}
						options={options[c.id] ?? []}
						describedBy={rowIssues.length ? rowIssueId : undefined}
					/>
				))}
				{props.onRemove ? (
					<td role="cell">
						<button
							type="button"
							className="link-button"
							aria-label={t('table.removeRow', { row: label })}
							onClick={() => props.onRemove?.(index)}
						>
							{t('table.remove')}
						</button>
					</td>
				) : null}
			</tr>
			{rowIssues.length > 0 ? (
				<tr role="row" className="row-issues">
					<td role="cell" colSpan={dimensionColumns.length + editableColumns.length + 2}>
						<IssueList id={rowIssueId} issues={rowIssues} />
					</td>
				</tr>
			) : null}
		</>
	)
})

function TableCell({
	question,
	column,
	index,
	rowId,
	rowLabel,
	options,
	describedBy,
}: {
	question: TableQuestion
	column: TableColumn
	index: number
	rowId: string
	rowLabel: string
	options: Option[]
	describedBy?: string
}) {
	const { t } = useTranslation('editor')
	const { text, editable } = useEditor()
	const { value, onChange } = useAnswerField<CellValue>(
		`${question.id}.rows.${index}.cells.${column.id}`,
	)
	const { visible, error: hasIssue } = useCellState(question.id, rowId, column.id)
	const id = domId('q', question.id, rowId, column.id)
	const label = `${text.label(`${question.id}.${column.id}`)} — ${rowLabel}`
	const markerLabel = useMemo(() => t('marker.cellLabel', { label }), [t, label])
	const onMarker = useCallback(
		(marker: Marker | null) => onChange(marker ? { marker } : undefined),
		[onChange],
	)
	if (!visible) {
		return (
			<td role="cell" data-row={index} data-column={column.id} className="cell--hidden">
				<span aria-label={t('table.notApplicableCell', { label })}>—</span>
			</td>
		)
	}
	const markers = column.markers ?? []
	return (
		<td
			role="cell"
			data-row={index}
			data-column={column.id}
			className={hasIssue ? 'cell--error' : undefined}
		>
			<div className="cell">
				{isMarked(value) ? (
					<span className="marker-chip marker-chip--small">{text.marker(value.marker)}</span>
				) : (
					<ScalarInput
						id={id}
						item={column as Exclude<TableColumn, { readOnly: true }>}
						value={value}
						onChange={(next) => onChange(next ?? undefined)}
						options={options}
						text={text}
						disabled={!editable}
						ariaLabel={label}
						invalid={hasIssue}
						describedBy={describedBy}
						inCell
						placeholder="—"
					/>
				)}
				{markers.length > 0 && editable ? (
					<MarkerSelect
						id={`${id}-marker`}
						markers={markers}
						marker={isMarked(value) ? value.marker : null}
						onChange={onMarker}
						text={text}
						disabled={!editable}
						compact
						label={markerLabel}
					/>
				) : null}
			</div>
		</td>
	)
}
