import { useCallback, useEffect, useMemo, useRef } from 'react'
import { useTranslation } from '../../utils/use-translation.tsx'
import type { Marker, TableQuestion } from '#forms/types.ts'
import { ThreadList } from '../review/threads.tsx'
import { AnswerForm } from './answer-form.tsx'
import { useAnswerSlice, useRowIds } from './answer-field.ts'
import { EditorTable, type ShownRow } from './editor-table.tsx'
import { useEditor, useHiddenRows, useQuestionState, useTableIssues } from './editor-context.tsx'
import { FillEmpty } from './fill-empty.tsx'
import { domId, optionsFor, type Option } from './form-model.ts'
import { focusCell, focusRow } from './grid-focus.ts'
import { IssueList } from './issue-list.tsx'
import { ReuseOfferNotes } from './reuse-offer-note.tsx'
import { MarkerSelect } from './scalar-input.tsx'
import { tableGridTemplate } from './table-layout.ts'
import { ACTIONS_COLUMN } from './table-row.tsx'
import { newRowId, preloadPasteParser, useTablePaste } from './use-table-paste.ts'

/** The columns of a table, the options of each, and its grid layout. */
function useTableColumns(question: TableQuestion) {
	const { text, editable, formContext, definition, searchTerms } = useEditor()
	const open = question.rows.kind === 'open'
	const editableColumns = useMemo(() => question.columns.filter((c) => !c.readOnly), [question])
	const dimensionColumns = useMemo(() => question.columns.filter((c) => c.readOnly), [question])
	const options = useMemo(
		() =>
			Object.fromEntries(
				question.columns.map((c) => [
					c.id,
					optionsFor(
						c,
						`${question.id}.${c.id}`,
						text,
						formContext,
						definition.codeLists,
						searchTerms,
					),
				]),
			) as Record<string, Option[]>,
		[question, text, formContext, definition.codeLists, searchTerms],
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
	return { editableColumns, dimensionColumns, options, grid }
}

/**
 * The rows shown (rows not asked, a chemical answered "no" say, are not rendered; their answers
 * are kept), and adding and removing rows. Adding a row moves focus into it; removing one moves
 * focus to the next row's Remove button (or to "Add a row").
 */
function useTableRows(question: TableQuestion) {
	const { answers } = useEditor()
	// Re-renders when rows are added or removed, not when a cell changes.
	const rowIds = useRowIds(question.id)
	const hiddenRows = useHiddenRows(question.id)
	const shownRows = useMemo<ShownRow[]>(() => {
		void rowIds
		return answers
			.rows(question.id)
			.map((row, index) => ({ ...row, index }))
			.filter((row) => !hiddenRows.has(row.id))
	}, [answers, question.id, rowIds, hiddenRows])

	// Focus moves once the rows an action added or removed are rendered.
	const bodyRef = useRef<HTMLTableSectionElement>(null)
	const addButtonRef = useRef<HTMLButtonElement>(null)
	const afterRender = useRef<((body: HTMLTableSectionElement) => void) | null>(null)
	useEffect(() => {
		const task = afterRender.current
		afterRender.current = null
		if (task && bodyRef.current) task(bodyRef.current)
	}, [rowIds])

	const addRow = () => {
		const position = rowIds.length
		afterRender.current = (body) => focusRow(body, position)
		answers.appendRow(question.id, { id: newRowId(), cells: {} })
	}
	const removeRow = useCallback(
		(rowId: string, position: number) => {
			afterRender.current = (body) => {
				const remaining = [position, position - 1]
					.map((row) =>
						body.querySelector<HTMLElement>(
							`td[data-row="${row}"][data-column="${ACTIONS_COLUMN}"]`,
						),
					)
					.find(Boolean)
				if (remaining) focusCell(remaining)
				else addButtonRef.current?.focus()
			}
			answers.removeRow(question.id, rowId)
		},
		[answers, question.id],
	)
	return {
		rowCount: rowIds.length,
		shownRows,
		hiddenRows,
		bodyRef,
		addButtonRef,
		addRow,
		removeRow,
	}
}

/** The table's label, help and the marker set instead of the whole table, if it allows one. */
function TableHeading({ question, marker }: { question: TableQuestion; marker?: Marker }) {
	const { t } = useTranslation('editor')
	const { text, editable, setAnswer } = useEditor()
	const { required } = useQuestionState(question.id)
	const base = domId('q', question.id)
	const help = text.help(question.id)
	const markers = question.markers ?? []
	return (
		<>
			<h3 className="question__label" id={`${base}-label`}>
				{text.label(question.id)}
				{required ? <span className="required-mark"> ({t('required')})</span> : null}
			</h3>
			{help ? <p className="field-help">{help}</p> : null}
			{markers.length > 0 ? (
				<AnswerForm className="field-row">
					<MarkerSelect
						id={`${base}-marker`}
						markers={markers}
						marker={marker ?? null}
						onChange={(next: Marker | null) =>
							setAnswer(question.id, next ? { marker: next } : null)
						}
						text={text}
						disabled={!editable}
						label={t('marker.label', { question: text.label(question.id) })}
					/>
				</AnswerForm>
			) : null}
		</>
	)
}

function markerOf(value: unknown): Marker | undefined {
	const marker = (value as { marker?: unknown } | null | undefined)?.marker
	return typeof marker === 'string' ? (marker as Marker) : undefined
}

/**
 * A table question: fixed rows (one per applicable chemical × year, say) or rows the user adds.
 * Editable, the table is a grid with one tab stop (see `EditorTable`).
 */
export function TableField({ question }: { question: TableQuestion }) {
	const { t } = useTranslation('editor')
	const { text, editable, reportId, threads, canModerateThreads } = useEditor()
	// Only the marker of the whole table is watched here: a keystroke re-renders its cell alone.
	const marker = useAnswerSlice(question.id, markerOf)
	const columns = useTableColumns(question)
	const rows = useTableRows(question)
	const paste = useTablePaste({ question, ...columns, hiddenRows: rows.hiddenRows })
	const questionIssues = useTableIssues(question.id)
	const base = domId('q', question.id)
	const open = question.rows.kind === 'open'
	const maxRows = question.rows.kind === 'open' ? question.rows.maxRows : undefined
	const hasCellMarkers = columns.editableColumns.some((c) => (c.markers?.length ?? 0) > 0)
	const marked = marker !== undefined
	const keysHelpId = editable && !marked ? `${base}-keys` : undefined
	const canAdd = editable && !marked && open && (maxRows === undefined || rows.rowCount < maxRows)
	return (
		<section
			className="question question--table"
			id={base}
			aria-labelledby={`${base}-label`}
			onFocus={editable ? preloadPasteParser : undefined}
		>
			<TableHeading question={question} marker={marker} />
			<ReuseOfferNotes question={question} />
			{marked ? (
				<p className="marker-chip">{text.marker(marker)}</p>
			) : (
				<EditorTable
					question={question}
					labelId={`${base}-label`}
					keysHelpId={keysHelpId}
					rows={rows.shownRows}
					{...columns}
					bodyRef={rows.bodyRef}
					onPaste={paste.onPaste}
					onRemove={open && editable ? rows.removeRow : undefined}
				/>
			)}
			{!marked && rows.shownRows.length === 0 ? <p className="muted">{t('table.empty')}</p> : null}
			{editable && !marked && question.fillEmpty && rows.shownRows.length > 0 ? (
				<FillEmpty question={question} />
			) : null}
			{keysHelpId ? (
				<p id={keysHelpId} className="field-help">
					{t('table.keyboardHelp')}
					{hasCellMarkers ? ` ${t('table.markerHelp')}` : null}
				</p>
			) : null}
			{canAdd ? (
				<button
					ref={rows.addButtonRef}
					type="button"
					className="button button--secondary"
					onClick={rows.addRow}
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
				labelledBy={`${base}-label`}
				reportId={reportId}
				questionId={question.id}
				threads={threads[question.id] ?? []}
				canStart={canModerateThreads}
				canModerate={canModerateThreads}
			/>
		</section>
	)
}
