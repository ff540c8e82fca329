import { useCallback, useMemo, type RefObject } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { useInteractive } from '../../utils/use-interactive.ts'
import { cellText } from '#forms/answer-text.ts'
import type { TableColumn, TableQuestion, TableRow } from '#forms/types.ts'
import { useEditor } from './editor-context.tsx'
import type { Option } from './form-model.ts'
import { onGridKeyDown, useRovingTabStop } from './grid-focus.ts'
import { useLiveRows } from './live-rows.ts'
import type { TableGrid } from './table-layout.ts'
import { TableRowView } from './table-row.tsx'

/** The header row: the columns that name a row, the row number, the answer columns, actions. */
function TableHeader({
	question,
	dimensionColumns,
	editableColumns,
	rowActions,
}: {
	question: TableQuestion
	dimensionColumns: TableColumn[]
	editableColumns: TableColumn[]
	rowActions: boolean
}) {
	const { t } = useTranslation('editor')
	const { text } = useEditor()
	const open = question.rows.kind === 'open'
	return (
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
				{rowActions ? (
					<th scope="col" role="columnheader">
						<span className="visually-hidden">{t('table.actions')}</span>
					</th>
				) : null}
			</tr>
		</thead>
	)
}

/** A row shown, with its index in the answer. */
export type ShownRow = TableRow & { index: number }

/**
 * The scroll box and the table of a table question. Editable, it is a WAI-ARIA grid: one tab
 * stop, arrow keys between cells (`onGridKeyDown`). Rows are CSS grids on `grid` (see
 * `tableGridTemplate`); the header row and the columns that name a row stay in view while it
 * scrolls, and so do the row actions at the end.
 */
export function EditorTable({
	question,
	labelId,
	keysHelpId,
	rows,
	grid,
	dimensionColumns,
	editableColumns,
	options,
	bodyRef,
	onPaste,
	onRemove,
}: {
	question: TableQuestion
	labelId: string
	keysHelpId?: string
	rows: ShownRow[]
	grid: TableGrid
	dimensionColumns: TableColumn[]
	editableColumns: TableColumn[]
	options: Record<string, Option[]>
	bodyRef: RefObject<HTMLTableSectionElement | null>
	onPaste: (event: React.ClipboardEvent<HTMLElement>) => void
	onRemove?: (rowId: string, position: number) => void
}) {
	const { t } = useTranslation('editor')
	const { text, editable } = useEditor()
	const interactive = useInteractive()
	const open = question.rows.kind === 'open'
	useRovingTabStop(bodyRef, editable)
	const { isLive, onFocusInert } = useLiveRows(
		bodyRef,
		useMemo(() => rows.map((row) => row.id), [rows]),
	)

	const rowLabel = useCallback(
		(row: TableRow, index: number) =>
			open
				? t('table.row', { number: index + 1 })
				: dimensionColumns
						.map((c) => cellText(question, c.id, row.cells[c.id], text, { empty: '' }))
						.join(', '),
		[open, dimensionColumns, question, text, t],
	)

	const { offsetsRem, startWidthRem, endWidthRem } = grid.sticky
	return (
		<div
			className="table-scroll"
			// The question's section is the landmark named by this label: the scroll box is a group
			// (a second landmark of the same name would only repeat it).
			role="group"
			aria-labelledby={labelId}
			// A grid is reached through its cells once one of them holds the tab stop (useRovingTabStop,
			// in the same commit); before that (the page not yet interactive, its controls disabled),
			// and in a read-only or empty table, the box itself scrolls from the keyboard.
			tabIndex={editable && interactive && rows.length > 0 ? undefined : 0}
			style={
				{
					'--sticky-start-width': `${startWidthRem}rem`,
					'--sticky-end-width': `${endWidthRem}rem`,
				} as React.CSSProperties
			}
		>
			{/* Rows are laid out as CSS grids (see tableGridTemplate); the roles keep the table's
			    semantics whatever its display. */}
			<table
				role={editable ? 'grid' : 'table'}
				className="table table--editor"
				aria-labelledby={labelId}
				aria-describedby={keysHelpId}
				data-sticky-start={offsetsRem.length || undefined}
				data-sticky-end={endWidthRem > 0 || undefined}
				style={
					{
						'--table-columns': grid.template,
						'--table-min-width': `${grid.minWidthRem}rem`,
						...Object.fromEntries(
							offsetsRem.map((offset, i) => [`--sticky-offset-${i + 1}`, `${offset}rem`]),
						),
					} as React.CSSProperties
				}
			>
				<TableHeader
					question={question}
					dimensionColumns={dimensionColumns}
					editableColumns={editableColumns}
					rowActions={onRemove !== undefined}
				/>
				<tbody
					ref={bodyRef}
					role="rowgroup"
					onKeyDown={editable ? onGridKeyDown : undefined}
					onPaste={onPaste}
					onFocus={editable ? onFocusInert : undefined}
				>
					{rows.map((row, position) => (
						<TableRowView
							key={row.id}
							question={question}
							index={row.index}
							position={position}
							rowId={row.id}
							live={!editable || isLive(row.id)}
							cellsAtRender={row.cells}
							label={rowLabel(row, row.index)}
							dimensionColumns={dimensionColumns}
							editableColumns={editableColumns}
							options={options}
							onRemove={onRemove}
						/>
					))}
				</tbody>
			</table>
		</div>
	)
}
