import type { ZodMiniType } from 'zod/mini'
import { columnSchema, questionSchema } from '../engine/answer-schemas.ts'
import { rowsFor } from '../engine/compile.ts'
import { periodYears } from '../engine/rows.ts'
import { isAnswered, isMarked, tableRows } from '../engine/values.ts'
import { questionsById } from '../question-index.ts'
import { contextAnswers, isSubmissionDate, isSystemFilled } from '../system-answers.ts'
import type {
	Answer,
	Answers,
	CellValue,
	FormContext,
	FormDefinition,
	Question,
	TableColumn,
	TableQuestion,
	TableRow,
} from '../types.ts'
import type { Outcome } from './transforms.ts'
import { applyTransform, combine } from './transforms.ts'
import type {
	AnswerLocation,
	ColumnMapping,
	MigrationOutcome,
	MigrationReasonCode,
	MigrationReportEntry,
	MigrationSpec,
	PeriodBoundValues,
	QuestionMapping,
	RowMapping,
	ValueTransform,
} from './types.ts'

export interface MigrationResult {
	answers: Answers
	report: MigrationReportEntry[]
}

const schemaCache = new WeakMap<object, ZodMiniType>()
function schemaOf(item: Question | TableColumn, isColumn: boolean): ZodMiniType {
	let schema = schemaCache.get(item)
	if (!schema) {
		schema = isColumn ? columnSchema(item as TableColumn) : questionSchema(item as Question)
		schemaCache.set(item, schema)
	}
	return schema
}

/**
 * Why a value was not written, with the code people are shown (default `incompatible`). A value
 * for a `periodBound` target is not written but offered for confirmation (`previous`).
 */
type Refusal = {
	ok: false
	reason: string
	code?: MigrationReasonCode
	toConfirm?: { previous: unknown }
}
type WriteOutcome = { ok: true; value: unknown } | Refusal

const OFFERED: Omit<Refusal, 'toConfirm'> = {
	ok: false,
	reason: 'The answer describes the period of the previous report: offered for confirmation.',
	code: 'period_bound',
}

/** The value must have the target's type, and inline option codes must still be offered. */
function fits(item: Question | TableColumn, value: unknown, isColumn: boolean): Outcome {
	if (!schemaOf(item, isColumn).safeParse(value).success) {
		return { ok: false, reason: `the value does not fit the target ${item.type} item` }
	}
	if (!isMarked(value) && 'options' in item && Array.isArray(item.options)) {
		const codes = Array.isArray(value) ? value : [value]
		const missing = codes.find((code) => !item.options!.includes(String(code)))
		if (missing !== undefined)
			return { ok: false, reason: `code "${String(missing)}" is not offered by the target` }
	}
	return { ok: true, value }
}

function sameType(source: Question | TableColumn, target: Question | TableColumn): boolean {
	if (source.type !== target.type) return false
	const multiple = (item: Question | TableColumn) =>
		'multiple' in item ? item.multiple === true : false
	return multiple(source) === multiple(target)
}

function transformOutcome(
	transform: ValueTransform | undefined,
	renamed: boolean,
): MigrationOutcome {
	if (transform) return 'transformed'
	return renamed ? 'renamed' : 'carried'
}

function convert(value: unknown, transform: ValueTransform | undefined): Outcome {
	return transform ? applyTransform(value, transform) : { ok: true, value }
}

/** One application of a spec: what it reads, what it has written so far, and its report. */
interface MigrationRun {
	fromDef: FormDefinition
	toDef: FormDefinition
	answers: Answers
	ctx: FormContext | undefined
	periodBound: PeriodBoundValues
	sourceQuestions: ReadonlyMap<string, Question>
	targetQuestions: ReadonlyMap<string, Question>
	recomputed: Answers
	out: Answers
	/** Target question id → the source id whose answer was written there. */
	writtenBy: Map<string, string>
	report: MigrationReportEntry[]
	handledMerges: Set<QuestionMapping>
}

function entry(
	run: MigrationRun,
	source: AnswerLocation,
	outcome: MigrationOutcome,
	targets?: AnswerLocation[],
	reason?: string,
	code?: MigrationReasonCode,
	params?: Record<string, string | number>,
	previous?: unknown,
): void {
	run.report.push({
		source,
		outcome,
		...(targets ? { targets } : {}),
		...(reason ? { reason } : {}),
		...(code ? { code } : {}),
		...(params ? { params } : {}),
		...(previous !== undefined ? { previous: previous as Answer } : {}),
	})
}

function refused(
	run: MigrationRun,
	source: AnswerLocation,
	result: Refusal,
	targets?: AnswerLocation[],
	params?: Record<string, string | number>,
): void {
	if (result.toConfirm)
		entry(
			run,
			source,
			'to_confirm',
			targets,
			result.reason,
			result.code,
			params,
			result.toConfirm.previous,
		)
	else entry(run, source, 'failed', targets, result.reason, result.code ?? 'incompatible')
}

/** Writes a converted value to a target question, or explains why it cannot. */
function write(
	run: MigrationRun,
	sourceId: string,
	targetId: string,
	value: unknown,
): WriteOutcome {
	const target = run.targetQuestions.get(targetId)
	if (!target)
		return {
			ok: false,
			reason: `the target has no question "${targetId}"`,
			code: 'no_longer_asked',
		}
	if (isSystemFilled(target))
		return {
			ok: false,
			reason: `"${targetId}" is filled in by the system`,
			code: 'system_filled',
		}
	const fit = fits(target, value, false)
	if (!fit.ok) return fit
	const previous = run.writtenBy.get(targetId)
	if (previous !== undefined)
		return {
			ok: false,
			reason: `"${targetId}" already holds the answer carried from "${previous}"`,
			code: 'conflict',
		}
	run.writtenBy.set(targetId, sourceId)
	if (target.periodBound) {
		if (run.periodBound === 'keep') run.out[targetId] = value as Answer
		return { ...OFFERED, toConfirm: { previous: value } }
	}
	run.out[targetId] = value as Answer
	return fit
}

/**
 * A source answer whose target the system fills in: the target gets its value for the new
 * context (carried when unchanged), or nothing until the system sets it (date of submission).
 */
function recompute(run: MigrationRun, sourceId: string, target: Question, previous: Answer): void {
	const fresh = run.recomputed[target.id]
	const location = { questionId: sourceId }
	if (fresh === undefined) {
		const onSubmission = isSubmissionDate(target)
		entry(
			run,
			location,
			'dropped',
			undefined,
			onSubmission
				? 'Set by the system when the new report is submitted.'
				: 'Filled in by the system for each report.',
			onSubmission ? 'set_on_submission' : 'system_filled',
		)
		return
	}
	run.writtenBy.set(target.id, sourceId)
	run.out[target.id] = fresh
	if (target.id === sourceId && canonical(fresh) === canonical(previous)) {
		entry(run, location, 'carried', [{ questionId: target.id }])
		return
	}
	entry(
		run,
		location,
		'recomputed',
		[{ questionId: target.id }],
		`Filled in by the system for the new report: ${canonical(fresh)}.`,
		'system_filled',
		typeof fresh === 'string' || typeof fresh === 'number' ? { value: fresh } : undefined,
	)
}

/** The question a source answer goes to unchanged in shape (no mapping, rename, transform). */
function directTargetOf(
	run: MigrationRun,
	sourceId: string,
	mapping: QuestionMapping | undefined,
): Question | undefined {
	if (!mapping) return run.targetQuestions.get(sourceId)
	if (mapping.kind === 'rename') return run.targetQuestions.get(mapping.to)
	if (mapping.kind === 'transform') return run.targetQuestions.get(mapping.question)
	return undefined
}

/** No mapping: carried to the same id when the target asks it with the same type. */
function migrateUnmapped(
	run: MigrationRun,
	source: Question,
	target: Question | undefined,
	value: Answer,
): void {
	const location = { questionId: source.id }
	if (!target) {
		entry(
			run,
			location,
			'failed',
			undefined,
			`no mapping, and v${run.toDef.version} has no question "${source.id}"`,
			'no_longer_asked',
		)
	} else if (!sameType(source, target)) {
		entry(
			run,
			location,
			'failed',
			undefined,
			`no mapping, and the type changed from ${source.type} to ${target.type}`,
			'incompatible',
		)
	} else if (source.type === 'table' && target.type === 'table') {
		migrateTable(run, { kind: 'table', from: source.id }, source, target)
	} else {
		const result = write(run, source.id, source.id, value)
		if (result.ok) entry(run, location, 'carried', [location])
		else refused(run, location, result, result.toConfirm ? [location] : undefined)
	}
}

function migrateDrop(
	run: MigrationRun,
	sourceId: string,
	mapping: Extract<QuestionMapping, { kind: 'drop' }>,
): void {
	const because = mapping.because
	entry(
		run,
		{ questionId: sourceId },
		'dropped',
		undefined,
		mapping.reason,
		because?.code ?? 'no_longer_asked',
		because?.code === 'replaced' ? { question: because.by } : undefined,
	)
}

function migrateRenameOrTransform(
	run: MigrationRun,
	sourceId: string,
	mapping: Extract<QuestionMapping, { kind: 'rename' | 'transform' }>,
	value: Answer,
): void {
	const targetId = mapping.kind === 'rename' ? mapping.to : mapping.question
	const converted = convert(value, mapping.transform)
	const result = converted.ok ? write(run, sourceId, targetId, converted.value) : converted
	if (result.ok) {
		entry(
			run,
			{ questionId: sourceId },
			transformOutcome(mapping.transform, mapping.kind === 'rename'),
			[{ questionId: targetId }],
		)
	} else refused(run, { questionId: sourceId }, result, [{ questionId: targetId }])
}

function migrateSplit(
	run: MigrationRun,
	sourceId: string,
	mapping: Extract<QuestionMapping, { kind: 'split' }>,
	value: Answer,
): void {
	const targets: AnswerLocation[] = []
	for (const part of mapping.into) {
		const converted = convert(value, part.transform)
		const result = converted.ok ? write(run, sourceId, part.to, converted.value) : converted
		if (result.ok) targets.push({ questionId: part.to })
		else refused(run, { questionId: sourceId }, result, [{ questionId: part.to }])
	}
	if (targets.length > 0) entry(run, { questionId: sourceId }, 'split', targets)
}

/** All sources of a merge are handled together, at the first of them met. */
function migrateMerge(
	run: MigrationRun,
	mapping: Extract<QuestionMapping, { kind: 'merge' }>,
): void {
	if (run.handledMerges.has(mapping)) return
	run.handledMerges.add(mapping)
	const values = mapping.from.map((id) => ({ source: id, value: run.answers[id] }))
	const combined = combine(values, mapping.combine)
	const result = combined.ok
		? write(run, mapping.from.join('+'), mapping.to, combined.value)
		: combined
	for (const { source: id, value: merged } of values) {
		if (merged === undefined) continue
		if (result.ok) entry(run, { questionId: id }, 'merged', [{ questionId: mapping.to }])
		else refused(run, { questionId: id }, result, [{ questionId: mapping.to }])
	}
}

function migrateTableMapping(
	run: MigrationRun,
	source: Question,
	mapping: Extract<QuestionMapping, { kind: 'table' }>,
): void {
	const target = run.targetQuestions.get(mapping.to ?? mapping.from)
	if (source.type !== 'table' || target?.type !== 'table') {
		entry(
			run,
			{ questionId: source.id },
			'failed',
			undefined,
			'table mapping between non-table questions',
			'incompatible',
		)
	} else migrateTable(run, mapping, source, target)
}

function migrateAnswer(
	run: MigrationRun,
	sourceId: string,
	value: Answer,
	mapping: QuestionMapping | undefined,
): void {
	const source = run.sourceQuestions.get(sourceId)
	if (!source) {
		entry(
			run,
			{ questionId: sourceId },
			'failed',
			undefined,
			`"${sourceId}" is not a question of ${run.fromDef.formId} v${run.fromDef.version}`,
			'no_longer_asked',
		)
		return
	}
	const directTarget = directTargetOf(run, sourceId, mapping)
	if (directTarget && isSystemFilled(directTarget)) {
		recompute(run, sourceId, directTarget, value)
		return
	}
	if (!mapping) {
		migrateUnmapped(run, source, directTarget, value)
		return
	}
	switch (mapping.kind) {
		case 'drop':
			return migrateDrop(run, sourceId, mapping)
		case 'rename':
		case 'transform':
			return migrateRenameOrTransform(run, sourceId, mapping, value)
		case 'split':
			return migrateSplit(run, sourceId, mapping, value)
		case 'merge':
			return migrateMerge(run, mapping)
		case 'table':
			return migrateTableMapping(run, source, mapping)
	}
}

/**
 * Applies one spec (version N → N+1). Exported for fixture tests; use `migrateAnswers` otherwise.
 * `ctx` (the target report's context) recomputes the answers the system fills in, drops rows for
 * years outside the target's period, and lets fixed-row tables drop rows the target does not
 * expect. Without it, system-filled answers are not carried and no row is checked against a period.
 * `periodBound` says whether answers of the target's period-bound items are left out (`offer`,
 * the default) or written too (`keep`); either way they are reported `to_confirm`.
 */
export function applyMigrationSpec(
	spec: MigrationSpec,
	fromDef: FormDefinition,
	toDef: FormDefinition,
	answers: Answers,
	ctx?: FormContext,
	periodBound: PeriodBoundValues = 'offer',
): MigrationResult {
	const run: MigrationRun = {
		fromDef,
		toDef,
		answers,
		ctx,
		periodBound,
		sourceQuestions: questionsById(fromDef),
		targetQuestions: questionsById(toDef),
		recomputed: ctx ? contextAnswers(toDef, ctx) : {},
		out: {},
		writtenBy: new Map(),
		report: [],
		handledMerges: new Set(),
	}
	const mappingFor = new Map<string, QuestionMapping>()
	for (const mapping of spec.questions) {
		if (mapping.kind === 'merge') for (const id of mapping.from) mappingFor.set(id, mapping)
		else mappingFor.set(mapping.kind === 'transform' ? mapping.question : mapping.from, mapping)
	}
	for (const [sourceId, value] of Object.entries(answers)) {
		if (value === undefined) continue
		migrateAnswer(run, sourceId, value, mappingFor.get(sourceId))
	}
	return { answers: run.out, report: run.report }
}

type TableMapping = Extract<QuestionMapping, { kind: 'table' }>

/** One table being migrated, within its run. */
interface TableRun {
	run: MigrationRun
	source: TableQuestion
	target: TableQuestion
	rowsSpec: RowMapping
	sourceDims: string[]
	targetDims: string[]
	sourceColumns: Map<string, TableColumn>
	targetColumns: Map<string, TableColumn>
	columnMapping: Map<string, ColumnMapping>
	/** The fixed-row keys the target expects for the context, when the others are dropped. */
	expected: Set<string> | undefined
	years: number[] | undefined
	/** Where a row's year is: the period-year dimension of fixed rows, `withinPeriod` columns of open ones. */
	yearDimension: number
	periodColumns: string[]
	/** What an open row is about: its first cell (e.g. the chemical), to name offered values. */
	aboutColumn: string | undefined
	/** Per source column: outcome, targets, failures. */
	columnReport: Map<string, ColumnNote>
}

interface ColumnNote {
	outcome: MigrationOutcome
	targets: Set<string>
	reason?: string
	code?: MigrationReasonCode
}

function tableRun(
	run: MigrationRun,
	mapping: TableMapping,
	source: TableQuestion,
	target: TableQuestion,
): TableRun {
	const { ctx, toDef } = run
	const rowsSpec = mapping.rows ?? {}
	const columnMapping = new Map<string, ColumnMapping>()
	for (const column of mapping.columns ?? []) {
		if (column.kind === 'merge') for (const id of column.from) columnMapping.set(id, column)
		else columnMapping.set(column.kind === 'transform' ? column.column : column.from, column)
	}
	return {
		run,
		source,
		target,
		rowsSpec,
		sourceDims: source.rows.kind === 'fixed' ? source.rows.dimensions.map((d) => d.column) : [],
		targetDims: target.rows.kind === 'fixed' ? target.rows.dimensions.map((d) => d.column) : [],
		sourceColumns: new Map(source.columns.map((column) => [column.id, column])),
		targetColumns: new Map(target.columns.map((column) => [column.id, column])),
		columnMapping,
		expected:
			rowsSpec.dropOutsideTarget && target.rows.kind === 'fixed' && ctx
				? new Set(rowsFor(toDef, target, ctx).map((row) => row.key))
				: undefined,
		years: ctx ? periodYears(ctx) : undefined,
		yearDimension:
			target.rows.kind === 'fixed'
				? target.rows.dimensions.findIndex((dimension) => 'periodYears' in dimension)
				: -1,
		periodColumns: target.columns
			.filter((column) => column.type === 'year' && column.withinPeriod === true)
			.map((column) => column.id),
		aboutColumn: source.rows.kind === 'open' ? source.columns[0]?.id : undefined,
		columnReport: new Map(),
	}
}

function outsidePeriod(table: TableRun, year: unknown): year is number {
	const { years } = table
	return (
		years !== undefined &&
		typeof year === 'number' &&
		(year < years[0]! || year > years[years.length - 1]!)
	)
}

function dropOutsidePeriod(table: TableRun, rowId: string, year: number): void {
	const years = table.years!
	entry(
		table.run,
		{ questionId: table.source.id, rowId },
		'dropped',
		undefined,
		`The row is for ${year}, outside the period ${years[0]}–${years[years.length - 1]} of the new report.`,
		'outside_period',
		{ year },
	)
}

/** Records the first outcome of a source column (later rows do not change it). */
function note(
	table: TableRun,
	columnId: string,
	outcome: MigrationOutcome,
	targetColumns: string[],
	reason?: string,
	code?: MigrationReasonCode,
): void {
	if (table.columnReport.has(columnId)) return
	table.columnReport.set(columnId, {
		outcome,
		targets: new Set(targetColumns),
		...(reason ? { reason } : {}),
		...(code ? { code } : {}),
	})
}

function cellFailure(
	table: TableRun,
	row: TableRow,
	columnId: string,
	result: Refusal,
	targetColumn?: string,
): void {
	const { source, target, aboutColumn } = table
	const about = aboutColumn !== undefined ? row.cells[aboutColumn] : undefined
	refused(
		table.run,
		{ questionId: source.id, columnId, rowId: row.id },
		result,
		targetColumn ? [{ questionId: target.id, columnId: targetColumn, rowId: row.id }] : undefined,
		result.toConfirm && typeof about === 'string' ? { about } : undefined,
	)
}

/** A fixed row's key after the spec's key and code mappings, or why the row has no equivalent. */
function mapFixedRowKey(
	table: TableRun,
	row: TableRow,
): { parts: string[]; dropReason: string | undefined } {
	const { rowsSpec } = table
	let key = row.key ?? row.id
	let dropReason: string | undefined
	if (rowsSpec.keys && key in rowsSpec.keys) {
		const mapped = rowsSpec.keys[key]
		if (mapped === null || mapped === undefined)
			dropReason = rowsSpec.dropReason ?? 'row has no equivalent in the target'
		else key = mapped
	}
	const parts = key.split('|')
	if (!dropReason && rowsSpec.codes) {
		table.sourceDims.forEach((dimension, i) => {
			const codeMap = rowsSpec.codes?.[dimension]
			const code = parts[i]
			if (!codeMap || code === undefined || !(code in codeMap)) return
			const mapped = codeMap[code]
			if (mapped === null || mapped === undefined)
				dropReason = rowsSpec.dropReason ?? `"${code}" has no equivalent in the target`
			else parts[i] = mapped
		})
	}
	return { parts, dropReason }
}

/**
 * Where a source row goes: its id in the target and the cells of the target's dimensions, or
 * `undefined` when the row is dropped (reported here).
 */
function placeRow(
	table: TableRun,
	row: TableRow,
): { rowId: string; dimensionCells: Record<string, CellValue> } | undefined {
	const dimensionCells: Record<string, CellValue> = {}
	if (table.source.rows.kind !== 'fixed') {
		const year = table.periodColumns
			.map((column) => row.cells[column])
			.find((cell): cell is number => outsidePeriod(table, cell))
		if (year !== undefined) {
			dropOutsidePeriod(table, row.id, year)
			return undefined
		}
		return { rowId: row.id, dimensionCells }
	}
	const { parts, dropReason: unmapped } = mapFixedRowKey(table, row)
	let dropReason = unmapped
	const key = parts.join('|')
	const year = table.yearDimension >= 0 ? Number(parts[table.yearDimension]) : undefined
	if (!dropReason && outsidePeriod(table, year)) {
		dropOutsidePeriod(table, row.id, year)
		return undefined
	}
	if (!dropReason && table.expected && !table.expected.has(key))
		dropReason = table.rowsSpec.dropOutsideTarget!.reason
	if (dropReason) {
		entry(
			table.run,
			{ questionId: table.source.id, rowId: row.id },
			'dropped',
			undefined,
			dropReason,
			'not_in_target',
		)
		return undefined
	}
	table.targetDims.forEach((dimension, i) => {
		const code = parts[i]
		if (code === undefined) return
		dimensionCells[dimension] =
			table.targetColumns.get(dimension)?.type === 'year' ? Number(code) : code
	})
	return { rowId: key, dimensionCells }
}

/** Writes a converted value to a cell of the target row, or explains why it cannot. */
function setCell(
	table: TableRun,
	cells: Record<string, CellValue>,
	targetColumn: string,
	cellValue: unknown,
): WriteOutcome {
	const column = table.targetColumns.get(targetColumn)
	if (!column)
		return {
			ok: false,
			reason: `the target table has no column "${targetColumn}"`,
			code: 'no_longer_asked',
		}
	if (table.targetDims.includes(targetColumn))
		return { ok: false, reason: `"${targetColumn}" is a row dimension` }
	if (cells[targetColumn] !== undefined)
		return {
			ok: false,
			reason: `"${targetColumn}" already holds a carried value`,
			code: 'conflict',
		}
	const fit = fits(column, cellValue, true)
	if (!fit.ok) return fit
	if (column.periodBound) {
		if (table.run.periodBound === 'keep') cells[targetColumn] = cellValue as CellValue
		return { ...OFFERED, toConfirm: { previous: cellValue } }
	}
	cells[targetColumn] = cellValue as CellValue
	return fit
}

/** No column mapping: carried to the same column when the target has it with the same type. */
function migrateUnmappedCell(
	table: TableRun,
	row: TableRow,
	cells: Record<string, CellValue>,
	columnDef: TableColumn,
	cellValue: CellValue,
): void {
	const columnId = columnDef.id
	const targetColumn = table.targetColumns.get(columnId)
	let refusal: Refusal | undefined
	if (!targetColumn || table.targetDims.includes(columnId))
		refusal = {
			ok: false,
			reason: `no mapping, and the target table has no column "${columnId}"`,
			code: 'no_longer_asked',
		}
	else if (!sameType(columnDef, targetColumn))
		refusal = {
			ok: false,
			reason: `no mapping, and the column type changed from ${columnDef.type} to ${targetColumn.type}`,
			code: 'incompatible',
		}
	if (refusal) {
		note(table, columnId, 'failed', [], refusal.reason, refusal.code)
		cellFailure(table, row, columnId, refusal)
		return
	}
	const result = setCell(table, cells, columnId, cellValue)
	if (result.ok) note(table, columnId, 'carried', [columnId])
	else cellFailure(table, row, columnId, result, columnId)
}

function migrateMappedCell(
	table: TableRun,
	row: TableRow,
	cells: Record<string, CellValue>,
	columnId: string,
	cellValue: CellValue,
	spec: ColumnMapping,
	handledMerges: Set<ColumnMapping>,
): void {
	switch (spec.kind) {
		case 'drop':
			note(table, columnId, 'dropped', [], spec.reason, 'no_longer_asked')
			break
		case 'rename':
		case 'transform': {
			const targetColumn = spec.kind === 'rename' ? spec.to : spec.column
			const converted = convert(cellValue, spec.transform)
			const result = converted.ok ? setCell(table, cells, targetColumn, converted.value) : converted
			if (result.ok)
				note(table, columnId, transformOutcome(spec.transform, spec.kind === 'rename'), [
					targetColumn,
				])
			else cellFailure(table, row, columnId, result, targetColumn)
			break
		}
		case 'split': {
			let written = 0
			for (const part of spec.into) {
				const converted = convert(cellValue, part.transform)
				const result = converted.ok ? setCell(table, cells, part.to, converted.value) : converted
				if (result.ok) written++
				else cellFailure(table, row, columnId, result, part.to)
			}
			if (written > 0)
				note(
					table,
					columnId,
					'split',
					spec.into.map((part) => part.to),
				)
			break
		}
		case 'merge': {
			if (handledMerges.has(spec)) break
			handledMerges.add(spec)
			const values = spec.from.map((id) => ({ source: id, value: row.cells[id] }))
			const combined = combine(values, spec.combine)
			const result = combined.ok ? setCell(table, cells, spec.to, combined.value) : combined
			for (const { source: id, value: merged } of values) {
				if (merged === undefined) continue
				if (result.ok) note(table, id, 'merged', [spec.to])
				else cellFailure(table, row, id, result, spec.to)
			}
			break
		}
	}
}

/** The row in the target, or `undefined` when it is dropped. */
function migrateRow(table: TableRun, row: TableRow): TableRow | undefined {
	const placed = placeRow(table, row)
	if (!placed) return undefined
	const fixed = table.target.rows.kind === 'fixed'
	const cells: Record<string, CellValue> = fixed ? { ...placed.dimensionCells } : {}
	const handledMerges = new Set<ColumnMapping>()
	for (const [columnId, cellValue] of Object.entries(row.cells)) {
		if (table.sourceDims.includes(columnId) || cellValue === undefined) continue
		const columnDef = table.sourceColumns.get(columnId)
		const spec = table.columnMapping.get(columnId)
		if (!columnDef)
			cellFailure(table, row, columnId, {
				ok: false,
				reason: `"${columnId}" is not a column of the source table`,
				code: 'no_longer_asked',
			})
		else if (!spec) migrateUnmappedCell(table, row, cells, columnDef, cellValue)
		else migrateMappedCell(table, row, cells, columnId, cellValue, spec, handledMerges)
	}
	const rowId = placed.rowId
	return fixed ? { id: rowId, key: rowId, cells } : { id: rowId, cells }
}

/** Writes the migrated rows as the target's answer and reports the table and its columns. */
function reportTable(table: TableRun, sourceRows: number, outRows: TableRow[]): void {
	const { run, source, target } = table
	const renamed = source.id !== target.id
	const tableOutcome: MigrationOutcome = renamed ? 'renamed' : 'carried'
	const result = write(run, source.id, target.id, { rows: outRows })
	if (!result.ok && result.toConfirm) {
		// The whole table is offered: its rows are counted, not listed.
		entry(
			run,
			{ questionId: source.id },
			'to_confirm',
			[{ questionId: target.id }],
			result.reason,
			result.code,
			{ rows: outRows.length },
		)
		return
	}
	if (!result.ok) {
		refused(run, { questionId: source.id }, result, [{ questionId: target.id }])
		return
	}
	if (table.columnReport.size === 0 && outRows.length > 0)
		entry(run, { questionId: source.id }, tableOutcome, [{ questionId: target.id }])
	if (sourceRows === 0)
		entry(run, { questionId: source.id }, tableOutcome, [{ questionId: target.id }])
	for (const [columnId, { outcome, targets, reason, code }] of table.columnReport) {
		const effective = outcome === 'carried' && renamed ? 'renamed' : outcome
		entry(
			run,
			{ questionId: source.id, columnId },
			effective,
			[...targets].map((targetColumn) => ({ questionId: target.id, columnId: targetColumn })),
			reason,
			code,
		)
	}
}

function migrateTable(
	run: MigrationRun,
	mapping: TableMapping,
	source: TableQuestion,
	target: TableQuestion,
): void {
	const value = run.answers[source.id]
	if (isMarked(value) || !isAnswered(value)) {
		const result = write(run, source.id, target.id, value)
		const outcome: MigrationOutcome = source.id !== target.id ? 'renamed' : 'carried'
		if (result.ok) entry(run, { questionId: source.id }, outcome, [{ questionId: target.id }])
		else refused(run, { questionId: source.id }, result, [{ questionId: target.id }])
		return
	}
	const table = tableRun(run, mapping, source, target)
	const sourceRows = tableRows(value)
	const outRows: TableRow[] = []
	for (const row of sourceRows) {
		const migrated = migrateRow(table, row)
		if (migrated) outRows.push(migrated)
	}
	reportTable(table, sourceRows.length, outRows)
}

/** A value as the English record shows it. */
function canonical(value: unknown): string {
	return typeof value === 'string' ? value : JSON.stringify(value)
}
