import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import { cellText } from '#forms/answer-text.ts'
import { isMarked } from '#forms/engine/values.ts'
import type { FormText } from '#forms/text-core.ts'
import type { CellValue, Marker, TableColumn, TableQuestion } from '#forms/types.ts'
import { useCellField } from './answer-field.ts'
import { AnswerForm } from './answer-form.tsx'
import { useCellState, useEditor, useVisibleIssues } from './editor-context.tsx'
import { domId, type Option } from './form-model.ts'
import { MARKER_MENU_SHORTCUT } from './grid-keys.ts'
import { IssueList } from './issue-list.tsx'
import { MarkerSelect, ScalarInput } from './scalar-input.tsx'

/** `data-column` of the cell holding a row's actions (not a column id: those have no colon). */
export const ACTIONS_COLUMN = ':actions'

/** Cells of an editable table are grid cells (WAI-ARIA grid); of a read-only one, table cells. */
function useCellRole() {
	return useEditor().editable ? 'gridcell' : 'cell'
}

type RowProps = {
	question: TableQuestion
	/** The row's index in the answer (open tables number their rows by it). */
	index: number
	/** Its place among the rows shown (`data-row`: rows not asked are not rendered). */
	position: number
	rowId: string
	/** Rendered with its controls (see `useLiveRows`); otherwise its values as text. */
	live: boolean
	cellsAtRender: Record<string, CellValue>
	label: string
	dimensionColumns: TableColumn[]
	editableColumns: TableColumn[]
	options: Record<string, Option[]>
	onRemove?: (rowId: string, position: number) => void
}

/** One row: its read-only cells (the first heads the row), its answer cells, its actions. */
export const TableRowView = memo(function TableRowView(props: RowProps) {
	const { question, index, position, label, dimensionColumns, editableColumns, options, rowId } =
		props
	const { text } = useEditor()
	const role = useCellRole()
	// Missing cells are marked on the cells themselves; the row lists the other problems.
	const rowIssues = useVisibleIssues(question.id, rowId).filter(
		(i) => i.messageKey !== 'required' || !i.columnId,
	)
	const rowIssueId = domId('q', question.id, rowId, 'issues')
	return (
		<>
			<tr role="row" data-row-id={rowId} className={rowIssues.length ? 'row--issues' : undefined}>
				{dimensionColumns.map((c, i) => {
					const shown = cellText(question, c.id, props.cellsAtRender[c.id], text, { empty: '' })
					return i === 0 ? (
						<th
							key={c.id}
							scope="row"
							role="rowheader"
							className="cell--readonly"
							aria-readonly={role === 'gridcell' || undefined}
						>
							{shown}
						</th>
					) : (
						<td
							key={c.id}
							role={role}
							className="cell--readonly"
							aria-readonly={role === 'gridcell' || undefined}
						>
							{shown}
						</td>
					)
				})}
				{dimensionColumns.length === 0 ? (
					<th scope="row" role="rowheader" className="cell--readonly">
						{index + 1}
					</th>
				) : null}
				{editableColumns.map((c) => (
					<TableCell
						key={c.id}
						question={question}
						column={c}
						position={position}
						rowId={rowId}
						rowLabel={label}
						live={props.live}
						options={options[c.id] ?? NO_OPTIONS}
						describedBy={rowIssues.length ? rowIssueId : undefined}
					/>
				))}
				{props.onRemove ? (
					<RemoveRowCell
						rowId={rowId}
						position={position}
						rowLabel={label}
						onRemove={props.onRemove}
					/>
				) : null}
			</tr>
			{rowIssues.length > 0 ? (
				<tr role="row" className="row-issues">
					<td role={role} colSpan={dimensionColumns.length + editableColumns.length + 2}>
						<IssueList id={rowIssueId} issues={rowIssues} />
					</td>
				</tr>
			) : null}
		</>
	)
})

function RemoveRowCell({
	rowId,
	position,
	rowLabel,
	onRemove,
}: {
	rowId: string
	position: number
	rowLabel: string
	onRemove: (rowId: string, position: number) => void
}) {
	const { t } = useTranslation('editor')
	return (
		<td
			role={useCellRole()}
			data-row={position}
			data-column={ACTIONS_COLUMN}
			className="cell--actions"
		>
			<button
				type="button"
				className="link-button"
				tabIndex={-1}
				data-cell-input
				aria-label={t('table.removeRow', { row: rowLabel })}
				onClick={() => onRemove(rowId, position)}
			>
				{t('table.remove')}
			</button>
		</td>
	)
}

const NO_OPTIONS: Option[] = []

/**
 * One answer cell: its input (or the marker set instead of a value) and its status menu, reached
 * with Alt+M rather than Tab. Cells a row condition hides show a dash. Memoised: a row re-renders
 * when its issues change (a warning that carries the typed value, on every key), its cells only
 * when their own props, value or state do.
 */
const TableCell = memo(function TableCell({
	question,
	column,
	position,
	rowId,
	rowLabel,
	live,
	options,
	describedBy,
}: {
	question: TableQuestion
	column: TableColumn
	position: number
	rowId: string
	rowLabel: string
	live: boolean
	options: Option[]
	describedBy?: string
}) {
	const { t } = useTranslation('editor')
	const { text, editable } = useEditor()
	const role = useCellRole()
	const { value, onChange } = useCellField(question.id, rowId, column.id)
	const { visible, error: hasIssue } = useCellState(question.id, rowId, column.id)
	const id = domId('q', question.id, rowId, column.id)
	const label = `${text.label(`${question.id}.${column.id}`)} — ${rowLabel}`
	const markerLabel = useMemo(() => t('marker.cellLabel', { label }), [t, label])
	// Clearing a marker from its menu brings the input back: focus goes back to it.
	const refocusInput = useRef(false)
	const onMarker = useCallback(
		(marker: Marker | null) => {
			refocusInput.current = marker === null
			onChange(marker ? { marker } : undefined)
		},
		[onChange],
	)
	const marked = isMarked(value)
	useEffect(() => {
		if (!refocusInput.current || marked) return
		refocusInput.current = false
		document.getElementById(id)?.focus()
	}, [marked, id])
	if (!visible) {
		return (
			<td role={role} data-row={position} data-column={column.id} className="cell--hidden">
				<span aria-label={t('table.notApplicableCell', { label })}>—</span>
			</td>
		)
	}
	const markers = editable ? (column.markers ?? []) : []
	if (!live) {
		return (
			<td
				role={role}
				data-row={position}
				data-column={column.id}
				className={hasIssue ? 'cell--error' : undefined}
			>
				<InertCell
					id={id}
					question={question}
					column={column}
					value={value}
					text={text}
					describedBy={describedBy}
				/>
			</td>
		)
	}
	return (
		<td
			role={role}
			data-row={position}
			data-column={column.id}
			className={hasIssue ? 'cell--error' : undefined}
		>
			<AnswerForm className="cell">
				{marked ? (
					<span className="marker-chip marker-chip--small">{text.marker(value.marker)}</span>
				) : (
					<ScalarInput
						id={id}
						item={column as Exclude<TableColumn, { readOnly: true }>}
						textId={`${question.id}.${column.id}`}
						value={value}
						onChange={(next) => onChange(next ?? undefined)}
						options={options}
						text={text}
						disabled={!editable}
						ariaLabel={label}
						invalid={hasIssue}
						describedBy={describedBy}
						keyShortcuts={markers.length > 0 ? MARKER_MENU_SHORTCUT : undefined}
						inCell
						placeholder="—"
					/>
				)}
				{markers.length > 0 ? (
					<MarkerSelect
						id={`${id}-marker`}
						markers={markers}
						marker={marked ? value.marker : null}
						onChange={onMarker}
						text={text}
						disabled={!editable}
						inCell
						label={markerLabel}
					/>
				) : null}
			</AnswerForm>
		</td>
	)
})

/**
 * A cell of a row far from the screen (see `useLiveRows`): its value as text, in a box the size of
 * its control, focusable so the keyboard reaches it; focus brings the row's controls back.
 */
function InertCell({
	id,
	question,
	column,
	value,
	text,
	describedBy,
}: {
	/** The id of the cell's control, so links to the cell (from the checks page) reach it. */
	id: string
	question: TableQuestion
	column: TableColumn
	value: CellValue | undefined
	text: FormText
	describedBy?: string
}) {
	const marked = isMarked(value)
	const shown = marked
		? text.marker(value.marker)
		: cellText(question, column.id, value, text, { empty: '' })
	return (
		<div className="cell">
			<span
				id={id}
				className={marked ? 'marker-chip marker-chip--small' : 'cell__inert'}
				data-inert-cell={column.type}
				data-cell-input
				tabIndex={-1}
				aria-describedby={describedBy}
			>
				{shown}
			</span>
		</div>
	)
}
