import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useFieldArray, type Control, type FieldValues } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { isMarked } from '#forms/engine/values.ts'
import type { MarkedValue, Marker, TableQuestion, TableRow } from '#forms/types.ts'
import { ThreadList } from '../review/threads.tsx'
import { useAnswerField } from './answer-field.ts'
import { EditorTable } from './editor-table.tsx'
import { useEditor, useHiddenRows, useQuestionState, useVisibleIssues } from './editor-context.tsx'
import { FillEmpty } from './fill-empty.tsx'
import { domId, optionsFor, type Option } from './form-model.ts'
import { focusCell, focusRow } from './grid-focus.ts'
import { IssueList } from './question-field.tsx'
import { MarkerSelect } from './scalar-input.tsx'
import { tableGridTemplate } from './table-layout.ts'
import { ACTIONS_COLUMN } from './table-row.tsx'
import { newRowId, useTablePaste } from './use-table-paste.ts'

/**
 * A table question: fixed rows (one per applicable chemical × year, say) or rows the user adds.
 * Editable, the table is a grid with one tab stop (see `EditorTable`); adding a row moves focus
 * into it, removing one moves focus to the next row's Remove button (or to "Add a row").
 */
export function TableField({ question }: { question: TableQuestion }) {
	const { t } = useTranslation('editor')
	const {
		control,
		text,
		editable,
		formContext,
		definition,
		aliases,
		setAnswer,
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
					optionsFor(c, `${question.id}.${c.id}`, text, formContext, definition.codeLists, aliases),
				]),
			) as Record<string, Option[]>,
		[question, text, formContext, definition.codeLists, aliases],
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
	const hasCellMarkers = editableColumns.some((c) => (c.markers?.length ?? 0) > 0)
	const hiddenRows = useHiddenRows(question.id)
	// Rows not asked (a chemical answered "no", say) are not rendered; their answers are kept.
	const shownRows = useMemo(
		() =>
			(fields as unknown as (TableRow & { _key: string })[])
				.map((row, index) => ({ ...row, index }))
				.filter((row) => !hiddenRows.has(row.id)),
		[fields, hiddenRows],
	)
	const paste = useTablePaste({ question, editableColumns, options, hiddenRows })

	// Focus moves once the rows an action added or removed are rendered.
	const bodyRef = useRef<HTMLTableSectionElement>(null)
	const addButtonRef = useRef<HTMLButtonElement>(null)
	const afterRender = useRef<((body: HTMLTableSectionElement) => void) | null>(null)
	useEffect(() => {
		const task = afterRender.current
		afterRender.current = null
		if (task && bodyRef.current) task(bodyRef.current)
	}, [fields])

	const addRow = () => {
		const index = fields.length
		afterRender.current = (body) => focusRow(body, index)
		append({ id: newRowId(), cells: {} })
	}
	const removeRow = useCallback(
		(index: number) => {
			afterRender.current = (body) => {
				const remaining = [index, index - 1]
					.map((row) =>
						body.querySelector<HTMLElement>(
							`td[data-row="${row}"][data-column="${ACTIONS_COLUMN}"]`,
						),
					)
					.find(Boolean)
				if (remaining) focusCell(remaining)
				else addButtonRef.current?.focus()
			}
			remove(index)
		},
		[remove],
	)

	const tableValue = tableMarker ? { marker: tableMarker } : undefined
	const marked = isMarked(tableValue)
	const keysHelpId = editable && !marked ? `${base}-keys` : undefined
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
				<EditorTable
					question={question}
					labelId={`${base}-label`}
					keysHelpId={keysHelpId}
					rows={shownRows}
					grid={grid}
					dimensionColumns={dimensionColumns}
					editableColumns={editableColumns}
					options={options}
					bodyRef={bodyRef}
					onPaste={paste.onPaste}
					onRemove={open && editable ? removeRow : undefined}
				/>
			)}
			{!marked && shownRows.length === 0 ? <p className="muted">{t('table.empty')}</p> : null}
			{editable && !marked && question.fillEmpty && shownRows.length > 0 ? (
				<FillEmpty question={question} />
			) : null}
			{keysHelpId ? (
				<p id={keysHelpId} className="field-help">
					{t('table.keyboardHelp')}
					{hasCellMarkers ? ` ${t('table.markerHelp')}` : null}
				</p>
			) : null}
			{editable && !marked && open && (maxRows === undefined || fields.length < maxRows) ? (
				<button
					ref={addButtonRef}
					type="button"
					className="button button--secondary"
					onClick={addRow}
				>
					{t('table.addRow')}
				</button>
			) : null}
			<p role="status" className="muted">
				{paste.status ?? ''}
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
